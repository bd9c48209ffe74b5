package io.configspec.model.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/** Copies of fixture trees into a test's temporary directory, for tests that change files. */
public final class FileTrees {

    private FileTrees() {}

    /** Copies the whole tree under {@code from} into {@code to} (created); returns {@code to}. */
    public static Path copy(Path from, Path to) {
        return copy(from, to, relative -> true, name -> name);
    }

    /**
     * Copies the directories and files under {@code from} whose path relative to it {@code include}
     * accepts (the root's is empty) into {@code to}, each name of that path passed through
     * {@code rename} (a fixture stored under another name than the one a test needs); returns
     * {@code to}.
     */
    public static Path copy(Path from, Path to, Predicate<Path> include, UnaryOperator<String> rename) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path file : walk.filter(p -> include.test(from.relativize(p))).toList()) {
                Path dest = to;
                for (Path name : from.relativize(file)) {
                    dest = dest.resolve(rename.apply(name.toString()));
                }
                if (Files.isDirectory(file)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(file, dest);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }
}
