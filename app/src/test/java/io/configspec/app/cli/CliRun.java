package io.configspec.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.testing.SampleFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One run of the command line with captured output. */
record CliRun(int exitCode, String out, String err) {
    /** Fields every configuration row has in JSON ({@code sweep}, {@code pareto}, {@code recommend}, {@code export}). */
    static final List<String> ROW_FIELDS = List.of(
        "device",
        "drafter",
        "quantization",
        "target",
        "k",
        "acceptanceRate",
        "draftTokensPerSecond",
        "expectedTokensPerRound",
        "roundTimeSeconds",
        "goodputTokensPerSecond",
        "tokensPerDollar",
        "tokensPerJoule",
        "pareto"
    );

    /** {@code command --scenario <the paper's scenario>} followed by {@code more}. */
    static CliRun onPaper(String command, String... more) {
        List<String> args = new ArrayList<>(
            List.of(command, "--scenario", SampleFiles.paperScenario().toString())
        );
        args.addAll(List.of(more));
        return of(args.toArray(String[]::new));
    }

    /** The paper's sweep as JSON, run once for the tests that read it: see {@link #paperSweep()}. */
    private static JsonNode paperSweep;

    /**
     * {@code sweep --scenario <the paper's scenario> --format json}, asserted to succeed and read as
     * JSON; run once and shared by the tests that check it (they only read it).
     */
    static synchronized JsonNode paperSweep() throws IOException {
        if (paperSweep == null) {
            paperSweep = onPaper("sweep", "--format", "json").okJson();
        }
        return paperSweep;
    }

    /**
     * Asserts the run refused bad input as the command line promises: exit 2 and one sentence on
     * standard error, no stack trace. Returns the sentence.
     */
    String assertBadInput() {
        assertEquals(ConfigSpecCli.BAD_INPUT, exitCode, out + err);
        assertEquals(1, err.lines().count(), err);
        assertFalse(err.contains("Exception"), err);
        return err.strip();
    }

    /** Asserts the run succeeded (exit 0, its error output as the message); returns it. */
    CliRun assertOk() {
        assertEquals(0, exitCode, err);
        return this;
    }

    /** The output of a run that succeeded (asserted as by {@link #assertOk()}), read as JSON. */
    JsonNode okJson() throws IOException {
        assertOk();
        return ProfileCodec.mapper().readTree(out);
    }

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ConfigSpecCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }

    /**
     * {@code command --models modelsDir [--draft draft] --target target} followed by {@code more}:
     * the pair every engine command runs on ({@code draft} null: the target alone).
     */
    static CliRun ofPair(String command, Path modelsDir, String draft, String target, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--models", modelsDir.toString()));
        if (draft != null) {
            args.addAll(List.of("--draft", draft));
        }
        args.addAll(List.of("--target", target));
        args.addAll(List.of(more));
        return of(args.toArray(String[]::new));
    }

    /**
     * The quick {@code measure} tests use: K 1..3 over the first three prompts of the models
     * folder's {@code prompts.txt} (written to {@code few-prompts.txt} beside {@code out}), 8
     * tokens each; the profiles go to {@code out}.
     */
    static CliRun measureQuickly(Path modelsDir, String draft, String target, Path out) throws IOException {
        Path prompts = Files.write(
            out.resolveSibling("few-prompts.txt"),
            Files.readAllLines(modelsDir.resolve("prompts.txt")).subList(0, 3)
        );
        return ofPair(
            "measure",
            modelsDir,
            draft,
            target,
            "--k-range",
            "1..3",
            "--prompts",
            prompts.toString(),
            "--out",
            out.toString(),
            "--max-tokens",
            "8"
        );
    }
}
