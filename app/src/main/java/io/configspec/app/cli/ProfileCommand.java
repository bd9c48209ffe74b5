package io.configspec.app.cli;

import io.configspec.engine.agent.AgentClient;
import io.configspec.engine.agent.JobState;
import io.configspec.engine.agent.JobStatus;
import io.configspec.engine.measure.BoardProfiler;
import io.configspec.engine.measure.DraftingCell;
import io.configspec.engine.measure.MeasuredProfiles;
import io.configspec.engine.measure.OnnxModelProvider;
import io.configspec.engine.measure.ProfilingContext;
import io.configspec.engine.measure.ProfilingRequest;
import io.configspec.engine.measure.ProfilingResult;
import io.configspec.engine.net.BearerToken;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.sensors.SensorSampler;
import io.configspec.engine.sensors.SensorSuite;
import io.configspec.model.io.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code configspec profile}: measures a drafter (or an architecture twin) on this machine, or on a
 * board through its agent, and writes measured profiles the explorer loads.
 */
@Command(
    name = "profile",
    description = {
        "Measure drafting speed (against K and context), power and energy per token on this machine or a board.",
        "Optionally also acceptance and verification latency against a target (--target); a board is profiled through",
        "its 'configspec agent' (--agent).",
    }
)
final class ProfileCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BoardCommandSupport.BoardOptions board;

    static final class What {

        @Option(
            names = "--drafter",
            paramLabel = "NAME",
            description = "A model in the models directory (e.g. draft-1l-int8)."
        )
        String drafter;

        @Option(
            names = "--twin",
            paramLabel = "PRESET",
            description = "An architecture twin of a bundled config (e.g. qwen2.5-0.5b); needs --precision."
        )
        String twin;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    What what;

    @Option(
        names = "--precision",
        paramLabel = "P",
        description = "Twin precision: int8 or int4 (also fp16, fp32); with --twin only."
    )
    String precision;

    @Option(
        names = "--layers",
        paramLabel = "N",
        description = "Twin depth (default: the real model's); with --twin only."
    )
    Integer layers;

    @Option(
        names = "--target",
        paramLabel = "NAME",
        description = "A target model: adds acceptance and verification latency."
    )
    String target;

    @Option(
        names = "--k",
        paramLabel = "K",
        split = ",",
        defaultValue = "1,2,4,8",
        description = "Speculative lengths (default ${DEFAULT-VALUE})."
    )
    List<Integer> kValues;

    @Option(
        names = "--context",
        paramLabel = "TOKENS",
        split = ",",
        defaultValue = "32",
        description = "Context lengths (default ${DEFAULT-VALUE})."
    )
    List<Integer> contexts;

    @Option(
        names = "--warmup",
        paramLabel = "N",
        defaultValue = "2",
        description = "Warm-up rounds per cell (default ${DEFAULT-VALUE})."
    )
    int warmup;

    @Option(
        names = "--rounds",
        paramLabel = "N",
        defaultValue = "10",
        description = "Measured rounds per repetition (default ${DEFAULT-VALUE})."
    )
    int rounds;

    @Option(
        names = "--repetitions",
        paramLabel = "N",
        defaultValue = "3",
        description = "Repetitions per cell, for confidence intervals (default ${DEFAULT-VALUE})."
    )
    int repetitions;

    @Option(
        names = "--idle-seconds",
        paramLabel = "S",
        defaultValue = "2",
        description = "Idle power measured first (default ${DEFAULT-VALUE} s)."
    )
    double idleSeconds;

    @Option(
        names = "--prompts",
        paramLabel = "N",
        defaultValue = "8",
        description = "Prompts for acceptance (default ${DEFAULT-VALUE})."
    )
    int prompts;

    @Option(
        names = "--threads",
        paramLabel = "N",
        defaultValue = "1",
        description = "ONNX Runtime intra-op threads (default ${DEFAULT-VALUE})."
    )
    int threads;

    @Option(
        names = "--agent",
        paramLabel = "HOST:PORT",
        description = "Profile the board running this agent instead of this machine."
    )
    String agent;

    @Option(names = "--token-file", paramLabel = "F", description = "The agent's token file (with --agent).")
    Path tokenFile;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description = "Write measured profiles (device.json, ...) here; runs of other drafters on the same board already there are kept."
    )
    Path out;

    @Option(
        names = "--json",
        paramLabel = "FILE",
        description = "Write the raw measurement (all cells, CIs) as JSON."
    )
    Path json;

    @Mixin
    UserPowerOptions power;

    @Override
    public Integer call() throws Exception {
        if (what.drafter != null && (layers != null || precision != null)) {
            // A drafter is measured as it is: its depth and precision are the model's own.
            throw new CommandLine.ParameterException(
                spec.commandLine(),
                "--layers and --precision describe an architecture twin and go with --twin, not with --drafter"
            );
        }
        PrintWriter w = spec.commandLine().getOut();
        power.check();
        ProfilingRequest request;
        try {
            request = new ProfilingRequest(
                what.drafter,
                what.twin == null ? null : new ProfilingRequest.Twin(what.twin, precision, layers),
                target,
                kValues,
                contexts,
                warmup,
                rounds,
                repetitions,
                idleSeconds,
                List.of(),
                prompts
            );
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(
                spec.commandLine(),
                e.getMessage().replace("field 'twin.precision'", "--precision")
            );
        }
        ProfilingResult result = agent == null ? runHere(request, w) : runOnAgent(request, w);
        printSummary(w, result);
        if (json != null) {
            byte[] bytes =
                io.configspec.engine.agent.AgentJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(
                    result.toJson()
                );
            AtomicFiles.write(json, o -> o.write(bytes));
            w.println("Raw measurement: " + json);
        }
        if (out != null) {
            MeasuredProfiles.Options options = MeasuredProfiles.Options.forBoard(result.board().boardName());
            options = power.applyTo(options, result.date());
            for (Path file : MeasuredProfiles.writeAccumulating(out, result, null, options)) {
                w.println("Profile: " + file);
            }
            if (!result.hasPower() && !power.given()) {
                w.println(
                    "Power: not measured, so the profile has none; energy for this board reads 'not measured' (give --power-watts to record one)."
                );
            }
        }
        w.flush();
        return ConfigSpecCli.OK;
    }

    private ProfilingResult runHere(ProfilingRequest request, PrintWriter w) throws Exception {
        if (threads < 1) {
            throw new CommandLine.ParameterException(
                spec.commandLine(),
                "--threads must be >= 1, was " + threads
            );
        }
        SensorSuite suite = board.detectSensors();
        w.println(
            "Profiling " +
                request.drafterLabel() +
                " on " +
                suite.boardInfo().boardName() +
                " (power: " +
                (suite.powerSources().isEmpty() ? "no sensor" : suite.powerSources().getFirst().id()) +
                ")"
        );
        w.flush();
        BoardProfiler profiler = new BoardProfiler(
            new OnnxModelProvider(
                board.modelsDirectory(),
                board.twinsDirectory(),
                EngineOptions.defaults().withIntraOpThreads(threads)
            )
        );
        AtomicBoolean cancelled = new AtomicBoolean();
        Thread hook = new Thread(() -> cancelled.set(true));
        Runtime.getRuntime().addShutdownHook(hook);
        try (SensorSampler sampler = new SensorSampler(suite, Duration.ofMillis(100), 600)) {
            ProgressPrinter printer = new ProgressPrinter(w);
            ProfilingContext context = new ProfilingContext() {
                @Override
                public void progress(double fraction, String message) {
                    printer.print(fraction, message);
                }

                @Override
                public boolean cancelled() {
                    return cancelled.get();
                }

                @Override
                public SensorSampler sensors() {
                    return sampler;
                }
            };
            return profiler.run(request, context);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already
            }
        }
    }

    private ProfilingResult runOnAgent(ProfilingRequest request, PrintWriter w)
        throws IOException, InterruptedException {
        int colon = agent.lastIndexOf(':');
        if (colon <= 0 || tokenFile == null) {
            throw new CommandLine.ParameterException(
                spec.commandLine(),
                "--agent needs HOST:PORT and --token-file"
            );
        }
        int port;
        try {
            port = Integer.parseInt(agent.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(
                spec.commandLine(),
                "--agent: '" + agent + "' is not HOST:PORT"
            );
        }
        String token = BearerToken.read(tokenFile).value();
        try (AgentClient client = new AgentClient(agent.substring(0, colon), port, token)) {
            w.println(
                "Profiling " +
                    request.drafterLabel() +
                    " on " +
                    client.info().board().boardName() +
                    " through " +
                    client.baseUri()
            );
            JobStatus job = client.startJob(request);
            ProgressPrinter printer = new ProgressPrinter(w);
            JobStatus done = client.awaitJob(job.id(), Duration.ofHours(2), Duration.ofMillis(500), s ->
                printer.print(s.progress(), s.message())
            );
            if (done.state() != JobState.SUCCEEDED) {
                throw new IOException("the job " + done.state().jsonName() + ": " + done.message());
            }
            return ProfilingResult.fromJson(done.result());
        }
    }

    /** Prints a run's progress, here or on an agent, one line a step: only when the message changes. */
    private static final class ProgressPrinter {

        private final PrintWriter w;
        private String last = "";

        ProgressPrinter(PrintWriter w) {
            this.w = w;
        }

        void print(double fraction, String message) {
            if (!message.equals(last)) {
                last = message;
                w.printf(Locale.ROOT, "  [%3.0f%%] %s%n", fraction * 100, message);
                w.flush();
            }
        }
    }

    static void printSummary(PrintWriter w, ProfilingResult r) {
        w.printf(Locale.ROOT, "%n%s %s on %s%n", r.drafter(), r.quantization(), r.board().boardName());
        w.printf(Locale.ROOT, "%8s %4s %14s %20s%n", "context", "K", "round (ms)", "tokens/s (95% CI)");
        int wide = 0;
        for (DraftingCell c : r.cells()) {
            double half = Double.isNaN(c.tokensPerSecond().ci95HalfWidth())
                ? 0
                : c.tokensPerSecond().ci95HalfWidth();
            boolean wider = half > c.tokensPerSecond().mean();
            wide += wider ? 1 : 0;
            w.printf(
                Locale.ROOT,
                "%8d %4d %14.2f %12.1f ± %-6.1f%s%n",
                c.contextTokens(),
                c.k(),
                c.roundSeconds().mean() * 1000,
                c.tokensPerSecond().mean(),
                half,
                wider ? " (!)" : ""
            );
        }
        if (wide > 0) {
            w.println(
                "(!) " +
                    wide +
                    " of " +
                    r.cells().size() +
                    " intervals are wider than the value itself: the repetitions disagree more than the speed they measure (a busy or throttling machine, or too few rounds); repeat with more --rounds and --repetitions before relying on those rows."
            );
        }
        w.printf(
            Locale.ROOT,
            "Fit: %.1f tokens/s, round overhead %.2f ms, context slowdown %.3f per 1000 tokens%n",
            r.fit().tokensPerSecond(),
            r.fit().roundOverheadSeconds() * 1000,
            r.fit().contextSlowdownPerThousandTokens()
        );
        if (r.hasPower()) {
            w.printf(
                Locale.ROOT,
                "Power: idle %.2f W, drafting %.2f W, %.4f J/token (%s)%n",
                r.idleWatts(),
                r.draftingWatts(),
                r.joulesPerToken(),
                r.powerSource()
            );
        } else {
            w.println("Power: not measured (no power sensor on this machine)");
        }
        if (r.acceptance() != null) {
            w.printf(
                Locale.ROOT,
                "Acceptance vs %s: α = %.3f (95%% CI ± %.3f over %d prompts, %d positions)%n",
                r.acceptance().target(),
                r.acceptance().pooledAlpha(),
                Double.isNaN(r.acceptance().alpha().ci95HalfWidth())
                    ? 0
                    : r.acceptance().alpha().ci95HalfWidth(),
                r.acceptance().prompts(),
                r.acceptance().attemptedPositions()
            );
        }
    }
}
