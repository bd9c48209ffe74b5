package io.configspec.app.explorer.workspace;

import java.nio.file.Path;

/** A workspace file that cannot be read; the message is one sentence naming file and reason. */
public final class WorkspaceException extends Exception {

    private final transient Path file;

    public WorkspaceException(Path file, String reason, Throwable cause) {
        super(file.getFileName() + ": " + reason, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
