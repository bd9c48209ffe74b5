package io.configspec.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import com.networknt.schema.walk.ApplyDefaultsStrategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The JSON Schemas of the file formats ({@code docs/schema/*.schema.json}, packed into the jar as
 * {@code io/configspec/model/schema/}), checked with networknt's draft 2020-12 validator. A file
 * is checked against the schema of its kind, which also fills in the defaults the schema
 * declares; the first violation becomes one {@link ProfileException} sentence: the field by
 * path and JSON pointer, the rule in words and the value found.
 */
public final class ProfileSchemas {

    private static final String LOCATION = "classpath:io/configspec/model/schema/";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
        SpecificationVersion.DRAFT_2020_12,
        builder ->
            builder.schemaRegistryConfig(
                SchemaRegistryConfig.builder()
                    // "$.drafting[8].tokensPerSecond": a field's path as the sentences name it, after "$."
                    .pathType(PathType.LEGACY)
                    .errorMessageKeyword("message")
                    .formatAssertionsEnabled(true)
                    .build()
            )
    );

    private static final ApplyDefaultsStrategy DEFAULTS = new ApplyDefaultsStrategy(true, false, false);
    private static final Map<String, Boolean> WALKED = new ConcurrentHashMap<>();

    private ProfileSchemas() {}

    /** The compiled schema of a file kind ({@code device}, …, {@code fleet-scenario}), cached by the registry. */
    static Schema schema(String kind) {
        Schema schema = REGISTRY.getSchema(SchemaLocation.of(LOCATION + kind + ".schema.json"));
        schema.initializeValidators();
        return schema;
    }

    /** The schema text of a kind, as published in {@code docs/schema}. */
    public static JsonNode schemaJson(String kind) {
        return schema(kind).getSchemaNode();
    }

    /** Every violation of {@code tree} against the schema of {@code kind}, in words (empty when valid); changes nothing. */
    public static List<String> violations(String kind, JsonNode tree) {
        return schema(kind)
            .validate(tree)
            .stream()
            .map(ProfileSchemas::describe)
            .map(v -> (v.field().isEmpty() ? "" : v.field() + " ") + v.reason())
            .toList();
    }

    /** Checks {@code tree} against its kind's schema, filling in declared defaults in place. */
    static void validate(Path file, String kind, JsonNode tree) throws ProfileException {
        Violation v = firstViolation(kind, tree).orElse(null);
        if (v != null) {
            throw v.field().isEmpty()
                ? ProfileException.ofFile(file, v.reason(), null)
                : ProfileException.atField(file, v.field(), v.reason());
        }
    }

    /**
     * The first violation of {@code tree} against the schema {@code name} (a file kind, or a
     * document that is not a file, such as {@code profiling-request}), after filling in the
     * defaults the schema declares, in place; empty when the tree conforms.
     */
    public static Optional<Violation> firstViolation(String name, JsonNode tree) {
        // The walker that fills in defaults costs about twice a plain validation; schemas whose
        // defaults are all what binding gives an absent field anyway (0, [], false) skip it.
        List<Error> errors = WALKED.computeIfAbsent(name, k -> hasOwnDefaults(schemaJson(k)))
            ? schema(name)
                  .walk(tree, true, context ->
                      context.walkConfig(walk -> walk.applyDefaultsStrategy(DEFAULTS))
                  )
                  .getErrors()
            : schema(name).validate(tree);
        return errors.isEmpty() ? Optional.empty() : Optional.of(describe(errors.getFirst()));
    }

    /** Whether a schema declares a default that binding would not give anyway (a value other than 0, [] or false). */
    private static boolean hasOwnDefaults(JsonNode schema) {
        return schema
            .findValues("default")
            .stream()
            .anyMatch(
                value ->
                    !(value.isNumber() && value.doubleValue() == 0) &&
                    !(value.isArray() && value.isEmpty()) &&
                    !value.equals(BooleanNode.FALSE)
            );
    }

    /**
     * A schema violation in words.
     *
     * @param field the field as a path ({@code drafting[8].tokensPerSecond}); "" for the document
     * @param keyword the schema keyword that failed ({@code additionalProperties} for an unknown field)
     * @param reason the rule and the value found ({@code must be greater than 0 but is -3})
     */
    public record Violation(String field, String keyword, String reason) {}

    private static Violation describe(Error error) {
        String field = error.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
        JsonNode value = error.getInstanceNode();
        JsonNode rule = error.getSchemaNode();
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        if (
            error.getProperty() != null &&
            (keyword.equals("required") || keyword.equals("additionalProperties"))
        ) {
            field = field.isEmpty() ? error.getProperty() : field + "." + error.getProperty();
        }
        if (error.isCustomMessage()) {
            // a pattern's sentence says what is allowed; the value found is added here
            return new Violation(
                field,
                keyword,
                error.getMessage() + (keyword.equals("pattern") ? " but is " + describe(value) : "")
            );
        }
        String reason = switch (keyword) {
            case "required" -> "is missing";
            case "additionalProperties" -> "is not a known field here";
            case "type" -> "must be " + typeName(rule) + " but is " + describe(value);
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" -> range(parentSchema(error)) +
            " but is " +
            value.asText();
            case "minLength" -> rule.asInt() <= 1
                ? "must be a non-empty text"
                : "must be at least " + rule.asInt() + " characters long";
            case "maxLength" -> "must be at most " + rule.asInt() + " characters long";
            case "minItems" -> "must list at least " +
            rule.asInt() +
            (rule.asInt() == 1 ? " entry" : " entries");
            case "maxItems" -> "must list at most " + rule.asInt() + " entries";
            case "uniqueItems" -> "repeats " +
            describe(value.path(firstRepeat(value))) +
            " (each entry of " +
            field +
            " may appear once)";
            case "enum" -> "must be one of " +
            rule.valueStream().map(JsonNode::asText).collect(Collectors.joining(", ")) +
            " but is " +
            describe(value);
            case "const" -> "must be " + rule + " but is " + describe(value);
            case "format" -> rule.asText().equals("date")
                ? "must be a date like 2026-01-31 but is " + describe(value)
                : "must be a " + rule.asText() + " but is " + describe(value);
            default -> "does not match its schema (" + error.getMessage() + ")";
        };
        return new Violation(
            keyword.equals("uniqueItems") ? field + "[" + firstRepeat(value) + "]" : field,
            keyword,
            reason
        );
    }

    /** The schema object holding the keyword that failed (for ranges given by two keywords). */
    private static JsonNode parentSchema(Error error) {
        String keyword = error.getSchemaLocation().toString();
        return REGISTRY.getSchema(
            SchemaLocation.of(keyword.substring(0, keyword.lastIndexOf('/')))
        ).getSchemaNode();
    }

    private static String range(JsonNode schema) {
        JsonNode min = schema.get("minimum");
        JsonNode max = schema.get("maximum");
        JsonNode above = schema.get("exclusiveMinimum");
        JsonNode below = schema.get("exclusiveMaximum");
        List<String> parts = new ArrayList<>();
        if (min != null && max != null) {
            return "must be between " + number(min) + " and " + number(max);
        }
        if (above != null) {
            parts.add("greater than " + number(above));
        } else if (min != null) {
            parts.add(min.asDouble() == 0 ? "0 or more" : "at least " + number(min));
        }
        if (below != null) {
            parts.add("less than " + number(below));
        } else if (max != null) {
            parts.add("at most " + number(max));
        }
        return "must be " + String.join(" and ", parts);
    }

    private static String number(JsonNode number) {
        double value = number.asDouble();
        return value == Math.rint(value) && Math.abs(value) < 1e15
            ? String.format(Locale.ROOT, "%,d", (long) value)
            : number.asText();
    }

    private static int firstRepeat(JsonNode array) {
        for (int i = 1; i < array.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (array.get(i).equals(array.get(j))) {
                    return i;
                }
            }
        }
        return 0;
    }

    private static String typeName(JsonNode type) {
        return switch (type.asText()) {
            case "number" -> "a number";
            case "integer" -> "a whole number";
            case "string" -> "a text";
            case "object" -> "a JSON object";
            case "array" -> "a JSON array";
            case "boolean" -> "true or false";
            default -> type.asText();
        };
    }

    /** A JSON value in words: {@code the text "28"}, {@code the number 2.5}, {@code an array}. */
    static String describe(JsonNode value) {
        if (value == null) {
            return "missing";
        }
        JsonNodeType type = value.getNodeType();
        return switch (type) {
            case STRING -> "the text \"" + JsonInput.abbreviate(value.asText(), 40) + "\"";
            case NUMBER -> "the number " + value.asText();
            case BOOLEAN -> value.asText();
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }
}
