package io.configspec.model.qpart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** What tightening the budget does to the exact plan. */
class BudgetSweepTest {

    @Test
    void tighterBudgetsNeverGiveAFasterPlanOrMoreDegradation() throws QpartInputException {
        Random random = new Random(2026);
        for (int model = 0; model < 120; model++) {
            int layers = 1 + random.nextInt(24);
            QpartProblem problem = new QpartProblem(
                "model " + model,
                model % 2 == 0
                    ? QpartInstances.decoderLayers(
                          random,
                          layers,
                          590_000,
                          65_536 + random.nextInt(1_000_000)
                      )
                    : QpartInstances.randomLayers(random, layers),
                50_000,
                QpartInstances.allWidths(),
                QpartInstances.device(1),
                Channel.deviceOnly(),
                0
            );
            QpartPlan looser = null;
            for (int step = 60; step >= 0; step--) {
                double budget = step == 0 ? 0 : 1e-6 * Math.pow(1.3, step);
                QpartPlan plan = QpartPlanner.plan(problem.withBudget(budget));
                if (looser != null) {
                    assertTrue(
                        plan.secondsPerToken() >= looser.secondsPerToken(),
                        "faster at a tighter budget"
                    );
                    assertTrue(
                        plan.totalDegradation() <= looser.totalDegradation(),
                        "more degradation at a tighter budget"
                    );
                }
                looser = plan;
            }
        }
    }

    /**
     * The exact optimum is not monotone in total bits: a large, sensitive layer A and a small, less
     * sensitive layer B. At a budget of 1.001, A at 4 bits and B at 16 is fastest; at 0.9, A must
     * rise to 8 bits, which frees enough degradation for B to drop to 4: fewer total bits (12 < 20)
     * at a tighter budget (docs/model.md, "QPART planner").
     */
    @Test
    void aTighterBudgetCanGiveFewerTotalBitsAtTheExactOptimum() throws QpartInputException {
        Map<Integer, DeviceThroughput.Rate> rates = new TreeMap<>();
        rates.put(2, new DeviceThroughput.Rate(800, 4, "test"));
        rates.put(3, new DeviceThroughput.Rate(800, 4, "test"));
        rates.put(4, new DeviceThroughput.Rate(800, 4, "test"));
        rates.put(8, new DeviceThroughput.Rate(750, 8, "test"));
        rates.put(16, new DeviceThroughput.Rate(350, 16, "test"));
        QpartProblem problem = new QpartProblem(
            "counterexample",
            List.of(new PlannerLayer("A", 50, 100, 1, 256, 8), new PlannerLayer("B", 2, 4, 1, 128, 8)),
            0,
            new TreeSet<>(List.of(4, 8, 16)),
            new DeviceThroughput("test", new TreeMap<>(rates)),
            Channel.deviceOnly(),
            0
        );
        QpartPlan loose = QpartPlanner.plan(problem.withBudget(1.001));
        QpartPlan tight = QpartPlanner.plan(problem.withBudget(0.9));
        assertArrayEquals(new int[] { 4, 16 }, loose.bits());
        assertArrayEquals(new int[] { 8, 4 }, tight.bits());
        assertTrue(tight.totalBits() < loose.totalBits());
        assertTrue(tight.secondsPerToken() > loose.secondsPerToken());
    }
}
