package io.configspec.engine.measure;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.engine.decoding.RunStatistics;
import io.configspec.engine.onnx.ModelCatalog;
import io.configspec.engine.samplemodels.Precision;
import io.configspec.model.domain.AlignmentProfile;
import io.configspec.model.domain.CalibrationPoint;
import io.configspec.model.domain.DeviceKind;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DrafterModel;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.Provenance;
import io.configspec.model.domain.QuantizationVariant;
import io.configspec.model.domain.ServedTarget;
import io.configspec.model.domain.ServerProfile;
import io.configspec.model.domain.TargetModel;
import io.configspec.model.domain.VerificationLatency;
import io.configspec.model.io.AtomicFiles;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileDocument;
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
 * with tool version, date and sample count): an alignment profile, a device profile of this
 * machine with the drafting measurement, a server profile with the target's verification
 * latency, a models profile naming the drafter and the target, and {@code
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
        AlignmentProfile alignment = new AlignmentProfile(
            drafterId,
            quantization,
            targetId,
            alpha,
            Math.min(alpha, wilson[0]),
            Math.max(alpha, wilson[1]),
            (int) Math.max(1, Math.min(Integer.MAX_VALUE, evaluated)),
            promptSet,
            byPosition,
            calibration,
            measured,
            Map.of()
        );
        Path alignmentFile = directory.resolve("alignment-" + slug + ".json");
        ProfileCodec.write(
            alignmentFile,
            new ProfileDocument.AlignmentDocument("measured-alignment-" + slug, measured, List.of(alignment))
        );

        DraftingMeasurement drafting = new DraftingMeasurement(
            drafterId,
            quantization,
            sweep.draftTokensPerSecond(),
            sweep.draftOverheadSeconds() + sweep.engineOverheadSeconds(),
            0,
            1,
            measured,
            Map.of(
                "powerWatts",
                new Provenance.Illustrative(
                    "not measured by configspec measure; profile the board for power"
                ),
                "contextSlowdownPerThousandTokens",
                new Provenance.Illustrative("not measured")
            )
        );
        DeviceProfile device = new DeviceProfile(
            "this-machine",
            "This machine (" +
                System.getProperty("os.arch") +
                ", " +
                Runtime.getRuntime().availableProcessors() +
                " cores)",
            DeviceKind.OTHER,
            cpuDescription(),
            "",
            memoryGiB(),
            0,
            List.of(drafting),
            measured,
            Map.of("idlePowerWatts", new Provenance.Illustrative("not measured"))
        );
        Path deviceFile = directory.resolve(
            "device-this-machine-" + drafterId + "-" + quantization + ".json"
        );
        ProfileCodec.write(deviceFile, new ProfileDocument.DeviceDocument(device));

        double[] latency = verificationFit(sweep);
        ServedTarget served = new ServedTarget(
            targetId,
            new VerificationLatency.Linear(latency[0], latency[1], 0, 0),
            OptionalDouble.empty(),
            OptionalDouble.of(1.0),
            sweep.targetStepSeconds(),
            measured,
            Map.of("dollarsPerGpuHour", new Provenance.Illustrative("this machine has no price"))
        );
        ServerProfile server = new ServerProfile(
            "this-machine-" + targetId,
            "This machine serving " + targetId,
            "CPU (ONNX Runtime)",
            List.of(served),
            measured,
            Map.of()
        );
        Path serverFile = directory.resolve("server-this-machine-" + targetId + ".json");
        ProfileCodec.write(serverFile, new ProfileDocument.ServerDocument(server));

        // Drafter and target share the target's vocabulary (ModelPair checked it), so the target's
        // id names their family.
        Path modelsFile = directory.resolve("models-" + slug + ".json");
        ProfileCodec.write(
            modelsFile,
            new ProfileDocument.ModelsDocument(
                "models-" + slug,
                measured,
                List.of(
                    new DrafterModel(
                        drafterId,
                        drafterId,
                        targetId,
                        Math.max(1, drafter.parameters()),
                        List.of(variant(quantization, drafter)),
                        measured,
                        Map.of()
                    )
                ),
                List.of(
                    new TargetModel(
                        targetId,
                        targetId,
                        targetId,
                        Math.max(1, target.parameters()),
                        List.of(variant(target.precision(), target)),
                        measured,
                        Map.of()
                    )
                )
            )
        );

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

    /** T_v = c₀ + c_v × (K + 1), least squares over the sweep's points. */
    private static double[] verificationFit(SweepResult sweep) {
        int n = sweep.points().size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            RunStatistics s = sweep.points().get(i).statistics();
            x[i] = s.draftedTokens() / (double) s.rounds() + 1;
            y[i] = s.meanVerifySeconds();
        }
        double[] fit = DraftingFit.fit(x, y);
        double perToken = 1 / fit[1];
        double intercept = fit[0];
        if (intercept <= 0) {
            intercept = Math.max(1e-9, y[0] - perToken * x[0]);
            if (intercept <= 1e-9) {
                intercept = y[0];
                perToken = 0;
            }
        }
        return new double[] { intercept, perToken };
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
