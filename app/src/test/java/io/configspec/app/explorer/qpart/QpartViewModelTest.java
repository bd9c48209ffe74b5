package io.configspec.app.explorer.qpart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.concurrent.SynchronousTaskExecutor;
import io.configspec.app.testing.QpartFixtures;
import io.configspec.model.qpart.QpartPlan;
import io.configspec.model.testing.SampleFiles;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planner panel's view model: devices, replanning on the budget, errors as one sentence. */
class QpartViewModelTest {

    @TempDir
    Path temp;

    private QpartViewModel model() throws Exception {
        Path dir = QpartFixtures.tinyCalibratedDrafter(temp);
        QpartViewModel model = new QpartViewModel(new SynchronousTaskExecutor());
        model.inputs().modelDirectory().set(dir);
        model.inputs().profiles().set(SampleFiles.root().resolve("profiles"));
        return model;
    }

    @Test
    void devicesLoadAndTheBudgetReplansWithinIt() throws Exception {
        QpartViewModel model = model();
        model.loadDevices();
        assertTrue(model.devices().contains("laptop-x86-64"), model.devices().toString());
        // The first device in order (jetson-agx-orin-paper) has no throughput per width; the
        // default is the first that has, and it plans.
        assertTrue(model.devices().getFirst().compareTo(model.inputs().device().get()) < 0);
        assertTrue(model.planProperty().get() != null, model.work().messageProperty().get());
        model.inputs().device().set("laptop-x86-64");
        model.inputs().budget().set(0.02);
        model.replan();
        QpartPlan loose = model.planProperty().get();
        assertTrue(loose.totalDegradation() <= 0.02, model.work().messageProperty().get());
        assertTrue(
            model
                .work()
                .messageProperty()
                .get()
                .startsWith("predicted (QPART, device profile laptop-x86-64): Δα"),
            model.work().messageProperty().get()
        );
        model.inputs().budget().set(0);
        model.replan();
        QpartPlan strict = model.planProperty().get();
        assertTrue(Arrays.stream(strict.bits()).allMatch(b -> b == 16), Arrays.toString(strict.bits()));
        assertTrue(strict.secondsPerToken() >= loose.secondsPerToken());
    }

    @Test
    void withoutADrafterTheStatusSaysHowToChooseOne() {
        // A checkout where configspec models generate has not run: the tab has no drafter to open on.
        QpartViewModel model = new QpartViewModel(new SynchronousTaskExecutor());
        model.inputs().profiles().set(SampleFiles.root().resolve("profiles"));
        model.loadDevices();
        assertNull(model.planProperty().get());
        String status = model.work().messageProperty().get();
        assertTrue(status.startsWith("no drafter chosen: Choose drafter…"), status);
        assertTrue(status.contains("./configspec models generate"), status);
        assertEquals(1, status.lines().count());
    }

    @Test
    void anUnknownDeviceLeavesNoPlanAndOneSentence() throws Exception {
        QpartViewModel model = model();
        model.inputs().device().set("mars-rover");
        model.replan();
        assertNull(model.planProperty().get());
        assertTrue(
            model.work().messageProperty().get().startsWith("no device 'mars-rover' in the profiles"),
            model.work().messageProperty().get()
        );
        assertEquals(1, model.work().messageProperty().get().lines().count());
    }
}
