package io.configspec.model.imports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.configspec.model.io.JsonInput;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Records of a tool's output (a CSV row, a JSON object, a table row) as named text cells with
 * the line they start on, and the checks every importer applies to them: a missing or malformed
 * value is one {@link ProfileException} naming the file, the line and the field.
 */
final class ToolRows {

    /** CSV parser: header row, quoted values, no type guessing (every cell is text). */
    private static final CsvMapper CSV = CsvMapper.builder()
        .enable(CsvParser.Feature.TRIM_SPACES)
        .enable(CsvParser.Feature.FAIL_ON_MISSING_HEADER_COLUMNS)
        .build();

    /** Reads one element of an array in place (what follows it is the rest of the array). */
    private static final ObjectReader ELEMENT = ProfileCodec.mapper()
        .reader()
        .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ToolRows() {}

    /**
     * One record.
     *
     * @param file the file
     * @param line line it starts on, 1-based
     * @param cells field → text as written (numbers and booleans as their JSON text)
     * @param arrays field → number of elements, for JSON arrays (e.g. llama-bench's {@code samples_ts})
     */
    record Row(Path file, int line, Map<String, String> cells, Map<String, Integer> arrays) {
        Optional<String> text(String field) {
            String value = cells.get(field);
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
        }

        boolean has(String field) {
            return text(field).isPresent();
        }

        String required(String field) throws ProfileException {
            return text(field).orElseThrow(() -> problem(field + " is missing"));
        }

        /** A finite number, or empty when the cell is missing or blank. */
        OptionalDouble number(String field) throws ProfileException {
            Optional<String> text = text(field);
            if (text.isEmpty()) {
                return OptionalDouble.empty();
            }
            try {
                double value = Double.parseDouble(text.get());
                if (Double.isFinite(value)) {
                    return OptionalDouble.of(value);
                }
            } catch (NumberFormatException e) {
                // below
            }
            throw problem(field + " must be a number but is \"" + shorten(text.get()) + "\"");
        }

        double requiredNumber(String field) throws ProfileException {
            OptionalDouble value = number(field);
            if (value.isEmpty()) {
                throw problem(field + " is missing");
            }
            return value.getAsDouble();
        }

        /** A number &gt; 0. */
        double positive(String field) throws ProfileException {
            double value = requiredNumber(field);
            if (!(value > 0)) {
                throw problem(field + " must be greater than 0 but is " + text(field).orElse(""));
            }
            return value;
        }

        /** A whole number ≥ 0, or {@code fallback} when missing. */
        long count(String field, long fallback) throws ProfileException {
            OptionalDouble value = number(field);
            if (value.isEmpty()) {
                return fallback;
            }
            double v = value.getAsDouble();
            if (v < 0 || v != Math.rint(v)) {
                throw problem(field + " must be a whole number ≥ 0 but is " + text(field).orElse(""));
            }
            return (long) v;
        }

        ProfileException problem(String reason) {
            return ProfileException.atLine(file, line, reason);
        }
    }

    /** Rows of a CSV file with a header row. */
    static List<Row> csv(Path file, String text) throws ProfileException {
        List<Row> rows = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (
            MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                .with(schema)
                .readValues(text)
        ) {
            while (true) {
                int line;
                Map<String, String> cells;
                try {
                    if (!it.hasNextValue()) {
                        break;
                    }
                    line = it.getCurrentLocation().getLineNr();
                    cells = it.nextValue();
                } catch (RuntimeException e) {
                    throw malformed(file, it.getCurrentLocation(), e.getCause() == null ? e : e.getCause());
                }
                rows.add(new Row(file, Math.max(2, line), new LinkedHashMap<>(cells), Map.of()));
            }
        } catch (JsonProcessingException e) {
            throw malformed(file, e.getLocation(), e);
        } catch (IOException e) {
            throw ProfileException.ofFile(file, "cannot be read as CSV (" + e.getMessage() + ")", e);
        }
        return rows;
    }

    /** The header row of a CSV text, split at commas (for detection). */
    static List<String> csvHeader(String head) {
        String first = head.lines().findFirst().orElse("");
        List<String> names = new ArrayList<>();
        for (String cell : first.split(",", -1)) {
            names.add(cell.strip().replace("\"", ""));
        }
        return names;
    }

    /**
     * The objects of a JSON array (or a single object), each with the line it starts on. The file
     * is parsed strictly first ({@link JsonInput#readTree(java.nio.file.Path, String)}), so limits and syntax are checked
     * once.
     */
    static List<Row> jsonObjects(Path file, String text) throws ProfileException {
        JsonNode tree = JsonInput.readTree(file, text);
        if (!tree.isArray() && !tree.isObject()) {
            throw ProfileException.ofFile(file, "must hold a JSON array of objects or one object", null);
        }
        List<Row> rows = new ArrayList<>();
        try (JsonParser parser = ProfileCodec.mapper().createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_OBJECT) {
                rows.add(row(file, 1, (ObjectNode) ELEMENT.readTree(parser)));
                return rows;
            }
            JsonToken token;
            while ((token = parser.nextToken()) != null && token != JsonToken.END_ARRAY) {
                int line = parser.currentTokenLocation().getLineNr();
                JsonNode node = ELEMENT.readTree(parser);
                if (!(node instanceof ObjectNode object)) {
                    throw ProfileException.atLine(
                        file,
                        line,
                        "expected a JSON object but found " + kind(node)
                    );
                }
                rows.add(row(file, line, object));
            }
        } catch (JsonProcessingException e) {
            throw malformed(file, e.getLocation(), e);
        } catch (IOException e) {
            throw ProfileException.ofFile(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        return rows;
    }

    /** One JSON object per non-blank line (JSON Lines). */
    static List<Row> jsonLines(Path file, String text) throws ProfileException {
        List<Row> rows = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = ProfileCodec.mapper().readTree(line);
            } catch (JsonProcessingException e) {
                throw ProfileException.atLine(
                    file,
                    i + 1,
                    "is not a JSON object: " + firstLine(e.getOriginalMessage())
                );
            }
            if (!(node instanceof ObjectNode object)) {
                throw ProfileException.atLine(file, i + 1, "expected a JSON object but found " + kind(node));
            }
            rows.add(row(file, i + 1, object));
        }
        return rows;
    }

    static Row row(Path file, int line, ObjectNode object) {
        Map<String, String> cells = new LinkedHashMap<>();
        Map<String, Integer> arrays = new LinkedHashMap<>();
        object
            .properties()
            .forEach(e -> {
                JsonNode v = e.getValue();
                if (v.isValueNode() && !v.isNull()) {
                    cells.put(e.getKey(), v.asText());
                } else if (v.isArray()) {
                    arrays.put(e.getKey(), v.size());
                }
            });
        return new Row(file, line, cells, arrays);
    }

    private static String kind(JsonNode node) {
        return node == null ? "nothing" : node.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static ProfileException malformed(Path file, JsonLocation location, Throwable e) {
        String message = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        String reason = "malformed: " + firstLine(message);
        if (location != null && location.getLineNr() > 0) {
            return ProfileException.atLine(file, location.getLineNr(), reason);
        }
        return ProfileException.ofFile(file, "is " + reason, e);
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
