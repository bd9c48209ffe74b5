package io.configspec.model.domain;

import java.util.Arrays;
import java.util.Map;

/**
 * A record whose numbers carry provenance: one for the record, optionally overridden per field
 * (keyed by the field's JSON name, e.g. {@code powerWatts}).
 */
public interface HasProvenance {
    /** Provenance of every number in this record that has no per-field override. */
    Provenance provenance();

    /** Per-field overrides, keyed by JSON field name; never null, usually empty. */
    Map<String, Provenance> fieldProvenance();

    /**
     * The per-field overrides of a record of {@code type}, as an immutable copy ({@code null}
     * becomes the empty map), each key naming another field of that record: a provenance never
     * silently attaches to nothing, whether the record was read from a file or built in code.
     */
    static Map<String, Provenance> fieldProvenance(
        Class<? extends Record> type,
        Map<String, Provenance> fieldProvenance
    ) {
        Map<String, Provenance> copy = FieldChecks.map(fieldProvenance);
        for (String field : copy.keySet()) {
            if (
                field.equals("provenance") ||
                field.equals("fieldProvenance") ||
                Arrays.stream(type.getRecordComponents()).noneMatch(c -> c.getName().equals(field))
            ) {
                throw new InvalidFieldException("fieldProvenance." + field, "names no field of this object");
            }
        }
        return copy;
    }

    /** Provenance of one field: its override, or the record's provenance. */
    default Provenance provenanceOf(String field) {
        return fieldProvenance().getOrDefault(field, provenance());
    }
}
