package io.configspec.model.qpart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.domain.ProfileLibrary;
import io.configspec.model.domain.Provenance;
import io.configspec.model.io.ProfileException;
import io.configspec.model.io.ProfileLoader;
import io.configspec.model.testing.SampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QpartPlanningTest {

    private static ProfileLibrary library() throws ProfileException {
        return ProfileLoader.load(List.of(SampleFiles.root().resolve("profiles"))).library();
    }

    /** A Qwen2.5-0.5B-shaped model: 24 blocks of 14.9 M weights and a 136 M-weight head. */
    private static ModelLayers qwen(Optional<SensitivityCalibration> calibration) {
        List<PlannerLayer> layers = new ArrayList<>();
        for (int l = 0; l < 24; l++) {
            layers.add(new PlannerLayer("block " + l, 14_900_000, 29_800_000, 1, 1, 896 * 4));
        }
        layers.add(new PlannerLayer("head", 136_000_000, 272_000_000, 1, 1, 8));
        return new ModelLayers("qwen2.5-0.5b", "test", layers, 136_000_000, calibration);
    }

    private static QpartPlanning.Request request(
        ModelLayers model,
        String device,
        QpartPlanning.Budget budget
    ) {
        return new QpartPlanning.Request(
            model,
            device,
            Optional.empty(),
            Optional.empty(),
            budget,
            new TreeSet<>(List.of(4, 8, 16)),
            Channel.DEFAULT_AMORTISED_TOKENS
        );
    }

    @Test
    void throughputByWidthComesFromTheDevicesDraftingMeasurements() throws Exception {
        ProfileLibrary library = library();
        DeviceThroughput t = DeviceThroughput.fromProfile(
            library.device("raspberry-pi-5").orElseThrow(),
            library
        );
        // Llama 3.2 1B q4_k_m at 14 tokens/s is one of the 4-bit measurements.
        assertEquals(4, t.rates().get(4).measuredWidth());
        assertTrue(
            t.rates().get(4).source().contains("llama3.2-1b q4_k_m 14.0 tokens/s"),
            t.rates().get(4).source()
        );
        assertTrue(t.rates().get(4).flopsPerSecond() > t.rates().get(8).flopsPerSecond());
        assertTrue(t.rates().get(8).flopsPerSecond() > t.rates().get(16).flopsPerSecond());
        // 2 and 3 bits were never measured: they take the 4-bit rate, never a faster one.
        assertEquals(4, t.rates().get(2).measuredWidth());
        assertEquals(t.rates().get(4).flopsPerSecond(), t.rates().get(3).flopsPerSecond());
    }

    @Test
    void plansAgainstAProfiledDeviceInTheNoiseUnit() throws Exception {
        QpartPlan plan = QpartPlanning.plan(
            request(qwen(Optional.empty()), "raspberry-pi-5", new QpartPlanning.Budget.Noise(0.01)),
            library()
        );
        assertTrue(plan.totalDegradation() <= 0.01);
        assertTrue(plan.wholeModelOnDevice());
        assertEquals(25, plan.layers().size());
        assertTrue(plan.bytesToShip() > 0);
    }

    @Test
    void anUnknownDeviceIsOneSentenceNamingTheKnownOnes() {
        QpartInputException e = assertThrows(QpartInputException.class, () ->
            QpartPlanning.plan(
                request(qwen(Optional.empty()), "pi-9", new QpartPlanning.Budget.Noise(0.01)),
                library()
            )
        );
        assertTrue(
            e.getMessage().startsWith("no device 'pi-9' in the profiles (devices: ") &&
                e.getMessage().contains("jetson-orin-nano, "),
            e.getMessage()
        );
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void aNegativeBudgetIsOneSentence() {
        QpartInputException e = assertThrows(QpartInputException.class, () ->
            QpartPlanning.plan(
                request(qwen(Optional.empty()), "raspberry-pi-5", new QpartPlanning.Budget.Noise(-1)),
                library()
            )
        );
        assertTrue(e.getMessage().startsWith("the budget must be a number ≥ 0"), e.getMessage());
    }

    @Test
    void anAcceptanceBudgetNeedsACalibration() {
        QpartInputException e = assertThrows(QpartInputException.class, () ->
            QpartPlanning.plan(
                request(
                    qwen(Optional.empty()),
                    "raspberry-pi-5",
                    new QpartPlanning.Budget.AcceptanceDrop(0.02)
                ),
                library()
            )
        );
        assertTrue(e.getMessage().startsWith("qwen2.5-0.5b has no sensitivity calibration"), e.getMessage());
    }

    @Test
    void aCalibratedModelPlansInAcceptance() throws Exception {
        List<SensitivityCalibration.Layer> layers = new ArrayList<>();
        for (PlannerLayer layer : qwen(Optional.empty()).layers()) {
            layers.add(
                SensitivityCalibration.fitted(
                    0.9,
                    layer.name(),
                    2,
                    List.of(new SensitivityCalibration.Measurement(4, 0.899))
                )
            );
        }
        SensitivityCalibration calibration = new SensitivityCalibration(
            "qwen2.5-0.5b",
            "qwen2.5-7b",
            "test",
            4,
            0.9,
            new Provenance.Measured("test", LocalDate.of(2026, 12, 2), 10),
            layers
        );
        QpartPlan plan = QpartPlanning.plan(
            request(
                qwen(Optional.of(calibration)),
                "raspberry-pi-5",
                new QpartPlanning.Budget.AcceptanceDrop(0.02)
            ),
            library()
        );
        // each layer loses 0.001 of acceptance at 4 bits (and 0.001/256 at 8): about twenty fit in 0.02
        assertTrue(plan.totalDegradation() <= 0.02);
        long fourBit = plan
            .layers()
            .stream()
            .filter(l -> l.bits() == 4)
            .count();
        assertTrue(fourBit >= 19 && fourBit <= 20, fourBit + " layers at 4 bits");
        plan
            .layers()
            .stream()
            .filter(l -> l.bits() == 4)
            .forEach(l -> assertEquals(0.001, l.degradation(), 1e-12));
    }

    @Test
    void aSplitNeedsANetworkAndAServerTheProfilesKnow() throws Exception {
        QpartPlanning.Request split = new QpartPlanning.Request(
            qwen(Optional.empty()),
            "raspberry-pi-5",
            Optional.of("wifi-lan"),
            Optional.of("a100-linear"),
            new QpartPlanning.Budget.Noise(0.01),
            new TreeSet<>(List.of(4, 8, 16)),
            1e4
        );
        QpartPlan plan = QpartPlanning.plan(split, library());
        assertTrue(plan.totalDegradation() <= 0.01);
        QpartInputException e = assertThrows(QpartInputException.class, () ->
            QpartPlanning.plan(
                new QpartPlanning.Request(
                    split.model(),
                    split.deviceId(),
                    Optional.of("carrier-pigeon"),
                    split.serverId(),
                    split.budget(),
                    split.bitWidths(),
                    1e4
                ),
                library()
            )
        );
        assertTrue(
            e.getMessage().startsWith("no network 'carrier-pigeon' in the profiles (networks: "),
            e.getMessage()
        );
    }

    @Test
    void fitsSensitivityAsTheLargestRatioSoEveryMeasuredDropIsBounded() {
        // drops 0.0256 at 4 bits and 0.0001 at 8 bits with R = 1: x = 2^-8 and 2^-16
        double s = SensitivityCalibration.fit(
            0.9,
            1,
            List.of(
                new SensitivityCalibration.Measurement(4, 0.8744),
                new SensitivityCalibration.Measurement(8, 0.8999)
            )
        );
        double x4 = Math.scalb(1.0, -8);
        double x8 = Math.scalb(1.0, -16);
        assertEquals(Math.max(0.0256 / x4, 0.0001 / x8), s, 1e-6);
        assertEquals(0.0001 / x8, s, 1e-6);
        assertTrue(s * x4 >= 0.0256 - 1e-12 && s * x8 >= 0.0001 - 1e-12);
        // a gain is no negative sensitivity
        assertEquals(
            0,
            SensitivityCalibration.fit(0.9, 1, List.of(new SensitivityCalibration.Measurement(4, 0.95)))
        );
    }

    @Test
    void calibrationFilesRoundTrip(@TempDir Path dir) throws Exception {
        SensitivityCalibration calibration = new SensitivityCalibration(
            "draft-3l-fp32",
            "target-12l-fp32",
            "sample-prompts.txt",
            4,
            0.94,
            new Provenance.Measured("configspec-engine 0.1.0", LocalDate.of(2026, 12, 2), 480),
            List.of(
                SensitivityCalibration.fitted(
                    0.94,
                    "block 0",
                    1.5,
                    List.of(new SensitivityCalibration.Measurement(4, 0.9))
                ),
                SensitivityCalibration.fitted(
                    0.94,
                    "head",
                    2.5,
                    List.of(new SensitivityCalibration.Measurement(8, 0.94))
                )
            )
        );
        Path file = dir.resolve(SensitivityCalibrationFile.FILE_NAME);
        SensitivityCalibrationFile.write(file, calibration);
        assertEquals(calibration, SensitivityCalibrationFile.read(file));
    }

    @Test
    void aDamagedCalibrationIsOneSentenceNamingTheFileAndField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(SensitivityCalibrationFile.FILE_NAME);
        Files.writeString(
            file,
            """
            {"schemaVersion": 1, "kind": "qpart-calibration", "model": "m", "target": "t", "promptSet": "p", "k": 4,
             "referenceAcceptance": 1.5, "provenance": {"kind": "illustrative"}, "layers": []}
            """
        );
        ProfileException e = assertThrows(ProfileException.class, () ->
            SensitivityCalibrationFile.read(file)
        );
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("referenceAcceptance"), e.getMessage());
    }
}
