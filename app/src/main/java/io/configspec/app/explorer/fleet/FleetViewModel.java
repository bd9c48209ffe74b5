package io.configspec.app.explorer.fleet;

import io.configspec.app.explorer.concurrent.BackgroundWork;
import io.configspec.app.explorer.concurrent.TaskExecutor;
import io.configspec.model.fleet.CapacityResult;
import io.configspec.model.fleet.CapacitySearch;
import io.configspec.model.fleet.FleetComparison;
import io.configspec.model.fleet.FleetDeviceType;
import io.configspec.model.fleet.FleetPolicy;
import io.configspec.model.fleet.FleetResult;
import io.configspec.model.fleet.FleetScenario;
import io.configspec.model.fleet.FleetScenarioFile;
import io.configspec.model.fleet.FleetSensitivity;
import io.configspec.model.fleet.FleetSimulator;
import io.configspec.model.io.ProfileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * View model of the Fleet view: a fleet scenario, its device mix (editable shares), the SLO and
 * the sweep settings; running it simulates every policy over a range of fleet sizes, searches
 * each policy's capacity and records time-per-token distributions, off the UI thread through the
 * {@link TaskExecutor}, with progress and cancel. Properties change only on the UI thread.
 */
public final class FleetViewModel {

    /**
     * One simulated fleet size.
     *
     * @param devices N
     * @param goodputTokensPerSecond tokens/s of requests meeting the SLO
     * @param sloAttainment fraction of requests meeting the SLO
     * @param tpotP50Millis median time per output token, ms
     * @param tpotP99Millis 99th percentile, ms
     */
    public record Point(
        int devices,
        double goodputTokensPerSecond,
        double sloAttainment,
        double tpotP50Millis,
        double tpotP99Millis
    ) {}

    /** One device kind of the mix and its editable share. */
    public static final class DeviceShare {

        private final FleetDeviceType type;
        private final DoubleProperty weight;

        DeviceShare(FleetDeviceType type) {
            this.type = type;
            this.weight = new SimpleDoubleProperty(this, "weight", type.weight());
        }

        public String label() {
            return type.label();
        }

        public DoubleProperty weightProperty() {
            return weight;
        }

        FleetDeviceType withCurrentWeight() {
            return type.withWeight(Math.max(1e-6, weight.get()));
        }
    }

    /**
     * What a run simulates besides the scenario.
     *
     * @param sloMillis the time-per-token SLO, ms (the loaded scenario's until edited)
     * @param maxDevices the largest fleet size of the sweep
     * @param durationSeconds simulated time per fleet size, s
     */
    public record SweepSettings(
        DoubleProperty sloMillis,
        IntegerProperty maxDevices,
        DoubleProperty durationSeconds
    ) {}

    private final TaskExecutor executor;
    private final ReadOnlyStringWrapper scenarioName = new ReadOnlyStringWrapper(this, "scenarioName", "");
    /** The run's state; its message line is the view's status line. */
    private final BackgroundWork work = new BackgroundWork("Open a fleet scenario.");
    private final SweepSettings settings = new SweepSettings(
        new SimpleDoubleProperty(this, "sloMillis", 150),
        new SimpleIntegerProperty(this, "maxDevices", 200),
        new SimpleDoubleProperty(this, "durationSeconds", FleetSimulator.DEFAULT_DURATION_SECONDS)
    );
    private final ObservableList<DeviceShare> deviceMix = FXCollections.observableArrayList();
    private final Map<FleetPolicy, ObservableList<Point>> curves = new EnumMap<>(FleetPolicy.class);
    // Read-only views made once: an unmodifiable view listens to its list only weakly, so a view
    // made per call (and its listeners) could be garbage-collected and the charts stop updating.
    private final Map<FleetPolicy, ObservableList<Point>> curveViews = new EnumMap<>(FleetPolicy.class);
    private final Map<FleetPolicy, ObservableList<Double>> tpotViews = new EnumMap<>(FleetPolicy.class);
    private final Map<FleetPolicy, ReadOnlyIntegerWrapper> capacities = new EnumMap<>(FleetPolicy.class);
    private final Map<FleetPolicy, ObservableList<Double>> tpotDistributions = new EnumMap<>(
        FleetPolicy.class
    );
    private final ReadOnlyIntegerWrapper distributionDevices = new ReadOnlyIntegerWrapper(
        this,
        "distributionDevices",
        0
    );
    private final ReadOnlyStringWrapper comparison = new ReadOnlyStringWrapper(this, "comparison", "");
    private final ObservableList<FleetSensitivity.Point> sensitivity = FXCollections.observableArrayList();
    private final ObservableList<FleetSensitivity.Point> sensitivityView =
        FXCollections.unmodifiableObservableList(sensitivity);
    private final ObjectProperty<FleetSensitivity.Knob> sensitivityKnob = new SimpleObjectProperty<>(
        this,
        "sensitivityKnob",
        FleetSensitivity.Knob.SLO
    );
    private final ReadOnlyStringWrapper sensitivitySummary = new ReadOnlyStringWrapper(
        this,
        "sensitivitySummary",
        ""
    );
    private FleetScenario scenario;

