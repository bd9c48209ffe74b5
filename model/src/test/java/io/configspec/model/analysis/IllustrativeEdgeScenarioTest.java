package io.configspec.model.analysis;

import static java.util.Comparator.comparingDouble;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.testing.SampleFiles;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The illustrative edge scenario (placeholder profiles shaped by the paper's trends, with a laptop
 * and a Jetson Orin Nano the paper lacks) shows the ConfigSpec paper's findings (DESIGN §4): goodput
 * peaks with each device's fastest drafter at a device-dependent K* in 2..10; cost and energy
 * peak at the smallest K, cost with the highest-α drafter and energy with the lowest-power one.
 */
class IllustrativeEdgeScenarioTest {

    private static final Comparator<DraftingMeasurement> BY_RATE = comparingDouble(
        DraftingMeasurement::tokensPerSecond
    );
    private static final Comparator<DraftingMeasurement> BY_POWER = comparingDouble(m ->
        m.powerWatts().orElseThrow()
    );

    private static ScenarioLoader.LoadedScenario loaded;
    private static EvaluatedSpace space;

    @BeforeAll
    static void load() throws Exception {
        loaded = ScenarioLoader.load(SampleFiles.root().resolve("scenarios/illustrative-edge.json"));
        space = loaded.space().evaluate();
    }

    private static int best(Objective objective, IntPredicate rows) {
        double[] values = space.column(objective);
        int best = -1;
        for (int i = 0; i < space.size(); i++) {
            if (rows.test(i) && (best < 0 || objective.better(values[i], values[best]))) {
                best = i;
            }
        }
        return best;
    }

    private static boolean onDevice(int row, DeviceProfile device) {
        return space.combination(row).device().id().equals(device.id());
    }

    @Test
    void scenarioIsThePaperSettingOverIllustrativeProfiles() {
        Scenario s = loaded.scenario();
        assertEquals(2, s.kMin());
        assertEquals(16, s.kMax());
        assertEquals(PricingMode.TOKEN, s.pricing());
        assertEquals(EnergyMode.DRAFTING_ONLY, s.energy());
        for (int i = 0; i < space.size(); i++) {
            assertEquals(0.5, space.verifySeconds(i), 0.0);
        }
        assertEquals(4, loaded.library().devices().size());
    }

    @Test
    void goodputPeaksWithEachDevicesFastestDrafterAtKBetween2And10() {
        for (DeviceProfile device : loaded.library().devices()) {
            int row = best(Objective.GOODPUT, i -> onDevice(i, device));
            var fastest = Collections.max(device.drafting(), BY_RATE);
            Combination c = space.combination(row);
            assertEquals(fastest.drafter(), c.drafter().id(), device.id());
            assertEquals(fastest.quantization(), c.quantization(), device.id());
            assertTrue(space.k(row) >= 2 && space.k(row) <= 10, device.id() + " K* = " + space.k(row));
        }
    }

    @Test
    void goodputOptimalKDiffersBetweenDevices() {
        Set<Integer> optimalKs = new HashSet<>();
        for (DeviceProfile device : loaded.library().devices()) {
            optimalKs.add(space.k(best(Objective.GOODPUT, i -> onDevice(i, device))));
        }
        assertEquals(loaded.library().devices().size(), optimalKs.size(), "K* per device: " + optimalKs);
    }

    @Test
    void costPeaksAtSmallestKWithTheHighestAlphaDrafterForEachTarget() {
        for (DeviceProfile device : loaded.library().devices()) {
            for (var target : loaded.library().targets()) {
                IntPredicate group = i ->
                    onDevice(i, device) && space.combination(i).target().id().equals(target.id());
                int row = best(Objective.TOKENS_PER_DOLLAR, group);
                assertEquals(2, space.k(row), device.id() + " → " + target.id());
                double maxAlpha = 0;
                for (int i = 0; i < space.size(); i++) {
                    if (group.test(i)) {
                        maxAlpha = Math.max(maxAlpha, space.acceptanceRate(i));
                    }
                }
                assertEquals(maxAlpha, space.acceptanceRate(row), 0.0, device.id() + " → " + target.id());
            }
        }
    }

    @Test
    void energyPeaksAtSmallestKWithEachDevicesLowestPowerDrafter() {
        for (DeviceProfile device : loaded.library().devices()) {
            int row = best(Objective.TOKENS_PER_JOULE, i -> onDevice(i, device));
            var lowest = Collections.min(device.drafting(), BY_POWER);
            assertEquals(2, space.k(row), device.id());
            assertEquals(lowest, space.combination(row).drafting(), device.id());
        }
    }

    @Test
    void noSingleConfigurationOptimisesAllThreeObjectives() {
        int goodput = space.best(Objective.GOODPUT);
        int cost = space.best(Objective.TOKENS_PER_DOLLAR);
        int energy = space.best(Objective.TOKENS_PER_JOULE);
        assertTrue(goodput != cost && goodput != energy && cost != energy);
    }
}
