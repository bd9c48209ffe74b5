package io.configspec.model.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link FleetSensitivity#findings()}: the sweep against the WISP paper's picture, as people read it. */
class FleetSensitivityFindingsTest {

    /** A point whose capacities are centralised, SLED and WISP, in that order. */
    private static FleetSensitivity.Point point(FleetSensitivity.Knob knob, double value, int... capacity) {
        return new FleetSensitivity.Point(knob, value, false, capacity, new double[3], false);
    }

    @Test
    void eachFindingNamesThePointsWhereItHolds() {
        FleetSensitivity sweep = new FleetSensitivity(
            FleetTestScenarios.mixed(0.15),
            List.of(
                point(FleetSensitivity.Knob.SLO, 150, 10, 8, 25),
                point(FleetSensitivity.Knob.SLO, 300, 10, 12, 20),
                point(FleetSensitivity.Knob.THINK_TIME, 0.5, 10, 12, 15)
            )
        );
        assertEquals(
            List.of(
                "WISP ≥ 2× centralised: TPOT SLO 150 ms; TPOT SLO 300 ms",
                "SLED below centralised: TPOT SLO 150 ms",
                "both, as in the paper: TPOT SLO 150 ms"
            ),
            sweep.findings()
        );
    }

    @Test
    void aFindingThatHoldsNowhereSaysSo() {
        FleetSensitivity sweep = new FleetSensitivity(
            FleetTestScenarios.mixed(0.15),
            List.of(point(FleetSensitivity.Knob.BATCH_LIMIT, 64, 10, 12, 15))
        );
        assertEquals(
            List.of(
                "WISP ≥ 2× centralised: nowhere in this sweep",
                "SLED below centralised: nowhere in this sweep",
                "both, as in the paper: nowhere in this sweep"
            ),
            sweep.findings()
        );
    }

    @Test
    void aPointStandsAtItsSettingsLabelValueAndUnit() {
        assertEquals(
            "think time (sets request rate) 2 s",
            point(FleetSensitivity.Knob.THINK_TIME, 2, 1, 1, 1).where()
        );
    }
}
