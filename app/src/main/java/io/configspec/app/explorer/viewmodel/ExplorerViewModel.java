package io.configspec.app.explorer.viewmodel;

import io.configspec.app.explorer.chart.ChartData;
import io.configspec.app.explorer.concurrent.FxThreadGuard;
import io.configspec.app.explorer.concurrent.LatestValueCoalescer;
import io.configspec.app.explorer.concurrent.TaskExecutor;
import io.configspec.model.analysis.Objective;
import io.configspec.model.analysis.Scenario;
import io.configspec.model.domain.DomainShare;
import io.configspec.model.io.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the explorer's main window (JabRef-style MVVM): the loaded scenario, the what-if
 * sliders, the latest evaluation with its fronts and recommendations, the chart settings, the
 * selection and its details. Views bind to the properties; work runs through the {@link
 * TaskExecutor} (worker threads in the app, inline in tests) and results are published on the
 * UI thread. Slider drags are coalesced: only the newest what-if is evaluated after the running
 * one. Confined to the UI thread.
 */
public final class ExplorerViewModel {

    /**
     * How the user set the window up, as a workspace saves it: the chart's axes (objective, log
     * scale) and point colours, whether the table shows only the front and its filter text, and the
     * theme.
     */
    public record ViewSettings(
        ObjectProperty<Objective> xObjective,
        ObjectProperty<Objective> yObjective,
        BooleanProperty xLog,
        BooleanProperty yLog,
        ObjectProperty<ColourBy> colourBy,
        BooleanProperty paretoOnly,
        javafx.beans.property.StringProperty tableFilter,
        BooleanProperty darkTheme
    ) {}

    private final TaskExecutor executor;
    private final AnalysisService analysis;
    private final WhatIfViewModel whatIf = new WhatIfViewModel();
    private final LibraryViewModel library;
    private final LatestValueCoalescer<EvaluationRequest, Evaluation> evaluator;

    private final ReadOnlyObjectWrapper<ScenarioLoader.LoadedScenario> loaded = new ReadOnlyObjectWrapper<>(
        this,
        "loaded"
    );
    private final ReadOnlyObjectWrapper<SpaceIndex> spaceIndex = new ReadOnlyObjectWrapper<>(
        this,
        "spaceIndex"
    );
    private final ReadOnlyObjectWrapper<Evaluation> evaluation = new ReadOnlyObjectWrapper<>(
        this,
        "evaluation"
    );
    private final ViewSettings view = new ViewSettings(
        new SimpleObjectProperty<>(this, "xObjective", Objective.GOODPUT),
        new SimpleObjectProperty<>(this, "yObjective", Objective.TOKENS_PER_DOLLAR),
        new SimpleBooleanProperty(this, "xLog", false),
        new SimpleBooleanProperty(this, "yLog", false),
        new SimpleObjectProperty<>(this, "colourBy", ColourBy.DEVICE),
        new SimpleBooleanProperty(this, "paretoOnly", false),
        new javafx.beans.property.SimpleStringProperty(this, "tableFilter", ""),
        new SimpleBooleanProperty(this, "darkTheme", false)
    );
    private final IntegerProperty selectedRow = new SimpleIntegerProperty(this, "selectedRow", -1);
    private final ReadOnlyObjectWrapper<ConfigurationDetails> details = new ReadOnlyObjectWrapper<>(
        this,
        "details"
    );
    private final ObservableList<RecommendationCard> recommendations = FXCollections.observableArrayList();
    private final ObservableList<String> routed = FXCollections.observableArrayList();
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyObjectWrapper<ChartData> chartData = new ReadOnlyObjectWrapper<>(
        this,
        "chartData",
        ChartData.empty()
    );

    private final javafx.beans.property.ReadOnlyIntegerWrapper userChanges =
        new javafx.beans.property.ReadOnlyIntegerWrapper(this, "userChanges", 0);
    private Evaluation spare;
    /** Evaluations being exported: their arrays must not be reused until the export ends. */
    private final java.util.Set<Evaluation> exporting = new java.util.HashSet<>();
    private boolean suppressEvaluation;

