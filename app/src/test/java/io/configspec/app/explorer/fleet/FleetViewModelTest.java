package io.configspec.app.explorer.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.Samples;
import io.configspec.app.explorer.concurrent.SynchronousTaskExecutor;
import io.configspec.model.fleet.FleetPolicy;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Fleet view model without a toolkit: the synchronous executor runs the work inline. */
class FleetViewModelTest {

    private static final Path FLEET = Samples.root().resolve("scenarios/fleet.json");

    private static FleetViewModel loaded() {
        FleetViewModel vm = new FleetViewModel(new SynchronousTaskExecutor());
        assertTrue(vm.loadScenario(FLEET), vm.work().messageProperty().get());
        vm.settings().maxDevices().set(40);
        vm.settings().durationSeconds().set(20);
        return vm;
    }

    @Test
    void loadingShowsTheDeviceMixAndTheScenarioSlo() {
        FleetViewModel vm = loaded();
        assertEquals(3, vm.deviceMix().size());
        assertEquals(150, vm.settings().sloMillis().get(), 1e-9);
        assertTrue(vm.scenarioNameProperty().get().contains("Raspberry Pi"));
    }

    @Test
    void runFillsEveryPolicysCurvesCapacityAndLatencyDistribution() {
        FleetViewModel vm = loaded();
        vm.run().join();
        for (FleetPolicy p : FleetPolicy.values()) {
            assertEquals(FleetViewModel.sweepSizes(40).size(), vm.curve(p).size(), p.label());
            assertTrue(vm.capacityProperty(p).get() >= 0, p.label());
            assertFalse(vm.tpotDistribution(p).isEmpty(), p.label());
        }
        assertEquals(1.0, vm.work().progressProperty().get(), 1e-9);
        assertFalse(vm.work().runningProperty().get());
        assertTrue(
            vm.work().messageProperty().get().startsWith("Capacity"),
            vm.work().messageProperty().get()
        );
        assertEquals(
            Math.max(1, vm.capacityProperty(FleetPolicy.WISP).get()),
            vm.distributionDevicesProperty().get()
        );
    }

    @Test
    void runComparesWispWithTheOthersAndReportsWastedDrafting() {
        FleetViewModel vm = loaded();
        vm.run().join();
        String text = vm.comparisonProperty().get();
        // the same comparison as configspec fleet-report: WISP over both, SLED over centralised
        assertTrue(text.contains("WISP / Centralised"), text);
        assertTrue(text.contains("WISP / SLED"), text);
        assertTrue(text.contains("SLED / Centralised"), text);
        assertTrue(text.contains("wasted drafting"), text);
        assertTrue(text.startsWith("Simulated"), text);
        assertTrue(text.contains("170.82 against 326.12 tokens/s"), text);
    }

    @Test
    void theBundledFleetScenariosIncludeTheWispPapersSettingAndItLoads() {
        var samples = FleetViewModel.sampleScenarios(Samples.root().resolve("scenarios"));
        var names = samples
            .stream()
            .map(p -> p.getFileName().toString())
            .toList();
        assertTrue(names.contains("fleet.json"), names.toString());
        assertTrue(names.contains("wisp-paper.json"), names.toString());
        assertFalse(names.contains("configspec-paper.json"), "a single-device scenario is not offered");
        FleetViewModel vm = new FleetViewModel(new SynchronousTaskExecutor());
        assertTrue(
            vm.loadScenario(Samples.root().resolve("scenarios/wisp-paper.json")),
            vm.work().messageProperty().get()
        );
        assertEquals(3, vm.deviceMix().size());
        assertEquals(200, vm.settings().sloMillis().get(), 1e-9);
    }

    @Test
    void sensitivitySweepRecordsEverySettingAndWhereThePapersPictureHolds() {
        FleetViewModel vm = loaded();
        vm.settings().maxDevices().set(16);
        vm.settings().durationSeconds().set(10);
        vm.runSensitivity().join();
        assertFalse(vm.work().runningProperty().get());
        assertEquals(
            io.configspec.model.fleet.FleetSensitivity.defaultGrid(vm.effectiveScenario()).size(),
            vm.sensitivity().size()
        );
        for (var knob : io.configspec.model.fleet.FleetSensitivity.Knob.values()) {
            assertTrue(
                vm
                    .sensitivity()
                    .stream()
                    .anyMatch(p -> p.knob() == knob && p.isBase()),
                knob.name()
            );
        }
        assertTrue(vm.sensitivitySummaryProperty().get().contains("WISP ≥ 2× centralised"));
        assertEquals(1.0, vm.work().progressProperty().get(), 1e-9);
    }

    @Test
    void editedSharesAndSloAreSimulated() {
        FleetViewModel vm = loaded();
        vm.deviceMix().get(0).weightProperty().set(5);
        vm.settings().sloMillis().set(400);
        var s = vm.effectiveScenario();
        assertEquals(5, s.deviceMix().get(0).weight(), 1e-12);
        assertEquals(0.4, s.sloTpotSeconds(), 1e-12);
    }

    @Test
    void cancelStopsTheRunAndSaysSo() {
        FleetViewModel vm = loaded();
        vm
            .work()
            .progressProperty()
            .addListener((o, a, b) -> vm.work().cancel());
        vm.run().join();
        assertFalse(vm.work().runningProperty().get());
        assertEquals("Cancelled.", vm.work().messageProperty().get());
        assertTrue(vm.curve(FleetPolicy.CENTRALIZED).size() < FleetViewModel.sweepSizes(40).size());
    }

    @Test
    void aBadFileIsOneSentenceInTheStatusLine() {
        FleetViewModel vm = new FleetViewModel(new SynchronousTaskExecutor());
        assertFalse(vm.loadScenario(Samples.paperScenario()));
        assertTrue(vm.work().messageProperty().get().contains("kind"), vm.work().messageProperty().get());
        vm.run().join();
        assertEquals("Open a fleet scenario first.", vm.work().messageProperty().get());
    }

    @Test
    void sweepSizesSpanOneToTheMaximum() {
        var sizes = FleetViewModel.sweepSizes(200);
        assertEquals(1, sizes.getFirst());
        assertEquals(200, sizes.getLast());
    }

    @Test
    void curveAndDistributionViewsAreKeptSoTheirListenersSurviveGarbageCollection() {
        FleetViewModel vm = new FleetViewModel(new SynchronousTaskExecutor());
        for (FleetPolicy p : FleetPolicy.values()) {
            assertSame(vm.curve(p), vm.curve(p));
            assertSame(vm.tpotDistribution(p), vm.tpotDistribution(p));
        }
    }
}
