package io.configspec.model.fleet;

/**
 * Decides, token by token, when a device stops drafting in a round (WISP's speculation
 * controller; DESIGN §5). Shared by the fleet simulator and the engine's drafting loop:
 *
 * <pre>{@code
 * double predicted = 1;                 // predicted probability that the drafted prefix is accepted
 * for (int drafted = 1; drafted <= c.maxDraftTokens(); drafted++) {
 *     double confidence = draftOneToken();
 *     predicted *= c.predictedAcceptance(confidence);
 *     if (!c.draftAnother(drafted, predicted)) break;
 * }
 * }</pre>
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface SpeculationController
    permits SpeculationController.FixedLength, SpeculationController.ConfidenceStopping {
    /** Most tokens drafted in one round, ≥ 1. */
    int maxDraftTokens();

    /** Predicted probability that a token drafted with {@code confidence} is accepted. */
    double predictedAcceptance(double confidence);

    /**
     * Whether to draft one more token after {@code drafted} tokens, the last of which is accepted
     * (together with all before it) with predicted probability {@code predictedPrefixAcceptance}.
     */
    boolean draftAnother(int drafted, double predictedPrefixAcceptance);

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
        public double predictedAcceptance(double confidence) {
            return 1.0;
        }

        @Override
        public boolean draftAnother(int drafted, double predictedPrefixAcceptance) {
            return drafted < k;
        }

        @Override
        public String name() {
            return "fixed K=" + k;
        }
    }

    /**
     * WISP's dynamic drafting: keep drafting while the predicted probability that the latest
     * drafted token is accepted — the product over the round's drafted tokens of the calibrated
     * acceptance of each token's confidence — stays at or above {@code stopThreshold}, up to
     * {@code maxDraftTokens}. A token predicted to be rejected wastes drafting time on the device
     * and a verified position on the server, so stopping early suppresses both.
     *
     * @param calibration the drafter's confidence → acceptance table (alignment profile)
     * @param stopThreshold in [0, 1]; 0 never stops early (fixed K = max)
     * @param maxDraftTokens upper bound on drafted tokens per round, ≥ 1
     */
    record ConfidenceStopping(
        AcceptanceCalibration calibration,
        double stopThreshold,
        int maxDraftTokens
    ) implements SpeculationController {
        public ConfidenceStopping {
            if (!(stopThreshold >= 0 && stopThreshold <= 1)) {
                throw new IllegalArgumentException("stopThreshold must be in [0, 1], was " + stopThreshold);
            }
            if (maxDraftTokens < 1) {
                throw new IllegalArgumentException("maxDraftTokens must be ≥ 1, was " + maxDraftTokens);
            }
        }

        @Override
        public double predictedAcceptance(double confidence) {
            return calibration.acceptanceFor(confidence);
        }

        @Override
        public boolean draftAnother(int drafted, double predictedPrefixAcceptance) {
            return drafted < maxDraftTokens && predictedPrefixAcceptance >= stopThreshold;
        }

        @Override
        public String name() {
            return "dynamic (stop below " + stopThreshold + ", K ≤ " + maxDraftTokens + ")";
        }

        /**
         * The threshold at which drafting one more token stops paying (WISP's "wasted drafting
         * time"): the next token costs 1/r seconds of drafting and adds, in expectation, the
         * current prefix's predicted acceptance × α tokens; it is worth drafting while that beats
         * the device's round goodput G (tokens/s over whole rounds, including network and
         * verification). So continue while predicted ≥ G / (r × α), clamped to [0, 1].
         *
         * @param roundTokensPerSecond the device's goodput over recent rounds, G
         * @param draftTokensPerSecond its drafting rate r
         * @param meanAcceptance the drafter's mean acceptance α
         */
        public static double costAwareThreshold(
            double roundTokensPerSecond,
            double draftTokensPerSecond,
            double meanAcceptance
        ) {
            double t = roundTokensPerSecond / (draftTokensPerSecond * Math.max(1e-9, meanAcceptance));
            return Double.isNaN(t) ? 1.0 : Math.max(0.0, Math.min(1.0, t));
        }
    }
}