    public ExplorerViewModel(TaskExecutor executor, AnalysisService analysis) {
        this.executor = Objects.requireNonNull(executor);
        this.analysis = Objects.requireNonNull(analysis);
        this.library = new LibraryViewModel(executor, this::libraryChanged);
        this.evaluator = new LatestValueCoalescer<>(executor, this::compute, this::publish, this::failed);
        whatIf.setOnChange(() -> {
            userChanged();
            requestEvaluation();
        });
        // what the chart is computed for: a change is the user's and needs a new evaluation
        for (ObservableValue<?> setting : List.of(view.xObjective(), view.yObjective(), view.colourBy())) {
            setting.addListener((o, a, b) -> {
                userChanged();
                requestEvaluation();
            });
        }
        // how it is shown: a change is the user's (the workspace keeps it), nothing to compute
        for (ObservableValue<?> setting : List.of(
            view.xLog(),
            view.yLog(),
            view.darkTheme(),
            view.paretoOnly(),
            view.tableFilter()
        )) {
            setting.addListener((o, a, b) -> userChanged());
        }
        selectedRow.addListener((o, a, b) -> {
            if (!restoring) {
                chosen = selectedConfiguration();
            }
            updateDetails();
        });
    }

    // ------------------------------------------------------------------ loading

    /** Loads a scenario in the background; the returned future completes on the UI thread. */
    public CompletableFuture<ScenarioLoader.LoadedScenario> loadScenario(Path file) {
        busy.set(true);
        status.set("Loading " + file.getFileName() + " …");
        CompletableFuture<ScenarioLoader.LoadedScenario> done = new CompletableFuture<>();
        executor
            .submit(() -> analysis.loadScenario(file))
            .whenComplete((result, error) ->
                executor.runOnUi(() -> {
                    if (error != null) {
                        busy.set(false);
                        status.set(message(error));
                        done.completeExceptionally(unwrap(error));
                    } else {
                        setLoaded(result);
                        done.complete(result);
                    }
                })
            );
        return done;
    }

    /** Shows an already loaded scenario (UI thread). */
    public void setLoaded(ScenarioLoader.LoadedScenario scenario) {
        previousForChanges = null;
        spare = null;
        loaded.set(scenario);
        spaceIndex.set(SpaceIndex.of(scenario.space()));
        selectedRow.set(-1);
        selectBestOnNextResult = true;
        library.show(scenario);
        whatIf.load(scenario);
        var objectives = scenario.scenario().objectives();
        suppressEvaluation = true;
        try {
            if (objectives.size() >= 2) {
                view.xObjective().set(objectives.get(0));
                view.yObjective().set(objectives.get(1));
            }
        } finally {
            suppressEvaluation = false;
        }
        status.set(
            "Loaded " +
                scenario.scenario().name() +
                ": " +
                scenario.space().combinations().size() +
                " combinations"
        );
        requestEvaluation();
    }

    private Evaluation previousForChanges;
    /** After a load, the first result selects the best-goodput configuration, so details are never empty. */
    private boolean selectBestOnNextResult;

    private void userChanged() {
        if (!suppressEvaluation && loaded.get() != null) {
            userChanges.set(userChanges.get() + 1);
        }
    }

    /** Counts changes the user made (what-ifs, axes, profiles, selection of profiles…), for autosave. */
    public javafx.beans.property.ReadOnlyIntegerProperty userChangesProperty() {
        return userChanges.getReadOnlyProperty();
    }

    private void libraryChanged(ScenarioLoader.LoadedScenario replacement) {
        userChanged();
        Evaluation before = evaluation.get();
        var selected = selectedConfiguration();
        loaded.set(replacement);
        spaceIndex.set(SpaceIndex.of(replacement.space()));
        spare = null;
        previousForChanges = before;
        pendingSelection = selected;
        requestEvaluation();
    }

    private io.configspec.model.domain.Configuration pendingSelection;

    /**
     * Changes which devices, drafters, quantisations and targets take part: re-enumerates the space
     * in the background; on failure (e.g. nothing left) the status says why and nothing changes.
     */
    public CompletableFuture<Boolean> changeSelection(ScenarioSelection selection) {
        return changeScenario(selection::applyTo, "Selection not applied: ");
    }

    /**
     * Changes the workload mix (each domain's share of output tokens, summing to 1): the mixed
     * acceptance and the routed sets' comparison are rebuilt in the background, as for {@link
     * #changeSelection}; on failure the status says why and nothing changes.
     */
    public CompletableFuture<Boolean> changeMix(List<DomainShare> mix) {
        return changeScenario(scenario -> scenario.withMix(mix), "Mix not applied: ");
    }

