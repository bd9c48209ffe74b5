package io.configspec.engine.measure;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.engine.decoding.RunStatistics;
import io.configspec.engine.onnx.ModelCatalog;
import io.configspec.engine.samplemodels.Precision;
import io.configspec.model.domain.CalibrationPoint;
import io.configspec.model.domain.DeviceKind;
import io.configspec.model.domain.Provenance;
import io.configspec.model.domain.QuantizationVariant;
import io.configspec.model.io.AtomicFiles;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.measurement.BoardMeasurement;
import io.configspec.model.measurement.DraftingFit;
import io.configspec.model.measurement.MeasuredProfileWriter;
import io.configspec.model.measurement.VerificationFit;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes a {@link SweepResult} in the core's profile file format (provenance {@code measured},
 * with tool version, date and sample count) through the one writer, {@link MeasuredProfileWriter}:
 * an alignment profile, a device profile of this machine with the drafting measurement (no power:
 * {@code measure} does not measure it, and none is invented), a server profile with the target's
 * verification latency, a models profile naming the drafter and the target, and {@code
 * goodput-sweep-*.json} (kind {@code goodput-sweep}, a report that profile loading skips) with
 * measured and predicted goodput per K. The folder therefore loads as a profile library.
 */
public final class MeasurementProfiles {

    /** Tool name and version written into provenance. */
    public static final String TOOL = "configspec-engine 0.1.0";

    private MeasurementProfiles() {}

    /** Files written by {@link #write}. */
    public record Written(Path alignment, Path device, Path server, Path models, Path sweep) {}

    /** The {@code kind} of the sweep report file: not a profile, skipped by profile loading. */
    public static final String SWEEP_REPORT_KIND = "goodput-sweep";

