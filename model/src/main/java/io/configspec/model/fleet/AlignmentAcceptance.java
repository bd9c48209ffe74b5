package io.configspec.model.fleet;

import io.configspec.model.domain.AlignmentProfile;
import io.configspec.model.domain.CalibrationPoint;

/**
 * A fleet's device kind given the acceptance its alignment profile measured and SLED's K: the
 * given K, or the one with the best analytical goodput ({@link FleetScenario#analyticalGoodput})
 * for that kind in the fleet's network, server and workload.
 */
public final class AlignmentAcceptance {

    private AlignmentAcceptance() {}

    /**
     * {@code base} (its drafting speed, weight, prompts and SLO; its acceptance and K are
     * replaced) with the acceptance of {@code alignment}.
     *
     * @param k SLED's K for this kind, or null for the best in the alignment's measured range up
     *     to {@code maxK}
     * @param fleet the network, server and workload the kind runs with (its device mix is not used)
     */
    public static FleetDeviceType of(
        FleetDeviceType base,
        AlignmentProfile alignment,
        Integer k,
        int maxK,
        FleetScenario fleet
    ) {
        return alignment.acceptanceRate().isPresent()
            ? constant(base, alignment, k, maxK, fleet)
            : perK(base, alignment, k, maxK, fleet);
    }

    /**
     * An alignment giving a constant α (with an optional per-position curve and calibration
     * table): SLED's K is the given one or the analytically best in [1, maxK].
     */
    private static FleetDeviceType constant(
        FleetDeviceType base,
        AlignmentProfile alignment,
        Integer k,
        int maxK,
        FleetScenario fleet
    ) {
        double alpha = alignment.acceptanceRate().getAsDouble();
        double[] curve = alignment.acceptanceByPosition().stream().mapToDouble(Double::doubleValue).toArray();
        AcceptanceCalibration calibration = alignment.calibration().isEmpty()
            ? null
            : AcceptanceCalibration.fromPoints(
                  alignment.calibration().stream().mapToDouble(CalibrationPoint::confidence).toArray(),
                  alignment.calibration().stream().mapToDouble(CalibrationPoint::acceptanceRate).toArray(),
                  alpha
              );
        // the analytical goodput that picks K depends on the acceptance, not on the kind's own K
        FleetDeviceType type = base.withAcceptance(alpha, curve, calibration, k != null ? k : 1);
        return k != null ? type : type.withFixedDraftTokens(fleet.bestFixedK(type, maxK));
    }

    /**
     * An alignment measured per K only (the ConfigSpec paper's form, α(K) = accepted ÷ K): at
     * SLED's K the rounds draw i.i.d. acceptances with the constant α whose E[N] equals the
     * measured K·α(K) + 1 ({@link PerKAcceptance#equivalentAlpha}), each K judged with its own α.
     * Per-token statistics were not measured, so WISP's predictor is uninformative (every token
     * predicted at α): it stops only when one more token no longer pays for its drafting time.
     * Without a given K, the K is chosen among the measured ones up to {@code maxK}.
     */
    private static FleetDeviceType perK(
        FleetDeviceType base,
        AlignmentProfile alignment,
        Integer k,
        int maxK,
        FleetScenario fleet
    ) {
        FleetDeviceType best = null;
        double bestGoodput = Double.NEGATIVE_INFINITY;
        int from = k != null ? k : alignment.acceptanceByK().getFirst().k();
        int to = k != null ? k : Math.min(alignment.acceptanceByK().getLast().k(), maxK);
        for (int candidate = from; candidate <= to; candidate++) {
            double alpha = PerKAcceptance.equivalentAlpha(
                candidate,
                alignment.expectedTokensPerRound(candidate)
            );
            FleetDeviceType type = base.withAcceptance(
                alpha,
                new double[0],
                PerKAcceptance.uninformative(alpha),
                candidate
            );
            double goodput = fleet.analyticalGoodput(type, candidate);
            if (goodput > bestGoodput) {
                best = type;
                bestGoodput = goodput;
            }
        }
        return best;
    }
}