    /**
     * Applies a change of the scenario that needs the space enumerated again (selection, mix), in
     * the background; completes on the UI thread with whether it was applied ({@code refused}
     * starts the status line's sentence when it was not). The scenario file is not changed.
     */
    public CompletableFuture<Boolean> changeScenario(UnaryOperator<Scenario> change, String refused) {
        var base = loaded.get();
        if (base == null) {
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        executor
            .submit(() -> {
                FxThreadGuard.requireBackground("enumerating the configuration space");
                return base.with(change.apply(base.scenario()));
            })
            .whenComplete((replacement, error) ->
                executor.runOnUi(() -> {
                    if (error != null || loaded.get() != base) {
                        if (error != null) status.set(refused + message(error));
                        done.complete(false);
                        return;
                    }
                    library.rebase(replacement);
                    libraryChanged(replacement);
                    done.complete(true);
                })
            );
        return done;
    }

    /**
     * Brings a device of the library (e.g. one just measured on the Boards tab) into the open
     * scenario, so its configurations are on the chart (issue 19): see {@link
     * io.configspec.model.service.DeviceAdoption}. The status line says what changed or why the
     * device cannot be shown; the future completes on the UI thread with whether it joined.
     */
    public CompletableFuture<Boolean> adoptDevice(String deviceId) {
        var base = loaded.get();
        if (base == null) {
            status.set("Open a scenario to see the measured device on the chart.");
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        executor
            .submit(() -> {
                FxThreadGuard.requireBackground("adding a device to the scenario");
                var adoption = io.configspec.model.service.DeviceAdoption.adopt(
                    base.library(),
                    base.scenario(),
                    deviceId
                );
                if (adoption.scenario().equals(base.scenario())) {
                    return new Adopted(adoption, null);
                }
                return new Adopted(adoption, base.with(adoption.scenario()));
            })
            .whenComplete((adopted, error) ->
                executor.runOnUi(() -> {
                    if (error != null) {
                        status.set("The measured device could not join the scenario: " + message(error));
                        done.complete(false);
                        return;
                    }
                    boolean current = loaded.get() == base;
                    if (adopted.replacement() != null && current) {
                        pendingNote = adopted.adoption().note();
                        library.rebase(adopted.replacement());
                        libraryChanged(adopted.replacement());
                    }
                    status.set(adopted.adoption().note());
                    done.complete(current && adopted.adoption().joined());
                })
            );
        return done;
    }

    private record Adopted(
        io.configspec.model.service.DeviceAdoption.Result adoption,
        ScenarioLoader.LoadedScenario replacement
    ) {}

    // ------------------------------------------------------------------ evaluation

    /** Asks for a re-evaluation with the current inputs (coalesced). */
    public void requestEvaluation() {
        if (suppressEvaluation) {
            return;
        }
        var scenario = loaded.get();
        if (scenario == null) {
            return;
        }
        EvaluationRequest request;
        try {
            request = new EvaluationRequest(
                scenario,
                spaceIndex.get(),
                whatIf.whatIf(),
                view.xObjective().get(),
                view.yObjective().get(),
                view.colourBy().get()
            );
        } catch (RuntimeException e) {
            status.set(e.getMessage());
            return;
        }
        busy.set(true);
        evaluator.submit(request);
    }

    private Evaluation compute(EvaluationRequest request) {
        Evaluation reuse;
        synchronized (this) {
            reuse = spare;
            spare = null;
        }
        return analysis.evaluate(request, reuse);
    }

    private void publish(Evaluation result) {
        Evaluation previous = previousForChanges != null ? previousForChanges : evaluation.get();
        previousForChanges = null;
        var selected = pendingSelection != null ? pendingSelection : selectedConfiguration();
        pendingSelection = null;
        if (selected == null && selectBestOnNextResult) {
            int best = result.recommendedRow(RecommendationKind.BEST_GOODPUT);
            selected = best < 0 ? null : result.space().configuration(best);
        }
        selectBestOnNextResult = false;
        Evaluation old = evaluation.get();
        evaluation.set(result);
        chartData.set(result.chart());
        if (
            old != null &&
            old.space() != result.space() &&
            old.request().loaded() == result.request().loaded() &&
            !exporting.contains(old)
        ) {
            synchronized (this) {
                spare = old;
            }
        }
        updateRecommendations(result, previous);
        restoreSelection(selected, result);
        updateDetails();
        busy.set(evaluator.busy());
        status.set(
            result.space().feasibleCount() +
                " of " +
                result.size() +
                " configurations meet the constraints" +
                notDrawn(result) +
                "; " +
                result.front().length +
                " on the front" +
                (pendingNote == null ? "" : ". " + pendingNote)
        );
        pendingNote = null;
    }

    /**
     * " (117 not drawn: their energy per token is not measured)" when rows of the
     * chart have no value on an axis (energy of a board without a power figure), else "": the
     * chart leaves them out, and the count above them includes them.
     */
    static String notDrawn(Evaluation result) {
        ChartData chart = result.chart();
        int missing = 0;
        boolean noX = false;
        boolean noY = false;
        for (int i = 0; i < chart.size(); i++) {
            boolean x = !Double.isFinite(chart.x()[i]);
            boolean y = !Double.isFinite(chart.y()[i]);
            noX |= x;
            noY |= y;
            if (x || y) missing++;
        }
        if (missing == 0) {
            return "";
        }
        String x = result.request().xObjective().label().toLowerCase(java.util.Locale.ROOT);
        String y = result.request().yObjective().label().toLowerCase(java.util.Locale.ROOT);
        return (
            " (" +
            missing +
            " not drawn: " +
            (missing == 1 ? "its " : "their ") +
            (noX && noY ? x + " or " + y : noX ? x : y) +
            " is not measured)"
        );
    }

    /** A note for the status line after the next evaluation (e.g. what a new device changed). */
    private String pendingNote;

    private void failed(Throwable error) {
        busy.set(evaluator.busy());
        status.set(message(error));
    }

    private void updateRecommendations(Evaluation result, Evaluation previous) {
        List<RecommendationCard> cards = new ArrayList<>();
        for (RecommendationKind kind : RecommendationKind.values()) {
            cards.add(RecommendationCard.of(kind, result, previous));
        }
        recommendations.setAll(cards);
        routed.setAll(
            result
                .result()
                .routedComparisons()
                .stream()
                .map(r -> (r.beatsSingleBest() ? "✔ " : "✘ ") + r.verdict())
                .toList()
        );
        if (previous == null) {
            return;
        }
        List<String> moved = new ArrayList<>();
        for (Map.Entry<String, Integer> e : result.kStarByDevice().entrySet()) {
            Integer before = previous.kStarByDevice().get(e.getKey());
            if (before != null && !before.equals(e.getValue())) {
                moved.add("K* for " + e.getKey() + ": " + before + " → " + e.getValue());
            }
        }
        for (RecommendationCard card : cards) {
            if (!card.change().isEmpty()) {
                moved.add(card.kind().title() + ": " + card.configuration() + " (" + card.change() + ")");
            }
        }
        if (!moved.isEmpty()) {
            changes.setAll(moved);
        }
    }

    private io.configspec.model.domain.Configuration selectedConfiguration() {
        Evaluation e = evaluation.get();
        int row = selectedRow.get();
        return e != null && row >= 0 && row < e.size() ? e.space().configuration(row) : null;
    }

    /**
     * Selects {@code selected} in {@code result}; when its K left the range (a narrower K what-if,
     * a re-enumerated space), the same device, drafter, quantisation and target at the nearest K
     * still there (the smaller on a tie); nothing when that combination left the space. While the
     * selection stays on the combination last chosen, the chosen K is the one looked for, so a K
     * range narrowed past it and widened again comes back to it.
     */
    private void restoreSelection(io.configspec.model.domain.Configuration selected, Evaluation result) {
        if (selected != null && (chosen == null || !sameCombination(chosen, selected))) {
            chosen = selected; // a selection made in code: the best on load, a workspace's
        }
        var wanted = selected == null ? null : chosen;
        int row = wanted == null ? -1 : result.result().nearestRowOf(wanted);
        if (selectedRow.get() != row) {
            restoring = true;
            try {
                selectedRow.set(row);
            } finally {
                restoring = false;
            }
        }
    }

    private static boolean sameCombination(
        io.configspec.model.domain.Configuration a,
        io.configspec.model.domain.Configuration b
    ) {
        return (
            a.device().equals(b.device()) &&
            a.drafter().equals(b.drafter()) &&
            a.quantization().equals(b.quantization()) &&
            a.target().equals(b.target())
        );
    }

    /** The configuration the user last selected (not one a what-if moved the selection to). */
    private io.configspec.model.domain.Configuration chosen;
    private boolean restoring;

    /** Row of {@code configuration} in {@code result}, or −1. */
    public static int rowOf(Evaluation result, io.configspec.model.domain.Configuration configuration) {
        return result.result().rowOf(configuration);
    }

    private void updateDetails() {
        Evaluation e = evaluation.get();
        int row = selectedRow.get();
        details.set(e != null && row >= 0 && row < e.size() ? ConfigurationDetails.of(e, row) : null);
    }

    static String message(Throwable error) {
        Throwable t = unwrap(error);
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while (
            (t instanceof java.util.concurrent.CompletionException ||
                t instanceof java.util.concurrent.ExecutionException) &&
            t.getCause() != null
        ) {
            t = t.getCause();
        }
        return t;
    }

    // ------------------------------------------------------------------ export

    /**
     * Exports configuration rows of the current evaluation to {@code file} (CSV for {@code *.csv},
     * else JSON) through the model's row writer, in the background; the status line says how it
     * went. The same rows give the same bytes as {@code configspec sweep}, {@code pareto} and
     * {@code recommend} with the same what-ifs.
     *
     * @return completes on the UI thread with the number of rows written, or 0 when nothing was
     */
    public CompletableFuture<Integer> exportConfigurations(ConfigurationExport.Scope scope, Path file) {
        Evaluation e = evaluation.get();
        int selected = selectedRow.get();
        if (e == null) {
            status.set("Open a scenario first.");
            return CompletableFuture.completedFuture(0);
        }
        if (scope == ConfigurationExport.Scope.SELECTED && (selected < 0 || selected >= e.size())) {
            status.set("Select a configuration first (click a point or a table row).");
            return CompletableFuture.completedFuture(0);
        }
        exporting.add(e);
        CompletableFuture<Integer> done = new CompletableFuture<>();
        executor
            .submit(() -> ConfigurationExport.write(e.result(), scope, selected, file))
            .whenComplete((count, error) ->
                executor.runOnUi(() -> {
                    exporting.remove(e);
                    if (error != null) {
                        status.set("Export failed: " + message(error));
                        done.complete(0);
                    } else {
                        status.set(
                            "Exported " +
                                Numbers.count(count, "configuration", "configurations") +
                                " to " +
                                file.getFileName()
                        );
                        done.complete(count);
                    }
                })
            );
        return done;
    }

    // ------------------------------------------------------------------ properties

    public WhatIfViewModel whatIf() {
        return whatIf;
    }

    public LibraryViewModel library() {
        return library;
    }

    public TaskExecutor executor() {
        return executor;
    }

    public ReadOnlyObjectProperty<ScenarioLoader.LoadedScenario> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Evaluation> evaluationProperty() {
        return evaluation.getReadOnlyProperty();
    }

    public Evaluation getEvaluation() {
        return evaluation.get();
    }

    public ReadOnlyObjectProperty<ChartData> chartDataProperty() {
        return chartData.getReadOnlyProperty();
    }

    /** How the user set the window up (axes, colours, table, theme); a workspace saves these. */
    public ViewSettings viewSettings() {
        return view;
    }

    /** Selected configuration, or null. */
    public io.configspec.model.domain.Configuration selectedConfigurationValue() {
        return selectedConfiguration();
    }

    /** Selects {@code configuration} once the current (or next) evaluation has it. */
    public void selectConfiguration(io.configspec.model.domain.Configuration configuration) {
        Evaluation e = evaluation.get();
        if (evaluator.busy() || e == null) {
            pendingSelection = configuration;
            return;
        }
        selectedRow.set(configuration == null ? -1 : rowOf(e, configuration));
    }

    public IntegerProperty selectedRowProperty() {
        return selectedRow;
    }

    public ReadOnlyObjectProperty<ConfigurationDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    public ObservableList<RecommendationCard> recommendations() {
        return recommendations;
    }

    /**
     * One line per routed drafting set of the scenario (workload mix with routes): whether it beats
     * the single best drafter under the mix, by how much and at what memory; empty without routes.
     */
    public ObservableList<String> routedVerdicts() {
        return routed;
    }

    /** What moved at the last change of inputs (K* per device, recommendations). */
    public ObservableList<String> changes() {
        return changes;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Shows a message in the status line (UI thread). */
    public void showStatus(String message) {
        status.set(message);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
