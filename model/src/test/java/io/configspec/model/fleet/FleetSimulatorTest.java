package io.configspec.model.fleet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.analysis.SpeculativeRoundModel;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class FleetSimulatorTest {

    static List<Arguments> policiesAndLoads() {
        return Arrays.stream(FleetPolicy.values())
            .flatMap(p ->
                java.util.stream.Stream.of(Arguments.of(p, 1), Arguments.of(p, 40), Arguments.of(p, 400))
            )
            .toList();
    }

    @ParameterizedTest
    @MethodSource("policiesAndLoads")
    void everyRequestCompletesOrIsReportedDropped(FleetPolicy policy, int devices) {
        FleetResult r = FleetSimulator.run(FleetTestScenarios.mixed(0.15), policy, devices, 20, 11);
        assertTrue(r.requestsStarted() > 0);
        assertEquals(r.requestsStarted(), r.requestsCompleted() + r.requestsDropped());
        assertEquals(r.requestsCompleted(), r.tpotSeconds().length);
        assertTrue(r.requestsMeetingSlo() <= r.requestsCompleted());
        assertTrue(r.serverUtilization() >= 0 && r.serverUtilization() <= 1);
    }

    @ParameterizedTest
    @MethodSource("policiesAndLoads")
    void tokensAreConserved(FleetPolicy policy, int devices) {
        FleetResult r = FleetSimulator.run(FleetTestScenarios.mixed(0.15), policy, devices, 20, 5);
        assertEquals(
            r.completedOutputTokens() + r.droppedPartialTokens(),
            r.producedTokens(),
            "produced = delivered"
        );
        assertEquals(
            r.acceptedTokens() + r.verificationRounds() - r.truncatedTokens(),
            r.producedTokens(),
            "accepted + bonus − truncated = produced"
        );
        assertEquals(
            r.acceptedTokens() + r.wastedDraftTokens(),
            r.draftedTokens(),
            "drafted = accepted + rejected"
        );
        if (policy == FleetPolicy.CENTRALIZED) {
            assertEquals(0, r.draftedTokens());
            assertEquals(r.verificationRounds(), r.producedTokens(), "one token per decoding step");
        }
    }

    @ParameterizedTest
    @EnumSource(FleetPolicy.class)
    void theSameSeedGivesTheSameResult(FleetPolicy policy) {
        FleetScenario s = FleetTestScenarios.mixed(0.15);
        FleetResult a = FleetSimulator.run(s, policy, 60, 15, 99);
        FleetResult b = FleetSimulator.run(s, policy, 60, 15, 99);
        assertEquals(a.goodputTokensPerSecond(), b.goodputTokensPerSecond());
        assertEquals(a.verificationRounds(), b.verificationRounds());
        assertEquals(a.wastedDraftTokens(), b.wastedDraftTokens());
        assertEquals(a.serverUtilization(), b.serverUtilization());
        assertArrayEquals(a.tpotSeconds(), b.tpotSeconds());
        assertArrayEquals(a.endToEndSeconds(), b.endToEndSeconds());
    }

    @Test
    void aDifferentSeedGivesADifferentWorkload() {
        FleetScenario s = FleetTestScenarios.mixed(0.15);
        FleetResult a = FleetSimulator.run(s, FleetPolicy.SLED, 20, 15, 1);
        FleetResult b = FleetSimulator.run(s, FleetPolicy.SLED, 20, 15, 2);
        assertTrue(a.producedTokens() != b.producedTokens());
    }

    /** Tokens per second of one device over all its completed requests. */
    private static double deviceTokensPerSecond(FleetResult r) {
        return r.completedOutputTokens() / Arrays.stream(r.endToEndSeconds()).sum();
    }

    @Test
    void oneUncontendedDeviceAgreesWithTheAnalyticalModelUnderIidAcceptance() {
        FleetNetwork network = new FleetNetwork(0.030, 1e6, 2e6, 200, 500);
        FleetDeviceType device = alone("pi", 20, 0.01, null, 4);
        FleetResult r = FleetSimulator.run(
            FleetTestScenarios.uncontended(device, 0.05, network, 2000),
            FleetPolicy.SLED,
            1,
            3000,
            3
        );
        double expectedTokens = SpeculativeRoundModel.expectedTokensPerRound(0.7, 4);
        double roundSeconds = SpeculativeRoundModel.roundSeconds(
            SpeculativeRoundModel.draftSeconds(4, 20, 0.01),
            SpeculativeRoundModel.networkSeconds(0.030, 4 * 200, 1e6, 500, 2e6),
            0.05
        );
        double analytical = SpeculativeRoundModel.goodputTokensPerSecond(expectedTokens, roundSeconds);
        assertEquals(analytical, deviceTokensPerSecond(r), 0.02 * analytical);
        assertEquals(0, r.requestsDropped());
    }

    @Test
    void oneUncontendedDeviceAgreesWithTheAnalyticalModelUnderAPerPositionCurve() {
        FleetNetwork network = new FleetNetwork(0.010, 1e7, 1e7, 0, 0);
        double[] curve = { 0.9, 0.8, 0.7, 0.6, 0.5 };
        FleetDeviceType device = alone("jetson", 40, 0, curve, 5);
        FleetResult r = FleetSimulator.run(
            FleetTestScenarios.uncontended(device, 0.03, network, 2000),
            FleetPolicy.SLED,
            1,
            2000,
            4
        );
        double expectedTokens = SpeculativeRoundModel.expectedTokensPerRound(curve, 5);
        double analytical = expectedTokens / (5 / 40.0 + 0.010 + 0.03);
        assertEquals(analytical, deviceTokensPerSecond(r), 0.02 * analytical);
    }

    @Test
    void centralisedDecodingOfOneDeviceTakesOneServerStepPerToken() {
        FleetNetwork network = new FleetNetwork(0.020, 1e7, 1e7, 0, 0);
        FleetDeviceType device = FleetDeviceType.simple("any", 1, 10, 0.7, 4);
        FleetResult r = FleetSimulator.run(
            FleetTestScenarios.uncontended(device, 0.025, network, 1000),
            FleetPolicy.CENTRALIZED,
            1,
            200,
            1
        );
        // 1000 steps of 25 ms plus one round trip per request
        assertEquals((1000 * 0.025 + 0.020) / 1000, r.tpotP50Seconds(), 1e-9);
    }

    @Test
    void dynamicDraftingWastesFewerDraftTokensThanFixedK() {
        FleetScenario s = FleetTestScenarios.mixed(0.5);
        FleetResult sled = FleetSimulator.run(s, FleetPolicy.SLED, 10, 60, 8);
        FleetResult wisp = FleetSimulator.run(s, FleetPolicy.WISP, 10, 60, 8);
        assertTrue(
            wisp.wastedDraftFraction() < sled.wastedDraftFraction(),
            "WISP " + wisp.wastedDraftFraction() + " vs SLED " + sled.wastedDraftFraction()
        );
    }

    @Test
    void cancellationStopsTheRun() {
        assertThrows(CancellationException.class, () ->
            FleetSimulator.run(FleetTestScenarios.mixed(0.15), FleetPolicy.WISP, 200, 200, 1, () -> true)
        );
    }

    @Test
    void devicesAreAssignedInProportionToTheirWeights() {
        List<FleetDeviceType> mix = List.of(
            FleetDeviceType.simple("a", 3, 10, 0.7, 4),
            FleetDeviceType.simple("b", 1, 10, 0.7, 4)
        );
        int[] kinds = FleetSimulator.assignKinds(mix, 8);
        assertEquals(
            6,
            Arrays.stream(kinds)
                .filter(k -> k == 0)
                .count()
        );
        assertEquals(
            2,
            Arrays.stream(kinds)
                .filter(k -> k == 1)
                .count()
        );
    }

    /** A device kind of weight 1 and i.i.d. α = 0.7 (or {@code curve}), the workload's prompts and SLO. */
    private static FleetDeviceType alone(
        String id,
        double tokensPerSecond,
        double overheadSeconds,
        double[] curve,
        int k
    ) {
        return new FleetDeviceType(
            id,
            id,
            1,
            tokensPerSecond,
            overheadSeconds,
            0.7,
            curve,
            null,
            k,
            null,
            Double.NaN
        );
    }
}
