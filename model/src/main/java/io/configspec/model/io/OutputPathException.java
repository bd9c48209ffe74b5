package io.configspec.model.io;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A destination the user named that cannot be written safely (a folder, a device, a FIFO, a link
 * loop, a folder that cannot be made). Its message is one sentence naming the path; nothing was
 * written. The CLI exits with code 2.
 */
public final class OutputPathException extends IOException {

    private final transient Path path;

    public OutputPathException(Path path, String why) {
        super("cannot write " + path + ": " + why + ".");
        this.path = path;
    }

    /** The path as the user gave it. */
    public Path path() {
        return path;
    }
}
