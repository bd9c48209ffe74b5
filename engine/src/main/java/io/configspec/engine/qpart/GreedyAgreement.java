package io.configspec.engine.qpart;

import ai.onnxruntime.OrtException;
import io.configspec.engine.decoding.Distributions;
import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.DecoderSession;
import io.configspec.engine.onnx.InferenceException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A drafter's per-token acceptance under greedy verification, measured cheaply: with greedy
 * decoding every token the target commits is its own greedy choice, so a drafted token is
 * accepted exactly when the drafter's greedy choice after the same prefix agrees with the
 * target's. {@link #reference} decodes the target's greedy continuation of each prompt once;
 * {@link #acceptance} runs a drafter over prompt + continuation in one pass per prompt and counts
 * the positions where its argmax equals the target's token. The rate is the acceptance rate α of
 * greedy speculative decoding taken over every position of the target's continuations (the
 * decoder's round-based α weights positions by the rounds that reach them; the two agree up to
 * that weighting, see docs/engine.md). Deterministic: the same models and prompts give the same α.
 */
public final class GreedyAgreement {

    /**
     * The target's greedy continuations.
     *
     * @param target the target's name
     * @param prompts the prompts' token ids
     * @param continuations per prompt, the target's greedy tokens after it
     */
    public record Reference(String target, List<int[]> prompts, List<int[]> continuations) {
        public Reference {
            prompts = List.copyOf(prompts);
            continuations = List.copyOf(continuations);
        }

        /** Positions compared per drafter (Σ continuation lengths). */
        public int positions() {
            return continuations
                .stream()
                .mapToInt(c -> c.length)
                .sum();
        }
    }

    /**
     * A drafter's agreement with the reference.
     *
     * @param agreed positions where the drafter's greedy token equals the target's
     * @param positions positions compared
     */
    public record Acceptance(int agreed, int positions) {
        /** α = agreed / positions. */
        public double rate() {
            return positions == 0 ? Double.NaN : agreed / (double) positions;
        }
    }

    private GreedyAgreement() {}

    /** Decodes {@code tokens} greedy tokens of {@code target} after each prompt. */
    public static Reference reference(DecoderModel target, String targetName, List<int[]> prompts, int tokens)
        throws InferenceException {
        if (tokens < 1) {
            throw new IllegalArgumentException("tokens per prompt must be ≥ 1, was " + tokens);
        }
        List<int[]> continuations = new ArrayList<>();
        try {
            for (int[] prompt : prompts) {
                int[] out = new int[tokens];
                try (DecoderSession session = target.newSession()) {
                    float[][] logits = session.forward(prompt);
                    int next = Distributions.argmax(logits[logits.length - 1]);
                    for (int i = 0; i < tokens; i++) {
                        out[i] = next;
                        if (i + 1 < tokens) {
                            next = Distributions.argmax(session.forward(new int[] { next })[0]);
                        }
                    }
                }
                continuations.add(out);
            }
        } catch (OrtException e) {
            throw InferenceException.of("decoding with " + target.file().getFileName(), e);
        }
        return new Reference(targetName, prompts, continuations);
    }

    /** The drafter's agreement with {@code reference}: one forward pass per prompt. */
    public static Acceptance acceptance(DecoderModel drafter, Reference reference) throws InferenceException {
        int agreed = 0;
        int positions = 0;
        try {
            for (int p = 0; p < reference.prompts().size(); p++) {
                int[] prompt = reference.prompts().get(p);
                int[] continuation = reference.continuations().get(p);
                int[] input = Arrays.copyOf(prompt, prompt.length + continuation.length - 1);
                System.arraycopy(continuation, 0, input, prompt.length, continuation.length - 1);
                try (DecoderSession session = drafter.newSession()) {
                    float[][] logits = session.forward(input);
                    for (int i = 0; i < continuation.length; i++) {
                        if (Distributions.argmax(logits[prompt.length - 1 + i]) == continuation[i]) {
                            agreed++;
                        }
                        positions++;
                    }
                }
            }
        } catch (OrtException e) {
            throw InferenceException.of("drafting with " + drafter.file().getFileName(), e);
        }
        return new Acceptance(agreed, positions);
    }
}
