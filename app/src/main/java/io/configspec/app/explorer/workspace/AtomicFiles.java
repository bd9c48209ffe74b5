package io.configspec.app.explorer.workspace;

import io.configspec.app.explorer.concurrent.FxThreadGuard;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that a reader (or a crash) sees either the old content or the new one, never
 * a mix: write a temporary file in the same folder, force it to disk, rename over the target.
 */
public final class AtomicFiles {

    private AtomicFiles() {}

    public static void write(Path target, byte[] content) throws IOException {
        FxThreadGuard.requireBackground("writing " + target.getFileName());
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, content);
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static byte[] read(Path source) throws IOException {
        FxThreadGuard.requireBackground("reading " + source.getFileName());
        return Files.readAllBytes(source);
    }
}
