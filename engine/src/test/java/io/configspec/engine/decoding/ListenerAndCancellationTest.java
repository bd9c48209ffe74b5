package io.configspec.engine.decoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.engine.samplemodels.Precision;
import io.configspec.engine.samplemodels.SampleFamily;
import io.configspec.engine.testing.SampleFamilyFixture;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerAndCancellationTest {

    private final SampleFamilyFixture family = SampleFamilyFixture.get();

    private SpeculativeDecoder decoder(DecodingSettings settings) throws Exception {
        return new SpeculativeDecoder(
            family.target(),
            family.model(SampleFamily.drafterName(2, Precision.FP32)),
            settings
        );
    }

    @Test
    void listenerSeesEveryCommittedTokenInOrder() throws Exception {
        List<Integer> seen = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        GenerationResult result = decoder(DecodingSettings.greedy(4)).generate(
            family.prompts().get(1),
            20,
            (index, token) -> {
                indices.add(index);
                seen.add(token);
            },
            CancellationToken.none()
        );
        assertArrayEquals(result.tokens(), seen.stream().mapToInt(Integer::intValue).toArray());
        assertEquals(20, result.tokens().length);
        for (int i = 0; i < indices.size(); i++) {
            assertEquals(i, indices.get(i));
        }
    }

    @Test
    void cancellationStopsAfterTheCurrentRoundAndKeepsTheTokens() throws Exception {
        CancellationToken cancel = new CancellationToken();
        GenerationResult result = decoder(DecodingSettings.greedy(2)).generate(
            family.prompts().get(2),
            100,
            (index, token) -> {
                if (index == 4) {
                    cancel.cancel();
                }
            },
            cancel
        );
        assertTrue(result.cancelled());
        assertTrue(
            result.tokens().length >= 5 && result.tokens().length <= 7,
            "tokens " + result.tokens().length
        );
    }

    @Test
    void samplingIsReproducibleWithTheSameSeed() throws Exception {
        DecodingSettings settings = DecodingSettings.sampling(3, 0.9, 0.95, 1234);
        int[] a = decoder(settings).generate(family.prompts().get(0), 16).tokens();
        int[] b = decoder(settings).generate(family.prompts().get(0), 16).tokens();
        assertArrayEquals(a, b);
    }

    @Test
    void eosEndsGeneration() throws Exception {
        int[] free = decoder(DecodingSettings.greedy(4)).generate(family.prompts().get(0), 24).tokens();
        int eos = free[5];
        int[] stopped = decoder(DecodingSettings.greedy(4).withEos(eos))
            .generate(family.prompts().get(0), 24)
            .tokens();
        int first = 0;
        while (free[first] != eos) {
            first++;
        }
        assertEquals(first + 1, stopped.length);
    }
}
