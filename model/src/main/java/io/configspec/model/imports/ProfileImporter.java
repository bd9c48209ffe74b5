package io.configspec.model.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.model.io.JsonInput;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileDocument;
import io.configspec.model.io.ProfileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Our own profile files ({@code "schemaVersion": 1} with a {@code kind}; docs/file-format.md): the
 * text is parsed once into a tree and the tree validated and bound ({@link ProfileCodec#read(Path,
 * JsonNode)}), with no temporary file and no second read. The tree is kept beside the document so
 * the library can edit numbers in place.
 */
public final class ProfileImporter extends AbstractImporter {

    private static final Pattern SCHEMA_VERSION = Pattern.compile("\"schemaVersion\"\\s*:");

    public ProfileImporter() {
        super("profile", "ConfigSpec profile (JSON)");
    }

    @Override
    public boolean detects(Path file, String head) {
        return isJson(file) && SCHEMA_VERSION.matcher(head).find();
    }

    /** Whether the file's name says JSON: a JSON file no tool importer claims is read as a profile. */
    static boolean isJson(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    }

    @Override
    public Imported read(Path file, String text) throws ProfileException {
        JsonNode tree = JsonInput.readTree(file, text);
        ProfileDocument document = ProfileCodec.read(file, tree);
        // read(file, tree) binds a copy and accepts only a JSON object, so the tree is the file as written.
        return new Imported.Profile(file, (ObjectNode) tree, document);
    }

    /** What a profile document holds, one line for people (the import preview, the command line). */
    public static String describe(ProfileDocument document) {
        return switch (document) {
            case ProfileDocument.DeviceDocument(var d) -> "device " +
            d.id() +
            " (" +
            d.name() +
            "): " +
            d.drafting().size() +
            " drafting measurement(s)";
            case ProfileDocument.ModelsDocument m -> "models " +
            m.id() +
            ": " +
            m.drafters().size() +
            " drafter(s), " +
            m.targets().size() +
            " target(s)";
            case ProfileDocument.AlignmentDocument a -> "alignment " +
            a.id() +
            ": " +
            a.entries().size() +
            " drafter → target pair(s)";
            case ProfileDocument.ServerDocument(var s) -> "server " +
            s.id() +
            ": " +
            s.targets().size() +
            " target(s) served";
            case ProfileDocument.NetworkDocument(var n) -> "network " + n.id();
            case ProfileDocument.ScenarioDocument s -> "scenario " + s.id();
            case ProfileDocument.FleetScenarioDocument f -> "fleet scenario " + f.id();
        };
    }

    /** The library folder a document of this kind goes to when an import writes it. */
    static String folder(ProfileDocument document) {
        return switch (document) {
            case ProfileDocument.DeviceDocument d -> "devices";
            case ProfileDocument.ModelsDocument m -> "models";
            case ProfileDocument.AlignmentDocument a -> "alignment";
            case ProfileDocument.ServerDocument s -> "servers";
            case ProfileDocument.NetworkDocument n -> "networks";
            case ProfileDocument.ScenarioDocument s -> "scenarios";
            case ProfileDocument.FleetScenarioDocument f -> "scenarios";
        };
    }
}
