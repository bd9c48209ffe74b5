package io.configspec.engine.qpart;

import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.onnx.InferenceException;
import io.configspec.engine.onnx.ModelLoadException;
import io.configspec.engine.tokenizer.HuggingFaceTextTokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A planned drafter measured beside the unquantised drafter it was planned from, on this machine:
 * greedy acceptance of each against the target ({@link GreedyAgreement}, the same positions for
 * both) and decode throughput of each ({@link DraftingSpeed}, measured alternately so both see the
 * same load).
 *
 * @param reference the unquantised drafter's acceptance
 * @param planned the planned drafter's acceptance
 * @param referenceSpeed the unquantised drafter's throughput
 * @param plannedSpeed the planned drafter's throughput
 */
public record PlannedDrafterMeasurement(
    GreedyAgreement.Acceptance reference,
    GreedyAgreement.Acceptance planned,
    DraftingSpeed referenceSpeed,
    DraftingSpeed plannedSpeed
) {
    /** Acceptance lost: α_reference − α_planned. */
    public double acceptanceDrop() {
        return reference.rate() - planned.rate();
    }

    /** Throughput ratio planned ÷ reference. */
    public double speedup() {
        return plannedSpeed.tokensPerSecond() / referenceSpeed.tokensPerSecond();
    }

    /** Token ids of {@code prompts} with the tokenizer in {@code modelDir}. */
    public static List<int[]> encode(Path modelDir, List<String> prompts) throws ModelLoadException {
        List<int[]> ids = new ArrayList<>();
        try (HuggingFaceTextTokenizer tokenizer = HuggingFaceTextTokenizer.load(modelDir)) {
            for (int i = 0; i < prompts.size(); i++) {
                int[] encoded = tokenizer.encode(prompts.get(i));
                if (encoded.length == 0) {
                    throw new IllegalArgumentException("prompt " + (i + 1) + " encodes to no tokens");
                }
                ids.add(encoded);
            }
        }
        return ids;
    }

    /**
     * Measures {@code plannedDir} and {@code referenceDir} (model directories) against {@code
     * reference}: acceptance once each (deterministic), throughput over {@code passes} passes each,
     * alternating. {@code log} gets a line after the acceptances and after each pass (progress; a
     * caller that cancels throws from it, which stops the measurement there).
     */
    public static PlannedDrafterMeasurement measure(
        Path referenceDir,
        Path plannedDir,
        GreedyAgreement.Reference reference,
        int tokens,
        int passes,
        EngineOptions options,
        Consumer<String> log
    ) throws ModelLoadException, InferenceException {
        try (
            DecoderModel ref = DecoderModel.open(referenceDir.resolve("model.onnx"), options);
            DecoderModel plan = DecoderModel.open(plannedDir.resolve("model.onnx"), options)
        ) {
            GreedyAgreement.Acceptance refAlpha = GreedyAgreement.acceptance(ref, reference);
            GreedyAgreement.Acceptance planAlpha = GreedyAgreement.acceptance(plan, reference);
            log.accept(
                String.format(
                    Locale.ROOT,
                    "α %.4f planned vs %.4f unquantised; timing %d passes each",
                    planAlpha.rate(),
                    refAlpha.rate(),
                    passes
                )
            );
            List<Double> refPasses = new ArrayList<>();
            List<Double> planPasses = new ArrayList<>();
            for (int pass = 0; pass < passes; pass++) {
                refPasses.addAll(DraftingSpeed.measure(ref, reference.prompts(), tokens, 1).passes());
                planPasses.addAll(DraftingSpeed.measure(plan, reference.prompts(), tokens, 1).passes());
                log.accept(
                    String.format(
                        Locale.ROOT,
                        "pass %d of %d: %.1f tokens/s planned, %.1f unquantised",
                        pass + 1,
                        passes,
                        planPasses.getLast(),
                        refPasses.getLast()
                    )
                );
            }
            int perPass = reference.prompts().size() * tokens;
            return new PlannedDrafterMeasurement(
                refAlpha,
                planAlpha,
                DraftingSpeed.of(refPasses, perPass),
                DraftingSpeed.of(planPasses, perPass)
            );
        }
    }
}
