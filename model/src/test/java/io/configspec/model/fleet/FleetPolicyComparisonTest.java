package io.configspec.model.fleet;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.io.ProfileException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Issue 11, acceptance 1 (and issue 6's comparison): WISP against SLED and centralised serving on the sample fleet. */
class FleetPolicyComparisonTest {

    @Test
    void wispWastesLessDraftingThanSledWithoutLosingGoodputAt32Devices() throws ProfileException {
        FleetScenario s = FleetScenarioFile.load(FleetScenarioFileTest.sampleFleet()).scenario();
        FleetResult sled = FleetSimulator.run(s, FleetPolicy.SLED, 32, 120, 7);
        FleetResult wisp = FleetSimulator.run(s, FleetPolicy.WISP, 32, 120, 7);
        String report = String.format(
            Locale.ROOT,
            "SLED drafted %d, wasted %d (%.3f, %.1f s), goodput %.1f t/s; WISP drafted %d, wasted %d (%.3f, %.1f s), goodput %.1f t/s",
            sled.draftedTokens(),
            sled.wastedDraftTokens(),
            sled.wastedDraftFraction(),
            sled.wastedDraftSeconds(),
            sled.goodputTokensPerSecond(),
            wisp.draftedTokens(),
            wisp.wastedDraftTokens(),
            wisp.wastedDraftFraction(),
            wisp.wastedDraftSeconds(),
            wisp.goodputTokensPerSecond()
        );
        assertTrue(wisp.wastedDraftTokens() < sled.wastedDraftTokens(), report);
        assertTrue(wisp.wastedDraftFraction() < sled.wastedDraftFraction(), report);
        assertTrue(wisp.wastedDraftSeconds() < sled.wastedDraftSeconds(), report);
        // drafting time per delivered token (WISP serves more requests in the same two minutes)
        assertTrue(
            wisp.draftSeconds() / wisp.producedTokens() < sled.draftSeconds() / sled.producedTokens(),
            report
        );
        assertTrue(wisp.goodputTokensPerSecond() >= sled.goodputTokensPerSecond(), report);
        // the stop predictor was judged by the target
        assertTrue(wisp.stopPrediction().predictedStops() > 0, report);
        assertTrue(Double.isNaN(sled.stopPrediction().falseStopRate()), report);
    }

    @Test
    void wispServesAtLeastAsManyDevicesAsSledAndCentralisedServing() throws ProfileException {
        FleetScenario s = FleetScenarioFile.load(FleetScenarioFileTest.sampleFleet()).scenario();
        FleetComparison c = FleetComparison.run(s, 400, 120, 1, () -> false, (policy, n) -> {});
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
    }
}
