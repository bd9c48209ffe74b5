package io.configspec.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The subset of JSON Schema 2020-12 that docs/schema uses (type, required, properties,
 * patternProperties, additionalProperties, items, enum, const, minimum, maximum,
 * exclusiveMinimum, minItems, minLength, local $ref, oneOf, anyOf): enough to check that the
 * published schemas and the Java validation agree, without another dependency.
 */
final class MiniSchemaValidator {

    private final JsonNode root;

    MiniSchemaValidator(JsonNode root) {
        this.root = root;
    }

    List<String> validate(JsonNode value) {
        List<String> errors = new ArrayList<>();
        check(root, value, "$", errors);
        return errors;
    }

    private void check(JsonNode schema, JsonNode value, String path, List<String> errors) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                errors.add(path + ": unresolved " + ref);
                return;
            }
            check(target, value, path, errors);
        }
        if (schema.has("type") && !hasType(value, schema.get("type").asText())) {
            errors.add(path + ": expected " + schema.get("type").asText());
            return;
        }
        if (schema.has("const") && !schema.get("const").equals(value)) {
            errors.add(path + ": expected " + schema.get("const"));
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode option : schema.get("enum")) {
                found |= option.equals(value);
            }
            if (!found) {
                errors.add(path + ": not one of " + schema.get("enum"));
            }
        }
        if (value.isNumber()) {
            double v = value.asDouble();
            if (schema.has("minimum") && v < schema.get("minimum").asDouble()) errors.add(
                path + ": below minimum"
            );
            if (schema.has("maximum") && v > schema.get("maximum").asDouble()) errors.add(
                path + ": above maximum"
            );
            if (schema.has("exclusiveMinimum") && v <= schema.get("exclusiveMinimum").asDouble()) errors.add(
                path + ": not above exclusiveMinimum"
            );
        }
        if (
            value.isTextual() &&
            schema.has("minLength") &&
            value.asText().length() < schema.get("minLength").asInt()
        ) {
            errors.add(path + ": too short");
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) errors.add(
                path + ": too few items"
            );
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    check(schema.get("items"), value.get(i), path + "[" + i + "]", errors);
                }
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) errors.add(path + ": missing " + required.asText());
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = field.getKey();
                JsonNode propertySchema = schema.path("properties").get(name);
                boolean matchedPattern = false;
                for (
                    Iterator<Map.Entry<String, JsonNode>> patterns = schema
                        .path("patternProperties")
                        .fields();
                    patterns.hasNext();

                ) {
                    Map.Entry<String, JsonNode> pattern = patterns.next();
                    if (Pattern.compile(pattern.getKey()).matcher(name).find()) {
                        matchedPattern = true;
                        check(pattern.getValue(), field.getValue(), path + "." + name, errors);
                    }
                }
                if (propertySchema != null) {
                    check(propertySchema, field.getValue(), path + "." + name, errors);
                } else if (!matchedPattern && schema.has("additionalProperties")) {
                    JsonNode additional = schema.get("additionalProperties");
                    if (additional.isBoolean() && !additional.asBoolean()) {
                        errors.add(path + ": unexpected field " + name);
                    } else if (additional.isObject()) {
                        check(additional, field.getValue(), path + "." + name, errors);
                    }
                }
            }
        }
        if (schema.has("oneOf")) {
            int matches = 0;
            for (JsonNode option : schema.get("oneOf")) {
                matches += validateAgainst(option, value) ? 1 : 0;
            }
            if (matches != 1) errors.add(path + ": matches " + matches + " of oneOf");
        }
        if (schema.has("anyOf")) {
            boolean any = false;
            for (JsonNode option : schema.get("anyOf")) {
                any |= validateAgainst(option, value);
            }
            if (!any) errors.add(path + ": matches none of anyOf");
        }
    }

    private boolean validateAgainst(JsonNode schema, JsonNode value) {
        List<String> errors = new ArrayList<>();
        check(schema, value, "$", errors);
        return errors.isEmpty();
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            default -> false;
        };
    }
}
