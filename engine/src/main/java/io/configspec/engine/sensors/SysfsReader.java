package io.configspec.engine.sensors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads Linux pseudo-files (sysfs, procfs) under a configurable root: {@code /} on a real board, a
 * fixture tree shaped like a real board's in tests. Paths are given relative to the root
 * ({@code "sys/class/hwmon"}). Reads never throw for a missing or unreadable file: they return an
 * empty value, because a sensor that vanished or needs root must not stop the others.
 *
 * <p>Thread-safe (stateless apart from the root).
 */
public final class SysfsReader {

    private final Path root;

    public SysfsReader(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** The real file system ({@code /}). */
    public static SysfsReader system() {
        return new SysfsReader(Path.of("/"));
    }

    public Path root() {
        return root;
    }

    /** Resolves a path relative to the root (a leading {@code /} is ignored). */
    public Path resolve(String relative) {
        String stripped = relative.startsWith("/") ? relative.substring(1) : relative;
        return root.resolve(stripped);
    }

    /** The trimmed content of a file (NUL terminators, as in device-tree strings, removed). */
    public Optional<String> readString(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.UTF_8).replace("\0", "").trim();
            return Optional.of(text);
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    public Optional<String> readString(String relative) {
        return readString(resolve(relative));
    }

    /** A file holding one integer (most sysfs attributes); empty if absent, unreadable or not a number. */
    public OptionalLong readLong(Path file) {
        Optional<String> text = readString(file);
        if (text.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.get()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public OptionalLong readLong(String relative) {
        return readLong(resolve(relative));
    }

    /** Whether a file exists and the current user may read it (e.g. RAPL {@code energy_uj} is root-only). */
    public boolean readable(Path file) {
        return Files.isRegularFile(file) && Files.isReadable(file);
    }

    /**
     * Entries of a directory whose names match a glob ({@code "hwmon*"}), sorted by name with numeric
     * suffixes in numeric order ({@code hwmon2} before {@code hwmon10}); empty if the directory is
     * missing.
     */
    public List<Path> list(Path directory, String glob) {
        List<Path> entries = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return entries;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, glob)) {
            stream.forEach(entries::add);
        } catch (IOException | SecurityException e) {
            return entries;
        }
        entries.sort(Comparator.comparing((Path p) -> p.getFileName().toString(), SysfsReader::naturalOrder));
        return entries;
    }

    public List<Path> list(String relativeDirectory, String glob) {
        return list(resolve(relativeDirectory), glob);
    }

    /** Orders names by their non-digit prefix, then by the trailing number. */
    static int naturalOrder(String a, String b) {
        int ia = trailingDigitsStart(a);
        int ib = trailingDigitsStart(b);
        int prefix = a.substring(0, ia).compareTo(b.substring(0, ib));
        if (prefix != 0 || ia == a.length() || ib == b.length()) {
            return prefix != 0 ? prefix : a.compareTo(b);
        }
        try {
            return Long.compare(Long.parseLong(a.substring(ia)), Long.parseLong(b.substring(ib)));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    private static int trailingDigitsStart(String s) {
        int i = s.length();
        while (i > 0 && Character.isDigit(s.charAt(i - 1))) {
            i--;
        }
        return i;
    }
}
