package io.configspec.engine.qpart;

import io.configspec.engine.decoding.CancellationToken;
import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.onnx.InferenceException;
import io.configspec.engine.onnx.ModelLoadException;
import io.configspec.engine.samplemodels.Precision;
import io.configspec.engine.samplemodels.SampleFamily;
import io.configspec.model.domain.Provenance;
import io.configspec.model.qpart.ModelLayers;
import io.configspec.model.qpart.PlannerLayer;
import io.configspec.model.qpart.QpartInputException;
import io.configspec.model.qpart.SensitivityCalibration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Measures what the QPART planner needs about a sample-family drafter on this machine:
 *
 * <ul>
 *   <li>{@link #calibrate}: per-layer sensitivity. The drafter is rebuilt once per planner layer
 *       and width with only that layer quantised; each build's greedy acceptance against the
 *       target ({@link GreedyAgreement}) gives the drop from the unquantised drafter's, and
 *       {@link SensitivityCalibration#fitted} fits QPART's s·R²·2^(−2b) to the drops.
 *   <li>{@link #measureWidths}: decode throughput with every layer at one width, per buildable
 *       width, which {@link ThisMachineProfiles} writes as this machine's device profile.
 * </ul>
 *
 * Builds go to a temporary folder that is removed afterwards.
 */
public final class QpartCalibrator {

    /** Tool name written into provenance. */
    public static final String TOOL = "configspec-engine 0.1.0 (qpart calibrate)";

    private QpartCalibrator() {}

    /**
     * Calibrates the fp32 sample-family drafter in {@code drafterDir} against the target of {@code
     * reference}, quantising one layer at a time to each of {@code widths} (4 and/or 8).
     */
    public static SensitivityCalibration calibrate(
        Path drafterDir,
        GreedyAgreement.Reference reference,
        String promptSet,
        List<Integer> widths,
        EngineOptions options,
        Consumer<String> log,
        CancellationToken cancel
    ) throws QpartInputException, ModelLoadException, InferenceException, IOException {
        SampleFamily.Spec spec = PlannedDrafters.familySpec(drafterDir);
        ModelLayers model = ModelLayersReader.read(drafterDir);
        int blocks = model.layers().size() - 1;
        for (int bits : widths) {
            if (bits >= 16) {
                throw new QpartInputException("calibration widths must be below 16 bits, was " + bits);
            }
            PlannedDrafters.precisionOf(bits);
        }
        double referenceAlpha;
        try (DecoderModel drafter = DecoderModel.open(drafterDir.resolve("model.onnx"), options)) {
            referenceAlpha = GreedyAgreement.acceptance(drafter, reference).rate();
        }
        log.accept(
            String.format(
                java.util.Locale.ROOT,
                "reference %s: α %.4f over %d positions",
                drafterDir.getFileName(),
                referenceAlpha,
                reference.positions()
            )
        );
        List<SensitivityCalibration.Layer> layers = new ArrayList<>();
        Path scratch = Files.createTempDirectory("qpart-calibration");
        try {
            for (PlannerLayer layer : model.layers()) {
                List<SensitivityCalibration.Measurement> measurements = new ArrayList<>();
                for (int bits : widths) {
                    if (cancel.isCancelled()) {
                        throw new InterruptedIOException("calibration cancelled");
                    }
                    String name = "one-layer-" + layer.name().replace(' ', '-') + "-" + bits;
                    SampleFamily.Member built = PlannedDrafters.build(
                        scratch,
                        spec,
                        blocks,
                        Map.of(layer.name(), PlannedDrafters.precisionOf(bits)),
                        name,
                        "qpart-calibration"
                    );
                    double alpha;
                    try (
                        DecoderModel drafter = DecoderModel.open(
                            built.directory().resolve("model.onnx"),
                            options
                        )
                    ) {
                        alpha = GreedyAgreement.acceptance(drafter, reference).rate();
                    }
                    deleteTree(built.directory());
                    measurements.add(new SensitivityCalibration.Measurement(bits, alpha));
                    log.accept(
                        String.format(
                            java.util.Locale.ROOT,
                            "%s at %d bits: α %.4f (drop %.4f)",
                            layer.name(),
                            bits,
                            alpha,
                            referenceAlpha - alpha
                        )
                    );
                }
                layers.add(
                    SensitivityCalibration.fitted(
                        referenceAlpha,
                        layer.name(),
                        layer.weightRange(),
                        measurements
                    )
                );
            }
        } finally {
            deleteTree(scratch);
        }
        return new SensitivityCalibration(
            drafterDir.getFileName().toString(),
            reference.target(),
            promptSet,
            1,
            referenceAlpha,
            new Provenance.Measured(TOOL, LocalDate.now(), Math.max(1, reference.positions())),
            layers
        );
    }

    /**
     * Builds the drafter of {@code drafterDir} with every layer at each width of {@code widths}
     * (16 = the fp32 model itself) and measures its decode throughput on this machine.
     *
     * @return tokens/s per width, in the order given
     */
    public static Map<Integer, DraftingSpeed> measureWidths(
        Path drafterDir,
        List<Integer> widths,
        List<int[]> prompts,
        int tokens,
        int passes,
        EngineOptions options,
        Consumer<String> log
    ) throws QpartInputException, ModelLoadException, InferenceException, IOException {
        SampleFamily.Spec spec = PlannedDrafters.familySpec(drafterDir);
        ModelLayers model = ModelLayersReader.read(drafterDir);
        int blocks = model.layers().size() - 1;
        Map<Integer, DraftingSpeed> speeds = new LinkedHashMap<>();
        Path scratch = Files.createTempDirectory("qpart-widths");
        try {
            for (int bits : widths) {
                Precision precision = PlannedDrafters.precisionOf(bits);
                Map<String, Precision> all = new LinkedHashMap<>();
                model.layers().forEach(l -> all.put(l.name(), precision));
                SampleFamily.Member built = PlannedDrafters.build(
                    scratch,
                    spec,
                    blocks,
                    all,
                    "all-" + bits,
                    precision.cliName()
                );
                try (
                    DecoderModel drafter = DecoderModel.open(built.directory().resolve("model.onnx"), options)
                ) {
                    DraftingSpeed speed = DraftingSpeed.measure(drafter, prompts, tokens, passes);
                    speeds.put(bits, speed);
                    log.accept(bits + " bits on every layer: " + speed);
                }
            }
        } finally {
            deleteTree(scratch);
        }
        return speeds;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Cancellation surfaced as an I/O interruption (nothing written). */
    public static final class InterruptedIOException extends java.io.InterruptedIOException {

        InterruptedIOException(String message) {
            super(message);
        }
    }
}
