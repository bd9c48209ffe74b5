package io.configspec.engine.onnx;

import java.nio.file.Path;

/**
 * A model, tokenizer or model pair that cannot be used. {@link #getMessage()} is one sentence a
 * user can act on (file and problem); the ONNX Runtime detail, if any, is the cause.
 */
public final class ModelLoadException extends Exception {

    private final transient Path file;
    private final String problem;

    public ModelLoadException(Path file, String problem) {
        this(file, problem, null);
    }

    public ModelLoadException(Path file, String problem, Throwable cause) {
        super(file == null ? problem : file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The offending file or directory (may be null when not file-related). */
    public Path file() {
        return file;
    }

    /** The problem without the file name. */
    public String problem() {
        return problem;
    }
}
