package io.configspec.app.explorer.viewmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.app.explorer.concurrent.FxThreadGuard;
import io.configspec.app.explorer.concurrent.TaskExecutor;
import io.configspec.model.analysis.ConfigurationSpace;
import io.configspec.model.domain.AcceptanceAtK;
import io.configspec.model.domain.HasProvenance;
import io.configspec.model.domain.InvalidFieldException;
import io.configspec.model.domain.LanguageModel;
import io.configspec.model.imports.ImportOptions;
import io.configspec.model.imports.ImportPlan;
import io.configspec.model.imports.Importers;
import io.configspec.model.io.AtomicFiles;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileDocument;
import io.configspec.model.io.ProfileException;
import io.configspec.model.io.ProfileLoader;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.service.DeviceAdoption;
import io.configspec.model.service.ProfileWorkspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The profile library: every loaded profile with its provenance, imports (file chooser or drag
 * and drop, through the model's one import path {@link Importers#readAll}, previewed before
 * anything changes), in-place edits of numbers with undo and redo, and saving edited files
 * atomically.
 *
 * <p>Changes (imports, edits, undo, redo, restored edits, saves) run one at a time, in the order
 * asked: each starts from the state the previous one left, on the UI thread, and does its work in
 * the background. Two quick Ctrl+Z therefore revert two edits, and an edit made while another is
 * being applied builds on it. Every change builds a complete new library (the loader's
 * cross-checks included) from a {@link ProfileWorkspace}, in which only the changed file is decoded
 * again, and replaces the old one only when that succeeds; a file that fails is listed in {@link
 * #problems()} with its one-sentence error and changes nothing else. Edits are kept as JSON trees
 * per file until saved, so the autosave can hold them. UI-thread confined.
 */
public final class LibraryViewModel {

    /**
     * What the edit history allows, and whether edits wait to be saved: one value, as the three
     * change together after every edit, undo, redo and save.
     *
     * @param canUndo whether there is an edit to undo
     * @param canRedo whether there is an undone edit to redo
     * @param dirty whether there are edits not yet saved to their files
     */
    public record EditState(boolean canUndo, boolean canRedo, boolean dirty) {}

    /** A file that could not be imported or an edit that was refused. */
    public record Problem(Path file, String message) {}

    /** One edit of one number; undoable. */
    public record Edit(Path file, String pointer, double before, double after) {}

    /** One undoable step: an edit of one number, or one import (all its files). */
    private sealed interface Change {}

    private record EditChange(Edit edit) implements Change {}

    /** @param before the scenario when the import was made: undo returns to it when the device joined it since */
    private record ImportChange(
        Map<Path, ProfileWorkspace.Entry> added,
        Map<Path, ProfileWorkspace.Entry> replaced,
        List<Path> inputs,
        io.configspec.model.analysis.Scenario before
    ) implements Change {}

    private final TaskExecutor executor;
    private final Consumer<ScenarioLoader.LoadedScenario> onLibraryChanged;
    private final ObservableList<LibraryEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<Problem> problems = FXCollections.observableArrayList();
    private final Deque<Change> undo = new ArrayDeque<>();
    private final Deque<Change> redo = new ArrayDeque<>();
    private final ReadOnlyObjectWrapper<EditState> editState = new ReadOnlyObjectWrapper<>(
        this,
        "editState",
        new EditState(false, false, false)
    );

    private ScenarioLoader.LoadedScenario current;
    /** Every profile file's JSON and document (edited or not), in load order. */
    private ProfileWorkspace workspace = ProfileWorkspace.empty();
    private final Set<Path> edited = new LinkedHashSet<>();
    private final List<Path> imported = new ArrayList<>();
    /** The last change asked for; the next one starts when it ends. */
    private CompletableFuture<?> queue = CompletableFuture.completedFuture(null);
    /** Counts {@link #show} calls: a change queued before a new scenario does nothing. */
    private int generation;

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

    /** What the edit history allows now (undo, redo) and whether there are unsaved edits. */
    public ReadOnlyObjectProperty<EditState> editStateProperty() {
        return editState.getReadOnlyProperty();
    }

    /** The files imported since the scenario was opened (not undone), for the workspace. */
    public List<Path> importedFiles() {
        return List.copyOf(imported);
    }

    /** Number of undoable steps (for tests and the Edit menu). */
    public int undoDepth() {
        return undo.size();
    }

    /** Edited, unsaved documents as JSON text, for the autosave. */
    public Map<String, String> editedDocuments() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Path p : edited) {
            ObjectNode tree = workspace.tree(p);
            if (tree != null) {
                out.put(p.toAbsolutePath().toString(), tree.toPrettyString());
            }
        }
        return out;
    }

    /** The JSON of a loaded profile file as it stands (edits applied), or null; do not change it. */
    public ObjectNode tree(Path file) {
        return workspace.tree(file);
    }

    /** Shows a newly loaded scenario's library; forgets edits and history. */
    void show(ScenarioLoader.LoadedScenario scenario) {
        generation++;
        current = scenario;
        workspace = ProfileWorkspace.empty();
        edited.clear();
        imported.clear();
        undo.clear();
        redo.clear();
        problems.clear();
        updateFlags();
        entries.setAll(entriesOf(scenario, Map.of()));
        // File trees for in-place editing are read in the background, before any queued change.
        var files = new LinkedHashSet<>(scenario.profiles().sources().values());
        enqueue(() ->
            background(() -> {
                FxThreadGuard.requireBackground("reading profile files");
                return ProfileWorkspace.read(files);
            }).thenApply(read -> {
                if (read != null && current == scenario) {
                    workspace = read;
                    entries.setAll(entriesOf(scenario, workspace.trees()));
                }
                return null;
            })
        );
    }

    /** Follows a scenario change that kept the same profiles (e.g. a new selection). */
    void rebase(ScenarioLoader.LoadedScenario scenario) {
        current = scenario;
    }

    // ------------------------------------------------------------------ one change at a time

    /**
     * Runs {@code change} once every change asked before it has ended, on the UI thread; a change
     * asked before the scenario was replaced completes with null without running.
     */
    private <T> CompletableFuture<T> enqueue(java.util.function.Supplier<CompletableFuture<T>> change) {
        int asked = generation;
        CompletableFuture<T> result = queue
            .handle((v, e) -> null)
            .thenCompose(v -> asked == generation ? change.get() : CompletableFuture.completedFuture(null));
        queue = result;
        return result;
    }

    /**
     * Runs {@code work} in the background; the returned future completes on the UI thread, with
     * null (and the error in {@link #problems()} under {@code file}) when it failed.
     */
    private <T> CompletableFuture<T> background(java.util.concurrent.Callable<T> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        executor
            .submit(work)
            .whenComplete((value, error) ->
                executor.runOnUi(() -> {
                    if (error != null) {
                        done.completeExceptionally(ExplorerViewModel.unwrap(error));
                    } else {
                        done.complete(value);
                    }
                })
            );
        return done;
    }

    /** The new scenario and library from {@code next}; runs off the UI thread. */
    private static ScenarioLoader.LoadedScenario rebuild(
        ScenarioLoader.LoadedScenario base,
        ProfileWorkspace next
    ) throws ProfileException {
        return rebuild(base, next, null);
    }

    /**
     * As {@link #rebuild(ScenarioLoader.LoadedScenario, ProfileWorkspace)}; when the scenario no
     * longer enumerates and {@code fallback} is given (an undone import whose device had joined
     * it), with {@code fallback} instead.
     */
    private static ScenarioLoader.LoadedScenario rebuild(
        ScenarioLoader.LoadedScenario base,
        ProfileWorkspace next,
        io.configspec.model.analysis.Scenario fallback
    ) throws ProfileException {
        FxThreadGuard.requireBackground("rebuilding the profile library");
        ProfileLoader.LoadedLibrary library = next.assemble();
        io.configspec.model.analysis.Scenario scenario = base.scenario();
        ConfigurationSpace space;
        try {
            space = ConfigurationSpace.of(library.library(), scenario);
        } catch (InvalidFieldException e) {
            if (fallback == null) {
                throw ProfileException.atField(base.file(), e.field(), e.problem());
            }
            scenario = fallback;
            try {
                space = ConfigurationSpace.of(library.library(), scenario);
            } catch (InvalidFieldException again) {
                throw ProfileException.atField(base.file(), again.field(), again.problem());
            }
        }
        return new ScenarioLoader.LoadedScenario(base.file(), scenario, library, space);
    }

    /**
     * Replaces the workspace by {@code next} when it rebuilds; otherwise lists the error under
     * {@code blame} and changes nothing. Completes on the UI thread with whether it was applied.
     */
    private CompletableFuture<Boolean> replace(ProfileWorkspace next, Path blame) {
        return replace(next, blame, null);
    }

    private CompletableFuture<Boolean> replace(
        ProfileWorkspace next,
        Path blame,
        io.configspec.model.analysis.Scenario fallback
    ) {
        ScenarioLoader.LoadedScenario base = current;
        return background(() -> rebuild(base, next, fallback)).handle((rebuilt, error) -> {
            problems.removeIf(p -> p.file().equals(blame));
            if (error != null) {
                problems.add(new Problem(blame, ExplorerViewModel.message(error)));
                return false;
            }
            if (current != base) {
                return false;
            }
            workspace = next;
            current = rebuilt;
            entries.setAll(entriesOf(current, workspace.trees()));
            onLibraryChanged.accept(current);
            return true;
        });
    }

    // ------------------------------------------------------------------ import

    /**
     * What importing {@code files} would change, without changing anything: read through the one
     * import path against the library as it will stand when the changes asked before are done.
     * Completes on the UI thread (null only when a new scenario was opened meanwhile).
     */
    public CompletableFuture<ImportPreview> preview(List<Path> files) {
        return enqueue(() -> previewNow(List.copyOf(files)));
    }

    private CompletableFuture<ImportPreview> previewNow(List<Path> files) {
        ScenarioLoader.LoadedScenario base = current;
        ProfileWorkspace library = workspace;
        if (base == null) {
            return CompletableFuture.failedFuture(
                new IllegalStateException("Open a scenario before importing profiles.")
            );
        }
        return background(() -> preview(base, library, files));
    }

    /** Runs off the UI thread. */
    private static ImportPreview preview(
        ScenarioLoader.LoadedScenario base,
        ProfileWorkspace library,
        List<Path> files
    ) {
        FxThreadGuard.requireBackground("reading files to import");
        // A file imported again replaces its earlier self rather than clashing with it.
        ProfileWorkspace others = library.without(files);
        ImportPlan plan = Importers.readAll(
            files,
            Optional.empty(),
            ImportOptions.none(),
            others.documents()
        );
        Map<Path, ProfileWorkspace.Entry> added = new LinkedHashMap<>();
        Path folder = files.getFirst().toAbsolutePath().getParent();
        for (ImportPlan.PlannedFile f : plan.files()) {
            if (f.profile().isPresent()) {
                added.put(
                    f.profile().get().file(),
                    new ProfileWorkspace.Entry(f.profile().get().tree(), f.document())
                );
            } else {
                // Profiles made from tools' measurements live in memory beside their inputs until saved.
                added.put(
                    folder.resolve(f.relative()),
                    new ProfileWorkspace.Entry(ProfileCodec.toJson(f.document()), f.document())
                );
            }
        }
        Map<Path, ProfileWorkspace.Entry> replaced = new LinkedHashMap<>();
        ProfileWorkspace next = library;
        for (var e : added.entrySet()) {
            if (library.contains(e.getKey())) {
                replaced.put(e.getKey(), library.entry(e.getKey()));
            }
            next = next.with(e.getKey(), e.getValue());
        }
        Optional<ScenarioLoader.LoadedScenario> candidate = Optional.empty();
        Optional<String> failure = Optional.empty();
        List<ImportPreview.DeviceReach> devices = new ArrayList<>();
        if (!added.isEmpty()) {
            try {
                ScenarioLoader.LoadedScenario loaded = rebuild(base, next);
                candidate = Optional.of(loaded);
                for (ProfileWorkspace.Entry e : added.values()) {
                    if (e.document() instanceof ProfileDocument.DeviceDocument(var device)) {
                        devices.add(reach(loaded, device));
                    }
                }
            } catch (ProfileException e) {
                failure = Optional.of(e.getMessage());
            }
        }
        return new ImportPreview(plan, library, added, replaced, candidate, failure, devices);
    }

    private static ImportPreview.DeviceReach reach(
        ScenarioLoader.LoadedScenario loaded,
        io.configspec.model.domain.DeviceProfile device
    ) {
        int configurations = (int) loaded
            .space()
            .combinations()
            .stream()
            .filter(c -> c.device().id().equals(device.id()))
            .count();
        Optional<DeviceAdoption.Result> adoption = configurations > 0
            ? Optional.empty()
            : Optional.of(DeviceAdoption.adopt(loaded.library(), loaded.scenario(), device.id())).filter(
                  DeviceAdoption.Result::joined
              );
        int gained = 0;
        List<String> leftOut = new ArrayList<>();
        try {
            var space = ConfigurationSpace.of(
                loaded.library(),
                adoption.map(DeviceAdoption.Result::scenario).orElse(loaded.scenario())
            );
            gained = adoption.isEmpty()
                ? 0
                : (int) space
                      .combinations()
                      .stream()
                      .filter(c -> c.device().id().equals(device.id()))
                      .count();
            space
                .omitted()
                .stream()
                .filter(line -> line.startsWith(device.id() + " / "))
                .forEach(leftOut::add);
        } catch (InvalidFieldException e) {
            leftOut.add(e.getMessage());
        }
        if (gained == 0) {
            adoption.ifPresent(a -> leftOut.add(a.note()));
            adoption = Optional.empty();
        }
        if (configurations == 0 && adoption.isEmpty() && leftOut.isEmpty()) {
            DeviceAdoption.Result why = DeviceAdoption.adopt(
                loaded.library(),
                loaded.scenario(),
                device.id()
            );
            leftOut.add(
                why.joined() ? "none of its configurations enumerates in the open scenario" : why.note()
            );
        }
        return new ImportPreview.DeviceReach(
            device.id(),
            device.name(),
            configurations,
            adoption,
            gained,
            leftOut
        );
    }

    /**
     * Applies a previewed import as one undoable step: the files it takes join the library, the
     * files it leaves out are listed in {@link #problems()} with their sentence. When the library
     * changed since the preview, the import is settled again against the library as it is.
     *
     * @return completes on the UI thread with the preview applied (possibly settled again), or
     *     null when nothing was applied
     */
    public CompletableFuture<ImportPreview> confirm(ImportPreview preview) {
        return enqueue(() -> {
            if (preview.base() == workspace) {
                return applyImport(preview);
            }
            List<Path> files = preview.plan().outcomes().stream().map(ImportPlan.FileOutcome::file).toList();
            return previewNow(files).thenCompose(this::applyImport);
        });
    }

    private CompletableFuture<ImportPreview> applyImport(ImportPreview preview) {
        for (ImportPlan.FileOutcome o : preview.plan().outcomes()) {
            problems.removeIf(p -> p.file().equals(o.file()));
            o.reason().ifPresent(r -> problems.add(new Problem(o.file(), r)));
        }
        Path blame = preview.plan().outcomes().getFirst().file();
        if (preview.failure().isPresent()) {
            problems.add(new Problem(blame, preview.failure().get()));
            return CompletableFuture.completedFuture(null);
        }
        if (!preview.canApply()) {
            return CompletableFuture.completedFuture(null);
        }
        List<Path> inputs = preview
            .plan()
            .outcomes()
            .stream()
            .filter(o -> !o.leftOut())
            .map(ImportPlan.FileOutcome::file)
            .toList();
        ImportChange change = new ImportChange(
            preview.added(),
            preview.replaced(),
            inputs,
            current.scenario()
        );
        return replace(withImport(workspace, change), blame).thenApply(ok -> {
            if (!ok) return null;
            imported.addAll(inputs);
            undo.push(change);
            redo.clear();
            updateFlags();
            return preview;
        });
    }

    private static ProfileWorkspace withImport(ProfileWorkspace ws, ImportChange change) {
        for (var e : change.added().entrySet()) {
            ws = ws.with(e.getKey(), e.getValue());
        }
        return ws;
    }

    private static ProfileWorkspace withoutImport(ProfileWorkspace ws, ImportChange change) {
        ws = ws.without(change.added().keySet());
        for (var e : change.replaced().entrySet()) {
            ws = ws.with(e.getKey(), e.getValue());
        }
        return ws;
    }

    /**
     * Imports {@code files} without a preview (a profiling run's files, a restored workspace): what
     * fits joins the library as one undoable step; what is left out is listed in {@link #problems()}.
     *
     * @return completes on the UI thread with what was applied (its devices say how each reaches
     *     the chart), or null when nothing was
     */
    public CompletableFuture<ImportPreview> importFiles(List<Path> files) {
        if (files.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        if (current == null) {
            files.forEach(f -> problems.add(new Problem(f, "Open a scenario before importing profiles.")));
            return CompletableFuture.completedFuture(null);
        }
        List<Path> copy = List.copyOf(files);
        return enqueue(() ->
            previewNow(copy)
                .exceptionally(error -> {
                    problems.add(new Problem(copy.getFirst(), ExplorerViewModel.message(error)));
                    return null;
                })
                .thenCompose(p -> p == null ? CompletableFuture.completedFuture(null) : applyImport(p))
        );
    }

    // ------------------------------------------------------------------ edits

    /** Sets one number of one file; refused (listed in problems) when the result does not validate. */
    public CompletableFuture<Boolean> edit(Path file, String pointer, double value) {
        return enqueue(() -> {
            JsonNode node = workspace.contains(file) ? workspace.tree(file).at(pointer) : null;
            if (node == null || !node.isNumber()) {
                problems.add(
                    new Problem(file, file.getFileName() + ": " + pointer + " is not a number in this file.")
                );
                return CompletableFuture.completedFuture(false);
            }
            Edit edit = new Edit(file, pointer, node.asDouble(), value);
            return setNumber(edit, value).thenApply(ok -> {
                if (ok) {
                    undo.push(new EditChange(edit));
                    redo.clear();
                    updateFlags();
                }
                return ok;
            });
        });
    }

    /** Reverts the latest change (an edit or a whole import); changes asked before it run first. */
    public CompletableFuture<Boolean> undo() {
        return enqueue(() -> step(undo, redo, true));
    }

    /** Applies again the latest undone change; changes asked before it run first. */
    public CompletableFuture<Boolean> redo() {
        return enqueue(() -> step(redo, undo, false));
    }

    /** Moves the top of {@code from} to {@code to} once it is applied (reverted when {@code back}). */
    private CompletableFuture<Boolean> step(Deque<Change> from, Deque<Change> to, boolean back) {
        if (from.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        Change change = from.peek();
        CompletableFuture<Boolean> applied = switch (change) {
            case EditChange(Edit e) -> setNumber(e, back ? e.before() : e.after());
            case ImportChange i -> replace(
                back ? withoutImport(workspace, i) : withImport(workspace, i),
                i.inputs().isEmpty() ? i.added().keySet().iterator().next() : i.inputs().getFirst(),
                back ? i.before() : null
            ).thenApply(ok -> {
                if (ok && back) imported.removeAll(i.inputs());
                if (ok && !back) imported.addAll(i.inputs());
                return ok;
            });
        };
        return applied.thenApply(ok -> {
            if (ok) {
                to.push(from.pop());
                updateFlags();
            }
            return ok;
        });
    }

    private CompletableFuture<Boolean> setNumber(Edit edit, double value) {
        ObjectNode copy = workspace.tree(edit.file()).deepCopy();
        setNumber(copy, edit.pointer(), value);
        ProfileWorkspace base = workspace;
        return background(() -> base.withTree(edit.file(), copy))
            .handle((next, error) -> {
                if (error != null) {
                    problems.removeIf(p -> p.file().equals(edit.file()));
                    problems.add(new Problem(edit.file(), ExplorerViewModel.message(error)));
                }
                return next;
            })
            .thenCompose(next ->
                next == null ? CompletableFuture.completedFuture(false) : replace(next, edit.file())
            )
            .thenApply(ok -> {
                if (ok) edited.add(edit.file());
                return ok;
            });
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
        return enqueue(() -> {
            ScenarioLoader.LoadedScenario base = current;
            ProfileWorkspace library = workspace;
            return background(() -> {
                ProfileWorkspace next = library;
                for (Map.Entry<String, String> e : documents.entrySet()) {
                    Path p = Path.of(e.getKey());
                    Path key = next
                        .files()
                        .stream()
                        .filter(k -> k.toAbsolutePath().equals(p.toAbsolutePath()))
                        .findFirst()
                        .orElse(p);
                    next = next.withTree(key, (ObjectNode) ProfileCodec.mapper().readTree(e.getValue()));
                }
                return next;
            })
                .handle((next, error) -> {
                    if (error != null) {
                        problems.add(
                            new Problem(
                                base.file(),
                                "The recovered edits could not be applied: " +
                                    ExplorerViewModel.message(error)
                            )
                        );
                    }
                    return next;
                })
                .thenCompose(next -> {
                    if (next == null) return CompletableFuture.completedFuture(null);
                    return replace(next, base.file()).thenApply(ok -> {
                        if (ok) {
                            for (String path : documents.keySet()) {
                                next
                                    .files()
                                    .stream()
                                    .filter(k -> k.toAbsolutePath().equals(Path.of(path).toAbsolutePath()))
                                    .forEach(edited::add);
                            }
                            updateFlags();
                        }
                        return null;
                    });
                });
        });
    }

    /** Writes every edited file atomically (background); clears the dirty flag on success. */
    public CompletableFuture<Void> save() {
        return enqueue(() -> {
            Map<Path, byte[]> toWrite = new LinkedHashMap<>();
            for (Path p : edited) {
                try {
                    toWrite.put(
                        p,
                        ProfileCodec.mapper()
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsBytes(workspace.tree(p))
                    );
                } catch (IOException e) {
                    return CompletableFuture.failedFuture(e);
                }
            }
            return background(() -> {
                for (Map.Entry<Path, byte[]> e : toWrite.entrySet()) {
                    AtomicFiles.write(e.getKey(), e.getValue());
                }
                return null;
            }).thenApply(v -> {
                edited.removeAll(toWrite.keySet());
                updateFlags();
                return null;
            });
        });
    }

    private void updateFlags() {
        editState.set(new EditState(!undo.isEmpty(), !redo.isEmpty(), !edited.isEmpty()));
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
            ": " +
            alphaAtK(first) +
            " … " +
            alphaAtK(last) +
            (first.sampleCount().isPresent() ? ", n=" + first.sampleCount().getAsInt() : ", n not stated")
        );
    }

    /** {@code α(K) rate ± sd} of one measured K. */
    private static String alphaAtK(AcceptanceAtK point) {
        return (
            "α(" +
            point.k() +
            ") " +
            Numbers.plain(point.acceptanceRate()) +
            " ± " +
            Numbers.plain(point.standardDeviation())
        );
    }

    static List<LibraryEntry> entriesOf(ScenarioLoader.LoadedScenario scenario, Map<Path, ObjectNode> trees) {
        var library = scenario.library();
        Entries out = new Entries(scenario.profiles().sources(), trees);
        for (var d : library.devices()) {
            String summary =
                d.deviceKind().label() +
                " · " +
                (d.memoryGiB().isPresent()
                    ? Numbers.plain(d.memoryGiB().getAsDouble()) + " GiB"
                    : "memory not stated") +
                " · " +
                (d.idlePowerWatts().isPresent()
                    ? "idle " + Numbers.plain(d.idlePowerWatts().getAsDouble()) + " W"
                    : "idle power not measured") +
                " · " +
                Numbers.count(d.drafting().size(), "drafting measurement", "drafting measurements");
            out.byId("Devices", "device", d.id(), d.name(), d, summary);
        }
        for (var m : library.drafters()) {
            out.byId("Drafters", "drafter", m.id(), m.name(), m, modelSummary(m));
        }
        for (var m : library.targets()) {
            out.byId("Targets", "target", m.id(), m.name(), m, modelSummary(m));
        }
        for (var a : library.alignments()) {
            out.matching(
                "Alignments",
                "alignment:" + a.drafter() + "/" + a.quantization() + "/" + a.target(),
                a.drafter() + " " + a.quantization() + " → " + a.target(),
                a,
                acceptanceSummary(a),
                Map.of("drafter", a.drafter(), "quantization", a.quantization(), "target", a.target())
            );
        }
        for (var s : library.servers()) {
            out.byId(
                "Servers",
                "server",
                s.id(),
                s.name(),
                s,
                s.gpu() + " · " + Numbers.count(s.targets().size(), "target", "targets")
            );
        }
        for (var n : library.networks()) {
            String summary =
                "RTT " +
                Numbers.seconds(n.rttSeconds()) +
                " · up " +
                Numbers.plain(n.uplinkMegabitsPerSecond()) +
                " Mbit/s · down " +
                Numbers.plain(n.downlinkMegabitsPerSecond()) +
                " Mbit/s";
            out.byId("Networks", "network", n.id(), n.name(), n, summary);
        }
        return out.entries;
    }

    private static String modelSummary(LanguageModel m) {
        return m.family() + " · " + Numbers.plain(m.parameterCount() / 1e9) + " B parameters";
    }

    /**
     * The library's entries as they are built, each with the numbers of the profile file it came
     * from ({@code sources}: entry key to file; {@code trees}: file to its parsed JSON).
     */
    private record Entries(
        Map<String, Path> sources,
        Map<Path, ObjectNode> trees,
        List<LibraryEntry> entries
    ) {
        Entries(Map<String, Path> sources, Map<Path, ObjectNode> trees) {
            this(sources, trees, new ArrayList<>());
        }

        /** An entry keyed {@code kind:id}, found in its file by its {@code id} field. */
        void byId(String group, String kind, String id, String name, HasProvenance p, String summary) {
            matching(group, kind + ":" + id, name, p, summary, Map.of("id", id));
        }

        /** An entry found in its file as the first object whose text fields equal {@code match}. */
        void matching(
            String group,
            String key,
            String name,
            HasProvenance p,
            String summary,
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
            entries.add(
                new LibraryEntry(
                    group,
                    key,
                    name,
                    p.provenance().kind(),
                    p.provenance().label(),
                    summary,
                    file,
                    fields
                )
            );
        }
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
                String found = find(e.getValue(), pointer + "/" + pointerToken(e.getKey()), match);
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
                    pointer + "/" + pointerToken(e.getKey()),
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

    /** {@code key} escaped as one JSON pointer token (RFC 6901). */
    private static String pointerToken(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
