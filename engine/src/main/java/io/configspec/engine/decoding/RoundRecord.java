package io.configspec.engine.decoding;

import io.configspec.model.fleet.DraftTokenStatistics;
import io.configspec.model.fleet.LogisticAcceptancePredictor;
import io.configspec.model.fleet.StopPredictionCounts;
import java.util.Arrays;
import java.util.List;

/**
 * One speculative round.
 *
 * @param drafted draft tokens proposed (≤ K; fewer when dynamic drafting stopped early)
 * @param accepted draft tokens the target accepted (≤ drafted)
 * @param produced tokens the round added (accepted + the target's own token)
 * @param draftSeconds wall time spent drafting (drafter catch-up and proposals)
 * @param verifySeconds wall time of the target's verification pass (and KV rollback)
 * @param roundSeconds wall time of the whole round
 * @param onnxSeconds time inside ONNX Runtime calls during the round (drafter and target)
 * @param confidences drafter confidence of each proposed token (its probability under the
 *     drafter), length {@code drafted}
 * @param entropies entropy of the drafter's distribution at each proposed token, nats (NaN when
 *     not recorded), length {@code drafted}
 * @param margins top-1 minus top-2 probability at each proposed token (NaN when not recorded),
 *     length {@code drafted}
 * @param stoppedAtPredictedRejection whether dynamic drafting stopped because the last proposed
 *     token was predicted to be rejected (it was still sent for verification)
 */
public record RoundRecord(
    int drafted,
    int accepted,
    int produced,
    double draftSeconds,
    double verifySeconds,
    double roundSeconds,
    double onnxSeconds,
    double[] confidences,
    double[] entropies,
    double[] margins,
    boolean stoppedAtPredictedRejection
) {
    public RoundRecord {
        if (accepted > drafted) {
            throw new IllegalArgumentException("accepted (" + accepted + ") > drafted (" + drafted + ")");
        }
        confidences = confidences.clone();
        entropies = entropies.clone();
        margins = margins.clone();
        if (entropies.length != confidences.length || margins.length != confidences.length) {
            throw new IllegalArgumentException("confidences, entropies and margins must be equally long");
        }
    }

    @Override
    public double[] confidences() {
        return confidences.clone();
    }

    @Override
    public double[] entropies() {
        return entropies.clone();
    }

    @Override
    public double[] margins() {
        return margins.clone();
    }

    /** Confidence of proposal i (0-based). */
    public double confidence(int i) {
        return confidences[i];
    }

    /** The drafter's statistics at proposal i (0-based). */
    public DraftTokenStatistics statistics(int i) {
        return new DraftTokenStatistics(confidences[i], entropies[i], margins[i]);
    }

    /**
     * The proposals the target judged (every accepted one and the first rejected one, not those
     * after it) with its verdicts: training data for the rejection predictor.
     */
    public void addJudgedTokens(List<LogisticAcceptancePredictor.LabelledToken> out) {
        int judged = Math.min(drafted, accepted + 1);
        for (int i = 0; i < judged; i++) {
            out.add(new LogisticAcceptancePredictor.LabelledToken(statistics(i), i < accepted));
        }
    }

    /** This round added to a tally of stop decisions (the target's verdicts judge them). */
    public StopPredictionCounts addTo(StopPredictionCounts counts) {
        boolean[] flagged = new boolean[drafted];
        if (drafted > 0 && stoppedAtPredictedRejection) {
            flagged[drafted - 1] = true;
        }
        return counts.plus(flagged, drafted, accepted);
    }
}
