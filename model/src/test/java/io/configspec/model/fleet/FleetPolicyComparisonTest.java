package io.configspec.model.fleet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.io.ProfileException;
import org.junit.jupiter.api.Test;

/** Acceptance 3: on the sample fleet, WISP serves at least as many devices, and as much goodput, as SLED and centralised serving. */
class FleetPolicyComparisonTest {

    @Test
    void wispMatchesOrBeatsSledAndCentralisedOnTheSampleFleet() throws ProfileException {
        FleetScenario s = FleetScenarioFile.load(FleetScenarioFileTest.sampleFleet()).scenario();
        FleetComparison c = FleetComparison.run(s, 400, 60, 1, () -> false, (policy, n) -> {});
        CapacityResult wisp = c.capacity(FleetPolicy.WISP);
        CapacityResult sled = c.capacity(FleetPolicy.SLED);
        CapacityResult central = c.capacity(FleetPolicy.CENTRALIZED);
        assertTrue(wisp.capacityDevices() >= sled.capacityDevices(), c.summary());
        assertTrue(wisp.capacityDevices() >= central.capacityDevices(), c.summary());
        assertTrue(
            wisp.atCapacity().goodputTokensPerSecond() >= sled.atCapacity().goodputTokensPerSecond(),
            c.summary()
        );
        assertTrue(
            wisp.atCapacity().goodputTokensPerSecond() >= central.atCapacity().goodputTokensPerSecond(),
            c.summary()
        );
        assertTrue(
            c.capacityRatio(FleetPolicy.SLED) >= 1.0 && c.capacityRatio(FleetPolicy.CENTRALIZED) >= 1.0
        );
    }
}
