package io.configspec.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the command line with captured output. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ConfigSpecCli.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new CliRun(code, out.toString(), err.toString());
    }
}
