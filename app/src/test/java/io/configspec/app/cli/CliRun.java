package io.configspec.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
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

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ConfigSpecCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }
}
