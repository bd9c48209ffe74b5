package io.configspec.app.explorer.viewmodel;

import java.nio.file.Path;
import java.util.List;

/**
 * One profile in the library pane.
 *
 * @param group "Devices", "Drafters", "Targets", "Alignments", "Servers" or "Networks"
 * @param key the loader's source key, e.g. {@code device:raspberry-pi-5}
 * @param name display name
 * @param provenanceKind measured, literature or illustrative (the badge)
 * @param provenanceLabel provenance with its detail (tooltip)
 * @param summary key numbers with units
 * @param file the file it was loaded from
 * @param fields editable numeric fields of its JSON object
 */
public record LibraryEntry(
    String group,
    String key,
    String name,
    String provenanceKind,
    String provenanceLabel,
    String summary,
    Path file,
    List<EditableField> fields
) {
    /**
     * One editable number.
     *
     * @param pointer JSON pointer inside the file, e.g. {@code /drafting/2/tokensPerSecond}
     * @param label readable path, e.g. {@code drafting[2].tokensPerSecond}
     * @param value current value
     */
    public record EditableField(String pointer, String label, double value) {}
}
