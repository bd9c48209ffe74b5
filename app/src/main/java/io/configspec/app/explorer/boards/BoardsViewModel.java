package io.configspec.app.explorer.boards;

import io.configspec.app.explorer.concurrent.BackgroundWork;
import io.configspec.app.explorer.concurrent.TaskExecutor;
import io.configspec.engine.agent.AgentClient;
import io.configspec.engine.agent.AgentInfo;
import io.configspec.engine.agent.JobState;
import io.configspec.engine.agent.JobStatus;
import io.configspec.engine.measure.MeasuredProfiles;
import io.configspec.engine.measure.ProfilingRequest;
import io.configspec.engine.measure.ProfilingResult;
import io.configspec.engine.sensors.SensorSnapshot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the Boards view (MVVM): the connection to a board agent (or to this machine through an
 * in-process one), the live sensor figures the dashboard tiles show, and a profiling run with
 * progress and cancel whose measured profile goes to a {@link MeasuredProfileSink}.
 *
 * <p>Threading: network calls run through the {@link TaskExecutor} (and a small scheduler for
 * polling and reconnecting); every property changes on the UI thread via {@link
 * TaskExecutor#runOnUi}. Streamed readings are coalesced: however fast they arrive, at most one UI
 * update is pending at a time and it shows the latest reading.
 */
public final class BoardsViewModel implements AutoCloseable {

    /** What a run profiles. */
    public enum RunKind {
        DRAFTER,
        TWIN,
    }

    /** How a user got the power figures they enter for a board without a power sensor. */
    public enum PowerOrigin {
        /** Read from an external meter: recorded as measured (by the user). */
        METER("Read from a power meter"),
        /** An estimate (data sheet, a similar board): recorded as illustrative. */
        ESTIMATE("Estimated");

        private final String label;

        PowerOrigin(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * The connection form: the agent's host and port (text as typed), its token, and whether the
     * token is remembered with the host and port.
     */
    public record ConnectionForm(
        StringProperty host,
        StringProperty port,
        StringProperty token,
        BooleanProperty rememberToken
    ) {}

    /**
     * The run form: a drafter by name or a twin preset at a precision, the target it drafts for
     * (blank: the board's default) and the range of K to measure.
     */
    public record RunSettings(
        ObjectProperty<RunKind> kind,
        StringProperty drafter,
        StringProperty twinPreset,
        StringProperty precision,
        StringProperty target,
        IntegerProperty kMin,
        IntegerProperty kMax
    ) {}

    /**
     * The power a user enters for a board without a power sensor.
     *
     * @param draftingWatts drafting power, W (text as typed)
     * @param idleWatts idle power, W (text as typed; blank = the drafting power)
     * @param origin how the user got the figures
     * @param note the meter's name, or what the estimate is based on
     */
    public record PowerEntry(
        StringProperty draftingWatts,
        StringProperty idleWatts,
        ObjectProperty<PowerOrigin> origin,
        StringProperty note
    ) {}

    /** Readings kept for the sparklines. */
    public static final int HISTORY = 120;
    /** Readings per second requested from the agent. */
    public static final double STREAM_HZ = 5;

    /** Starts an in-process agent for "this machine". */
    @FunctionalInterface
    public interface LocalBoardFactory {
        LocalBoard start() throws Exception;
    }

    private final TaskExecutor executor;
    private final BoardSettingsStore store;
    private final MeasuredProfileSink sink;
    private final Path measuredDirectory;
    private final LocalBoardFactory localFactory;
    private final java.util.function.Supplier<io.configspec.model.domain.ProfileLibrary> library;

    private final ConnectionForm connection = new ConnectionForm(
        new SimpleStringProperty(),
        new SimpleStringProperty(),
        new SimpleStringProperty(),
        new SimpleBooleanProperty(true)
    );
    private final RunSettings runSettings = new RunSettings(
        new SimpleObjectProperty<>(RunKind.DRAFTER),
        new SimpleStringProperty("draft-1l-int8"),
        new SimpleStringProperty("qwen2.5-0.5b"),
        new SimpleStringProperty("int8"),
        new SimpleStringProperty(""),
        new SimpleIntegerProperty(1),
        new SimpleIntegerProperty(8)
    );

    private final ReadOnlyObjectWrapper<ConnectionState> state = new ReadOnlyObjectWrapper<>(
        ConnectionState.DISCONNECTED
    );
    private final ReadOnlyStringWrapper statusMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper boardDescription = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper powerDescription = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<BoardReadings> readings = new ReadOnlyObjectWrapper<>(
        BoardReadings.NONE
    );
    private final ObservableList<Double> wattsHistory = FXCollections.observableArrayList();
    private final BackgroundWork work = new BackgroundWork();
    private final ReadOnlyObjectWrapper<ProfilingResult> lastResult = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper lastProfileFile = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper powerNeeded = new ReadOnlyBooleanWrapper(false);
    private final PowerEntry powerEntry = new PowerEntry(
        new SimpleStringProperty(""),
        new SimpleStringProperty(""),
        new SimpleObjectProperty<>(PowerOrigin.METER),
        new SimpleStringProperty("")
    );
    private final ReadOnlyStringWrapper powerMessage = new ReadOnlyStringWrapper("");
    /** Power the user gave per board name (boards without a sensor), applied to later runs too. */
    private final Map<String, MeasuredProfiles.UserPower> userPower = new ConcurrentHashMap<>();

    private final AtomicReference<SensorSnapshot> pendingReading = new AtomicReference<>();
    private final AtomicBoolean readingScheduled = new AtomicBoolean();
    private volatile AgentClient client;
    private volatile AgentClient.Stream stream;
    private volatile boolean wantConnected;
    private volatile String jobId;
    private volatile LocalBoard local;
    /**
     * Counts connects and disconnects: work scheduled for an older connection (a reconnect, a
     * poll, a stream's end) sees a newer number and does nothing. Read on worker threads.
     */
    private final AtomicInteger generation = new AtomicInteger();
    private volatile boolean closed;
    private final AtomicBoolean polling = new AtomicBoolean();

    /**
     * @param measuredDirectory where measured profiles are written (one subdirectory per board and drafter)
     */
    public BoardsViewModel(
        TaskExecutor executor,
        BoardSettingsStore store,
        MeasuredProfileSink sink,
        Path measuredDirectory,
        LocalBoardFactory localFactory
    ) {
        this(executor, store, sink, measuredDirectory, localFactory, () -> null);
    }

    /**
     * @param library the library the measured profiles will join (models it already has are not
     *     repeated; twins are recorded under its quantisation names), or a supplier of null
     */
    public BoardsViewModel(
        TaskExecutor executor,
        BoardSettingsStore store,
        MeasuredProfileSink sink,
        Path measuredDirectory,
        LocalBoardFactory localFactory,
        java.util.function.Supplier<io.configspec.model.domain.ProfileLibrary> library
    ) {
        this.library = library;
        this.executor = executor;
        this.store = store;
        this.sink = sink;
        this.measuredDirectory = measuredDirectory;
        this.localFactory = localFactory;
        BoardSettings saved = store.load();
        connection.host().set(saved.host());
        connection.port().set(Integer.toString(saved.port()));
        connection.token().set(saved.token());
    }

    // ------------------------------------------------------------------ inputs

    /** Where measured profiles are written (one subdirectory per board). */
    public Path measuredDirectory() {
        return measuredDirectory;
    }

    /** The connection form. */
    public ConnectionForm connection() {
        return connection;
    }

    /** The run form. */
    public RunSettings runSettings() {
        return runSettings;
    }

    /** The power entry for a board without a power sensor. */
    public PowerEntry powerEntry() {
        return powerEntry;
    }

    // ------------------------------------------------------------------ outputs

    public ReadOnlyObjectProperty<ConnectionState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusMessageProperty() {
        return statusMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty boardDescriptionProperty() {
        return boardDescription.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty powerDescriptionProperty() {
        return powerDescription.getReadOnlyProperty();
    }

    /** The dashboard's live figures (board sensors, the run's speed and energy). */
    public ReadOnlyObjectProperty<BoardReadings> readingsProperty() {
        return readings.getReadOnlyProperty();
    }

    /** Recent board power readings (W), oldest first, at most {@link #HISTORY}. */
    public ObservableList<Double> wattsHistory() {
        return FXCollections.unmodifiableObservableList(wattsHistory);
    }

    /** The profiling run: running, its progress and what it does or how it ended. */
    public BackgroundWork work() {
        return work;
    }

    public ReadOnlyObjectProperty<ProfilingResult> lastResultProperty() {
        return lastResult.getReadOnlyProperty();
    }

    /** The device profile file of the last finished run, or empty. */
    public ReadOnlyStringProperty lastProfileFileProperty() {
        return lastProfileFile.getReadOnlyProperty();
    }

    /** Whether the last run's board has no power sensor, so the user may enter its power. */
    public ReadOnlyBooleanProperty powerNeededProperty() {
        return powerNeeded.getReadOnlyProperty();
    }

    /** What became of the last power entry (or why it was refused). */
    public ReadOnlyStringProperty powerMessageProperty() {
        return powerMessage.getReadOnlyProperty();
    }

    // ------------------------------------------------------------------ actions

    /** Connects to the agent at host:port with the token; remembers them. */
    public void connect() {
        int p;
        try {
            p = Integer.parseInt(connection.port().get().strip());
        } catch (NumberFormatException | NullPointerException e) {
            statusMessage.set("Port must be a number from 1 to 65535.");
            return;
        }
        if (p < 1 || p > 65535) {
            statusMessage.set("Port must be a number from 1 to 65535.");
            return;
        }
        String h = connection.host().get() == null ? "" : connection.host().get().strip();
        if (h.isEmpty()) {
            statusMessage.set("Enter the board's host name or address.");
            return;
        }
        String t = connection.token().get() == null ? "" : connection.token().get().strip();
        if (t.isEmpty()) {
            statusMessage.set("Enter the token the agent printed when it started.");
            return;
        }
        closeConnection();
        wantConnected = true;
        int myGeneration = generation.incrementAndGet();
        state.set(ConnectionState.CONNECTING);
        statusMessage.set("Connecting to " + h + ":" + p + "…");
        BoardSettings settings = new BoardSettings(h, p, connection.rememberToken().get() ? t : "");
        boolean isLocal = local != null && h.equals("127.0.0.1") && p == local.settings().port();
        AgentClient newClient = new AgentClient(h, p, t);
        background(
            () -> {
                if (!isLocal) {
                    store.save(settings);
                }
                return newClient.info();
            },
            info -> {
                if (myGeneration != generation.get()) {
                    newClient.close();
                    return;
                }
                client = newClient;
                connected(info);
                startStream();
            },
            failure -> {
                newClient.close();
                if (myGeneration == generation.get()) {
                    wantConnected = false;
                    state.set(ConnectionState.DISCONNECTED);
                    statusMessage.set(message(failure));
                }
            }
        );
    }

    /** Profiles this machine: starts an in-process agent and connects to it. */
    public void connectToThisMachine() {
        statusMessage.set(
            "Starting the local agent (the first time it also generates the sample models: about half a minute)…"
        );
        background(
            () -> {
                if (local == null) {
                    local = localFactory.start();
                }
                return local.settings();
            },
            settings -> {
                connection.host().set(settings.host());
                connection.port().set(Integer.toString(settings.port()));
                connection.token().set(settings.token());
                connect();
            },
            failure -> statusMessage.set("Cannot start the local agent: " + message(failure))
        );
    }

    /** Closes the connection (a running job on the board carries on). */
    public void disconnect() {
        wantConnected = false;
        generation.incrementAndGet();
        closeConnection();
        state.set(ConnectionState.DISCONNECTED);
        statusMessage.set("Disconnected.");
    }

    /** Starts a profiling run on the connected board with the run settings. */
    public void startRun() {
        AgentClient c = client;
        if (c == null || state.get() != ConnectionState.CONNECTED) {
            statusMessage.set("Connect to a board first.");
            return;
        }
        if (work.isRunning()) {
            return;
        }
        ProfilingRequest request;
        try {
            request = request();
        } catch (IllegalArgumentException e) {
            work.setMessage(e.getMessage());
            return;
        }
        work.start("Starting " + request.drafterLabel() + "…");
        readings.set(readings.get().withRun(Double.NaN, Double.NaN));
        background(
            () -> c.startJob(request),
            status -> {
                jobId = status.id();
                pollJob();
            },
            failure -> work.end(message(failure))
        );
    }

    /** Asks the board to cancel the running profiling job. */
    public void cancelRun() {
        AgentClient c = client;
        String id = jobId;
        if (c == null || id == null) {
            return;
        }
        work.setMessage("Cancelling…");
        background(() -> c.cancelJob(id), status -> {}, failure -> work.setMessage(message(failure)));
    }

    /** The request the run settings describe (K from kMin to kMax, context 32). */
    ProfilingRequest request() {
        int lo = Math.max(1, runSettings.kMin().get());
        int hi = Math.max(lo, runSettings.kMax().get());
        List<Integer> ks = new ArrayList<>();
        for (int k = lo; k <= hi && ks.size() < 16; k++) {
            ks.add(k);
        }
        String target = runSettings.target().get();
        String t = target == null || target.isBlank() ? null : target.strip();
        ProfilingRequest base = runSettings.kind().get() == RunKind.TWIN
            ? ProfilingRequest.forTwin(
                  runSettings.twinPreset().get().strip().toLowerCase(Locale.ROOT),
                  runSettings.precision().get().strip().toLowerCase(Locale.ROOT),
                  null
              )
            : ProfilingRequest.forDrafter(runSettings.drafter().get().strip());
        return base.withKValues(ks).withTarget(t).withRounds(1, 6, 3).withIdleSeconds(1.0);
    }

    // ------------------------------------------------------------------ internals

    private void connected(AgentInfo info) {
        var b = info.board();
        boardDescription.set(
            b.boardName() +
                " · " +
                b.cpuCores() +
                " × " +
                b.cpuModel() +
                " · " +
                String.format(Locale.ROOT, "%.1f GiB", b.memoryTotalBytes() / 1073741824.0)
        );
        powerDescription.set(
            info.powerSources().isEmpty()
                ? "No power sensor: power and energy are not measured on this board."
                : info.powerSources().getFirst().id() + ": " + info.powerSources().getFirst().description()
        );
        statusMessage.set("Connected to " + b.boardName() + ".");
        // Last: whoever watches the state (a view, a test on another thread) sees the board's
        // description and power source already set.
        state.set(ConnectionState.CONNECTED);
        if (info.runningJob() != null && (jobId == null || jobId.equals(info.runningJob()))) {
            jobId = info.runningJob();
            work.resume();
            pollJob();
        }
    }

    private void startStream() {
        AgentClient c = client;
        if (c == null) {
            return;
        }
        int myGeneration = generation.get();
        stream = c.stream(STREAM_HZ, 0, this::onReading, failure ->
            executor.runOnUi(() -> streamEnded(myGeneration, failure))
        );
    }

    private void onReading(SensorSnapshot snapshot) {
        pendingReading.set(snapshot);
        if (readingScheduled.compareAndSet(false, true)) {
            executor.runOnUi(() -> {
                readingScheduled.set(false);
                SensorSnapshot latest = pendingReading.get();
                if (latest != null) {
                    apply(latest);
                }
            });
        }
    }

    private void apply(SensorSnapshot s) {
        // the history first: whoever sees a reading on a tile finds it in the history too
        if (!Double.isNaN(s.powerWatts())) {
            wattsHistory.add(s.powerWatts());
            if (wattsHistory.size() > HISTORY) {
                wattsHistory.remove(0, wattsHistory.size() - HISTORY);
            }
        }
        readings.set(readings.get().withSensors(s));
    }

    private void streamEnded(int streamGeneration, Throwable failure) {
        if (streamGeneration != generation.get() || !wantConnected) {
            return;
        }
        state.set(ConnectionState.LOST);
        statusMessage.set(
            "Connection lost (" +
                (failure == null ? "the agent closed the stream" : message(failure)) +
                "); reconnecting…"
        );
        scheduleReconnect(streamGeneration, 500);
    }

    private void scheduleReconnect(int myGeneration, long delayMillis) {
        AgentClient c = client;
        if (c == null || closed) {
            return;
        }
        executor
            .submitAfter(Duration.ofMillis(delayMillis), () -> {
                if (myGeneration != generation.get() || !wantConnected) {
                    return null;
                }
                return c.info();
            })
            .whenComplete((info, failure) -> {
                if (myGeneration != generation.get() || !wantConnected) {
                    return;
                }
                if (failure != null) {
                    scheduleReconnect(myGeneration, Math.min(5000, delayMillis * 2));
                    return;
                }
                executor.runOnUi(() -> {
                    if (myGeneration == generation.get() && wantConnected) {
                        connected(info);
                        startStream();
                    }
                });
            });
    }

    /** Starts polling the current job unless a poll loop is already running. */
    private void pollJob() {
        if (polling.compareAndSet(false, true)) {
            pollJob(generation.get(), 250);
        }
    }

    private void pollJob(int myGeneration, long delayMillis) {
        String id = jobId;
        AgentClient c = client;
        if (id == null || c == null || closed || myGeneration != generation.get()) {
            // Finished, or disconnected: a later connection starts its own loop.
            polling.set(false);
            return;
        }
        executor
            .submitAfter(Duration.ofMillis(delayMillis), () -> c.job(id))
            .whenComplete((status, failure) -> {
                if (failure != null) {
                    // Lost connection: keep polling; the job runs on the board regardless.
                    pollJob(myGeneration, 1000);
                    return;
                }
                executor.runOnUi(() -> {
                    jobUpdated(status);
                    pollJob(myGeneration, 250);
                });
            });
    }

    private void jobUpdated(JobStatus status) {
        if (!status.id().equals(jobId)) {
            return;
        }
        work.setProgress(status.progress());
        work.setMessage(status.message());
        BoardReadings now = readings.get();
        readings.set(
            now.withRun(
                Double.isNaN(status.liveTokensPerSecond())
                    ? now.tokensPerSecond()
                    : status.liveTokensPerSecond(),
                Double.isNaN(status.liveJoulesPerToken()) ? now.joulesPerToken() : status.liveJoulesPerToken()
            )
        );
        if (!status.state().finished()) {
            return;
        }
        jobId = null;
        if (status.state() != JobState.SUCCEEDED) {
            work.end(status.state() == JobState.CANCELLED ? "Cancelled." : "Failed: " + status.message());
            return;
        }
        work.end(status.message());
        ProfilingResult result = ProfilingResult.fromJson(status.result());
        lastResult.set(result);
        readings.set(readings.get().withRun(result.fit().tokensPerSecond(), result.joulesPerToken()));
        powerNeeded.set(!result.hasPower());
        writeProfiles(result, false);
    }

    /**
     * Writes the board's measured profiles (every drafter measured on it so far) with the power
     * the user gave, if any, and hands them to the sink.
     *
     * @param powerOnly whether only the power changed (the message says so)
     */
    private void writeProfiles(ProfilingResult result, boolean powerOnly) {
        io.configspec.model.domain.ProfileLibrary known = library.get();
        String boardName = result.board().boardName();
        Path dir = measuredDirectory.resolve(MeasuredProfiles.slug(boardName));
        MeasuredProfiles.Options options = MeasuredProfiles.Options.forBoard(boardName);
        MeasuredProfiles.UserPower power = userPower.get(boardName);
        if (power != null) {
            options = options.withUserPower(power);
        }
        MeasuredProfiles.Options chosen = options;
        background(
            () ->
                powerOnly
                    ? MeasuredProfiles.rewrite(dir, boardName, known, chosen)
                    : MeasuredProfiles.writeAccumulating(dir, result, known, chosen),
            files -> {
                lastProfileFile.set(files.getLast().toString());
                String powerNote = result.hasPower()
                    ? ""
                    : power != null
                        ? " Power as you gave it (" + power.provenance().label() + ")."
                        : " Power not measured (no power sensor): energy for this board reads \"not measured\"; enter a measured or estimated power below.";
                work.setMessage(
                    (powerOnly
                            ? "Power saved; profile rewritten to " + files.getLast() + "."
                            : String.format(
                                  Locale.ROOT,
                                  "Done: %.1f tokens/s measured; profile saved to %s.",
                                  result.fit().tokensPerSecond(),
                                  files.getLast()
                              )) +
                        powerNote
                );
                sink.accept(result, files);
            },
            failure -> work.setMessage("Measured, but the profile could not be saved: " + message(failure))
        );
    }

    /**
     * Records the drafting and idle power the user entered for the board of the last run (which
     * has no power sensor) with how they got it, and rewrites its profiles with them. A bad entry
     * is explained in {@link #powerMessageProperty()} and changes nothing.
     */
    public void savePower() {
        ProfilingResult result = lastResult.get();
        if (result == null) {
            powerMessage.set("Profile the board first; the power is recorded with its measurement.");
            return;
        }
        if (result.hasPower()) {
            powerMessage.set("This board's power was measured by its sensor; nothing to enter.");
            return;
        }
        double drafting;
        double idle;
        try {
            drafting = watts("Drafting power", powerEntry.draftingWatts().get(), false);
            idle = powerEntry.idleWatts().get() == null || powerEntry.idleWatts().get().isBlank()
                ? drafting
                : watts("Idle power", powerEntry.idleWatts().get(), true);
        } catch (IllegalArgumentException e) {
            powerMessage.set(e.getMessage());
            return;
        }
        MeasuredProfiles.UserPower power = powerEntry.origin().get() == PowerOrigin.METER
            ? MeasuredProfiles.UserPower.metered(
                  drafting,
                  idle,
                  powerEntry.note().get(),
                  java.time.LocalDate.now()
              )
            : MeasuredProfiles.UserPower.estimated(drafting, idle, powerEntry.note().get());
        userPower.put(result.board().boardName(), power);
        powerMessage.set(
            String.format(
                Locale.ROOT,
                "Power recorded: drafting %s W, idle %s W, %s.",
                plain(drafting),
                plain(idle),
                power.provenance().label()
            )
        );
        writeProfiles(result, true);
    }

    private static double watts(String what, String text, boolean zeroAllowed) {
        double value;
        try {
            value = Double.parseDouble(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                what +
                    " must be a number of watts, e.g. 5.2; \"" +
                    (text == null ? "" : text.strip()) +
                    "\" is not."
            );
        }
        if (!Double.isFinite(value) || value < 0 || (!zeroAllowed && value == 0)) {
            throw new IllegalArgumentException(
                what +
                    " must be " +
                    (zeroAllowed ? "zero or more" : "more than zero") +
                    " watts, was " +
                    plain(value) +
                    "."
            );
        }
        return value;
    }

    private static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private void closeConnection() {
        AgentClient.Stream s = stream;
        stream = null;
        if (s != null) {
            s.close();
        }
        AgentClient c = client;
        client = null;
        if (c != null) {
            c.close();
        }
    }

    private <T> void background(
        Callable<T> work,
        java.util.function.Consumer<T> onSuccess,
        java.util.function.Consumer<Throwable> onFailure
    ) {
        executor
            .submit(work)
            .whenComplete((value, failure) ->
                executor.runOnUi(() -> {
                    if (failure != null) {
                        onFailure.accept(
                            failure instanceof java.util.concurrent.CompletionException &&
                                    failure.getCause() != null
                                ? failure.getCause()
                                : failure
                        );
                    } else {
                        onSuccess.accept(value);
                    }
                })
            );
    }

    private static String message(Throwable failure) {
        String m = failure.getMessage();
        return m == null || m.isBlank() ? failure.getClass().getSimpleName() : m;
    }

    @Override
    public void close() {
        closed = true;
        wantConnected = false;
        generation.incrementAndGet();
        closeConnection();
        LocalBoard l = local;
        local = null;
        if (l != null) {
            l.close();
        }
    }
}
