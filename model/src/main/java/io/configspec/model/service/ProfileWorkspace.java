package io.configspec.model.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.model.io.JsonInput;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileDocument;
import io.configspec.model.io.ProfileException;
import io.configspec.model.io.ProfileLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A profile library being edited: every file's JSON tree (what an edit points into and a save
 * writes) beside its decoded document. Immutable: a change gives a new workspace in which only the
 * changed file is decoded again, so an edit of one number costs one file's validation, not the
 * library's. Trees handed in must not be changed afterwards (copy first); trees handed out must
 * not be changed.
 */
public final class ProfileWorkspace {

    /** One file: its JSON as it will be saved, and what it decodes to. */
    public record Entry(ObjectNode tree, ProfileDocument document) {
        public Entry {
            Objects.requireNonNull(tree, "tree");
            Objects.requireNonNull(document, "document");
        }
    }

    private static final ProfileWorkspace EMPTY = new ProfileWorkspace(Map.of());

    private final Map<Path, Entry> entries;

    private ProfileWorkspace(Map<Path, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    public static ProfileWorkspace empty() {
        return EMPTY;
    }

    /** Reads and decodes {@code files} (their order kept); scenarios among them are skipped. */
    public static ProfileWorkspace read(Collection<Path> files) throws ProfileException {
        Map<Path, Entry> out = new LinkedHashMap<>();
        for (Path file : files) {
            if (
                JsonInput.readTree(file) instanceof ObjectNode tree &&
                !ProfileLoader.NOT_PROFILES.contains(ProfileCodec.kindOf(tree).orElse(""))
            ) {
                out.put(file, new Entry(tree, ProfileCodec.read(file, tree)));
            }
        }
        return new ProfileWorkspace(out);
    }

    /**
     * This workspace with {@code file}'s JSON replaced by (or added as) {@code tree}, decoded here;
     * every other file keeps its decoded document.
     *
     * @throws ProfileException naming {@code file} and the field at fault when {@code tree} does not validate
     */
    public ProfileWorkspace withTree(Path file, ObjectNode tree) throws ProfileException {
        return with(file, new Entry(tree, ProfileCodec.read(file, tree)));
    }

    /** This workspace with {@code file} set to an already decoded entry. */
    public ProfileWorkspace with(Path file, Entry entry) {
        Map<Path, Entry> next = new LinkedHashMap<>(entries);
        next.put(file, entry);
        return new ProfileWorkspace(next);
    }

    /** This workspace without {@code files}. */
    public ProfileWorkspace without(Collection<Path> files) {
        Map<Path, Entry> next = new LinkedHashMap<>(entries);
        files.forEach(next::remove);
        return new ProfileWorkspace(next);
    }

    public boolean contains(Path file) {
        return entries.containsKey(file);
    }

    /** The file's entry, or null. */
    public Entry entry(Path file) {
        return entries.get(file);
    }

    /** The file's JSON, or null when the workspace has no such file. */
    public ObjectNode tree(Path file) {
        Entry e = entries.get(file);
        return e == null ? null : e.tree();
    }

    public Set<Path> files() {
        return entries.keySet();
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Every file's JSON, in order (for the library view's editable numbers). */
    public Map<Path, ObjectNode> trees() {
        Map<Path, ObjectNode> out = new LinkedHashMap<>();
        entries.forEach((p, e) -> out.put(p, e.tree()));
        return out;
    }

    /** Every file's decoded document, in order (for an import that joins this library). */
    public List<Map.Entry<Path, ProfileDocument>> documents() {
        List<Map.Entry<Path, ProfileDocument>> out = new ArrayList<>();
        entries.forEach((p, e) -> out.add(Map.entry(p, e.document())));
        return out;
    }

    /** The library the documents make, cross-checked (references, unique ids) with the file to blame. */
    public ProfileLoader.LoadedLibrary assemble() throws ProfileException {
        return ProfileLoader.assemble(documents());
    }
}
