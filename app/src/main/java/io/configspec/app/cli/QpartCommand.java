package io.configspec.app.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.engine.decoding.CancellationToken;
import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.onnx.InferenceException;
import io.configspec.engine.onnx.ModelCatalog;
import io.configspec.engine.onnx.ModelLoadException;
import io.configspec.engine.qpart.BudgetCheckedBuild;
import io.configspec.engine.qpart.DraftingSpeed;
import io.configspec.engine.qpart.GreedyAgreement;
import io.configspec.engine.qpart.ModelLayersReader;
import io.configspec.engine.qpart.PlannedDrafterMeasurement;
import io.configspec.engine.qpart.PlannedDrafterWorkflow;
import io.configspec.engine.qpart.PlannedDrafters;
import io.configspec.engine.qpart.QpartCalibrator;
import io.configspec.engine.qpart.ThisMachineProfiles;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileLoader;
import io.configspec.model.qpart.DeviceThroughput;
import io.configspec.model.qpart.ModelLayers;
import io.configspec.model.qpart.QpartInputException;
import io.configspec.model.qpart.QpartPlan;
import io.configspec.model.qpart.QpartPlanner;
import io.configspec.model.qpart.QpartPlanning;
import io.configspec.model.qpart.QpartProblem;
import io.configspec.model.qpart.SensitivityCalibration;
import io.configspec.model.qpart.SensitivityCalibrationFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code configspec qpart}: plans a drafter's per-layer bit-widths and device/server split with
 * QPART under a degradation budget ({@link QpartPlanning}), and optionally builds the planned
 * sample-family drafter as an ONNX model and measures it against the unquantised one. {@code
 * configspec qpart calibrate} measures the per-layer sensitivities (acceptance lost) and this
 * machine's drafting throughput per width that planning in acceptance needs.
 */
