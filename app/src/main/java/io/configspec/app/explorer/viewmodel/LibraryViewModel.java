package io.configspec.app.explorer.viewmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.app.explorer.concurrent.FxThreadGuard;
import io.configspec.app.explorer.concurrent.TaskExecutor;
import io.configspec.model.analysis.ConfigurationSpace;
import io.configspec.model.domain.HasProvenance;
import io.configspec.model.domain.InvalidFieldException;
import io.configspec.model.io.AtomicFiles;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileDocument;
import io.configspec.model.io.ProfileException;
import io.configspec.model.io.ProfileLoader;
import io.configspec.model.io.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The profile library: every loaded profile with its provenance, imports (file chooser or drag
 * and drop), in-place edits of numbers with undo and redo, and saving edited files atomically.
 *
 * <p>Every change builds a complete new library from the documents (the loader's cross-checks
 * included) in the background and replaces the old one only when that succeeds; a file that fails
 * is listed in {@link #problems()} with its one-sentence error and changes nothing else. Edits are
 * kept as JSON trees per file until saved, so the autosave can hold them. UI-thread confined.
 */
public final class LibraryViewModel {

    /** A file that could not be imported or an edit that was refused. */
    public record Problem(Path file, String message) {}

    /** One edit of one number; undoable. */
    public record Edit(Path file, String pointer, double before, double after) {}

    private final TaskExecutor executor;
    private final Consumer<ScenarioLoader.LoadedScenario> onLibraryChanged;
    private final ObservableList<LibraryEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final Deque<Edit> undo = new ArrayDeque<>();
    private final Deque<Edit> redo = new ArrayDeque<>();
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");

    private ScenarioLoader.LoadedScenario current;
    /** Current JSON of every profile file (edited or not), in load order. */
    private Map<Path, ObjectNode> trees = new LinkedHashMap<>();
    private final Set<Path> edited = new LinkedHashSet<>();
    private final List<Path> imported = new ArrayList<>();

    LibraryViewModel(TaskExecutor executor, Consumer<ScenarioLoader.LoadedScenario> onLibraryChanged) {
        this.executor = executor;
        this.onLibraryChanged = onLibraryChanged;
    }

    public ObservableList<LibraryEntry> entries() {
        return entries;
    }

    public ObservableList<Problem> problems() {
        return problems;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** Whether there are edits not yet saved to their files. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public List<Path> importedFiles() {
        return List.copyOf(imported);
    }

    /** Edited, unsaved documents as JSON text, for the autosave. */
    public Map<String, String> editedDocuments() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Path p : edited) {
            out.put(p.toAbsolutePath().toString(), trees.get(p).toPrettyString());
        }
        return out;
    }

    /** Shows a newly loaded scenario's library; forgets edits and history. */
    void show(ScenarioLoader.LoadedScenario scenario) {
        current = scenario;
        trees = new LinkedHashMap<>();
        edited.clear();
        imported.clear();
        undo.clear();
        redo.clear();
        problems.clear();
        updateFlags();
        entries.setAll(entriesOf(scenario, Map.of()));
        // File trees for in-place editing are read in the background.
        var files = new LinkedHashSet<>(scenario.profiles().sources().values());
        executor
            .submit(() -> readTrees(files))
            .whenComplete((read, error) ->
                executor.runOnUi(() -> {
                    if (error == null && current == scenario) {
                        trees = read;
                        entries.setAll(entriesOf(scenario, read));
                    }
                })
            );
    }

    private static Map<Path, ObjectNode> readTrees(Iterable<Path> files) throws IOException {
        FxThreadGuard.requireBackground("reading profile files");
        Map<Path, ObjectNode> out = new LinkedHashMap<>();
        for (Path f : files) {
            out.put(f, (ObjectNode) ProfileCodec.mapper().readTree(Files.readAllBytes(f)));
        }
        return out;
    }

    /** Follows a scenario change that kept the same profiles (e.g. a new selection). */
    void rebase(ScenarioLoader.LoadedScenario scenario) {
        current = scenario;
    }

    // ------------------------------------------------------------------ import

    /**
     * Imports profile files. Each file is read and cross-checked with the loaded ones; a file that
     * fails is listed in {@link #problems()} and leaves the library as it was.
     */
    public CompletableFuture<Void> importFiles(List<Path> files) {
        CompletableFuture<Void> done = CompletableFuture.completedFuture(null);
        for (Path file : files) {
            done = done.thenCompose(v -> importOne(file));
        }
        return done;
    }

    private CompletableFuture<Void> importOne(Path file) {
        ScenarioLoader.LoadedScenario base = current;
        Map<Path, ObjectNode> baseTrees = trees;
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (base == null) {
            problems.add(new Problem(file, "Open a scenario before importing profiles."));
            done.complete(null);
            return done;
        }
        executor
            .submit(() -> {
                FxThreadGuard.requireBackground("importing " + file.getFileName());
                ProfileDocument document = ProfileCodec.read(file);
                if (document instanceof ProfileDocument.ScenarioDocument) {
                    throw ProfileException.atField(
                        file,
                        "kind",
                        "is \"scenario\"; import profiles here and open scenarios with File › Open scenario"
                    );
                }
                Map<Path, ObjectNode> next = new LinkedHashMap<>(
                    baseTrees.isEmpty()
                        ? readTrees(new LinkedHashSet<>(base.profiles().sources().values()))
                        : baseTrees
                );
                next.put(file, (ObjectNode) ProfileCodec.mapper().readTree(Files.readAllBytes(file)));
                return new Rebuilt(rebuild(base, next, Map.of(file, document)), next);
            })
            .whenComplete((rebuilt, error) ->
                executor.runOnUi(() -> {
                    problems.removeIf(p -> p.file().equals(file));
                    if (error != null) {
                        problems.add(new Problem(file, ExplorerViewModel.message(error)));
                    } else if (current == base) {
                        imported.add(file);
                        apply(rebuilt);
                    }
                    done.complete(null);
                })
            );
        return done;
    }

    private record Rebuilt(ScenarioLoader.LoadedScenario scenario, Map<Path, ObjectNode> trees) {}

    /**
     * A new loaded scenario from JSON trees; {@code known} are documents already decoded. Runs off
     * the UI thread. Errors name the real file, not a temporary one.
     */
    private static ScenarioLoader.LoadedScenario rebuild(
        ScenarioLoader.LoadedScenario base,
        Map<Path, ObjectNode> trees,
        Map<Path, ProfileDocument> known
    ) throws ProfileException, IOException {
        FxThreadGuard.requireBackground("rebuilding the profile library");
        List<Map.Entry<Path, ProfileDocument>> documents = new ArrayList<>();
        for (Map.Entry<Path, ObjectNode> e : trees.entrySet()) {
            ProfileDocument document = known.containsKey(e.getKey())
                ? known.get(e.getKey())
                : decode(e.getKey(), e.getValue());
            if (!(document instanceof ProfileDocument.ScenarioDocument)) {
                documents.add(Map.entry(e.getKey(), document));
            }
        }
        ProfileLoader.LoadedLibrary library = ProfileLoader.assemble(documents);
        ConfigurationSpace space;
        try {
            space = ConfigurationSpace.of(library.library(), base.scenario());
        } catch (InvalidFieldException e) {
            throw ProfileException.atField(base.file(), e.field(), e.problem());
        }
        return new ScenarioLoader.LoadedScenario(base.file(), base.scenario(), library, space);
    }

    /** Decodes a JSON tree as if it were {@code file} (through a temporary copy). */
    private static ProfileDocument decode(Path file, ObjectNode tree) throws ProfileException, IOException {
        Path tmp = Files.createTempFile("configspec-edit", ".json");
        try {
            Files.write(tmp, ProfileCodec.mapper().writeValueAsBytes(tree));
            try {
                return ProfileCodec.read(tmp);
            } catch (ProfileException e) {
                throw e.field().isPresent()
                    ? ProfileException.atField(file, e.field().get(), e.reason())
                    : ProfileException.ofFile(file, e.reason(), e);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void apply(Rebuilt rebuilt) {
        current = rebuilt.scenario();
        trees = rebuilt.trees();
        entries.setAll(entriesOf(current, trees));
        onLibraryChanged.accept(current);
    }

    // ------------------------------------------------------------------ edits

    /** Sets one number of one file; refused (listed in problems) when the result does not validate. */
    public CompletableFuture<Boolean> edit(Path file, String pointer, double value) {
        JsonNode node = trees.containsKey(file) ? trees.get(file).at(pointer) : null;
        if (node == null || !node.isNumber()) {
            problems.add(
                new Problem(file, file.getFileName() + ": " + pointer + " is not a number in this file.")
            );
            return CompletableFuture.completedFuture(false);
        }
        Edit edit = new Edit(file, pointer, node.asDouble(), value);
        return applyEdit(edit, value).thenApply(ok -> {
            if (ok) {
                undo.push(edit);
                redo.clear();
                updateFlags();
            }
            return ok;
        });
    }

    public CompletableFuture<Boolean> undo() {
        if (undo.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        Edit edit = undo.peek();
        return applyEdit(edit, edit.before()).thenApply(ok -> {
            if (ok) {
                redo.push(undo.pop());
                updateFlags();
            }
            return ok;
        });
    }

    public CompletableFuture<Boolean> redo() {
        if (redo.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        Edit edit = redo.peek();
        return applyEdit(edit, edit.after()).thenApply(ok -> {
            if (ok) {
                undo.push(redo.pop());
                updateFlags();
            }
            return ok;
        });
    }

    private CompletableFuture<Boolean> applyEdit(Edit edit, double value) {
        ScenarioLoader.LoadedScenario base = current;
        Map<Path, ObjectNode> next = new LinkedHashMap<>(trees);
        ObjectNode copy = trees.get(edit.file()).deepCopy();
        setNumber(copy, edit.pointer(), value);
        next.put(edit.file(), copy);
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        executor
            .submit(() -> new Rebuilt(rebuild(base, next, Map.of()), next))
            .whenComplete((rebuilt, error) ->
                executor.runOnUi(() -> {
                    problems.removeIf(p -> p.file().equals(edit.file()));
                    if (error != null) {
                        problems.add(new Problem(edit.file(), ExplorerViewModel.message(error)));
                        done.complete(false);
                    } else {
                        edited.add(edit.file());
                        apply(rebuilt);
                        done.complete(true);
                    }
                })
            );
        return done;
    }

    private static void setNumber(ObjectNode root, String pointer, double value) {
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode o) {
            o.set(last, DoubleNode.valueOf(value));
        } else if (parent instanceof ArrayNode a) {
            a.set(Integer.parseInt(last), DoubleNode.valueOf(value));
        }
    }

    /** Restores unsaved edits from an autosave (path → JSON text); refused files are listed. */
    public CompletableFuture<Void> restoreEdits(Map<String, String> documents) {
        if (documents.isEmpty() || current == null) {
            return CompletableFuture.completedFuture(null);
        }
        ScenarioLoader.LoadedScenario base = current;
        Map<Path, ObjectNode> baseTrees = trees;
        CompletableFuture<Void> done = new CompletableFuture<>();
        executor
            .submit(() -> {
                Map<Path, ObjectNode> next = new LinkedHashMap<>(
                    baseTrees.isEmpty()
                        ? readTrees(new LinkedHashSet<>(base.profiles().sources().values()))
                        : baseTrees
                );
                for (Map.Entry<String, String> e : documents.entrySet()) {
                    Path p = Path.of(e.getKey());
                    Path key = next
                        .keySet()
                        .stream()
                        .filter(k -> k.toAbsolutePath().equals(p.toAbsolutePath()))
                        .findFirst()
                        .orElse(p);
                    next.put(key, (ObjectNode) ProfileCodec.mapper().readTree(e.getValue()));
                }
                return new Rebuilt(rebuild(base, next, Map.of()), next);
            })
            .whenComplete((rebuilt, error) ->
                executor.runOnUi(() -> {
                    if (error != null) {
                        problems.add(
                            new Problem(
                                base.file(),
                                "The recovered edits could not be applied: " +
                                    ExplorerViewModel.message(error)
                            )
                        );
                    } else {
                        for (String path : documents.keySet()) {
                            rebuilt
                                .trees()
                                .keySet()
                                .stream()
                                .filter(k -> k.toAbsolutePath().equals(Path.of(path).toAbsolutePath()))
                                .forEach(edited::add);
                        }
                        apply(rebuilt);
                        updateFlags();
                    }
                    done.complete(null);
                })
            );
        return done;
    }

    /** Writes every edited file atomically (background); clears the dirty flag on success. */
    public CompletableFuture<Void> save() {
        Map<Path, byte[]> toWrite = new LinkedHashMap<>();
        for (Path p : edited) {
            try {
                toWrite.put(
                    p,
                    ProfileCodec.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(trees.get(p))
                );
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        executor
            .submit(() -> {
                for (Map.Entry<Path, byte[]> e : toWrite.entrySet()) {
                    AtomicFiles.write(e.getKey(), e.getValue());
                }
                return null;
            })
            .whenComplete((v, error) ->
                executor.runOnUi(() -> {
                    if (error != null) {
                        done.completeExceptionally(ExplorerViewModel.unwrap(error));
                    } else {
                        edited.removeAll(toWrite.keySet());
                        updateFlags();
                        done.complete(null);
                    }
                })
            );
        return done;
    }

    private void updateFlags() {
        canUndo.set(!undo.isEmpty());
        canRedo.set(!redo.isEmpty());
        dirty.set(!edited.isEmpty());
    }

    // ------------------------------------------------------------------ entries

    /** One line on an alignment: its constant α with interval and count, or its per-K table. */
    static String acceptanceSummary(io.configspec.model.domain.AlignmentProfile a) {
        if (a.acceptanceRate().isPresent()) {
            return (
                "α " +
                Numbers.plain(a.acceptanceRate().getAsDouble()) +
                " (" +
                Numbers.plain(a.acceptanceLow().orElseThrow()) +
                "–" +
                Numbers.plain(a.acceptanceHigh().orElseThrow()) +
                ", n=" +
                a.sampleCount().orElseThrow() +
                ")"
            );
        }
        var first = a.acceptanceByK().getFirst();
        var last = a.acceptanceByK().getLast();
        return (
            "α(K) measured per K, " +
            a.measuredKRange() +
            ": α(" +
            first.k() +
            ") " +
            Numbers.plain(first.acceptanceRate()) +
            " ± " +
            Numbers.plain(first.standardDeviation()) +
            " … α(" +
            last.k() +
            ") " +
            Numbers.plain(last.acceptanceRate()) +
            " ± " +
            Numbers.plain(last.standardDeviation()) +
            (first.sampleCount().isPresent() ? ", n=" + first.sampleCount().getAsInt() : ", n not stated")
        );
    }

    static List<LibraryEntry> entriesOf(ScenarioLoader.LoadedScenario scenario, Map<Path, ObjectNode> trees) {
        var library = scenario.library();
        var sources = scenario.profiles().sources();
        List<LibraryEntry> out = new ArrayList<>();
        for (var d : library.devices()) {
            String summary =
                d.kind().label() +
                " · " +
                (d.memoryGiB().isPresent()
                    ? Numbers.plain(d.memoryGiB().getAsDouble()) + " GiB"
                    : "memory not stated") +
                " · " +
                (d.idlePowerWatts().isPresent()
                    ? "idle " + Numbers.plain(d.idlePowerWatts().getAsDouble()) + " W"
                    : "idle power not measured") +
                " · " +
                d.drafting().size() +
                " drafting measurements";
            out.add(entry("Devices", "device:" + d.id(), d.name(), d, summary, sources, trees, "id", d.id()));
        }
        for (var m : library.drafters()) {
            out.add(
                entry(
                    "Drafters",
                    "drafter:" + m.id(),
                    m.name(),
                    m,
                    m.family() + " · " + Numbers.plain(m.parameterCount() / 1e9) + " B parameters",
                    sources,
                    trees,
                    "id",
                    m.id()
                )
            );
        }
        for (var m : library.targets()) {
            out.add(
                entry(
                    "Targets",
                    "target:" + m.id(),
                    m.name(),
                    m,
                    m.family() + " · " + Numbers.plain(m.parameterCount() / 1e9) + " B parameters",
                    sources,
                    trees,
                    "id",
                    m.id()
                )
            );
        }
        for (var a : library.alignments()) {
            String key = "alignment:" + a.drafter() + "/" + a.quantization() + "/" + a.target();
            out.add(
                entryMatching(
                    "Alignments",
                    key,
                    a.drafter() + " " + a.quantization() + " → " + a.target(),
                    a,
                    acceptanceSummary(a),
                    sources,
                    trees,
                    Map.of("drafter", a.drafter(), "quantization", a.quantization(), "target", a.target())
                )
            );
        }
        for (var s : library.servers()) {
            out.add(
                entry(
                    "Servers",
                    "server:" + s.id(),
                    s.name(),
                    s,
                    s.gpu() + " · " + s.targets().size() + " targets",
                    sources,
                    trees,
                    "id",
                    s.id()
                )
            );
        }
        for (var n : library.networks()) {
            out.add(
                entry(
                    "Networks",
                    "network:" + n.id(),
                    n.name(),
                    n,
                    "RTT " +
                        Numbers.seconds(n.rttSeconds()) +
                        " · up " +
                        Numbers.plain(n.uplinkMegabitsPerSecond()) +
                        " Mbit/s · down " +
                        Numbers.plain(n.downlinkMegabitsPerSecond()) +
                        " Mbit/s",
                    sources,
                    trees,
                    "id",
                    n.id()
                )
            );
        }
        return out;
    }

    private static LibraryEntry entry(
        String group,
        String key,
        String name,
        HasProvenance p,
        String summary,
        Map<String, Path> sources,
        Map<Path, ObjectNode> trees,
        String field,
        String value
    ) {
        return entryMatching(group, key, name, p, summary, sources, trees, Map.of(field, value));
    }

    private static LibraryEntry entryMatching(
        String group,
        String key,
        String name,
        HasProvenance p,
        String summary,
        Map<String, Path> sources,
        Map<Path, ObjectNode> trees,
        Map<String, String> match
    ) {
        Path file = sources.get(key);
        List<LibraryEntry.EditableField> fields = new ArrayList<>();
        ObjectNode tree = file == null ? null : trees.get(file);
        if (tree != null) {
            String pointer = find(tree, "", match);
            if (pointer != null) {
                collectNumbers(tree.at(pointer), pointer, "", fields);
            }
        }
        return new LibraryEntry(
            group,
            key,
            name,
            p.provenance().kind(),
            p.provenance().label(),
            summary,
            file,
            fields
        );
    }

    /** JSON pointer of the first object under {@code node} whose text fields equal {@code match}. */
    private static String find(JsonNode node, String pointer, Map<String, String> match) {
        if (node.isObject()) {
            boolean all = true;
            for (var m : match.entrySet()) {
                JsonNode v = node.get(m.getKey());
                if (v == null || !v.isTextual() || !v.asText().equals(m.getValue())) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return pointer;
            }
            for (var it = node.properties().iterator(); it.hasNext(); ) {
                var e = it.next();
                String found = find(
                    e.getValue(),
                    pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"),
                    match
                );
                if (found != null) return found;
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = find(node.get(i), pointer + "/" + i, match);
                if (found != null) return found;
            }
        }
        return null;
    }

    private static void collectNumbers(
        JsonNode node,
        String pointer,
        String label,
        List<LibraryEntry.EditableField> out
    ) {
        if (node.isNumber()) {
            if (!label.endsWith("schemaVersion")) {
                out.add(new LibraryEntry.EditableField(pointer, label, node.asDouble()));
            }
        } else if (node.isObject()) {
            for (var it = node.properties().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (e.getKey().equals("provenance") || e.getKey().equals("fieldProvenance")) continue;
                collectNumbers(
                    e.getValue(),
                    pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"),
                    label.isEmpty() ? e.getKey() : label + "." + e.getKey(),
                    out
                );
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode child = node.get(i);
                String name = child.isObject() && child.has("drafter") && child.has("quantization")
                    ? child.get("drafter").asText() + "/" + child.get("quantization").asText()
                    : child.isObject() && child.has("target")
                        ? child.get("target").asText()
                        : String.valueOf(i);
                collectNumbers(child, pointer + "/" + i, label + "[" + name + "]", out);
            }
        }
    }
}
