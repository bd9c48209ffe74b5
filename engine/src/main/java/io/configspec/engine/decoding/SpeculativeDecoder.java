package io.configspec.engine.decoding;

import ai.onnxruntime.OrtException;
import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.DecoderSession;
import io.configspec.engine.onnx.InferenceException;
import io.configspec.engine.onnx.ModelLoadException;
import io.configspec.model.fleet.AcceptancePredictor;
import io.configspec.model.fleet.DraftTokenStatistics;
import io.configspec.model.fleet.SpeculationController;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * Speculative decoding of one sequence with a draft and a target model (Leviathan et al., ICML
 * 2023; Chen et al., 2023), and plain target-only decoding through the same loop (K = 0 or no
 * drafter).
 *
 * <p>Each round: the drafter catches up on committed tokens it has not seen and proposes up to K
 * tokens — how many is decided token by token by a {@link SpeculationController} (the same one
 * the fleet simulator uses): fixed K, or WISP's dynamic drafting, which reads the drafter's
 * per-token statistics (top-1 probability, entropy, top-1/top-2 margin) and stops at a token
 * predicted to be rejected (that token is still verified, so the target judges the stop); the
 * target scores the last committed token plus all proposals in one pass; the
 * longest accepted prefix is kept plus one token of the target's own; the target's KV cache is
 * rolled back to the accepted prefix (the drafter's lazily, at its next catch-up). Greedy mode
 * accepts a proposal iff it is the target's argmax, so the output is the target's greedy output;
 * sampling mode uses an {@link AcceptanceRule} (modified rejection sampling by default) so the
 * output is distributed as the target's warped distribution.
 *
 * <p>Synchronous: {@link #generate} runs on the caller's thread and returns when done or
 * cancelled. Not thread-safe; the models may be shared with other decoders.
 */
public final class SpeculativeDecoder {

    private final DecoderModel target;
    private final DecoderModel drafter;
    private final DecodingSettings settings;
    private final AcceptanceRule rule;
    private final SpeculationController controller;

    /**
     * @param drafter null for target-only decoding
     * @throws ModelLoadException if the two models' vocabularies differ in size
     */
    public SpeculativeDecoder(DecoderModel target, DecoderModel drafter, DecodingSettings settings)
        throws ModelLoadException {
        this(target, drafter, settings, AcceptanceRule.REJECTION_SAMPLING);
    }

    /** As above with a custom acceptance rule (tests). */
    public SpeculativeDecoder(
        DecoderModel target,
        DecoderModel drafter,
        DecodingSettings settings,
        AcceptanceRule rule
    ) throws ModelLoadException {
        this(target, drafter, settings, rule, null);
    }

    /**
     * As above with an explicit speculation controller (e.g. dynamic drafting with a rejection
     * predictor fitted to this pair); {@code null} chooses from the settings: fixed K, or dynamic
     * drafting on the drafter's own confidence when {@link DecodingSettings#dynamic()}.
     */
    public SpeculativeDecoder(
        DecoderModel target,
        DecoderModel drafter,
        DecodingSettings settings,
        AcceptanceRule rule,
        SpeculationController controller
    ) throws ModelLoadException {
        this.target = target;
        this.drafter = drafter;
        this.settings = settings;
        this.rule = rule;
        this.controller = drafter == null || settings.k() == 0
            ? null
            : controller != null
                ? controller
                : settings.dynamic()
                    ? new SpeculationController.DynamicDrafting(
                          AcceptancePredictor.DRAFTER_CONFIDENCE,
                          settings.dynamicThreshold(),
                          0.0,
                          settings.k()
                      )
                    : new SpeculationController.FixedLength(settings.k());
        if (drafter != null) {
            requireSameVocabulary(
                target,
                drafter,
                drafter.file(),
                (dv, tv) ->
                    "draft model has a vocabulary of " +
                    dv +
                    " tokens but the target " +
                    target.file() +
                    " has " +
                    tv
            );
        }
    }

    /**
     * Rejects a drafter whose logits do not cover the target's vocabulary: both sizes stated and
     * different (a model that does not state its size passes).
     *
     * @param problem the sentence from the drafter's and the target's size
     */
    static void requireSameVocabulary(
        DecoderModel target,
        DecoderModel drafter,
        Path file,
        BiFunction<Integer, Integer, String> problem
    ) throws ModelLoadException {
        int tv = target.signature().vocabSize();
        int dv = drafter.signature().vocabSize();
        if (tv > 0 && dv > 0 && tv != dv) {
            throw new ModelLoadException(file, problem.apply(dv, tv));
        }
    }

    public DecodingSettings settings() {
        return settings;
    }

    /** Generates up to {@code maxNewTokens} tokens after {@code prompt} (at least one token). */
    public GenerationResult generate(int[] prompt, int maxNewTokens) throws InferenceException {
        return generate(prompt, maxNewTokens, TokenListener.NONE, CancellationToken.none());
    }

    /**
     * Generates up to {@code maxNewTokens} tokens after {@code prompt}, reporting each committed
     * token to {@code listener} and stopping early at EOS or when {@code cancel} is cancelled.
     */
    public GenerationResult generate(
        int[] prompt,
        int maxNewTokens,
        TokenListener listener,
        CancellationToken cancel
    ) throws InferenceException {
        try {
            return run(prompt, maxNewTokens, listener, cancel);
        } catch (OrtException e) {
            throw InferenceException.of("decoding with " + target.file().getFileName(), e);
        }
    }

    private GenerationResult run(
        int[] prompt,
        int maxNewTokens,
        TokenListener listener,
        CancellationToken cancel
    ) throws OrtException {
        if (prompt.length == 0) {
            throw new IllegalArgumentException("the prompt must contain at least one token");
        }
        int k = controller == null ? 0 : Math.max(settings.k(), controller.maxDraftTokens());
        SplittableRandom random = new SplittableRandom(settings.seed());
        int[] committed = Arrays.copyOf(prompt, prompt.length + maxNewTokens + k + 1);
        int n = prompt.length;
        List<RoundRecord> rounds = new ArrayList<>();
        boolean cancelled = false;
        try (
            DecoderSession targetSession = target.newSession();
            DecoderSession draftSession = k > 0 ? drafter.newSession() : null
        ) {
            long prefillStart = System.nanoTime();
            if (n > 1) {
                targetSession.forward(Arrays.copyOf(prompt, n - 1));
            }
            if (draftSession != null && n > 1) {
                draftSession.forward(Arrays.copyOf(prompt, n - 1));
            }
            double prefillSeconds = (System.nanoTime() - prefillStart) / 1e9;

            int generated = 0;
            boolean finished = maxNewTokens <= 0;
            int[] drafts = new int[k];
            double[] confidences = new double[k];
            double[] entropies = new double[k];
            double[] margins = new double[k];
            double[][] draftDistributions = new double[k][];
            while (!finished) {
                if (cancel.isCancelled()) {
                    cancelled = true;
                    break;
                }
                long roundStart = System.nanoTime();
                long onnxBefore =
                    targetSession.onnxNanos() + (draftSession == null ? 0 : draftSession.onnxNanos());

                // Draft: the controller decides after each token whether to draft another.
                int drafted = 0;
                boolean stoppedAtPredictedRejection = false;
                if (draftSession != null) {
                    int common = commonPrefix(draftSession, committed, n - 1);
                    draftSession.truncate(common);
                    float[][] logits = draftSession.forward(Arrays.copyOfRange(committed, common, n));
                    float[] next = logits[logits.length - 1];
                    double prefix = 1;
                    while (true) {
                        int token;
                        DraftTokenStatistics stats;
                        if (settings.greedy()) {
                            token = Distributions.argmax(next);
                            stats = Distributions.statistics(next);
                        } else {
                            double[] q = Distributions.warp(next, settings.temperature(), settings.topP());
                            token = Distributions.sample(q, random);
                            DraftTokenStatistics of = DraftTokenStatistics.of(q);
                            stats = new DraftTokenStatistics(q[token], of.entropyNats(), of.margin());
                            draftDistributions[drafted] = q;
                        }
                        drafts[drafted] = token;
                        confidences[drafted] = stats.topProbability();
                        entropies[drafted] = stats.entropyNats();
                        margins[drafted] = stats.margin();
                        drafted++;
                        double acceptance = controller.predictedAcceptance(stats);
                        prefix *= acceptance;
                        if (drafted >= k || !controller.draftAnother(drafted, acceptance, prefix)) {
                            stoppedAtPredictedRejection = controller.predictsRejection(acceptance);
                            break;
                        }
                        next = draftSession.forward(new int[] { token })[0];
                    }
                }
                long draftEnd = System.nanoTime();

                // Verify: the last committed token plus the proposals, in one target pass.
                int[] verifyInput = new int[drafted + 1];
                verifyInput[0] = committed[n - 1];
                System.arraycopy(drafts, 0, verifyInput, 1, drafted);
                float[][] targetLogits = targetSession.forward(verifyInput);
                long verifyForwardEnd = System.nanoTime();

                int accepted = 0;
                int bonus = -1;
                for (int i = 0; i < drafted && bonus < 0; i++) {
                    if (settings.greedy()) {
                        int best = Distributions.argmax(targetLogits[i]);
                        if (best == drafts[i]) {
                            accepted++;
                        } else {
                            bonus = best;
                        }
                    } else {
                        double[] p = Distributions.warp(
                            targetLogits[i],
                            settings.temperature(),
                            settings.topP()
                        );
                        if (rule.accept(p, draftDistributions[i], drafts[i], random)) {
                            accepted++;
                        } else {
                            bonus = Distributions.sample(rule.residual(p, draftDistributions[i]), random);
                        }
                    }
                }
                if (bonus < 0) {
                    float[] last = targetLogits[drafted];
                    bonus = settings.greedy()
                        ? Distributions.argmax(last)
                        : Distributions.sample(
                              Distributions.warp(last, settings.temperature(), settings.topP()),
                              random
                          );
                }
                // Commit.
                int produced = accepted + 1;
                for (int i = 0; i <= accepted && !finished; i++) {
                    int token = i < accepted ? drafts[i] : bonus;
                    committed[n++] = token;
                    listener.onToken(generated++, token);
                    if (generated >= maxNewTokens || token == settings.eosTokenId()) {
                        finished = true;
                    }
                }
                // Roll the target back to the accepted prefix (not needed once generation ends).
                long rollbackStart = System.nanoTime();
                if (!finished) {
                    targetSession.truncate(n - 1);
                }
                long rollbackEnd = System.nanoTime();
                long roundEnd = System.nanoTime();
                long onnxAfter =
                    targetSession.onnxNanos() + (draftSession == null ? 0 : draftSession.onnxNanos());
                rounds.add(
                    new RoundRecord(
                        drafted,
                        accepted,
                        produced,
                        (draftEnd - roundStart) / 1e9,
                        ((verifyForwardEnd - draftEnd) + (rollbackEnd - rollbackStart)) / 1e9,
                        (roundEnd - roundStart) / 1e9,
                        (onnxAfter - onnxBefore) / 1e9,
                        Arrays.copyOf(confidences, drafted),
                        Arrays.copyOf(entropies, drafted),
                        Arrays.copyOf(margins, drafted),
                        stoppedAtPredictedRejection
                    )
                );
            }
            int[] output = Arrays.copyOfRange(
                committed,
                prompt.length,
                prompt.length + Math.min(generated, maxNewTokens)
            );
            return new GenerationResult(output, rounds, prefillSeconds, cancelled);
        }
    }

    /** Length of the drafter's valid prefix of {@code committed}, at most {@code limit}. */
    private static int commonPrefix(DecoderSession session, int[] committed, int limit) {
        int[] seen = session.tokens();
        int common = 0;
        int max = Math.min(limit, seen.length);
        while (common < max && seen[common] == committed[common]) {
            common++;
        }
        return common;
    }
}
