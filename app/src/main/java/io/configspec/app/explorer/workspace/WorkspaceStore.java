package io.configspec.app.explorer.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.configspec.app.explorer.UserFolders;
import io.configspec.app.explorer.concurrent.FxThreadGuard;
import io.configspec.model.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Workspace files, the autosave used for crash recovery, and the recent-files list, all under a
 * per-user folder ({@code ~/.configspec}, or the {@code configspec.userdir} system property).
 * Every write is atomic, so user data is never left half-written. None of these methods may run
 * on the FX thread (they do file I/O; {@link FxThreadGuard} enforces it).
 *
 * <p>Recovery protocol: while there are unsaved changes the explorer writes the autosave; a
 * clean save or a clean exit deletes it. An autosave found at start-up therefore means the last
 * session ended with unsaved work (a crash or a kill), and the explorer offers it back.
 */
public final class WorkspaceStore {

    public static final String EXTENSION = ".cswork";
    private static final int MAX_RECENT = 8;

    private final Path userDir;
    /** Created on first use, off the FX thread (a mapper costs tens of milliseconds at start-up). */
    private volatile ObjectMapper json;

    public WorkspaceStore(Path userDir) {
        this.userDir = userDir;
    }

    /** The store in the default per-user folder. */
    public static WorkspaceStore forCurrentUser() {
        return new WorkspaceStore(UserFolders.workspace());
    }

    private ObjectMapper json() {
        ObjectMapper m = json;
        if (m == null) {
            m = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
            json = m;
        }
        return m;
    }

    public Path userDir() {
        return userDir;
    }

    public Path autosaveFile() {
        return userDir.resolve("autosave" + EXTENSION);
    }

    private Path recentFile() {
        return userDir.resolve("recent-files.json");
    }

    public void save(WorkspaceState state, Path file) throws IOException {
        write(file, serialize(state));
    }

    /** Every file here is written atomically, off the FX thread. */
    private static void write(Path file, byte[] content) throws IOException {
        FxThreadGuard.requireBackground("writing " + file.getFileName());
        AtomicFiles.write(file, content);
    }

    public WorkspaceState open(Path file) throws WorkspaceException {
        FxThreadGuard.requireBackground("opening a workspace");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new WorkspaceException(file, "the file does not exist", e);
        } catch (IOException e) {
            throw new WorkspaceException(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        WorkspaceState state;
        try {
            state = json().readValue(bytes, WorkspaceState.class);
        } catch (IOException e) {
            String detail = e instanceof JsonProcessingException jpe
                ? jpe.getOriginalMessage()
                : e.getMessage();
            throw new WorkspaceException(file, "is not a valid workspace file (" + detail + ")", e);
        }
        if (state == null || state.schemaVersion() != WorkspaceState.SCHEMA_VERSION) {
            throw new WorkspaceException(
                file,
                "field schemaVersion must be " +
                    WorkspaceState.SCHEMA_VERSION +
                    " but is " +
                    (state == null ? "missing" : state.schemaVersion()),
                null
            );
        }
        return state;
    }

    public byte[] serialize(WorkspaceState state) {
        try {
            return json().writeValueAsBytes(state);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ autosave and recovery

    public void autosave(WorkspaceState state) throws IOException {
        write(autosaveFile(), serialize(state));
    }

    public void discardAutosave() throws IOException {
        FxThreadGuard.requireBackground("deleting the autosave");
        Files.deleteIfExists(autosaveFile());
    }

    /** Unsaved work left by a session that did not end cleanly, if any (and readable). */
    public Optional<Recovery> recoverable() {
        FxThreadGuard.requireBackground("looking for unsaved work");
        Path file = autosaveFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Instant savedAt = Files.getLastModifiedTime(file).toInstant();
            return Optional.of(new Recovery(open(file), savedAt));
        } catch (WorkspaceException | IOException e) {
            return Optional.empty();
        }
    }

    /** Unsaved work found at start-up. */
    public record Recovery(WorkspaceState state, Instant savedAt) {}

    // ------------------------------------------------------------------ recent files

    public List<Path> recentFiles() {
        FxThreadGuard.requireBackground("reading the recent files");
        try {
            String[] paths = json().readValue(recentFile().toFile(), String[].class);
            return Arrays.stream(paths).map(Path::of).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Moves {@code file} to the top of the recent-files list (at most {@value #MAX_RECENT}). */
    public List<Path> addRecent(Path file) throws IOException {
        List<Path> recent = new ArrayList<>(recentFiles());
        Path absolute = file.toAbsolutePath().normalize();
        recent.remove(absolute);
        recent.addFirst(absolute);
        while (recent.size() > MAX_RECENT) {
            recent.removeLast();
        }
        write(
            recentFile(),
            json
                .writeValueAsString(recent.stream().map(Path::toString).toList())
                .getBytes(StandardCharsets.UTF_8)
        );
        return List.copyOf(recent);
    }
}
