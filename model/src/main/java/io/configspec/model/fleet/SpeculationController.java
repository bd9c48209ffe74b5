package io.configspec.model.fleet;

/**
 * Decides, token by token, when a device stops drafting in a round (WISP's speculation
 * controller; DESIGN §5). Shared by the fleet simulator and the engine's drafting loops:
 *
 * <pre>{@code
 * double prefix = 1;                      // predicted probability that the drafted prefix is accepted
 * for (int drafted = 1; drafted <= c.maxDraftTokens(); drafted++) {
 *     DraftTokenStatistics stats = draftOneToken();
 *     double token = c.predictedAcceptance(stats);
 *     prefix *= token;
 *     if (!c.draftAnother(drafted, token, prefix)) break;
 * }
 * }</pre>
 *
 * <p>The token that triggers a stop has already been drafted (its statistics come with it), so it
 * is sent for verification: it costs one verified position and may still be accepted, and the
 * target's verdict on it says whether the stop was right ({@link StopPredictionCounts}).
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface SpeculationController
    permits SpeculationController.FixedLength, SpeculationController.DynamicDrafting {
    /** Most tokens drafted in one round, ≥ 1. */
    int maxDraftTokens();

    /**
     * Predicted probability that a token drafted with {@code token}'s statistics is accepted,
     * given that every earlier token of the round is.
     */
    double predictedAcceptance(DraftTokenStatistics token);

    /**
     * Whether to draft one more token after {@code drafted} tokens.
     *
     * @param tokenAcceptance the latest token's predicted acceptance (given its prefix)
     * @param prefixAcceptance the predicted probability that all {@code drafted} tokens are accepted
     */
    boolean draftAnother(int drafted, double tokenAcceptance, double prefixAcceptance);

    /** Whether a token with this predicted acceptance is predicted to be rejected. */
    boolean predictsRejection(double tokenAcceptance);

    /** Short name for reports. */
    String name();

    /** SLED's baseline: always draft exactly K tokens. */
    record FixedLength(int k) implements SpeculationController {
        public FixedLength {
            if (k < 1) {
                throw new IllegalArgumentException("k must be ≥ 1, was " + k);
            }
        }

        @Override
        public int maxDraftTokens() {
            return k;
        }

        @Override
        public double predictedAcceptance(DraftTokenStatistics token) {
            return 1.0;
        }

        @Override
        public boolean draftAnother(int drafted, double tokenAcceptance, double prefixAcceptance) {
            return drafted < k;
        }

        @Override
        public boolean predictsRejection(double tokenAcceptance) {
            return false;
        }

        @Override
        public String name() {
            return "fixed K=" + k;
        }
    }

    /**
     * WISP's dynamic drafting: stop as soon as the token just drafted is predicted to be rejected
     * (its predicted acceptance, from the drafter's per-token statistics, is below {@code
     * rejectBelow}) — every token drafted after a rejected one is wasted drafting time on the
     * device and a wasted position on the server. Also stop when the whole prefix is unlikely to
     * survive ({@code prefixFloor}) or at {@code maxDraftTokens}.
     *
     * @param predictor the drafter's rejection predictor (calibration table or logistic model)
     * @param rejectBelow in [0, 1]: a token whose predicted acceptance is below it is predicted
     *        rejected (0.5: more likely rejected than accepted)
     * @param prefixFloor in [0, 1]: stop when the predicted prefix acceptance falls below it (0:
     *        never for this reason)
     * @param maxDraftTokens upper bound on drafted tokens per round, ≥ 1
     */
    record DynamicDrafting(
        AcceptancePredictor predictor,
        double rejectBelow,
        double prefixFloor,
        int maxDraftTokens
    ) implements SpeculationController {
        public DynamicDrafting {
            if (predictor == null) {
                throw new IllegalArgumentException("predictor must not be null");
            }
            if (!(rejectBelow >= 0 && rejectBelow <= 1)) {
                throw new IllegalArgumentException("rejectBelow must be in [0, 1], was " + rejectBelow);
            }
            if (!(prefixFloor >= 0 && prefixFloor <= 1)) {
                throw new IllegalArgumentException("prefixFloor must be in [0, 1], was " + prefixFloor);
            }
            if (maxDraftTokens < 1) {
                throw new IllegalArgumentException("maxDraftTokens must be ≥ 1, was " + maxDraftTokens);
            }
        }

        @Override
        public double predictedAcceptance(DraftTokenStatistics token) {
            return predictor.acceptance(token);
        }

        @Override
        public boolean draftAnother(int drafted, double tokenAcceptance, double prefixAcceptance) {
            return (
                drafted < maxDraftTokens &&
                !predictsRejection(tokenAcceptance) &&
                prefixAcceptance >= prefixFloor
            );
        }

        @Override
        public boolean predictsRejection(double tokenAcceptance) {
            return tokenAcceptance < rejectBelow;
        }

        @Override
        public String name() {
            return (
                "dynamic (stop at a predicted rejection, p < " + rejectBelow + ", K ≤ " + maxDraftTokens + ")"
            );
        }
    }
}
