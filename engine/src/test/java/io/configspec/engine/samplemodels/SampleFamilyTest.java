package io.configspec.engine.samplemodels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.engine.decoding.DecodingSettings;
import io.configspec.engine.decoding.RoundRecord;
import io.configspec.engine.decoding.RunStatistics;
import io.configspec.engine.decoding.SpeculativeDecoder;
import io.configspec.engine.onnx.ModelCatalog;
import io.configspec.engine.testing.SampleFamilyFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleFamilyTest {

    @TempDir
    Path dir;

    private static final SampleFamily.Spec SMALL = new SampleFamily.Spec(
        5,
        64,
        4,
        2,
        16,
        64,
        3,
        List.of(1, 2),
        List.of(Precision.FP16, Precision.INT4),
        3.0,
        0.4
    );

    @Test
    void generationIsReproducibleFromTheSeed() throws Exception {
        List<SampleFamily.Member> a = SampleFamily.generate(dir.resolve("a"), SMALL);
        List<SampleFamily.Member> b = SampleFamily.generate(dir.resolve("b"), SMALL);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            for (String file : List.of("model.onnx", "tokenizer.json", "config.json")) {
                assertArrayEquals(
                    Files.readAllBytes(a.get(i).directory().resolve(file)),
                    Files.readAllBytes(b.get(i).directory().resolve(file)),
                    a.get(i).name() + "/" + file
                );
            }
        }
    }

    @Test
    void catalogListsOneTargetAndEveryDrafterInEveryPrecision() throws Exception {
        SampleFamily.generate(dir, SMALL);
        List<ModelCatalog.Entry> entries = ModelCatalog.scan(dir).entries();
        assertEquals(5, entries.size());
        assertEquals("target", entries.getFirst().role());
        assertEquals(
            List.of("draft-1l-fp16", "draft-1l-int4", "draft-2l-fp16", "draft-2l-int4"),
            entries.subList(1, 5).stream().map(ModelCatalog.Entry::name).toList()
        );
        assertTrue(entries.stream().allMatch(e -> e.parameters() > 0));
    }

    @Test
    void bundledPromptsAreTheGeneratorsPrompts() throws Exception {
        Path bundled = Path.of("..", "samples", "prompts", "sample-prompts.txt");
        List<String> lines = Files.readAllLines(bundled)
            .stream()
            .filter(l -> !l.isBlank())
            .toList();
        assertEquals(SampleFamily.prompts(SampleFamily.Spec.defaults()), lines);
    }

    @Test
    void greedyAcceptanceRisesWithDrafterDepthAndDiffersByAtLeastPointThreeAcrossTheFamily()
        throws Exception {
        SampleFamilyFixture family = SampleFamilyFixture.get();
        SampleFamily.Spec spec = family.spec();
        List<Double> all = new ArrayList<>();
        for (Precision precision : spec.drafterPrecisions()) {
            double previous = -1;
            List<Double> alphas = new ArrayList<>();
            for (int layers : spec.drafterLayers()) {
                SpeculativeDecoder decoder = new SpeculativeDecoder(
                    family.target(),
                    family.model(SampleFamily.drafterName(layers, precision)),
                    DecodingSettings.greedy(4)
                );
                List<RoundRecord> rounds = new ArrayList<>();
                for (int[] prompt : family.prompts()) {
                    rounds.addAll(decoder.generate(prompt, 24).rounds());
                }
                double alpha = RunStatistics.of(rounds).acceptanceRate();
                alphas.add(alpha);
                assertTrue(alpha > previous, precision + " α by depth " + alphas);
                previous = alpha;
            }
            all.addAll(alphas);
        }
        double worst = all.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double best = all.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertTrue(best - worst >= 0.3, "α of every drafter " + all);
    }
}
