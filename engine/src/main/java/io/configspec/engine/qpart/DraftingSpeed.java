package io.configspec.engine.qpart;

import ai.onnxruntime.OrtException;
import io.configspec.engine.decoding.Distributions;
import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.DecoderSession;
import io.configspec.engine.onnx.InferenceException;
import java.util.ArrayList;
import java.util.List;

/**
 * A drafter's decode throughput on this machine: after each prompt's prefill, {@code tokens}
 * greedy tokens one forward call at a time (how a drafter drafts), timing only those calls.
 * One pass covers every prompt; the figure is the median over passes (the machine may be shared).
 *
 * @param tokensPerSecond median over passes of drafted tokens ÷ seconds in their forward calls
 * @param passes the per-pass figures, tokens/s
 * @param tokensPerPass tokens drafted in one pass
 */
public record DraftingSpeed(double tokensPerSecond, List<Double> passes, int tokensPerPass) {
    public DraftingSpeed {
        passes = List.copyOf(passes);
    }

    /** The lowest pass, tokens/s. */
    public double slowest() {
        return passes.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    /** The highest pass, tokens/s. */
    public double fastest() {
        return passes.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** Measures {@code drafter} over {@code prompts}: one warm-up pass, then {@code passes} timed ones. */
    public static DraftingSpeed measure(DecoderModel drafter, List<int[]> prompts, int tokens, int passes)
        throws InferenceException {
        if (tokens < 1 || passes < 1 || prompts.isEmpty()) {
            throw new IllegalArgumentException("need ≥ 1 prompt, token and pass");
        }
        List<Double> rates = new ArrayList<>();
        try {
            for (int pass = -1; pass < passes; pass++) {
                long nanos = 0;
                int drafted = 0;
                for (int[] prompt : prompts) {
                    try (DecoderSession session = drafter.newSession()) {
                        float[][] logits = session.forward(prompt);
                        int next = Distributions.argmax(logits[logits.length - 1]);
                        for (int i = 0; i < tokens; i++) {
                            long start = System.nanoTime();
                            float[][] out = session.forward(new int[] { next });
                            nanos += System.nanoTime() - start;
                            drafted++;
                            next = Distributions.argmax(out[0]);
                        }
                    }
                }
                if (pass >= 0) {
                    rates.add(drafted / (nanos / 1e9));
                }
            }
        } catch (OrtException e) {
            throw InferenceException.of("drafting with " + drafter.file().getFileName(), e);
        }
        return of(rates, prompts.size() * tokens);
    }

    /** The figure of per-pass rates {@code passes} (their median). */
    public static DraftingSpeed of(List<Double> passes, int tokensPerPass) {
        double[] sorted = passes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new DraftingSpeed(median, passes, tokensPerPass);
    }

    @Override
    public String toString() {
        return String.format(
            java.util.Locale.ROOT,
            "%.1f tokens/s (median of %d passes, %.1f–%.1f)",
            tokensPerSecond,
            passes.size(),
            slowest(),
            fastest()
        );
    }
}
