package io.configspec.engine.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import io.configspec.model.io.JsonInput;
import io.configspec.model.io.ProfileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The models in a models directory: every subdirectory holding a {@code model.onnx} (the Optimum
 * export layout, with {@code tokenizer.json} and {@code config.json} beside it) is one model,
 * named after its directory. Role, precision and parameter count come from {@code config.json}
 * ({@code configspec_role}, {@code configspec_precision}, {@code configspec_parameters}, written
 * by the sample generator); for other exports the role defaults to {@code drafter} and unknown
 * values are reported as such.
 */
public final class ModelCatalog {

    /** One model directory. */
    public record Entry(String name, String role, String precision, long parameters, Path directory) {
        public Path modelFile() {
            return directory.resolve("model.onnx");
        }
    }

    private final Path root;
    private final List<Entry> entries;

    private ModelCatalog(Path root, List<Entry> entries) {
        this.root = root;
        this.entries = List.copyOf(entries);
    }

    /**
     * Scans {@code root}.
     *
     * @throws ModelLoadException if {@code root} is not a directory
     */
    public static ModelCatalog scan(Path root) throws ModelLoadException {
        if (!Files.isDirectory(root)) {
            throw new ModelLoadException(
                root,
                "models directory does not exist (run: configspec models generate --out " + root + ")"
            );
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> children = Files.list(root)) {
            for (Path dir : children
                .filter(p -> Files.isRegularFile(p.resolve("model.onnx")))
                .sorted()
                .toList()) {
                entries.add(entry(dir));
            }
        } catch (IOException e) {
            throw new ModelLoadException(root, "models directory cannot be read (" + e.getMessage() + ")", e);
        }
        entries.sort(
            Comparator.comparing((Entry e) -> !e.role().equals("target")).thenComparing(Entry::name)
        );
        return new ModelCatalog(root, entries);
    }

    private static Entry entry(Path dir) {
        String role = "drafter";
        String precision = "unknown";
        long parameters = -1;
        Path config = dir.resolve("config.json");
        if (Files.isRegularFile(config)) {
            try {
                JsonNode node = JsonInput.readTree(config);
                role = node.path("configspec_role").asText(role);
                precision = node.path("configspec_precision").asText(precision);
                parameters = node.path("configspec_parameters").asLong(parameters);
            } catch (ProfileException e) {
                // An unreadable config.json leaves the defaults; loading the model reports real problems.
            }
        }
        return new Entry(dir.getFileName().toString(), role, precision, parameters, dir);
    }

    public List<Entry> entries() {
        return entries;
    }

    public Path root() {
        return root;
    }

    /**
     * The model called {@code name}.
     *
     * @throws ModelLoadException naming the available models if there is none
     */
    public Entry find(String name) throws ModelLoadException {
        for (Entry e : entries) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new ModelLoadException(
            root.resolve(name),
            "no model named '" +
                name +
                "' (available: " +
                String.join(", ", entries.stream().map(Entry::name).toList()) +
                ")"
        );
    }
}
