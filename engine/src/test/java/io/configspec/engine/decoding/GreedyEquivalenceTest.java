package io.configspec.engine.decoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.testing.SampleFamilyFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Acceptance 1: greedy speculative output equals the target's own greedy output. */
class GreedyEquivalenceTest {

    private static final int PROMPTS = 20;
    private static final int MAX_TOKENS = 12;
    private static final int[] KS = { 1, 2, 4, 8 };

    private static SampleFamilyFixture family;
    private static List<int[]> baseline;

    @BeforeAll
    static void targetAlone() throws Exception {
        family = SampleFamilyFixture.get();
        baseline = new ArrayList<>();
        SpeculativeDecoder alone = new SpeculativeDecoder(family.target(), null, DecodingSettings.greedy(0));
        for (int[] prompt : family.prompts().subList(0, PROMPTS)) {
            baseline.add(alone.generate(prompt, MAX_TOKENS).tokens());
        }
    }

    static Stream<String> drafters() {
        return SampleFamilyFixture.get().drafterNames().stream();
    }

    @ParameterizedTest
    @MethodSource("drafters")
    void speculativeGreedyOutputEqualsTargetAloneForEveryK(String drafterName) throws Exception {
        DecoderModel drafter = family.model(drafterName);
        for (int k : KS) {
            for (double threshold : new double[] { 0, 0.6 }) {
                DecodingSettings settings = DecodingSettings.greedy(k).withDynamicThreshold(threshold);
                SpeculativeDecoder decoder = new SpeculativeDecoder(family.target(), drafter, settings);
                for (int i = 0; i < PROMPTS; i++) {
                    int[] tokens = decoder.generate(family.prompts().get(i), MAX_TOKENS).tokens();
                    assertArrayEquals(
                        baseline.get(i),
                        tokens,
                        drafterName + " K=" + k + " dynamic=" + threshold + " prompt " + i
                    );
                }
            }
        }
    }

    private SpeculativeDecoder withFirstDrafter(DecodingSettings settings) throws Exception {
        return new SpeculativeDecoder(family.target(), family.model(family.drafterNames().get(0)), settings);
    }

    @Test
    void targetOnlyDecodingThroughTheDrafterPathWithKZeroIsTheBaseline() throws Exception {
        SpeculativeDecoder decoder = withFirstDrafter(DecodingSettings.greedy(0));
        GenerationResult result = decoder.generate(family.prompts().get(0), MAX_TOKENS);
        assertArrayEquals(baseline.get(0), result.tokens());
        assertTrue(
            result
                .rounds()
                .stream()
                .allMatch(r -> r.drafted() == 0 && r.produced() == 1)
        );
    }

    @Test
    void dynamicDraftingProposesFewerTokensThanK() throws Exception {
        SpeculativeDecoder fixed = withFirstDrafter(DecodingSettings.greedy(8));
        SpeculativeDecoder dynamic = withFirstDrafter(DecodingSettings.greedy(8).withDynamicThreshold(0.6));
        long fixedDrafted = 0;
        long dynamicDrafted = 0;
        for (int[] prompt : family.prompts().subList(0, 5)) {
            fixedDrafted += fixed.generate(prompt, MAX_TOKENS).statistics().draftedTokens();
            dynamicDrafted += dynamic.generate(prompt, MAX_TOKENS).statistics().draftedTokens();
        }
        assertTrue(dynamicDrafted < fixedDrafted, dynamicDrafted + " vs " + fixedDrafted);
    }
}
