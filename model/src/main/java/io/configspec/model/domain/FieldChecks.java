package io.configspec.model.domain;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;

/**
 * Range checks shared by the canonical constructors of the domain records. Each throws {@link
 * InvalidFieldException} naming the field and the bad value.
 */
public final class FieldChecks {

    /**
     * The fields of a record type a provenance may be given for (its components but the provenance
     * ones), in declaration order, found once per type.
     */
    private static final ClassValue<List<String>> PROVENANCE_FIELDS = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents())
                .map(RecordComponent::getName)
                .filter(name -> !name.equals("provenance") && !name.equals("fieldProvenance"))
                .toList();
        }
    };

    private FieldChecks() {}

    public static <T> T present(String field, T value) {
        if (value == null) {
            throw new InvalidFieldException(field, "is missing");
        }
        return value;
    }

    public static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidFieldException(field, "must be a non-empty text");
        }
        return value;
    }

    public static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidFieldException(field, "must be a finite number but is " + value);
        }
        return value;
    }

    public static double positive(String field, double value) {
        finite(field, value);
        if (value <= 0) {
            throw new InvalidFieldException(field, "must be greater than 0 but is " + value);
        }
        return value;
    }

    public static double nonNegative(String field, double value) {
        finite(field, value);
        if (value < 0) {
            throw new InvalidFieldException(field, "must be 0 or more but is " + value);
        }
        return value;
    }

    /** A probability: finite and in [0, 1]. */
    public static double probability(String field, double value) {
        finite(field, value);
        if (value < 0 || value > 1) {
            throw new InvalidFieldException(field, "must be between 0 and 1 but is " + value);
        }
        return value;
    }

    public static long positive(String field, long value) {
        if (value <= 0) {
            throw new InvalidFieldException(field, "must be greater than 0 but is " + value);
        }
        return value;
    }

    public static int positive(String field, int value) {
        if (value <= 0) {
            throw new InvalidFieldException(field, "must be greater than 0 but is " + value);
        }
        return value;
    }

    public static int nonNegative(String field, int value) {
        if (value < 0) {
            throw new InvalidFieldException(field, "must be 0 or more but is " + value);
        }
        return value;
    }

    /** An optional number that must be given (possibly empty) and, when present, greater than 0. */
    public static OptionalDouble positive(String field, OptionalDouble value) {
        present(field, value).ifPresent(v -> positive(field, v));
        return value;
    }

    /** An optional count that must be given (possibly empty) and, when present, greater than 0. */
    public static OptionalLong positive(String field, OptionalLong value) {
        present(field, value).ifPresent(v -> positive(field, v));
        return value;
    }

    /** An optional number that must be given (possibly empty) and, when present, 0 or more. */
    public static OptionalDouble nonNegative(String field, OptionalDouble value) {
        present(field, value).ifPresent(v -> nonNegative(field, v));
        return value;
    }

    /** An immutable copy of {@code values}; {@code null} becomes the empty list. */
    public static <T> List<T> list(String field, List<T> values) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InvalidFieldException(field + "[" + i + "]", "is missing");
            }
        }
        return List.copyOf(values);
    }

    /**
     * The provenance every profile record of {@code type} carries: {@code provenance} must be
     * given, and the per-field overrides are checked and copied ({@link #fieldProvenance}).
     */
    public static Map<String, Provenance> provenance(
        Class<? extends Record> type,
        Provenance provenance,
        Map<String, Provenance> fieldProvenance
    ) {
        present("provenance", provenance);
        return fieldProvenance(type, fieldProvenance);
    }

    /**
     * The per-field overrides of a record of {@code type} ({@link HasProvenance}), as an immutable
     * copy in the record's field order, so files list them the same way every time ({@code null}
     * becomes the empty map), each key naming another field of that record: a provenance never
     * silently attaches to nothing, whether the record was read from a file or built in code.
     */
    public static Map<String, Provenance> fieldProvenance(
        Class<? extends Record> type,
        Map<String, Provenance> fieldProvenance
    ) {
        Map<String, Provenance> copy = map(fieldProvenance);
        List<String> fields = PROVENANCE_FIELDS.get(type);
        for (String field : copy.keySet()) {
            if (!fields.contains(field)) {
                throw new InvalidFieldException("fieldProvenance." + field, "names no field of this object");
            }
        }
        if (copy.size() < 2) {
            return copy;
        }
        Map<String, Provenance> ordered = new LinkedHashMap<>();
        fields
            .stream()
            .filter(copy::containsKey)
            .forEach(field -> ordered.put(field, copy.get(field)));
        return Collections.unmodifiableMap(ordered);
    }

    /** An immutable copy of {@code values}; {@code null} becomes the empty map. */
    public static <K, V> Map<K, V> map(Map<K, V> values) {
        return values == null ? Map.of() : Map.copyOf(values);
    }

    /**
     * An immutable copy of {@code values} ({@link #list}) that lists at least one element.
     *
     * @param what the element in words, for the message, e.g. {@code served target}
     */
    public static <T> List<T> nonEmptyList(String field, List<T> values, String what) {
        List<T> copy = list(field, values);
        if (copy.isEmpty()) {
            throw new InvalidFieldException(field, "must list at least one " + what);
        }
        return copy;
    }

    /**
     * Checks that no two elements of {@code values} have the same key; the error names the first
     * repetition, e.g. {@code targets[2].target repeats target 'qwen2.5-7b'}.
     *
     * @param field the list's field
     * @param keyField the key's field within an element, or empty when the element is its key
     * @param what the key in words for the message, e.g. {@code target}, or empty
     * @param key an element's key
     */
    public static <T> void distinct(
        String field,
        List<T> values,
        String keyField,
        String what,
        Function<T, ?> key
    ) {
        Set<Object> seen = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            Object k = key.apply(values.get(i));
            if (!seen.add(k)) {
                throw new InvalidFieldException(
                    field + "[" + i + "]" + (keyField.isEmpty() ? "" : "." + keyField),
                    "repeats " + (what.isEmpty() ? "" : what + " ") + "'" + k + "'"
                );
            }
        }
    }
}
