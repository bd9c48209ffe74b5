package io.configspec.model.qpart;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.model.domain.InvalidFieldException;
import io.configspec.model.io.AtomicFiles;
import io.configspec.model.io.JsonInput;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileException;
import io.configspec.model.io.ProfileSchemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes {@link SensitivityCalibration} files ({@value #FILE_NAME}, kind {@value #KIND}):
 * read strictly like every input file, checked against {@code docs/schema/qpart-calibration.schema.json},
 * bound onto the record; written atomically.
 */
public final class SensitivityCalibrationFile {

    /** The file's name in a model directory. */
    public static final String FILE_NAME = "qpart-calibration.json";

    /** The file's {@code kind}. */
    public static final String KIND = "qpart-calibration";

    private SensitivityCalibrationFile() {}

    /**
     * Reads a calibration.
     *
     * @throws ProfileException naming the file and the field at fault
     */
    public static SensitivityCalibration read(Path file) throws ProfileException {
        JsonNode tree = JsonInput.readTree(file);
        if (!tree.isObject()) {
            throw ProfileException.ofFile(file, "must be a JSON object", null);
        }
        if (!KIND.equals(tree.path("kind").asText())) {
            throw ProfileException.atField(file, "kind", "must be " + KIND + " but is " + tree.path("kind"));
        }
        List<String> violations = ProfileSchemas.violations(KIND, tree);
        if (!violations.isEmpty()) {
            throw ProfileException.ofFile(file, violations.getFirst(), null);
        }
        ObjectNode content = ((ObjectNode) tree).deepCopy();
        content.remove(List.of("$schema", "schemaVersion", "kind"));
        try {
            return ProfileCodec.mapper().treeToValue(content, SensitivityCalibration.class);
        } catch (InvalidFieldException e) {
            throw ProfileException.atField(file, e.field(), e.problem());
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof InvalidFieldException f) {
                throw ProfileException.atField(file, f.field(), f.problem());
            }
            throw ProfileException.ofFile(file, "cannot be read (" + e.getOriginalMessage() + ")", e);
        }
    }

    /** Writes {@code calibration} to {@code file} atomically. */
    public static void write(Path file, SensitivityCalibration calibration) throws IOException {
        ObjectNode json = ProfileCodec.mapper().createObjectNode();
        json.put("schemaVersion", ProfileCodec.SCHEMA_VERSION);
        json.put("kind", KIND);
        json.setAll((ObjectNode) ProfileCodec.mapper().valueToTree(calibration));
        AtomicFiles.write(
            file,
            (ProfileCodec.mapper().writeValueAsString(json) + "\n").getBytes(StandardCharsets.UTF_8)
        );
    }
}
