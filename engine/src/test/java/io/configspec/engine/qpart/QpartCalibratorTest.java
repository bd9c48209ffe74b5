package io.configspec.engine.qpart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.engine.decoding.CancellationToken;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.samplemodels.Precision;
import io.configspec.engine.samplemodels.SampleFamily;
import io.configspec.engine.testing.SampleFamilyFixture;
import io.configspec.model.domain.ProfileLibrary;
import io.configspec.model.io.ProfileLoader;
import io.configspec.model.qpart.DeviceThroughput;
import io.configspec.model.qpart.SensitivityCalibration;
import io.configspec.model.qpart.SensitivityCalibrationFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-layer sensitivity calibration and this machine's throughput profiles. */
class QpartCalibratorTest {

    private static final SampleFamilyFixture FAMILY = SampleFamilyFixture.get();

    @TempDir
    Path temp;

    @Test
    void eachLayerIsQuantisedAloneAndTheDropsAreFittedAndWritten() throws Exception {
        Path drafter = FAMILY.directory().resolve(SampleFamily.drafterName(1, Precision.FP32));
        GreedyAgreement.Reference reference = GreedyAgreement.reference(
            FAMILY.target(),
            SampleFamily.targetName(FAMILY.spec()),
            FAMILY.prompts().subList(0, 6),
            8
        );
        List<String> log = new ArrayList<>();
        SensitivityCalibration calibration = QpartCalibrator.calibrate(
            drafter,
            reference,
            "test prompts",
            List.of(4),
            EngineOptions.defaults(),
            log::add,
            new CancellationToken()
        );
        assertEquals(
            GreedyAgreement.acceptance(FAMILY.model("draft-1l-fp32"), reference).rate(),
            calibration.referenceAcceptance()
        );
        assertEquals(
            List.of("block 0", "head"),
            calibration.layers().stream().map(SensitivityCalibration.Layer::name).toList()
        );
        for (SensitivityCalibration.Layer layer : calibration.layers()) {
            SensitivityCalibration.Measurement m = layer.measurements().getFirst();
            assertEquals(4, m.bits());
            double drop = Math.max(0, calibration.referenceAcceptance() - m.acceptanceRate());
            // One width: the fit goes through the measured drop exactly.
            double x = (layer.weightRange() * layer.weightRange()) / 256;
            assertEquals(drop / x, layer.sensitivity(), 1e-9);
        }
        assertEquals(3, log.size());
        Path file = temp.resolve(SensitivityCalibrationFile.FILE_NAME);
        SensitivityCalibrationFile.write(file, calibration);
        assertEquals(calibration, SensitivityCalibrationFile.read(file));
        try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertTrue(
                files.noneMatch(
                    p ->
                        p.getFileName().toString().startsWith("qpart-calibration") &&
                        Files.exists(p.resolve("one-layer-head-4"))
                )
            );
        }
    }

    @Test
    void measuredSpeedsBecomeADeviceProfileThePlannerReadsPerWidth() throws Exception {
        Map<Integer, DraftingSpeed> speeds = Map.of(
            4,
            DraftingSpeed.of(List.of(300.0, 310.0, 290.0), 10),
            8,
            DraftingSpeed.of(List.of(400.0), 10),
            16,
            DraftingSpeed.of(List.of(200.0, 220.0), 10)
        );
        ThisMachineProfiles.write(
            temp,
            "draft-3l",
            1_903_616,
            "target-12l-fp32",
            7_000_000,
            new java.util.TreeMap<>(speeds),
            LocalDate.of(2026, 12, 2)
        );
        ProfileLibrary library = ProfileLoader.load(List.of(temp)).library();
        DeviceThroughput throughput = DeviceThroughput.fromProfile(
            library.device(ThisMachineProfiles.DEVICE_ID).orElseThrow(),
            library
        );
        assertEquals(2.0 * 1_903_616 * 300, throughput.rates().get(4).flopsPerSecond(), 1e-3);
        assertEquals(2.0 * 1_903_616 * 400, throughput.rates().get(8).flopsPerSecond(), 1e-3);
        assertEquals(2.0 * 1_903_616 * 210, throughput.rates().get(16).flopsPerSecond(), 1e-3);
        assertEquals(4, throughput.rates().get(3).measuredWidth());
        // No invented watt: power was not measured, so the profile has none.
        var device = library.device(ThisMachineProfiles.DEVICE_ID).orElseThrow();
        assertTrue(device.idlePowerWatts().isEmpty());
        assertTrue(
            device
                .drafting()
                .stream()
                .allMatch(m -> m.powerWatts().isEmpty())
        );
    }
}
