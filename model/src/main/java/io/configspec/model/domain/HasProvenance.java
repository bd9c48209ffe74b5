package io.configspec.model.domain;

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

    /** Provenance of one field: its override, or the record's provenance. */
    default Provenance provenanceOf(String field) {
        return fieldProvenance().getOrDefault(field, provenance());
    }
}