    public FleetViewModel(TaskExecutor executor) {
        this.executor = executor;
        for (FleetPolicy p : FleetPolicy.values()) {
            curves.put(p, FXCollections.observableArrayList());
            capacities.put(p, new ReadOnlyIntegerWrapper(this, "capacity-" + p.cliName(), -1));
            tpotDistributions.put(p, FXCollections.observableArrayList());
            curveViews.put(p, FXCollections.unmodifiableObservableList(curves.get(p)));
            tpotViews.put(p, FXCollections.unmodifiableObservableList(tpotDistributions.get(p)));
        }
    }

    /**
     * The fleet scenario files ({@code "kind": "fleet-scenario"}) in {@code directory}, by file
     * name; empty when it is not a readable directory.
     */
    public static List<Path> sampleScenarios(Path directory) {
        if (directory == null || !java.nio.file.Files.isDirectory(directory)) {
            return List.of();
        }
        try (var files = java.nio.file.Files.list(directory)) {
            return files
                .filter(f -> f.getFileName().toString().endsWith(".json"))
                .filter(FleetViewModel::isFleetScenario)
                .sorted()
                .toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private static boolean isFleetScenario(Path file) {
        try {
            return java.nio.file.Files.readString(file).matches(
                "(?s).*\"kind\"\\s*:\\s*\"fleet-scenario\".*"
            );
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return false;
        }
    }

    /** Loads a fleet scenario file (on the caller's thread: it is small); errors go to the status line. */
    public boolean loadScenario(Path file) {
        try {
            FleetScenario loaded = FleetScenarioFile.load(file).scenario();
            scenario = loaded;
            scenarioName.set(loaded.name());
            settings.sloMillis().set(loaded.sloTpotSeconds() * 1000);
            deviceMix.setAll(loaded.deviceMix().stream().map(DeviceShare::new).toList());
            clearResults();
            work.setMessage(
                "Loaded " +
                    file.getFileName() +
                    ": " +
                    loaded.deviceMix().size() +
                    " device kinds. Press Run."
            );
            return true;
        } catch (ProfileException e) {
            work.setMessage(e.getMessage());
            return false;
        }
    }

    private void clearResults() {
        curves.values().forEach(List::clear);
        tpotDistributions.values().forEach(List::clear);
        capacities.values().forEach(c -> c.set(-1));
        distributionDevices.set(0);
        work.setProgress(0);
        comparison.set("");
    }

    /** The scenario as it will be simulated: the loaded one with the edited shares and SLO. */
    FleetScenario effectiveScenario() {
        List<FleetDeviceType> mix = deviceMix.stream().map(DeviceShare::withCurrentWeight).toList();
        return scenario.withDeviceMix(mix).withSloTpotSeconds(settings.sloMillis().get() / 1000.0);
    }

    /** Fleet sizes of the sweep: about 12, spread geometrically over [1, max]. */
    static List<Integer> sweepSizes(int max) {
        TreeSet<Integer> sizes = new TreeSet<>();
        int points = 12;
        for (int i = 0; i < points; i++) {
            sizes.add((int) Math.round(Math.pow(max, i / (double) (points - 1))));
        }
        return new ArrayList<>(sizes);
    }

    /** What one run works on: the settings when it started and its cancel flag. */
    private record RunInputs(
        FleetScenario scenario,
        int maxDevices,
        double durationSeconds,
        AtomicBoolean cancelled
    ) {
        /** One simulation of this run's scenario and duration; stops when the run is cancelled. */
        FleetResult simulate(FleetPolicy policy, int devices, long seed) {
            return FleetSimulator.run(scenario, policy, devices, durationSeconds, seed, cancelled::get);
        }
    }

    /**
     * The inputs of a new run, or null (the status saying why where the user can act) when no
     * scenario is open, a run is under way, or the maximum devices, duration or SLO is not positive.
     */
    private RunInputs startRun(String starting) {
        if (scenario == null) {
            work.setMessage("Open a fleet scenario first.");
            return null;
        }
        if (work.isRunning()) {
            return null;
        }
        int max = settings.maxDevices().get();
        double duration = settings.durationSeconds().get();
        if (max < 1 || !(duration > 0) || !(settings.sloMillis().get() > 0)) {
            work.setMessage("Maximum devices, duration and SLO must be positive.");
            return null;
        }
        return new RunInputs(effectiveScenario(), max, duration, work.start(starting));
    }

    /**
     * Simulates the three policies over the sweep, then finds each capacity and the time-per-token
     * distributions at WISP's capacity. Returns immediately with the background work's future.
     */
    public CompletableFuture<Void> run() {
        RunInputs in = startRun("Simulating…");
        if (in == null) {
            return CompletableFuture.completedFuture(null);
        }
        clearResults();
        List<Integer> sizes = sweepSizes(in.maxDevices());
        int total = FleetPolicy.values().length * (sizes.size() + 2);
        int[] done = { 0 };
        Runnable step = () -> {
            done[0]++;
            double fraction = Math.min(1.0, done[0] / (double) total);
            executor.runOnUi(() -> work.setProgress(fraction));
        };
        long seed = FleetSimulator.DEFAULT_SEED;
        return executor
            .submit(() -> {
                for (FleetPolicy p : FleetPolicy.values()) {
                    for (int n : sizes) {
                        FleetResult r = in.simulate(p, n, seed);
                        Point point = new Point(
                            n,
                            r.goodputTokensPerSecond(),
                            r.sloAttainment(),
                            r.tpotP50Seconds() * 1000,
                            r.tpotP99Seconds() * 1000
                        );
                        executor.runOnUi(() -> curves.get(p).add(point));
                        step.run();
                    }
                }
                Map<FleetPolicy, CapacityResult> found = new EnumMap<>(FleetPolicy.class);
                for (FleetPolicy p : FleetPolicy.values()) {
                    CapacityResult c = CapacitySearch.find(
                        in.scenario(),
                        p,
                        in.maxDevices(),
                        in.durationSeconds(),
                        seed,
                        CapacitySearch.DEFAULT_TARGET_ATTAINMENT,
                        in.cancelled()::get,
                        n -> {}
                    );
                    found.put(p, c);
                    executor.runOnUi(() -> capacities.get(p).set(c.capacityDevices()));
                    step.run();
                }
                int n = Math.max(1, found.get(FleetPolicy.WISP).capacityDevices());
                executor.runOnUi(() -> distributionDevices.set(n));
                Map<FleetPolicy, FleetResult> atN = new EnumMap<>(FleetPolicy.class);
                for (FleetPolicy p : FleetPolicy.values()) {
                    FleetResult r = in.simulate(p, n, seed);
                    atN.put(p, r);
                    List<Double> samples = downsample(r.tpotSeconds(), 200);
                    executor.runOnUi(() -> tpotDistributions.get(p).setAll(samples));
                    step.run();
                }
                String text = comparisonText(found, atN, n);
                executor.runOnUi(() -> comparison.set(text));
                return found;
            })
            .handle((found, error) -> {
                executor.runOnUi(() -> finish(found, error));
                return null;
            });
    }

    /**
     * Ends a cancelled or failed run on the FX thread, the status saying it was cancelled or why
     * {@code what} failed; a run that succeeded is at progress 1 and its caller ends it with its
     * summary. Returns whether it succeeded.
     */
    private boolean endRun(Throwable error, String what) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null
            ? error.getCause()
            : error;
        if (cause instanceof CancellationException) {
            work.end("Cancelled.");
            return false;
        }
        if (cause != null) {
            work.end(what + " failed: " + cause.getMessage());
            return false;
        }
        work.setProgress(1);
        return true;
    }

    private void finish(Map<FleetPolicy, CapacityResult> found, Throwable error) {
        if (!endRun(error, "Simulation")) {
            return;
        }
        int wisp = found.get(FleetPolicy.WISP).capacityDevices();
        int sled = found.get(FleetPolicy.SLED).capacityDevices();
        int central = found.get(FleetPolicy.CENTRALIZED).capacityDevices();
        work.end(
            String.format(
                Locale.ROOT,
                "Capacity at %.0f ms per token (≥ 95 %% of requests): WISP %d, SLED %d, centralised %d devices (simulated).",
                settings.sloMillis().get(),
                wisp,
                sled,
                central
            )
        );
    }

    /**
     * The comparison {@code configspec fleet-report} prints (capacity and goodput ratios of WISP
     * over centralised serving and SLED and of SLED over centralised serving, the wasted drafting
     * of SLED and WISP at WISP's capacity, the paper's figures), marked simulated.
     */
    static String comparisonText(
        Map<FleetPolicy, CapacityResult> found,
        Map<FleetPolicy, FleetResult> atN,
        int n
    ) {
        return "Simulated:" + System.lineSeparator() + new FleetComparison(found, atN, n).report();
    }

    /**
     * Sweeps the settings the paper leaves open (SLO, think time, prompt length, batch limit; one
     * at a time) and records each policy's capacity; off the UI thread, with progress and cancel.
     */
    public CompletableFuture<Void> runSensitivity() {
        RunInputs in = startRun("Sweeping SLO, think time, prompt length and batch limit…");
        if (in == null) {
            return CompletableFuture.completedFuture(null);
        }
        sensitivity.clear();
        sensitivitySummary.set("");
        List<FleetSensitivity.Setting> grid = FleetSensitivity.defaultGrid(in.scenario());
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        return executor
            .submit(() ->
                FleetSensitivity.run(
                    in.scenario(),
                    grid,
                    in.maxDevices(),
                    in.durationSeconds(),
                    1,
                    in.cancelled()::get,
                    line -> {
                        double fraction = done.incrementAndGet() / (double) grid.size();
                        executor.runOnUi(() -> work.setProgress(fraction));
                    }
                )
            )
            .handle((sweep, error) -> {
                executor.runOnUi(() -> finishSensitivity(sweep, error));
                return null;
            });
    }

    private void finishSensitivity(FleetSensitivity sweep, Throwable error) {
        if (!endRun(error, "Sensitivity sweep")) {
            return;
        }
        sensitivity.setAll(sweep.points());
        sensitivitySummary.set(sensitivitySummaryText(sweep));
        work.end("Sensitivity sweep done (simulated, capacity per setting).");
    }

    /** Where WISP reaches 2× centralised serving, where SLED falls below it, where both hold. */
    static String sensitivitySummaryText(FleetSensitivity sweep) {
        return String.join("\n", sweep.findings());
    }

    /** Sorted samples thinned to at most {@code max} evenly spaced quantiles, in ms. */
    static List<Double> downsample(double[] sortedSeconds, int max) {
        if (sortedSeconds.length == 0) {
            return List.of();
        }
        int n = Math.min(max, sortedSeconds.length);
        List<Double> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int index = (int) Math.round((i * (sortedSeconds.length - 1)) / (double) Math.max(1, n - 1));
            out.add(sortedSeconds[index] * 1000);
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The running simulation or sweep (progress; cancel: it ends at its next check, within a
     * fraction of a second); its message line is the view's status line.
     */
    public BackgroundWork work() {
        return work;
    }

    public ReadOnlyStringProperty scenarioNameProperty() {
        return scenarioName.getReadOnlyProperty();
    }

    /** The SLO and the sweep's limits the user sets. */
    public SweepSettings settings() {
        return settings;
    }

    public ObservableList<DeviceShare> deviceMix() {
        return deviceMix;
    }

    /** Goodput and attainment against N for {@code policy}, in increasing N. */
    public ObservableList<Point> curve(FleetPolicy policy) {
        return curveViews.get(policy);
    }

    /** Capacity of {@code policy} in devices; −1 until known. */
    public ReadOnlyIntegerProperty capacityProperty(FleetPolicy policy) {
        return capacities.get(policy).getReadOnlyProperty();
    }

    /** Sorted time-per-token samples (ms) of {@code policy} at {@link #distributionDevicesProperty()} devices. */
    public ObservableList<Double> tpotDistribution(FleetPolicy policy) {
        return tpotViews.get(policy);
    }

    /** WISP's ratios over the others and SLED's and WISP's wasted drafting (lines of text); "" until known. */
    public ReadOnlyStringProperty comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** Points of the last sensitivity sweep (every setting). */
    public ObservableList<FleetSensitivity.Point> sensitivity() {
        return sensitivityView;
    }

    /** The setting the sensitivity plot shows. */
    public ObjectProperty<FleetSensitivity.Knob> sensitivityKnobProperty() {
        return sensitivityKnob;
    }

    /** Where the paper's picture holds in the last sweep (lines of text); "" until known. */
    public ReadOnlyStringProperty sensitivitySummaryProperty() {
        return sensitivitySummary.getReadOnlyProperty();
    }

    /** The fleet size of the latency distributions (WISP's capacity); 0 until known. */
    public ReadOnlyIntegerProperty distributionDevicesProperty() {
        return distributionDevices.getReadOnlyProperty();
    }
}
