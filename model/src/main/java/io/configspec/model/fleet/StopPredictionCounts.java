package io.configspec.model.fleet;

/**
 * How often WISP's stop decisions were right, judged by the target: a <em>false stop</em> is a
 * round that stopped at a token predicted to be rejected which the target accepted (drafting more
 * might have paid); a <em>missed stop</em> is a round whose first rejected token the predictor did
 * not flag (the tokens drafted after it were wasted).
 *
 * @param rounds rounds counted
 * @param predictedStops rounds that stopped at a token predicted to be rejected
 * @param falseStops of which the target accepted that token
 * @param roundsWithRejection rounds in which the target rejected a drafted token
 * @param missedStops of which the predictor did not flag the first rejected token
 */
public record StopPredictionCounts(
    long rounds,
    long predictedStops,
    long falseStops,
    long roundsWithRejection,
    long missedStops
) {
    public static final StopPredictionCounts NONE = new StopPredictionCounts(0, 0, 0, 0, 0);

    /** False stops ÷ predicted stops (NaN when nothing was predicted). */
    public double falseStopRate() {
        return predictedStops == 0 ? Double.NaN : (double) falseStops / predictedStops;
    }

    /** Missed stops ÷ rounds with a rejection (NaN when nothing was rejected). */
    public double missedStopRate() {
        return roundsWithRejection == 0 ? Double.NaN : (double) missedStops / roundsWithRejection;
    }

    /**
     * The two rates for people, each with the count it is a share of; a rate with nothing to
     * count (no stop predicted, no token rejected — e.g. a drafter the target agrees with on every
     * token of the run) is said in words, never as NaN.
     */
    public String describe() {
        return (
            share("false stops", falseStops, predictedStops, "stops", "no stop predicted") +
            ", " +
            share("missed stops", missedStops, roundsWithRejection, "rejections", "no token rejected")
        );
    }

    private String share(String what, long part, long whole, String wholeName, String noneText) {
        return whole == 0
            ? what + " n/a (" + noneText + " in " + rounds + " rounds)"
            : String.format(
                  java.util.Locale.ROOT,
                  "%s %.1f %% of %d %s",
                  what,
                  (100.0 * part) / whole,
                  whole,
                  wholeName
              );
    }

    /**
     * Counts one round.
     *
     * @param flagged for each drafted token, whether the controller predicted it rejected
     * @param drafted tokens drafted (and sent) this round
     * @param accepted of which the target accepted (a prefix)
     */
    public StopPredictionCounts plus(boolean[] flagged, int drafted, int accepted) {
        boolean stopped = drafted > 0 && flagged[drafted - 1];
        boolean rejection = accepted < drafted;
        return new StopPredictionCounts(
            rounds + 1,
            predictedStops + (stopped ? 1 : 0),
            falseStops + (stopped && accepted == drafted ? 1 : 0),
            roundsWithRejection + (rejection ? 1 : 0),
            missedStops + (rejection && !flagged[accepted] ? 1 : 0)
        );
    }

    /** The sum of two tallies. */
    public StopPredictionCounts plus(StopPredictionCounts other) {
        return new StopPredictionCounts(
            rounds + other.rounds,
            predictedStops + other.predictedStops,
            falseStops + other.falseStops,
            roundsWithRejection + other.roundsWithRejection,
            missedStops + other.missedStops
        );
    }
}
