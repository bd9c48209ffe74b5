package io.configspec.app.testing;

import io.configspec.model.domain.Provenance;
import io.configspec.model.qpart.SensitivityCalibration;
import io.configspec.model.qpart.SensitivityCalibrationFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Drafters and calibrations the QPART tests of the CLI, the planner panel and the journey share. */
public final class QpartFixtures {

    /** The tiny drafter's reference acceptance and its layers' acceptance with only that layer at 4 bits. */
    public static final double TINY_REFERENCE_ACCEPTANCE = 0.8;

    private QpartFixtures() {}

    /**
     * A two-block drafter's {@code config.json} (no ONNX model) in {@code parent/tiny-drafter}, with
     * a calibration where block 0 loses 0.1 at 4 bits, block 1 0.01 and the head 0.03.
     */
    public static Path tinyCalibratedDrafter(Path parent) throws IOException {
        Path dir = tinyDrafter(parent);
        Map<String, double[]> layers = new LinkedHashMap<>();
        layers.put("block 0", new double[] { 0.6, 0.70 });
        layers.put("block 1", new double[] { 0.6, 0.79 });
        layers.put("head", new double[] { 18, 0.77 });
        calibrate(dir, "tiny-drafter", "tiny-target", TINY_REFERENCE_ACCEPTANCE, layers);
        return dir;
    }

    /** The same drafter without a calibration. */
    public static Path tinyDrafter(Path parent) throws IOException {
        Path dir = parent.resolve("tiny-drafter");
        Files.createDirectories(dir);
        Files.writeString(
            dir.resolve("config.json"),
            """
            {"num_hidden_layers": 2, "hidden_size": 512, "num_attention_heads": 8, "num_key_value_heads": 4,
             "intermediate_size": 1408, "vocab_size": 32000, "tie_word_embeddings": false}
            """
        );
        return dir;
    }

    /**
     * Writes {@code qpart-calibration.json} into {@code dir}: per layer name, its weight range and
     * the acceptance measured with only it at 4 bits (test inputs, marked as such in provenance).
     */
    public static void calibrate(
        Path dir,
        String drafter,
        String target,
        double referenceAcceptance,
        Map<String, double[]> rangeAndAcceptanceAt4Bits
    ) throws IOException {
        List<SensitivityCalibration.Layer> layers = new ArrayList<>();
        rangeAndAcceptanceAt4Bits.forEach((name, v) ->
            layers.add(
                SensitivityCalibration.fitted(
                    referenceAcceptance,
                    name,
                    v[0],
                    List.of(new SensitivityCalibration.Measurement(4, v[1]))
                )
            )
        );
        SensitivityCalibrationFile.write(
            dir.resolve(SensitivityCalibrationFile.FILE_NAME),
            new SensitivityCalibration(
                drafter,
                target,
                "test prompts",
                1,
                referenceAcceptance,
                new Provenance.Measured("test", LocalDate.of(2026, 12, 2), 100),
                layers
            )
        );
    }
}