    /**
     * Writes the four files into {@code directory} (created if needed), each atomically.
     *
     * @param drafter the drafter's catalog entry; its id in the profiles drops the precision
     *        suffix ({@code draft-1l-int8} → drafter {@code draft-1l}, quantization {@code int8})
     * @param target the target's catalog entry
     * @param promptSet name of the prompt set (e.g. the prompts file name)
     */
    public static Written write(
        Path directory,
        SweepResult sweep,
        ModelCatalog.Entry drafter,
        ModelCatalog.Entry target,
        String promptSet,
        LocalDate date
    ) throws IOException {
        String quantization = drafter.precision();
        String drafterId = drafter.name().endsWith("-" + quantization)
            ? drafter.name().substring(0, drafter.name().length() - quantization.length() - 1)
            : drafter.name();
        String targetId = target.name();
        Files.createDirectories(directory);
        RunStatistics pooled = sweep.pooled();
        int rounds = Math.max(1, pooled.rounds());
        Provenance measured = new Provenance.Measured(TOOL, date, rounds);
        String slug = drafterId + "-" + quantization + "-" + targetId;

        long evaluated = pooled.evaluatedTokens();
        double alpha = clamp(pooled.acceptanceRate());
        double[] wilson = wilson(pooled.acceptedTokens(), Math.max(1, evaluated));
        List<Double> byPosition = new ArrayList<>();
        SweepPoint longest = sweep.points().getLast();
        for (double a : longest.statistics().acceptanceByPosition()) {
            if (Double.isNaN(a)) {
                break;
            }
            byPosition.add(a);
        }
        List<CalibrationPoint> calibration = new ArrayList<>();
        for (RunStatistics.CalibrationBin bin : pooled.calibration()) {
            if (bin.evaluated() >= 5) {
                calibration.add(
                    new CalibrationPoint(
                        Math.round((bin.lower() + bin.upper()) * 500) / 1000.0,
                        bin.acceptanceRate()
                    )
                );
            }
        }
        List<VerificationFit.Point> verificationPoints = new ArrayList<>();
        for (SweepPoint p : sweep.points()) {
            RunStatistics s = p.statistics();
            verificationPoints.add(
                new VerificationFit.Point(
                    s.draftedTokens() / (double) s.rounds() + 1,
                    1,
                    s.meanVerifySeconds()
                )
            );
        }
        BoardMeasurement measurement = new BoardMeasurement(
            new BoardMeasurement.Device(
                "this-machine",
                thisMachineName(),
                DeviceKind.OTHER,
                cpuDescription(),
                OptionalDouble.of(memoryGiB()),
                OptionalDouble.empty(), // idle power is not measured by configspec measure: none is written
                Map.of()
            ),
            List.of(
                new BoardMeasurement.Drafting(
                    drafterId,
                    quantization,
                    // KSweep's DraftingFit; the engine's own per-round overhead is part of the round
                    // overhead the profile records
                    new DraftingFit(
                        sweep.draftTokensPerSecond(),
                        sweep.draftOverheadSeconds() + sweep.engineOverheadSeconds(),
                        0
                    ),
                    OptionalDouble.empty(), // no power measured: none is written (energy reads "not measured")
                    measured,
                    Map.of("contextSlowdownPerThousandTokens", new Provenance.Illustrative("not measured"))
                )
            ),
            List.of(
                new BoardMeasurement.Acceptance(
                    drafterId,
                    quantization,
                    targetId,
                    alpha,
                    wilson[0],
                    wilson[1],
                    (int) Math.max(1, Math.min(Integer.MAX_VALUE, evaluated)),
                    promptSet,
                    byPosition,
                    calibration,
                    measured
                )
            ),
            java.util.Optional.of(
                new BoardMeasurement.Verifier(
                    "this-machine-" + targetId,
                    "This machine serving " + targetId,
                    "CPU (ONNX Runtime)",
                    targetId,
                    verificationPoints,
                    OptionalDouble.of(sweep.targetStepSeconds()),
                    1.0,
                    "this machine has no price",
                    measured
                )
            ),
            // Drafter and target share the target's vocabulary (ModelPair checked it), so the
            // target's id names their family.
            List.of(
                new BoardMeasurement.Model(
                    drafterId,
                    targetId,
                    Math.max(1, drafter.parameters()),
                    List.of(variant(quantization, drafter))
                )
            ),
            List.of(
                new BoardMeasurement.Model(
                    targetId,
                    targetId,
                    Math.max(1, target.parameters()),
                    List.of(variant(target.precision(), target))
                )
            ),
            measured
        );
        List<Path> files = MeasuredProfileWriter.write(
            directory,
            measurement,
            new MeasuredProfileWriter.FileNames(
                "models-" + slug + ".json",
                "server-this-machine-" + targetId + ".json",
                "alignment-" + slug + ".json",
                "device-this-machine-" + drafterId + "-" + quantization + ".json",
                slug
            )
        );
        Path modelsFile = files.get(0);
        Path serverFile = files.get(1);
        Path alignmentFile = files.get(2);
        Path deviceFile = files.get(3);

        Path sweepFile = directory.resolve("goodput-sweep-" + slug + ".json");
        ObjectNode json = ProfileCodec.mapper().createObjectNode();
        json.put("schemaVersion", ProfileCodec.SCHEMA_VERSION);
        json.put("kind", SWEEP_REPORT_KIND);
        json.put("drafter", drafterId);
        json.put("quantization", quantization);
        json.put("target", targetId);
        json.put("promptSet", promptSet);
        json.put("acceptanceRate", alpha);
        json.put("draftTokensPerSecond", sweep.draftTokensPerSecond());
        json.put("draftOverheadSeconds", sweep.draftOverheadSeconds());
        json.put("engineOverheadSeconds", sweep.engineOverheadSeconds());
        json.put("overheadFraction", sweep.overheadFraction());
        json.put("targetStepSeconds", sweep.targetStepSeconds());
        json.put("targetOnlyGoodputTokensPerSecond", sweep.targetOnly().goodputTokensPerSecond());
        json.put("medianRelativeError", sweep.medianRelativeError());
        json.put("medianRelativeErrorFittedVerify", sweep.medianRelativeErrorFittedVerify());
        ArrayNode points = json.putArray("points");
        for (SweepPoint p : sweep.points()) {
            ObjectNode row = points.addObject();
            RunStatistics s = p.statistics();
            row.put("k", p.k());
            row.put("rounds", s.rounds());
            row.put("acceptanceRate", s.acceptanceRate());
            row.put("measuredExpectedTokensPerRound", s.expectedTokensPerRound());
            row.put("predictedExpectedTokensPerRound", p.predictedExpectedTokensPerRound());
            row.put("meanDraftSeconds", s.draftSeconds() / s.rounds());
            row.put("meanVerifySeconds", s.meanVerifySeconds());
            row.put("measuredGoodputTokensPerSecond", p.measuredGoodputTokensPerSecond());
            row.put("predictedGoodputTokensPerSecond", p.predictedGoodputTokensPerSecond());
            row.put("relativeError", p.relativeError());
            row.put(
                "predictedGoodputFittedVerifyTokensPerSecond",
                p.predictedGoodputFittedVerifyTokensPerSecond()
            );
            row.put("relativeErrorFittedVerify", p.relativeErrorFittedVerify());
            row.put("overheadFraction", s.overheadFraction());
        }
        DynamicDraftingResult dynamic = sweep.dynamicDrafting();
        if (dynamic != null) {
            // WISP's speculation controller on the real pair (issue 11): how often its stops were right.
            ObjectNode d = json.putObject("dynamicDrafting");
            d.put("rejectBelow", dynamic.rejectBelow());
            d.put("maxDraftTokens", dynamic.maxDraftTokens());
            ObjectNode predictor = d.putObject("predictor");
            predictor.put("intercept", dynamic.predictor().intercept());
            predictor.put("topProbabilityWeight", dynamic.predictor().topProbabilityWeight());
            predictor.put("entropyWeight", dynamic.predictor().entropyWeight());
            predictor.put("marginWeight", dynamic.predictor().marginWeight());
            predictor.put("sampleCount", dynamic.predictor().sampleCount());
            d.put("rounds", dynamic.stops().rounds());
            // A rate with nothing to count (no stop predicted, no token rejected) is null, never NaN.
            putRate(d, "falseStopRate", dynamic.stops().falseStopRate());
            d.put("predictedStops", dynamic.stops().predictedStops());
            putRate(d, "missedStopRate", dynamic.stops().missedStopRate());
            d.put("roundsWithRejection", dynamic.stops().roundsWithRejection());
            d.put(
                "draftedPerRound",
                dynamic.dynamic().draftedTokens() / (double) Math.max(1, dynamic.dynamic().rounds())
            );
            d.put("goodputTokensPerSecond", dynamic.dynamic().goodputTokensPerSecond());
            d.put("wastedDraftSeconds", dynamic.dynamicWastedDraftSeconds());
            d.put("fixedKGoodputTokensPerSecond", dynamic.fixed().goodputTokensPerSecond());
            d.put("fixedKWastedDraftSeconds", dynamic.fixedWastedDraftSeconds());
        }
        ObjectNode provenance = json.putObject("provenance");
        provenance.put("kind", "measured");
        provenance.put("tool", TOOL);
        provenance.put("date", date.toString());
        provenance.put("sampleCount", rounds);
        AtomicFiles.write(sweepFile, out ->
            ProfileCodec.mapper().writerWithDefaultPrettyPrinter().writeValue(out, json)
        );
        return new Written(alignmentFile, deviceFile, serverFile, modelsFile, sweepFile);
    }

