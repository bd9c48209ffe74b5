package io.configspec.engine.decoding;

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
 */
public record RoundRecord(
    int drafted,
    int accepted,
    int produced,
    double draftSeconds,
    double verifySeconds,
    double roundSeconds,
    double onnxSeconds,
    double[] confidences
) {
    public RoundRecord {
        if (accepted > drafted) {
            throw new IllegalArgumentException("accepted (" + accepted + ") > drafted (" + drafted + ")");
        }
        confidences = confidences.clone();
    }

    @Override
    public double[] confidences() {
        return confidences.clone();
    }

    /** Confidence of proposal i (0-based). */
    public double confidence(int i) {
        return confidences[i];
    }
}
