package io.configspec.model.qpart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class QpartPlannerTest {

    /** Every plan of the problem within its budget, by enumeration: every partition point and every width of every device layer. */
    static List<QpartPlan> feasiblePlans(QpartProblem problem) {
        int layerCount = problem.layers().size();
        int[] widths = problem.bitWidths().stream().mapToInt(Integer::intValue).toArray();
        List<QpartPlan> plans = new ArrayList<>();
        for (int p = problem.channel().allowsSplit() ? 0 : layerCount; p <= layerCount; p++) {
            int combinations = (int) Math.pow(widths.length, p);
            for (int code = 0; code < combinations; code++) {
                int[] bits = new int[p];
                int rest = code;
                for (int l = 0; l < p; l++) {
                    bits[l] = widths[rest % widths.length];
                    rest /= widths.length;
                }
                QpartPlan plan = QpartPlanner.evaluate(problem, bits, p);
                if (plan.totalDegradation() <= problem.budget()) {
                    plans.add(plan);
                }
            }
        }
        return plans;
    }

    /**
     * The rule of decision 0071 applied to enumerated plans: among those within the budget that no
     * other within it dominates (found by a sweep in order of time, the planner's sweeps in order of
     * degradation), the first in {@link QpartPlanner#compare}'s order.
     */
    static QpartPlan bruteForce(List<QpartPlan> feasible) {
        List<QpartPlan> byTime = new ArrayList<>(feasible);
        byTime.sort(
            Comparator.comparingDouble(QpartPlan::secondsPerToken).thenComparingDouble(
                QpartPlan::totalDegradation
            )
        );
        QpartPlan best = null;
        double leastDegradationWhenFaster = Double.POSITIVE_INFINITY;
        int i = 0;
        while (i < byTime.size()) {
            double seconds = byTime.get(i).secondsPerToken();
            double groupLeast = byTime.get(i).totalDegradation();
            for (; i < byTime.size() && byTime.get(i).secondsPerToken() == seconds; i++) {
                QpartPlan plan = byTime.get(i);
                boolean onFront =
                    plan.totalDegradation() == groupLeast && groupLeast < leastDegradationWhenFaster;
                if (onFront && (best == null || QpartPlanner.compare(plan, best) < 0)) {
                    best = plan;
                }
            }
            leastDegradationWhenFaster = Math.min(leastDegradationWhenFaster, groupLeast);
        }
        return best;
    }

    static QpartPlan bruteForce(QpartProblem problem) {
        return bruteForce(feasiblePlans(problem));
    }

    private static QpartProblem problem(
        List<PlannerLayer> layers,
        Channel channel,
        double budget,
        SortedSet<Integer> widths
    ) {
        return new QpartProblem("test", layers, 50_000, widths, QpartInstances.device(1), channel, budget);
    }

    private static void assertSamePlan(QpartPlan expected, QpartPlan actual, String context) {
        assertEquals(expected.secondsPerToken(), actual.secondsPerToken(), 0, context + ": time per token");
        assertEquals(expected.totalDegradation(), actual.totalDegradation(), 0, context + ": degradation");
        assertEquals(expected.partition(), actual.partition(), context + ": partition");
        assertArrayEquals(expected.bits(), actual.bits(), context + ": widths");
        assertEquals(expected.weightBits(), actual.weightBits(), context + ": weight bits");
    }

    /** Random layers over every width on {@code channel}, a random degradation budget: the plan is the brute-force one. */
    private static void assertBruteForceOnRandomLayers(
        Random random,
        int layers,
        Channel channel,
        String context
    ) throws QpartInputException {
        QpartProblem p = problem(
            QpartInstances.randomLayers(random, layers),
            channel,
            random.nextDouble() * random.nextDouble() * 0.5,
            QpartInstances.allWidths()
        );
        assertSamePlan(bruteForce(p), QpartPlanner.plan(p), context);
    }

    @Test
    void equalsBruteForceOnDeviceOnlyModelsUpToSixLayers() throws QpartInputException {
        Random random = new Random(12);
        for (int trial = 0; trial < 300; trial++) {
            int layers = 1 + (trial % 6);
            assertBruteForceOnRandomLayers(random, layers, Channel.deviceOnly(), "trial " + trial);
        }
    }

    @Test
    void equalsBruteForceWithAPartitionPointAndShippingUpToSixLayers() throws QpartInputException {
        Random random = new Random(34);
        for (int trial = 0; trial < 300; trial++) {
            int layers = 1 + (trial % 6);
            Channel channel = new Channel(
                random.nextDouble() * 0.002,
                1e5 + random.nextDouble() * 1e7,
                1e5 + random.nextDouble() * 1e7,
                random.nextDouble() * 5e10,
                1 + random.nextDouble() * 100
            );
            assertBruteForceOnRandomLayers(random, layers, channel, "trial " + trial);
        }
    }

    @Test
    void equalsBruteForceOverRestrictedWidths() throws QpartInputException {
        Random random = new Random(56);
        SortedSet<Integer> buildable = new TreeSet<>(List.of(4, 8, 16));
        for (int trial = 0; trial < 200; trial++) {
            QpartProblem p = problem(
                QpartInstances.decoderLayers(random, 1 + (trial % 5), 590_000, 65_536),
                Channel.deviceOnly(),
                random.nextDouble() * 0.05,
                buildable
            );
            QpartPlan plan = QpartPlanner.plan(p);
            assertSamePlan(bruteForce(p), plan, "trial " + trial);
            for (int bits : plan.bits()) {
                assertTrue(buildable.contains(bits), "only buildable widths, got " + bits);
            }
        }
    }

    @Test
    void staysWithinTheBudget() throws QpartInputException {
        Random random = new Random(78);
        for (int trial = 0; trial < 200; trial++) {
            double budget = random.nextDouble() * 0.1;
            QpartPlan plan = planOnDevice(
                QpartInstances.decoderLayers(random, 24, 14_900_000, 136_000_000),
                budget
            );
            assertTrue(plan.totalDegradation() <= budget, plan.totalDegradation() + " > " + budget);
            double sum = plan.layers().stream().mapToDouble(QpartPlan.LayerPlan::degradation).sum();
            assertEquals(sum, plan.totalDegradation(), 1e-15);
        }
    }

    /** The plan of {@code layers} run on the device alone, over every width, within {@code budget}. */
    private static QpartPlan planOnDevice(List<PlannerLayer> layers, double budget)
        throws QpartInputException {
        return QpartPlanner.plan(problem(layers, Channel.deviceOnly(), budget, QpartInstances.allWidths()));
    }

    @Test
    void aBudgetOfZeroKeepsEveryLayerAtTheReferenceWidth() throws QpartInputException {
        QpartPlan plan = planOnDevice(QpartInstances.decoderLayers(new Random(1), 3, 590_000, 65_536), 0);
        assertArrayEquals(new int[] { 16, 16, 16, 16 }, plan.bits());
        assertEquals(0, plan.totalDegradation());
    }

    @Test
    void aLooseBudgetGivesEveryLayerTheFastestWidth() throws QpartInputException {
        QpartPlan plan = planOnDevice(QpartInstances.decoderLayers(new Random(2), 3, 590_000, 65_536), 1e9);
        assertArrayEquals(new int[] { 2, 2, 2, 2 }, plan.bits());
    }

    @Test
    void uniformPlansPredictTheMeasuredSpeedOfTheirWidth() throws QpartInputException {
        List<PlannerLayer> layers = QpartInstances.decoderLayers(new Random(3), 3, 590_000, 65_536);
        QpartPlan plan = QpartPlanner.plan(
            problem(layers, Channel.deviceOnly(), 1e9, new TreeSet<>(List.of(8, 16)))
        );
        double flops = layers.stream().mapToDouble(PlannerLayer::flopsPerToken).sum();
        assertEquals(
            flops / QpartInstances.device(1).rates().get(8).flopsPerSecond(),
            plan.deviceSecondsPerToken(),
            1e-15
        );
    }

    @Test
    void aSlowDeviceAndAFastLinkMoveLayersToTheServer() throws QpartInputException {
        Channel link = new Channel(0.0001, 1e9, 1e9, 1e15, 1e6);
        QpartProblem p = new QpartProblem(
            "test",
            QpartInstances.decoderLayers(new Random(4), 3, 590_000, 65_536),
            50_000,
            QpartInstances.allWidths(),
            QpartInstances.device(1e-3),
            link,
            0.01
        );
        QpartPlan plan = QpartPlanner.plan(p);
        assertEquals(0, plan.partition());
        assertEquals(0, plan.bytesToShip());
        assertEquals(0, plan.totalDegradation());
    }

    @Test
    void bytesToShipCountTheCodesTheBlockScalesAndTheFixedWeights() {
        List<PlannerLayer> layers = List.of(
            new PlannerLayer("a", 1_000, 2_000, 1, 1, 64),
            new PlannerLayer("b", 3_200, 6_400, 1, 1, 64)
        );
        QpartProblem p = problem(layers, Channel.deviceOnly(), 1, QpartInstances.allWidths());
        QpartPlan plan = QpartPlanner.evaluate(p, new int[] { 8, 4 }, 2);
        // 50,000 fixed weights at 2 bytes, 1,000 at 1 byte, 3,200 at (4 + 1) bits.
        assertEquals(100_000 + 1_000 + 2_000, plan.bytesToShip());
    }

    @Test
    void degradationFollowsTheQuantizationNoiseMeasure() {
        PlannerLayer layer = new PlannerLayer("a", 1_000, 2_000, 0.5, 3, 64);
        assertEquals((3 * 0.25) / 256, QuantizationNoise.degradation(layer, 4), 1e-18);
        assertEquals((3 * 0.25) / 16, QuantizationNoise.degradation(layer, 2), 1e-18);
        assertEquals(
            QuantizationNoise.degradation(layer, 4) / 256,
            QuantizationNoise.degradation(layer, 8),
            1e-18
        );
        assertEquals(0, QuantizationNoise.degradation(layer, 16));
        assertThrows(IllegalArgumentException.class, () -> QuantizationNoise.degradation(layer, 5));
    }

    @Test
    void aNegativeBudgetIsRefusedInOneSentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
            problem(
                QpartInstances.randomLayers(new Random(5), 2),
                Channel.deviceOnly(),
                -0.01,
                QpartInstances.allWidths()
            )
        );
        assertEquals("the degradation budget must be a number ≥ 0, was -0.01", e.getMessage());
        assertThrows(IllegalArgumentException.class, () ->
            problem(
                QpartInstances.randomLayers(new Random(5), 2),
                Channel.deviceOnly(),
                Double.NaN,
                QpartInstances.allWidths()
            )
        );
    }

    @Test
    void withoutTheReferenceWidthATightBudgetHasNoPlan() {
        QpartProblem p = problem(
            QpartInstances.decoderLayers(new Random(6), 2, 590_000, 65_536),
            Channel.deviceOnly(),
            0,
            new TreeSet<>(List.of(4, 8))
        );
        QpartInputException e = assertThrows(QpartInputException.class, () -> QpartPlanner.plan(p));
        assertTrue(
            e.getMessage().startsWith("no plan of test meets the budget 0.0: even 8 bits"),
            e.getMessage()
        );
    }
}
