package io.configspec.app.explorer.boards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.app.explorer.UserFolders;
import io.configspec.model.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Remembers the Boards view's connection in a small JSON file ({@code boards.json}, see {@link
 * #userDefault()}), readable by the owner only where the file system supports it, since
 * it holds the agent's token. Missing or unreadable files give the defaults.
 */
public final class BoardSettingsStore {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;

    public BoardSettingsStore(Path file) {
        this.file = file;
    }

    /**
     * {@code boards.json} in {@link UserFolders#own()}: {@code ~/.config/configspec} (or {@code
     * $XDG_CONFIG_HOME/configspec}), or the {@code configspec.userdir} folder when that is set.
     */
    public static BoardSettingsStore userDefault() {
        return new BoardSettingsStore(UserFolders.own().resolve("boards.json"));
    }

    /** The file this store reads and writes. */
    public Path file() {
        return file;
    }

    public BoardSettings load() {
        if (!Files.isRegularFile(file)) {
            return BoardSettings.defaults();
        }
        try {
            JsonNode json = MAPPER.readTree(file.toFile());
            BoardSettings d = BoardSettings.defaults();
            return new BoardSettings(
                json.path("host").asText(d.host()),
                json.path("port").asInt(d.port()),
                json.path("token").asText(d.token())
            );
        } catch (IOException e) {
            return BoardSettings.defaults();
        }
    }

    public void save(BoardSettings settings) throws IOException {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("host", settings.host());
        json.put("port", settings.port());
        json.put("token", settings.token());
        Files.createDirectories(file.getParent());
        AtomicFiles.write(file, out -> MAPPER.writerWithDefaultPrettyPrinter().writeValue(out, json));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
