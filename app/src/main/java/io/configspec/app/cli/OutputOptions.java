package io.configspec.app.cli;

import io.configspec.model.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * {@code --format FORMAT} and {@code --out FILE} (written atomically): the one output option of
 * every command that prints a result. Use as a picocli {@code @Mixin}; a command states the
 * formats it writes with {@link #format(OutputFormat...)}.
 */
public final class OutputOptions {

    /** Writes the output. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer writer) throws IOException;
    }

    /** Writes the output as bytes (UTF-8), for output large enough that a character encoder costs. */
    @FunctionalInterface
    public interface ByteContent {
        void writeTo(OutputStream stream) throws IOException;
    }

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        converter = OutputFormat.Converter.class,
        completionCandidates = OutputFormat.Names.class,
        description = "Output format: text (also called table), json or csv, as the command supports " +
            "(default: text); sweep also writes arrow (an Apache Arrow IPC file, with --out); export " +
            "also takes a serving stack."
    )
    OutputFormat format;

    @Option(
        names = "--out",
        paramLabel = "FILE",
        description = "Write to FILE (atomically: the old file stays intact if writing fails) instead of standard output."
    )
    Path out;

    /**
     * The format asked for, or the first of {@code supported} when none was.
     *
     * @throws UserInputException when the command does not write the format asked for
     */
    public OutputFormat format(OutputFormat... supported) {
        List<OutputFormat> allowed = Arrays.asList(supported);
        if (format == null) {
            return supported[0];
        }
        if (!allowed.contains(format)) {
            throw new UserInputException(
                "--format " +
                    format.name() +
                    " is not written by this command (it writes " +
                    allowed.stream().map(OutputFormat::name).collect(Collectors.joining(", ")) +
                    ")"
            );
        }
        return format;
    }

    /** The format given, or null. */
    public OutputFormat given() {
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

    /**
     * Like {@link #write(PrintWriter, PrintWriter, Content)}, but a file given by {@code --out} is
     * written by {@code bytes} straight to its stream; standard output still gets {@code content}.
     */
    public void write(PrintWriter stdout, PrintWriter stderr, Content content, ByteContent bytes)
        throws IOException {
        if (out == null) {
            write(stdout, stderr, content);
            return;
        }
        AtomicFiles.write(out, bytes::writeTo);
        stderr.println("Wrote " + out + ".");
        stderr.flush();
    }

    /**
     * Writes a binary file ({@code --format arrow}) to {@code --out}, atomically, and prints the
     * notice on {@code stderr}.
     *
     * @throws UserInputException when no {@code --out} was given (binary output is not for a terminal)
     */
    public void writeFile(PrintWriter stderr, ByteContent bytes) throws IOException {
        AtomicFiles.write(requireFile(), bytes::writeTo);
        stderr.println("Wrote " + out + ".");
        stderr.flush();
    }

    /**
     * The {@code --out} file, for a binary format.
     *
     * @throws UserInputException when none was given (binary output is not for a terminal)
     */
    public Path requireFile() {
        if (out == null) {
            throw new UserInputException(
                "--format " + format.name() + " writes a binary file: give it with --out FILE"
            );
        }
        return out;
    }

    /** Writes {@code content} and prints the notice, if any, on {@code stderr}. */
    public void write(PrintWriter stdout, PrintWriter stderr, Content content) throws IOException {
        String notice = write(stdout, content);
        if (notice != null) {
            stderr.println(notice);
            stderr.flush();
        }
    }
}
