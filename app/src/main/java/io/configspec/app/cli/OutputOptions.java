package io.configspec.app.cli;

import io.configspec.model.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --format table|json|csv} and {@code --out FILE} (written atomically). Use as a picocli {@code @Mixin}. */
public final class OutputOptions {

    /** Writes the output. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer writer) throws IOException;
    }

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})."
    )
    OutputFormat format = OutputFormat.table;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "Write to FILE (atomically: the old file stays intact if writing fails) instead of standard output."
    )
    Path out;

    public OutputFormat format() {
        return format;
    }

    /** The {@code --out} file, or null for standard output. */
    public Path out() {
        return out;
    }

    /**
     * Writes {@code content} to {@code --out} atomically, or to {@code stdout}.
     *
     * @return a one-line notice for the user when a file was written, else null
     */
    public String write(PrintWriter stdout, Content content) throws IOException {
        if (out == null) {
            content.writeTo(stdout);
            stdout.flush();
            return null;
        }
        AtomicFiles.write(out, stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            content.writeTo(writer);
            writer.flush();
        });
        return "Wrote " + out + ".";
    }
}
