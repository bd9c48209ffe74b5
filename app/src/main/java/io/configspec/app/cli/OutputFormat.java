package io.configspec.app.cli;

/** How commands print configuration rows. */
public enum OutputFormat {
    /** Aligned columns with units, for people. */
    table,
    /** The JSON contract for scripts (see docs/file-format.md, "sweep output"). */
    json,
    /** One header row with the JSON field names, then one row per configuration. */
    csv,
}