@Command(
    name = "qpart",
    description = "Plan per-layer bit-widths (and a device/server split) of a drafter under an accuracy budget (QPART); build and measure the plan.",
    subcommands = { QpartCommand.Calibrate.class }
)
public final class QpartCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
        names = "--model",
        paramLabel = "DIR_OR_CONFIG",
        description = "The drafter: a Hugging Face config.json, or a model directory holding one (and model.onnx, qpart-calibration.json)."
    )
    Path model;

    @Option(
        names = "--device",
        description = "Device profile id whose drafting measurements give the throughput per bit-width."
    )
    String device;

    @Option(
        names = "--profiles",
        defaultValue = "samples/profiles",
        split = ",",
        description = "Profile files or folders (default: ${DEFAULT-VALUE})."
    )
    List<Path> profiles;

    @Option(
        names = "--budget-acceptance-drop",
        paramLabel = "DELTA_ALPHA",
        description = "Acceptance may drop by at most this much (needs a calibration)."
    )
    Double budgetAcceptanceDrop;

    @Option(
        names = "--budget-noise",
        paramLabel = "NOISE",
        description = "Budget in QPART's uncalibrated noise measure Σ R²·2^(−2b) instead."
    )
    Double budgetNoise;

    @Option(
        names = "--bits",
        split = ",",
        defaultValue = "4,8,16",
        description = "Bit-widths a layer may take, of 2,3,4,8,16 (default: ${DEFAULT-VALUE}: those the engine builds)."
    )
    List<Integer> bits;

    @Option(
        names = "--network",
        description = "Network profile id of the link to a server (with --server: the plan may split)."
    )
    String network;

    @Option(names = "--server", description = "Server profile id that may run the layers after a split.")
    String server;

    @Option(
        names = "--amortised-tokens",
        defaultValue = "10000",
        description = "Tokens a shipped drafter serves, sharing its download time (default: ${DEFAULT-VALUE})."
    )
    double amortisedTokens;

    @Option(
        names = "--build",
        paramLabel = "MODELS_DIR",
        description = "Build the planned drafter (sample family only) into this models directory."
    )
    Path build;

    @Option(
        names = "--measure",
        description = "With --build: measure the built drafter's acceptance and speed against the unquantised one."
    )
    boolean measure;

    @Option(
        names = "--target",
        description = "Target model directory name (in --model's folder) to measure acceptance against."
    )
    String target;

    @Option(
        names = "--prompts",
        defaultValue = "samples/prompts/sample-prompts.txt",
        description = "Prompts file for --measure (default: ${DEFAULT-VALUE})."
    )
    Path prompts;

    @Option(
        names = "--tokens",
        defaultValue = "32",
        description = "Tokens per prompt for --measure (default: ${DEFAULT-VALUE})."
    )
    int tokens;

    @Option(
        names = "--passes",
        defaultValue = "5",
        description = "Timed passes per drafter for --measure (default: ${DEFAULT-VALUE})."
    )
    int passes;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() throws IOException, io.configspec.model.io.ProfileException {
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (model == null || device == null) {
            throw new UserInputException(
                "configspec qpart needs --model DIR_OR_CONFIG and --device ID (or the subcommand calibrate)"
            );
        }
        QpartPlanning.Budget budget = budget();
        if (measure && build == null) {
            throw new UserInputException(
                "--measure needs --build MODELS_DIR (the planned drafter is measured once built)"
            );
        }
        if (measure && target == null) {
            throw new UserInputException(
                "--measure needs --target (the target model to measure acceptance against)"
            );
        }
        if (tokens < 1 || passes < 1) {
            throw new UserInputException(
                "--tokens and --passes must be ≥ 1, were " + tokens + " and " + passes
            );
        }
        QpartPlan firstPlan;
        QpartProblem problem;
        ModelLayers layers;
        try {
            layers = ModelLayersReader.read(model);
            var library = ProfileLoader.load(profiles).library();
            problem = QpartPlanning.problem(
                new QpartPlanning.Request(
                    layers,
                    device,
                    Optional.ofNullable(network),
                    Optional.ofNullable(server),
                    budget,
                    new TreeSet<>(bits),
                    amortisedTokens
                ),
                library
            );
            firstPlan = QpartPlanner.plan(problem);
        } catch (QpartInputException e) {
            throw new UserInputException(e.getMessage());
        }
        PlannedDrafterWorkflow.Result built = null;
        if (build != null) {
            PlannedDrafterWorkflow.Result[] holder = new PlannedDrafterWorkflow.Result[1];
            int code = EngineCommandSupport.guarded(err, () -> {
                holder[0] = buildAndMeasure(firstPlan, problem);
                return EngineCommandSupport.OK;
            });
            if (code != EngineCommandSupport.OK) {
                return code;
            }
            built = holder[0];
        }
        PlannedDrafterWorkflow.Result result = built;
        QpartPlan plan = built != null ? built.plan() : firstPlan;
        output.write(stdout, err, writer -> {
            if (format.equals(OutputFormat.JSON)) {
                writer.write(
                    ProfileCodec.mapper()
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(json(plan, layers, budget, result))
                );
                writer.write("\n");
            } else {
                writer.write(text(plan, layers, budget, result));
            }
        });
        return ConfigSpecCli.OK;
    }

    private QpartPlanning.Budget budget() {
        if ((budgetAcceptanceDrop == null) == (budgetNoise == null)) {
            throw new UserInputException(
                "give exactly one budget: --budget-acceptance-drop DELTA_ALPHA or --budget-noise NOISE"
            );
        }
        double value = budgetAcceptanceDrop != null ? budgetAcceptanceDrop : budgetNoise;
        String option = budgetAcceptanceDrop != null ? "--budget-acceptance-drop" : "--budget-noise";
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new UserInputException(option + " must be a number ≥ 0, was " + value);
        }
        if (budgetAcceptanceDrop != null && value > 1) {
            throw new UserInputException(
                option + " is an acceptance-rate drop and must be ≤ 1, was " + value
            );
        }
        return budgetAcceptanceDrop != null
            ? new QpartPlanning.Budget.AcceptanceDrop(value)
            : new QpartPlanning.Budget.Noise(value);
    }

    private PlannedDrafterWorkflow.Result buildAndMeasure(QpartPlan plan, QpartProblem problem)
        throws io.configspec.engine.onnx.ModelLoadException, io.configspec.engine.onnx.InferenceException, IOException {
        PrintWriter err = spec.commandLine().getErr();
        Path modelDir = Files.isDirectory(model) ? model : model.toAbsolutePath().getParent();
        String label = budgetAcceptanceDrop != null
            ? PlannedDrafters.quantizationId(budgetAcceptanceDrop)
            : "qpart-noise" +
              new java.math.BigDecimal(Double.toString(budgetNoise)).stripTrailingZeros().toPlainString();
        List<String> texts = measure ? EngineCommandSupport.readPrompts(prompts) : List.of();
        try {
            return PlannedDrafterWorkflow.run(
                new PlannedDrafterWorkflow.Request(
                    problem,
                    plan,
                    budgetAcceptanceDrop != null,
                    modelDir,
                    build,
                    label,
                    measure,
                    target,
                    texts,
                    tokens,
                    passes
                ),
                EngineCommandSupport.progressLines(err)
            );
        } catch (QpartInputException e) {
            throw new EngineCommandSupport.BadInputException(e.getMessage());
        }
    }

    static ObjectNode json(
        QpartPlan plan,
        ModelLayers layers,
        QpartPlanning.Budget budget,
        PlannedDrafterWorkflow.Result built
    ) {
        ObjectNode root = ProfileCodec.mapper().createObjectNode();
        root.put("kind", "qpart-plan");
        root.put("model", plan.problem().model());
        root.put("source", layers.source());
        root.put("device", plan.problem().device().deviceId());
        ObjectNode b = root.putObject("budget");
        b.put("value", budget.value());
        b.put("unit", budget.unit());
        boolean calibrated = budget instanceof QpartPlanning.Budget.AcceptanceDrop;
        layers
            .calibration()
            .ifPresent(c -> {
                ObjectNode cal = root.putObject("calibration");
                cal.put("target", c.target());
                cal.put("promptSet", c.promptSet());
                cal.put("referenceAcceptance", c.referenceAcceptance());
                cal.put("provenance", c.provenance().toString());
            });
        root.put("rule", QpartPlanner.RULE);
        ArrayNode perLayer = root.putArray("layers");
        for (int i = 0; i < plan.layers().size(); i++) {
            QpartPlan.LayerPlan l = plan.layers().get(i);
            ObjectNode n = perLayer.addObject();
            n.put("name", l.name());
            n.put("parameters", plan.problem().layers().get(i).parameters());
            n.put("onDevice", l.onDevice());
            n.put("bits", l.bits());
            n.put("buildable", PlannedDrafters.BUILDABLE_BITS.contains(l.bits()));
            n.put("predictedDegradation", l.degradation());
            n.put("deviceSecondsPerToken", l.deviceSeconds());
        }
        ObjectNode total = root.putObject("total");
        total.put("degradation", plan.totalDegradation());
        total.put("budget", budget.value());
        total.put("withinBudget", plan.totalDegradation() <= budget.value());
        total.put("weightBits", plan.weightBits());
        total.put("partition", plan.partition());
        total.put("wholeModelOnDevice", plan.wholeModelOnDevice());
        total.put("deviceSecondsPerToken", plan.deviceSecondsPerToken());
        total.put("secondsPerToken", plan.secondsPerToken());
        total.put("predictedTokensPerSecond", 1 / plan.secondsPerToken());
        total.put("bytesToShip", plan.bytesToShip());
        ObjectNode units = root.putObject("units");
        units.put(
            "predictedDegradation",
            calibrated ? "acceptance rate (predicted drop)" : "QPART noise measure (relative)"
        );
        units.put("weightBits", "bits (Σ parameters × width, server layers at 16)");
        units.put("deviceSecondsPerToken", "s");
        units.put("secondsPerToken", "s");
        units.put("predictedTokensPerSecond", "tokens/s");
        units.put("bytesToShip", "bytes");
        ObjectNode provenance = root.putObject("provenance");
        provenance.put(
            "predictedDegradation",
            calibrated
                ? "predicted: QPART's s·R²·2^(−2b) with s measured (qpart-calibration.json)"
                : "predicted: QPART's R²·2^(−2b), sensitivities not calibrated (relative)"
        );
        ArrayNode rates = provenance.putArray("deviceThroughput");
        for (Map.Entry<Integer, DeviceThroughput.Rate> e : plan.problem().device().rates().entrySet()) {
            if (!plan.problem().bitWidths().contains(e.getKey())) {
                continue;
            }
            ObjectNode r = rates.addObject();
            r.put("bits", e.getKey());
            r.put("flopsPerSecond", e.getValue().flopsPerSecond());
            r.put("measuredAtBits", e.getValue().measuredWidth());
            r.put(
                "source",
                "device profile " +
                    plan.problem().device().deviceId() +
                    " drafting measurements (provenance in the profile): " +
                    e.getValue().source()
            );
        }
        if (built != null) {
            ObjectNode bn = root.putObject("built");
            ArrayNode attempts = bn.putArray("attempts");
            for (BudgetCheckedBuild.Attempt a : built.attempts()) {
                ObjectNode an = attempts.addObject();
                an.put("plannerBudget", a.plannerBudget());
                ArrayNode bitsNode = an.putArray("bits");
                for (int w : a.plan().bits()) {
                    bitsNode.add(w);
                }
                an.put("predictedDegradation", a.plan().totalDegradation());
                an.put("measuredAcceptance", a.acceptance().rate());
                an.put("measuredDrop", a.measuredDrop());
            }
            bn.put("name", built.name());
            bn.put("directory", built.member().directory().toString());
            bn.put("parameters", built.member().parameters());
            if (built.measurement() != null) {
                PlannedDrafterMeasurement m = built.measurement();
                ObjectNode mn = bn.putObject("measured");
                mn.put("referenceAcceptance", m.reference().rate());
                mn.put("plannedAcceptance", m.planned().rate());
                mn.put("acceptanceDrop", m.acceptanceDrop());
                mn.put("positions", m.reference().positions());
                mn.put("referenceTokensPerSecond", m.referenceSpeed().tokensPerSecond());
                mn.put("plannedTokensPerSecond", m.plannedSpeed().tokensPerSecond());
                mn.put("speedup", m.speedup());
                mn.put("referenceFastestPassTokensPerSecond", m.referenceSpeed().fastest());
                mn.put("plannedFastestPassTokensPerSecond", m.plannedSpeed().fastest());
                mn.put("predictedSpeedup", predictedSpeedup(plan));
                mn.put(
                    "provenance",
                    "measured on this machine: greedy acceptance against the target over " +
                        m.reference().positions() +
                        " positions; decode throughput, median of " +
                        m.plannedSpeed().passes().size() +
                        " passes"
                );
            }
        }
        return root;
    }

    static String text(
        QpartPlan plan,
        ModelLayers layers,
        QpartPlanning.Budget budget,
        PlannedDrafterWorkflow.Result built
    ) {
        StringBuilder s = new StringBuilder();
        boolean calibrated = budget instanceof QpartPlanning.Budget.AcceptanceDrop;
        s.append(
            String.format(
                Locale.ROOT,
                "QPART plan for %s on %s, budget %s %s%n",
                plan.problem().model(),
                plan.problem().device().deviceId(),
                num(budget.value()),
                budget.unit()
            )
        );
        s.append(
            String.format(
                Locale.ROOT,
                "%-10s %-7s %5s %14s %14s%n",
                "layer",
                "where",
                "bits",
                calibrated ? "Δα predicted" : "noise (rel.)",
                "device ms/tok"
            )
        );
        for (QpartPlan.LayerPlan l : plan.layers()) {
            s.append(
                String.format(
                    Locale.ROOT,
                    "%-10s %-7s %5d %14s %14.4f%n",
                    l.name(),
                    l.onDevice() ? "device" : "server",
                    l.bits(),
                    num(l.degradation()),
                    l.deviceSeconds() * 1e3
                )
            );
        }
        s.append(
            String.format(
                Locale.ROOT,
                "total degradation %s ≤ budget %s (predicted); split after layer %d of %d; %d weight bits%n",
                num(plan.totalDegradation()),
                num(budget.value()),
                plan.partition(),
                plan.layers().size(),
                plan.weightBits()
            )
        );
        s.append("rule: ").append(QpartPlanner.RULE).append('\n');
        s.append(
            String.format(
                Locale.ROOT,
                "predicted %.3f ms/token (%.1f tokens/s; device compute %.3f ms), %d bytes to ship%n",
                plan.secondsPerToken() * 1e3,
                1 / plan.secondsPerToken(),
                plan.deviceSecondsPerToken() * 1e3,
                plan.bytesToShip()
            )
        );
        s
            .append("throughput from device profile ")
            .append(plan.problem().device().deviceId())
            .append(" drafting measurements:\n");
        for (int bits : plan.problem().bitWidths()) {
            DeviceThroughput.Rate r = plan.problem().device().rates().get(bits);
            s.append(
                String.format(
                    Locale.ROOT,
                    "  %2d bits: %.3g FLOP/s%s from %s%n",
                    bits,
                    r.flopsPerSecond(),
                    r.measuredWidth() == bits ? "" : " (measured at " + r.measuredWidth() + " bits)",
                    r.source()
                )
            );
        }
        if (built != null) {
            s
                .append("built ")
                .append(built.name())
                .append(" in ")
                .append(built.member().directory())
                .append('\n');
            for (int i = 0; i < built.attempts().size(); i++) {
                BudgetCheckedBuild.Attempt a = built.attempts().get(i);
                s.append(
                    String.format(
                        Locale.ROOT,
                        "  attempt %d: planner budget %.4g, bits %s, predicted drop %.4g, measured drop %.4f%n",
                        i + 1,
                        a.plannerBudget(),
                        java.util.Arrays.toString(a.plan().bits()),
                        a.plan().totalDegradation(),
                        a.measuredDrop()
                    )
                );
            }
            if (built.measurement() != null) {
                PlannedDrafterMeasurement m = built.measurement();
                s.append(
                    String.format(
                        Locale.ROOT,
                        "measured: α %.4f vs %.4f unquantised (drop %.4f, predicted %s; %d positions)%n",
                        m.planned().rate(),
                        m.reference().rate(),
                        m.acceptanceDrop(),
                        num(plan.totalDegradation()),
                        m.reference().positions()
                    )
                );
                s.append(
                    String.format(
                        Locale.ROOT,
                        "measured: %s vs %s unquantised (×%.2f median, ×%.2f fastest pass; predicted ×%.2f)%n",
                        m.plannedSpeed(),
                        m.referenceSpeed(),
                        m.speedup(),
                        m.plannedSpeed().fastest() / m.referenceSpeed().fastest(),
                        predictedSpeedup(plan)
                    )
                );
            }
        }
        return s.toString();
    }

    /** Predicted device throughput of the plan ÷ that of every layer at 16 bits. */
    static double predictedSpeedup(QpartPlan plan) {
        return plan.referenceDeviceSecondsPerToken() / plan.deviceSecondsPerToken();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** {@code configspec qpart calibrate}. */
    @Command(
        name = "calibrate",
        description = "Measure a sample-family drafter's per-layer sensitivity (acceptance lost with one layer quantised) and this machine's drafting speed per bit-width."
    )
    public static final class Calibrate extends EngineCommand {

        @Mixin
        ModelsDirectoryOption directory;

        @Option(
            names = "--draft",
            required = true,
            description = "The unquantised (fp32) drafter, e.g. draft-3l-fp32."
        )
        String draft;

        @Option(names = "--target", required = true, description = "Target model name.")
        String target;

        @Option(
            names = "--prompts",
            defaultValue = "samples/prompts/sample-prompts.txt",
            description = "Prompts file (default: ${DEFAULT-VALUE})."
        )
        Path prompts;

        @Option(
            names = "--tokens",
            defaultValue = "32",
            description = "Target tokens per prompt compared (default: ${DEFAULT-VALUE})."
        )
        int tokens;

        @Option(
            names = "--bits",
            split = ",",
            defaultValue = "4,8",
            description = "Widths each layer is quantised to in turn (default: ${DEFAULT-VALUE})."
        )
        List<Integer> bits;

        @Option(
            names = "--profiles-out",
            description = "Also measure drafting speed at 4, 8 and 16 bits and write this machine's device and models profiles here."
        )
        Path profilesOut;

        @Option(
            names = "--passes",
            defaultValue = "5",
            description = "Timed passes per width for --profiles-out (default: ${DEFAULT-VALUE})."
        )
        int passes;

        @Override
        int run(PrintWriter stdout, PrintWriter err)
            throws ModelLoadException, InferenceException, IOException {
            if (tokens < 1 || passes < 1) {
                throw new EngineCommandSupport.BadInputException(
                    "--tokens and --passes must be ≥ 1, were " + tokens + " and " + passes
                );
            }
            List<String> texts = EngineCommandSupport.readPrompts(prompts);
            ModelCatalog catalog = ModelCatalog.scan(directory.models);
            ModelCatalog.Entry drafter = catalog.find(draft);
            ModelCatalog.Entry targetEntry = catalog.find(target);
            EngineOptions options = EngineOptions.defaults();
            List<int[]> ids = PlannedDrafterMeasurement.encode(targetEntry.directory(), texts);
            try {
                GreedyAgreement.Reference reference;
                try (DecoderModel t = DecoderModel.open(targetEntry.modelFile(), options)) {
                    reference = GreedyAgreement.reference(t, target, ids, tokens);
                }
                SensitivityCalibration calibration = QpartCalibrator.calibrate(
                    drafter.directory(),
                    reference,
                    prompts.getFileName().toString(),
                    new ArrayList<>(new TreeSet<>(bits)),
                    options,
                    EngineCommandSupport.progressLines(err),
                    new CancellationToken()
                );
                Path file = drafter.directory().resolve(SensitivityCalibrationFile.FILE_NAME);
                SensitivityCalibrationFile.write(file, calibration);
                stdout.printf(
                    Locale.ROOT,
                    "α %.4f unquantised (measured, %d positions)%n",
                    calibration.referenceAcceptance(),
                    reference.positions()
                );
                for (SensitivityCalibration.Layer l : calibration.layers()) {
                    stdout.printf(
                        Locale.ROOT,
                        "%-10s R %.4g  s %.4g%n",
                        l.name(),
                        l.weightRange(),
                        l.sensitivity()
                    );
                }
                stdout.println("wrote " + file);
                if (profilesOut != null) {
                    Map<Integer, DraftingSpeed> speeds = QpartCalibrator.measureWidths(
                        drafter.directory(),
                        List.of(4, 8, 16),
                        ids,
                        tokens,
                        passes,
                        options,
                        EngineCommandSupport.progressLines(err)
                    );
                    String drafterId = drafter.name().endsWith("-" + drafter.precision())
                        ? drafter
                              .name()
                              .substring(0, drafter.name().length() - drafter.precision().length() - 1)
                        : drafter.name();
                    ThisMachineProfiles.Written written = ThisMachineProfiles.write(
                        profilesOut,
                        drafterId,
                        drafter.parameters(),
                        target,
                        targetEntry.parameters(),
                        speeds,
                        LocalDate.now()
                    );
                    stdout.println("wrote " + written.device() + ", " + written.models());
                }
            } catch (QpartInputException e) {
                throw new EngineCommandSupport.BadInputException(e.getMessage());
            }
            stdout.flush();
            return EngineCommandSupport.OK;
        }
    }
}