    /** Size on disk of a model's files, or an estimate from parameters × bits when unreadable. */
    private static QuantizationVariant variant(String precision, ModelCatalog.Entry entry) {
        double bits = Precision.bitsPerWeight(precision);
        long bytes = 0;
        try (var files = Files.list(entry.directory())) {
            bytes = files
                .filter(f -> f.getFileName().toString().startsWith("model.onnx"))
                .mapToLong(f -> f.toFile().length())
                .sum();
        } catch (IOException e) {
            // estimate below
        }
        if (bytes <= 0) {
            bytes = Math.max(1, (long) ((Math.max(1, entry.parameters()) * bits) / 8));
        }
        return new QuantizationVariant(precision, bits, bytes);
    }

    private static double[] wilson(long successes, long trials) {
        double z = 1.96;
        double p = successes / (double) trials;
        double denominator = 1 + (z * z) / trials;
        double centre = (p + (z * z) / (2 * trials)) / denominator;
        double half =
            (z * Math.sqrt((p * (1 - p)) / trials + (z * z) / (4.0 * trials * trials))) / denominator;
        return new double[] { clamp(centre - half), clamp(centre + half) };
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    /** The name this machine's measured device profile gets, e.g. "This machine (amd64, 2 cores)". */
    public static String thisMachineName() {
        return (
            "This machine (" +
            System.getProperty("os.arch") +
            ", " +
            Runtime.getRuntime().availableProcessors() +
            " cores)"
        );
    }

    /** This machine's CPU model (Linux), else its architecture. */
    public static String cpuDescription() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall back to the architecture
        }
        return System.getProperty("os.arch");
    }

    /** This machine's memory, GiB. */
    public static double memoryGiB() {
        if (
            ManagementFactory.getOperatingSystemMXBean() instanceof
                com.sun.management.OperatingSystemMXBean os
        ) {
            return Math.max(0.1, os.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        }
        return Math.max(0.1, Runtime.getRuntime().maxMemory() / (1024.0 * 1024 * 1024));
    }

    private static void putRate(ObjectNode node, String field, double rate) {
        if (Double.isNaN(rate)) {
            node.putNull(field);
        } else {
            node.put(field, rate);
        }
    }
}
