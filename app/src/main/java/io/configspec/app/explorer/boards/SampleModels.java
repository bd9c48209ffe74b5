package io.configspec.app.explorer.boards;

import io.configspec.engine.samplemodels.SampleFamily;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The models "This machine" profiles: the checkout's {@code samples/models} when it was generated
 * there ({@code configspec models generate}), otherwise the sample family in the user's cache,
 * generated on first use (no network, about half a minute) so a new user's first profiling run
 * works without a trip to the command line (issue 19).
 */
public final class SampleModels {

    private SampleModels() {}

    /**
     * The models directory to profile with; generates the sample family under {@code cache/models}
     * when neither that nor {@code home/samples/models} exists. Runs off the UI thread (it may take
     * tens of seconds). The family is written to a temporary sibling and moved into place, so a
     * crash or cancel never leaves a half-written directory that later runs would trust.
     */
    public static Path directory(Path home, Path cache) throws IOException {
        Path bundled = home.resolve("samples/models");
        if (Files.isDirectory(bundled)) {
            return bundled;
        }
        Path generated = cache.resolve("models");
        if (Files.isDirectory(generated)) {
            return generated;
        }
        Files.createDirectories(cache);
        Path temporary = Files.createTempDirectory(cache, ".models-");
        try {
            SampleFamily.generate(temporary, SampleFamily.Spec.defaults());
            try {
                Files.move(temporary, generated, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, generated);
            }
        } catch (FileSystemException raced) {
            // Another window generated the same family meanwhile (the move finds it there): use theirs.
            if (!Files.isDirectory(generated)) {
                throw raced;
            }
        } finally {
            deleteQuietly(temporary);
        }
        return generated;
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk
                .sorted(Comparator.reverseOrder())
                .forEach(p -> {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException ignored) {
                        // a left-over temporary folder is harmless; the next start ignores it
                    }
                });
        } catch (IOException ignored) {
            // as above
        }
    }
}
