package io.configspec.app.explorer.viewmodel;

import io.configspec.app.explorer.concurrent.TaskExecutor;
import io.configspec.app.explorer.workspace.WorkspaceState;
import io.configspec.app.explorer.workspace.WorkspaceStore;
import io.configspec.model.analysis.Objective;
import io.configspec.model.analysis.Scenario;
import io.configspec.model.domain.Configuration;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Workspace files, autosave and crash recovery, recent files. Any change the user makes (what-if,
 * axes, selection, profile edits, imports) marks the workspace as changed and asks the view for an
 * autosave (debounced there; {@link #autosaveNow} writes immediately). Saving to a file, or a clean
 * exit without changes, deletes the autosave; an autosave found at start-up is offered back.
 */
public final class WorkspaceViewModel {

    /** Window geometry and divider positions, supplied and applied by the view. */
    public interface Layout {
        List<Double> window();

        List<Double> dividers();

        void apply(List<Double> window, List<Double> dividers);
    }

    private final ExplorerViewModel model;
    private final WorkspaceStore store;
    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper changed = new ReadOnlyBooleanWrapper(this, "changed", false);
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private Layout layout = new Layout() {
        @Override
        public List<Double> window() {
            return List.of();
        }

        @Override
        public List<Double> dividers() {
            return List.of();
        }

        @Override
        public void apply(List<Double> window, List<Double> dividers) {}
    };
    private Runnable autosaveRequest = () -> {};
    private boolean applying;

    public WorkspaceViewModel(ExplorerViewModel model, WorkspaceStore store) {
        this.model = model;
        this.store = store;
        this.executor = model.executor();
        model.userChangesProperty().addListener((InvalidationListener) o -> markChanged());
    }

    public void setLayout(Layout layout) {
        this.layout = layout;
    }

    /** What to call when the workspace changed (the view debounces it into {@link #autosaveNow}). */
    public void setAutosaveRequest(Runnable request) {
        this.autosaveRequest = request == null ? () -> {} : request;
    }

    private void markChanged() {
        if (applying || model.loadedProperty().get() == null) {
            return;
        }
        changed.set(true);
        autosaveRequest.run();
    }

    /**
     * The user chose to quit without saving: the changes are dropped, so {@link #closing} deletes
     * the autosave instead of keeping it for the next start.
     */
    public void abandonChanges() {
        changed.set(false);
    }

    public ReadOnlyBooleanProperty changedProperty() {
        return changed.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public ObservableList<Path> recentFiles() {
        return recent;
    }

    public WorkspaceStore store() {
        return store;
    }

    /** The current state as a workspace document. */
    public WorkspaceState capture() {
        var loaded = model.loadedProperty().get();
        ExplorerViewModel.ViewSettings view = model.viewSettings();
        Configuration selected = model.selectedConfigurationValue();
        return new WorkspaceState(
            WorkspaceState.SCHEMA_VERSION,
            loaded == null ? null : loaded.file().toAbsolutePath().toString(),
            model
                .library()
                .importedFiles()
                .stream()
                .map(p -> p.toAbsolutePath().toString())
                .toList(),
            model.library().editedDocuments(),
            model.whatIf().overrides(),
            view.xObjective().get().cliName(),
            view.yObjective().get().cliName(),
            view.xLog().get(),
            view.yLog().get(),
            view.colourBy().get().name(),
            selected == null
                ? null
                : String.join(
                      "|",
                      selected.device(),
                      selected.drafter(),
                      selected.quantization(),
                      selected.target(),
                      String.valueOf(selected.k())
                  ),
            view.paretoOnly().get(),
            view.tableFilter().get(),
            view.darkTheme().get(),
            layout.window(),
            layout.dividers(),
            loaded == null ? null : edits(loaded.scenario())
        );
    }

    private static WorkspaceState.ScenarioEdits edits(Scenario s) {
        return new WorkspaceState.ScenarioEdits(
            s.devices(),
            s.drafters(),
            s.quantizations(),
            s.targets(),
            s.mix()
        );
    }

    /**
     * The scenario with the workspace's selection and mix, or null when they are the scenario's
     * own (nothing to enumerate again). A mix is taken only by a scenario that has one.
     */
    static UnaryOperator<Scenario> scenarioChange(WorkspaceState.ScenarioEdits edits, Scenario loaded) {
        if (edits == null || edits.equals(edits(loaded))) {
            return null;
        }
        return s -> {
            Scenario selected = s.withSelection(
                edits.devices(),
                edits.drafters(),
                edits.quantizations(),
                edits.targets()
            );
            return s.hasMix() && !edits.mix().isEmpty() ? selected.withMix(edits.mix()) : selected;
        };
    }

    /** Writes the autosave now (background); no-op when nothing changed. */
    public CompletableFuture<Void> autosaveNow() {
        if (!changed.get()) {
            return CompletableFuture.completedFuture(null);
        }
        WorkspaceState state = capture();
        return executor.submit(() -> {
            store.autosave(state);
            return null;
        });
    }

    /** Saves to {@code target}, remembers it as a recent file, deletes the autosave. */
    public CompletableFuture<Void> save(Path target) {
        WorkspaceState state = capture();
        CompletableFuture<Void> done = new CompletableFuture<>();
        executor
            .submit(() -> {
                store.save(state, target);
                store.discardAutosave();
                return store.addRecent(target);
            })
            .whenComplete((list, error) ->
                executor.runOnUi(() -> {
                    if (error != null) {
                        model.showStatus("Workspace not saved: " + ExplorerViewModel.message(error));
                        done.completeExceptionally(ExplorerViewModel.unwrap(error));
                    } else {
                        file.set(target);
                        recent.setAll(list);
                        changed.set(false);
                        model.showStatus("Saved workspace " + target.getFileName());
                        done.complete(null);
                    }
                })
            );
        return done;
    }

    /** Opens a workspace file. */
    public CompletableFuture<Void> open(Path source) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        executor
            .submit(() -> {
                WorkspaceState state = store.open(source);
                return new Object[] { state, store.addRecent(source) };
            })
            .whenComplete((result, error) ->
                executor.runOnUi(() -> {
                    if (error != null) {
                        model.showStatus(ExplorerViewModel.message(error));
                        done.completeExceptionally(ExplorerViewModel.unwrap(error));
                        return;
                    }
                    @SuppressWarnings("unchecked")
                    List<Path> list = (List<Path>) result[1];
                    recent.setAll(list);
                    restore((WorkspaceState) result[0]).whenComplete((v, e) -> {
                        file.set(source);
                        changed.set(false);
                        if (e != null) done.completeExceptionally(e);
                        else done.complete(null);
                    });
                })
            );
        return done;
    }

    /** Reads the recent-files list (background). */
    public void loadRecentFiles() {
        executor.submit(store::recentFiles).thenAccept(list -> executor.runOnUi(() -> recent.setAll(list)));
    }

    /** Unsaved work left by a session that ended without saving, if any. */
    public CompletableFuture<Optional<WorkspaceStore.Recovery>> checkRecovery() {
        return executor.submit(store::recoverable);
    }

    /** Restores recovered work; the workspace stays "changed" (it is not saved anywhere yet). */
    public CompletableFuture<Void> recover(WorkspaceStore.Recovery recovery) {
        return restore(recovery.state()).thenRun(() -> executor.runOnUi(() -> changed.set(true)));
    }

    public CompletableFuture<Void> discardRecovery() {
        return executor.submit(() -> {
            store.discardAutosave();
            return null;
        });
    }

    /**
     * Called when the application closes: without unsaved changes the autosave is deleted; with
     * them it is written once more and kept, so the next start offers the work back.
     */
    public CompletableFuture<Void> closing() {
        if (changed.get()) {
            WorkspaceState state = capture();
            return executor.submit(() -> {
                store.autosave(state);
                return null;
            });
        }
        return discardRecovery();
    }

    /**
     * Applies a workspace document: scenario, imports, edits, the scenario's selection and mix,
     * what-ifs, chart, selection, layout.
     */
    public CompletableFuture<Void> restore(WorkspaceState state) {
        if (state.scenarioFile() == null) {
            return CompletableFuture.completedFuture(null);
        }
        applying = true;
        CompletableFuture<Void> done = model
            .loadScenario(Path.of(state.scenarioFile()))
            .thenCompose(loaded ->
                model.library().importFiles(state.importedFiles().stream().map(Path::of).toList())
            )
            .thenCompose(v -> model.library().restoreEdits(state.editedProfiles()))
            .thenCompose(v -> {
                var loaded = model.loadedProperty().get();
                UnaryOperator<Scenario> change = loaded == null
                    ? null
                    : scenarioChange(state.scenarioEdits(), loaded.scenario());
                return change == null
                    ? CompletableFuture.completedFuture(true)
                    : model.changeScenario(
                          change,
                          "The workspace's scenario selection and mix were not applied: "
                      );
            })
            .thenRun(() ->
                executor.runOnUi(() -> {
                    ExplorerViewModel.ViewSettings view = model.viewSettings();
                    Objective.fromCliName(state.xAxis() == null ? "" : state.xAxis()).ifPresent(
                        view.xObjective()::set
                    );
                    Objective.fromCliName(state.yAxis() == null ? "" : state.yAxis()).ifPresent(
                        view.yObjective()::set
                    );
                    view.xLog().set(state.xLog());
                    view.yLog().set(state.yLog());
                    try {
                        view.colourBy().set(ColourBy.valueOf(state.colourBy()));
                    } catch (RuntimeException ignored) {
                        // unknown or missing: keep the current colouring
                    }
                    view.paretoOnly().set(state.paretoOnly());
                    view.tableFilter().set(state.filter());
                    view.darkTheme().set(state.darkTheme());
                    model.whatIf().applyOverrides(state.whatIf());
                    model.selectConfiguration(parseConfiguration(state.selected()));
                    layout.apply(state.window(), state.dividers());
                    applying = false;
                })
            );
        return done.whenComplete((v, e) -> {
            if (e != null) executor.runOnUi(() -> applying = false);
        });
    }

    static Configuration parseConfiguration(String text) {
        if (text == null) {
            return null;
        }
        String[] parts = text.split("\\|");
        if (parts.length != 5) {
            return null;
        }
        try {
            return new Configuration(parts[0], parts[1], parts[2], parts[3], Integer.parseInt(parts[4]));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
