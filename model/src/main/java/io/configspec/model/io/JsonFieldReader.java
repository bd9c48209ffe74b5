package io.configspec.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.model.domain.InvalidFieldException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the fields of one JSON object and turns every problem into a {@link ProfileException}
 * naming the file and the field's path ({@code drafting[2].tokensPerSecond}). Remembers which
 * fields were read so that {@link #finish()} can reject unknown ones (typos); fields whose name
 * starts with {@code $} ({@code $schema}, {@code $comment}) are always allowed.
 */
final class JsonFieldReader {

    private final Path file;
    private final String path;
    private final ObjectNode node;
    private final Set<String> read = new HashSet<>();

    JsonFieldReader(Path file, String path, ObjectNode node) {
        this.file = file;
        this.path = path;
        this.node = node;
    }

    /** Reader for the root of a document, which must be a JSON object. */
    static JsonFieldReader root(Path file, JsonNode node) throws ProfileException {
        if (node == null || node.isMissingNode()) {
            throw ProfileException.ofFile(file, "is empty (expected a JSON object)", null);
        }
        if (!node.isObject()) {
            throw ProfileException.ofFile(
                file,
                "must contain a JSON object but contains " + describe(node),
                null
            );
        }
        return new JsonFieldReader(file, "", (ObjectNode) node);
    }

    Path file() {
        return file;
    }

    /** The path of a field of this object, e.g. {@code drafting[2].powerWatts}. */
    String path(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    ProfileException fail(String name, String reason) {
        return ProfileException.atField(file, path(name), reason);
    }

    boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    private JsonNode required(String name) throws ProfileException {
        read.add(name);
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            throw fail(name, "is missing");
        }
        return value;
    }

    private Optional<JsonNode> optional(String name) {
        read.add(name);
        JsonNode value = node.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
    }

    String text(String name) throws ProfileException {
        return asText(name, required(name));
    }

    Optional<String> optionalText(String name) throws ProfileException {
        Optional<JsonNode> value = optional(name);
        return value.isEmpty() ? Optional.empty() : Optional.of(asText(name, value.get()));
    }

    private String asText(String name, JsonNode value) throws ProfileException {
        if (!value.isTextual()) {
            throw fail(name, "must be a text but is " + describe(value));
        }
        if (value.asText().isBlank()) {
            throw fail(name, "must be a non-empty text");
        }
        return value.asText();
    }

    double number(String name) throws ProfileException {
        return asNumber(path(name), required(name));
    }

    double number(String name, double defaultValue) throws ProfileException {
        OptionalDouble value = optionalNumber(name);
        return value.isPresent() ? value.getAsDouble() : defaultValue;
    }

    OptionalDouble optionalNumber(String name) throws ProfileException {
        Optional<JsonNode> value = optional(name);
        return value.isEmpty()
            ? OptionalDouble.empty()
            : OptionalDouble.of(asNumber(path(name), value.get()));
    }

    private double asNumber(String fieldPath, JsonNode value) throws ProfileException {
        if (!value.isNumber()) {
            throw ProfileException.atField(file, fieldPath, "must be a number but is " + describe(value));
        }
        double number = value.asDouble();
        if (!Double.isFinite(number)) {
            throw ProfileException.atField(
                file,
                fieldPath,
                "must be a finite number but is " + value.asText()
            );
        }
        return number;
    }

    long wholeNumber(String name) throws ProfileException {
        JsonNode value = required(name);
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw fail(name, "must be a whole number but is " + describe(value));
        }
        return value.asLong();
    }

    int integer(String name) throws ProfileException {
        JsonNode value = required(name);
        return asInteger(name, value);
    }

    int integer(String name, int defaultValue) throws ProfileException {
        Optional<JsonNode> value = optional(name);
        return value.isEmpty() ? defaultValue : asInteger(name, value.get());
    }

    private int asInteger(String name, JsonNode value) throws ProfileException {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw fail(name, "must be a whole number but is " + describe(value));
        }
        return value.asInt();
    }

    java.util.OptionalInt optionalInteger(String name) throws ProfileException {
        Optional<JsonNode> value = optional(name);
        return value.isEmpty()
            ? java.util.OptionalInt.empty()
            : java.util.OptionalInt.of(asInteger(name, value.get()));
    }

    JsonFieldReader object(String name) throws ProfileException {
        return asObject(path(name), required(name));
    }

    Optional<JsonFieldReader> optionalObject(String name) throws ProfileException {
        Optional<JsonNode> value = optional(name);
        return value.isEmpty() ? Optional.empty() : Optional.of(asObject(path(name), value.get()));
    }

    private JsonFieldReader asObject(String fieldPath, JsonNode value) throws ProfileException {
        if (!value.isObject()) {
            throw ProfileException.atField(
                file,
                fieldPath,
                "must be a JSON object but is " + describe(value)
            );
        }
        return new JsonFieldReader(file, fieldPath, (ObjectNode) value);
    }

    /** A required array of objects. */
    List<JsonFieldReader> objects(String name) throws ProfileException {
        return asObjects(name, required(name));
    }

    /** An optional array of objects; empty when absent. */
    List<JsonFieldReader> optionalObjects(String name) throws ProfileException {
        Optional<JsonNode> value = optional(name);
        return value.isEmpty() ? List.of() : asObjects(name, value.get());
    }

    private List<JsonFieldReader> asObjects(String name, JsonNode value) throws ProfileException {
        if (!value.isArray()) {
            throw fail(name, "must be a JSON array but is " + describe(value));
        }
        List<JsonFieldReader> readers = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            readers.add(asObject(path(name) + "[" + i + "]", value.get(i)));
        }
        return readers;
    }

    /** An optional array of texts; empty when absent, present (possibly empty) when given. */
    Optional<List<String>> optionalTexts(String name) throws ProfileException {
        Optional<JsonNode> value = optional(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().isArray()) {
            throw fail(name, "must be a JSON array of texts but is " + describe(value.get()));
        }
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < value.get().size(); i++) {
            JsonNode element = value.get().get(i);
            if (!element.isTextual() || element.asText().isBlank()) {
                throw fail(name + "[" + i + "]", "must be a non-empty text but is " + describe(element));
            }
            texts.add(element.asText());
        }
        return Optional.of(texts);
    }

    /** An optional array of finite numbers; empty when absent. */
    List<Double> optionalNumbers(String name) throws ProfileException {
        Optional<JsonNode> value = optional(name);
        if (value.isEmpty()) {
            return List.of();
        }
        if (!value.get().isArray()) {
            throw fail(name, "must be a JSON array of numbers but is " + describe(value.get()));
        }
        List<Double> numbers = new ArrayList<>();
        for (int i = 0; i < value.get().size(); i++) {
            numbers.add(asNumber(path(name) + "[" + i + "]", value.get().get(i)));
        }
        return numbers;
    }

    /** The names of this object's fields, in file order (each then counts as read). */
    List<String> fieldNames() {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    /** The raw value of a field, marking it read. */
    Optional<JsonNode> raw(String name) {
        return optional(name);
    }

    /**
     * Builds a record, turning the record's own validation failure into a {@link
     * ProfileException} at this object's path.
     */
    <T> T build(Supplier<T> constructor) throws ProfileException {
        try {
            return constructor.get();
        } catch (InvalidFieldException e) {
            throw ProfileException.atField(file, path(e.field()), e.problem());
        }
    }

    /** Whether {@code name} was read from this object (present or not). */
    boolean wasRead(String name) {
        return read.contains(name);
    }

    /** Rejects fields that were never read: they are typos or belong to another kind of file. */
    void finish() throws ProfileException {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!read.contains(name) && !name.startsWith("$")) {
                throw fail(name, "is not a known field here");
            }
        }
    }

    static String describe(JsonNode value) {
        JsonNodeType type = value.getNodeType();
        return switch (type) {
            case STRING -> "the text \"" + abbreviate(value.asText()) + "\"";
            case NUMBER -> "the number " + value.asText();
            case BOOLEAN -> value.asText();
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> type.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
