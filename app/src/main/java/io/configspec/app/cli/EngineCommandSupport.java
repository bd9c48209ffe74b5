package io.configspec.app.cli;

import io.configspec.engine.onnx.InferenceException;
import io.configspec.engine.onnx.ModelLoadException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Shared plumbing of the engine's subcommands: exit codes and one-sentence errors. */
final class EngineCommandSupport {

    /** Exit code for success. */
    static final int OK = 0;
    /** Exit code for a runtime failure (inference, I/O). */
    static final int RUNTIME_FAILURE = 1;
    /** Exit code for bad usage or bad input (missing or broken model, bad option value). */
    static final int BAD_INPUT = 2;

    private EngineCommandSupport() {}

    /** Work that may fail with the engine's checked exceptions. */
    @FunctionalInterface
    interface EngineWork {
        int run() throws ModelLoadException, InferenceException, IOException;
    }

    /** Runs {@code work}, turning every failure into one sentence on {@code err} and an exit code. */
    static int guarded(PrintWriter err, EngineWork work) {
        try {
            return work.run();
        } catch (ModelLoadException | BadInputException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } catch (InferenceException e) {
            err.println(e.getMessage());
            return RUNTIME_FAILURE;
        } catch (IOException e) {
            err.println(
                "error: " +
                    firstLine(String.valueOf(e.getMessage())) +
                    " (" +
                    e.getClass().getSimpleName() +
                    ")"
            );
            return RUNTIME_FAILURE;
        } finally {
            err.flush();
        }
    }

    /** Bad command-line input found while running (not by picocli's parser). */
    static final class BadInputException extends RuntimeException {

        BadInputException(String message) {
            super(message);
        }
    }

    /** Prompts file: one prompt per line; blank lines and lines starting with {@code #} skipped. */
    static List<String> readPrompts(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": prompts file does not exist");
        }
        List<String> prompts = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                prompts.add(trimmed);
            }
        }
        if (prompts.isEmpty()) {
            throw new BadInputException(file + ": prompts file has no prompts");
        }
        return prompts;
    }

    /** Parses {@code MIN..MAX} (or a single K). */
    static int[] parseKRange(String text) {
        String[] parts = text.trim().split("\\.\\.");
        try {
            int min = Integer.parseInt(parts[0].trim());
            int max = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : min;
            if (parts.length > 2 || min < 1 || max < min) {
                throw new NumberFormatException();
            }
            return new int[] { min, max };
        } catch (NumberFormatException e) {
            throw new BadInputException("--k-range '" + text + "' must look like 1..8 (1 ≤ min ≤ max)");
        }
    }

    /**
     * Prints each progress line of a long run on {@code err} as it comes, flushed; safe to call
     * from several threads (a parallel sweep reports from its workers).
     */
    static Consumer<String> progressLines(PrintWriter err) {
        return line -> {
            synchronized (err) {
                err.println(line);
                err.flush();
            }
        };
    }

    static String firstLine(String message) {
        return message == null ? "no detail" : message.strip().lines().findFirst().orElse("no detail");
    }
}
