package io.configspec.model.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, acceptance 2: verification interference. A batch costs what its composition costs, so
 * one long-context member raises the verification latency of every other member by its marginal
 * cost; FCFS batching (SLED) lets it, the SLO-aware scheduler (WISP) keeps the short requests
 * within their SLO.
 */
class VerificationInterferenceTest {

    private static final int SHORT_DEVICES = 4;
    private static final double SLO = 0.04;

    /** One simulated batch: when it ran, how long it took, and its members. */
    private record Batch(double start, double seconds, List<VerificationRequest> members) {}

    private static List<Batch> trace(FleetScenario scenario, FleetPolicy policy, int devices) {
        List<Batch> batches = new ArrayList<>();
        FleetSimulator.run(
            scenario,
            policy,
            devices,
            60,
            3,
            () -> false,
            (start, seconds, batch) -> batches.add(new Batch(start, seconds, List.copyOf(batch)))
        );
        return batches;
    }

    private static double predicted(List<VerificationRequest> members) {
        long verified = 0;
        long prefill = 0;
        long context = 0;
        for (VerificationRequest r : members) {
            verified += r.verifiedTokens();
            prefill += r.prefillTokens();
            context += r.contextTokens();
        }
        return FleetTestScenarios.INTERFERENCE_SERVER.predictSeconds(
            verified,
            prefill,
            context,
            members.size()
        );
    }

    @Test
    void aLongContextMemberDelaysEveryOtherMemberByItsMarginalCost() {
        FleetScenario scenario = FleetTestScenarios.interference(SLO, true, SHORT_DEVICES);
        int devices = SHORT_DEVICES + 1;
        int[] kindOf = FleetSimulator.assignKinds(scenario.deviceMix(), devices);
        int longDevice = -1;
        for (int i = 0; i < devices; i++) {
            if (kindOf[i] == 1) {
                longDevice = i;
            }
        }
        int documents = longDevice;
        VerificationTimeEstimator e = FleetTestScenarios.INTERFERENCE_SERVER;
        int withLong = 0;
        for (Batch b : trace(scenario, FleetPolicy.SLED, devices)) {
            // the simulated server takes exactly what the estimator predicts for the composition (no noise)
            assertEquals(predicted(b.members()), b.seconds(), 1e-12);
            VerificationRequest doc = b
                .members()
                .stream()
                .filter(r -> r.clientId() == documents)
                .findFirst()
                .orElse(null);
            if (doc != null && b.members().size() > 1) {
                withLong++;
                List<VerificationRequest> others = new ArrayList<>(b.members());
                others.remove(doc);
                double delay = b.seconds() - predicted(others);
                assertEquals(
                    e.marginalSeconds(doc.verifiedTokens(), doc.prefillTokens(), doc.contextTokens()),
                    delay,
                    1e-12
                );
                assertTrue(delay >= 0.040, "an 8,000-token context costs ≥ 40 ms per batch, was " + delay);
            }
        }
        assertTrue(withLong > 100, "FCFS batched the long-context member with others " + withLong + " times");

        // Seen from the short requests: their mean batch latency rises when the long member joins the fleet.
        double without = meanLatencySeenByShort(
            trace(
                FleetTestScenarios.interference(SLO, false, SHORT_DEVICES),
                FleetPolicy.SLED,
                SHORT_DEVICES
            ),
            -1
        );
        double with = meanLatencySeenByShort(trace(scenario, FleetPolicy.SLED, devices), documents);
        assertTrue(
            with > without + 0.005,
            String.format(
                Locale.ROOT,
                "short requests' batch latency %.1f ms without, %.1f ms with the long member",
                without * 1e3,
                with * 1e3
            )
        );
    }

    private static double meanLatencySeenByShort(List<Batch> batches, int longDevice) {
        double sum = 0;
        long count = 0;
        for (Batch b : batches) {
            for (VerificationRequest r : b.members()) {
                if (r.clientId() != longDevice) {
                    sum += b.seconds();
                    count++;
                }
            }
        }
        return sum / count;
    }

    @Test
    void sloAwareSchedulingKeepsTheShortRequestsWithinTheSloWhereFcfsDoesNot() {
        FleetScenario scenario = FleetTestScenarios.interference(SLO, true, SHORT_DEVICES);
        int devices = SHORT_DEVICES + 1;
        FleetResult fcfs = FleetSimulator.run(scenario, FleetPolicy.SLED, devices, 60, 3);
        FleetResult sloAware = FleetSimulator.run(scenario, FleetPolicy.WISP, devices, 60, 3);
        String report = String.format(
            Locale.ROOT,
            "short-request SLO attainment: FCFS %.3f, SLO-aware %.3f; long: %.3f, %.3f; mean TPOT short FCFS %.1f ms, SLO-aware %.1f ms",
            fcfs.sloAttainmentByKind()[0],
            sloAware.sloAttainmentByKind()[0],
            fcfs.sloAttainmentByKind()[1],
            sloAware.sloAttainmentByKind()[1],
            fcfs.tpotMeanSecondsByKind()[0] * 1e3,
            sloAware.tpotMeanSecondsByKind()[0] * 1e3
        );
        assertTrue(fcfs.sloAttainmentByKind()[0] < 0.95, report);
        assertTrue(sloAware.sloAttainmentByKind()[0] >= 0.95, report);
        // and without the long member, FCFS meets the SLO for the same short requests: the misses are interference
        FleetResult alone = FleetSimulator.run(
            FleetTestScenarios.interference(SLO, false, SHORT_DEVICES),
            FleetPolicy.SLED,
            SHORT_DEVICES,
            60,
            3
        );
        assertTrue(
            alone.sloAttainment() >= 0.95,
            report + "; FCFS without the long member " + alone.sloAttainment()
        );
    }
}
