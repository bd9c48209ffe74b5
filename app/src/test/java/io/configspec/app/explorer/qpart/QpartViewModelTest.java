package io.configspec.app.explorer.qpart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.concurrent.SynchronousTaskExecutor;
import io.configspec.model.domain.Provenance;
import io.configspec.model.qpart.QpartPlan;
import io.configspec.model.qpart.SensitivityCalibration;
import io.configspec.model.qpart.SensitivityCalibrationFile;
import io.configspec.model.testing.SampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planner panel's view model: devices, replanning on the budget, errors as one sentence. */
class QpartViewModelTest {

    @TempDir
    Path temp;

    private QpartViewModel model() throws Exception {
        Path dir = temp.resolve("tiny-drafter");
        Files.createDirectories(dir);
        Files.writeString(
            dir.resolve("config.json"),
            """
            {"num_hidden_layers": 2, "hidden_size": 512, "num_attention_heads": 8, "num_key_value_heads": 4,
             "intermediate_size": 1408, "vocab_size": 32000}
            """
        );
        SensitivityCalibrationFile.write(
            dir.resolve(SensitivityCalibrationFile.FILE_NAME),
            new SensitivityCalibration(
                "tiny-drafter",
                "tiny-target",
                "test prompts",
                1,
                0.8,
                new Provenance.Measured("test", LocalDate.of(2026, 12, 2), 100),
                List.of(
                    SensitivityCalibration.fitted(
                        0.8,
                        "block 0",
                        0.6,
                        List.of(new SensitivityCalibration.Measurement(4, 0.70))
                    ),
                    SensitivityCalibration.fitted(
                        0.8,
                        "block 1",
                        0.6,
                        List.of(new SensitivityCalibration.Measurement(4, 0.79))
                    ),
                    SensitivityCalibration.fitted(
                        0.8,
                        "head",
                        18,
                        List.of(new SensitivityCalibration.Measurement(4, 0.77))
                    )
                )
            )
        );
        QpartViewModel model = new QpartViewModel(new SynchronousTaskExecutor());
        model.modelDirectoryProperty().set(dir);
        model.profilesProperty().set(SampleFiles.root().resolve("profiles"));
        return model;
    }

    @Test
    void devicesLoadAndTheBudgetReplansWithinIt() throws Exception {
        QpartViewModel model = model();
        model.loadDevices();
        assertTrue(model.devices().contains("laptop-x86-64"), model.devices().toString());
        model.deviceProperty().set("laptop-x86-64");
        model.budgetProperty().set(0.02);
        model.replan();
        QpartPlan loose = model.planProperty().get();
        assertTrue(loose.totalDegradation() <= 0.02, model.statusProperty().get());
        assertTrue(
            model.statusProperty().get().startsWith("predicted (QPART, device profile laptop-x86-64): Δα"),
            model.statusProperty().get()
        );
        model.budgetProperty().set(0);
        model.replan();
        QpartPlan strict = model.planProperty().get();
        assertTrue(Arrays.stream(strict.bits()).allMatch(b -> b == 16), Arrays.toString(strict.bits()));
        assertTrue(strict.secondsPerToken() >= loose.secondsPerToken());
    }

    @Test
    void anUnknownDeviceLeavesNoPlanAndOneSentence() throws Exception {
        QpartViewModel model = model();
        model.deviceProperty().set("mars-rover");
        model.replan();
        assertNull(model.planProperty().get());
        assertTrue(
            model.statusProperty().get().startsWith("no device 'mars-rover' in the profiles"),
            model.statusProperty().get()
        );
        assertEquals(1, model.statusProperty().get().lines().count());
    }
}
