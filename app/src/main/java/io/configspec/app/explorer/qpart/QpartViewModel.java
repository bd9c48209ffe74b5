package io.configspec.app.explorer.qpart;

import io.configspec.app.explorer.concurrent.BackgroundWork;
import io.configspec.app.explorer.concurrent.TaskExecutor;
import io.configspec.engine.qpart.ModelLayersReader;
import io.configspec.engine.qpart.PlannedDrafterMeasurement;
import io.configspec.engine.qpart.PlannedDrafterWorkflow;
import io.configspec.engine.qpart.PlannedDrafters;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.ProfileLibrary;
import io.configspec.model.io.ProfileLoader;
import io.configspec.model.qpart.DeviceThroughput;
import io.configspec.model.qpart.ModelLayers;
import io.configspec.model.qpart.QpartInputException;
import io.configspec.model.qpart.QpartPlan;
import io.configspec.model.qpart.QpartPlanner;
import io.configspec.model.qpart.QpartPlanning;
import io.configspec.model.qpart.QpartProblem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * View model of the planner panel: a drafter (model directory), a profile folder and a device, an
 * acceptance budget Δα; the QPART plan for them (recomputed off the UI thread when the budget
 * moves), and, on request, the planned drafter built and measured against the unquantised one
 * ({@link PlannedDrafterWorkflow}), with cancel. Properties change only on the UI thread.
 */
public final class QpartViewModel {

    /**
     * What a plan is made for.
     *
     * @param modelDirectory the drafter (a model directory)
     * @param profiles the profile folder
     * @param device the device id, one of {@link #devices()}
     * @param budget the acceptance budget Δα
     * @param target the target model the built drafter is measured against
     */
    public record PlanInputs(
        ObjectProperty<Path> modelDirectory,
        ObjectProperty<Path> profiles,
        StringProperty device,
        DoubleProperty budget,
        StringProperty target
    ) {}

    private final TaskExecutor executor;
    private final PlanInputs inputs = new PlanInputs(
        new SimpleObjectProperty<>(this, "modelDirectory"),
        new SimpleObjectProperty<>(this, "profiles"),
        new SimpleStringProperty(this, "device"),
        new SimpleDoubleProperty(this, "budget", 0.02),
        new SimpleStringProperty(this, "target", "target-12l-fp32")
    );
    private final ObservableList<String> devices = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<QpartPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyObjectWrapper<PlannedDrafterWorkflow.Result> built = new ReadOnlyObjectWrapper<>(
        this,
        "built"
    );
    /** The build-and-measure run; its message line is the panel's status line (plans too). */
    private final BackgroundWork work = new BackgroundWork();
    private long planGeneration;
    private QpartProblem problem;
    private ModelLayers layers;

    public QpartViewModel(TaskExecutor executor) {
        this.executor = executor;
    }

    /** What the plan is made for. */
    public PlanInputs inputs() {
        return inputs;
    }

    /** The device ids of the profile folder. */
    public ObservableList<String> devices() {
        return devices;
    }

    /** The plan for the current inputs, or null (none yet, or the inputs cannot be planned for). */
    public ReadOnlyObjectProperty<QpartPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    /** The last planned drafter built and measured, or null. */
    public ReadOnlyObjectProperty<PlannedDrafterWorkflow.Result> builtProperty() {
        return built.getReadOnlyProperty();
    }

    /**
     * The build-and-measure run (cancel stops it at its next step); its message line also says
     * what the current plan predicts, or why there is none.
     */
    public BackgroundWork work() {
        return work;
    }

    /**
     * Loads the device ids of the profile folder (off the UI thread), keeping the device if present;
     * else choosing {@code this-machine}, else the first device whose profile gives a throughput
     * per width (one the planner can plan for), else the first.
     */
    public void loadDevices() {
        Path folder = inputs.profiles().get();
        if (folder == null) {
            return;
        }
        executor
            .submit(() -> {
                ProfileLibrary library = ProfileLoader.load(List.of(folder)).library();
                List<DeviceProfile> all = library
                    .devices()
                    .stream()
                    .sorted(java.util.Comparator.comparing(DeviceProfile::id))
                    .toList();
                String plannable = null;
                for (DeviceProfile d : all) {
                    try {
                        DeviceThroughput.fromProfile(d, library);
                        plannable = d.id();
                        break;
                    } catch (QpartInputException e) {
                        // no drafting measurement of a described drafter: listed, not the default
                    }
                }
                return new Devices(all.stream().map(DeviceProfile::id).toList(), plannable);
            })
            .whenComplete((found, error) ->
                executor.runOnUi(() -> {
                    if (error != null) {
                        work.setMessage(sentence(error));
                        return;
                    }
                    List<String> ids = found.ids();
                    devices.setAll(ids);
                    if (inputs.device().get() == null || !ids.contains(inputs.device().get())) {
                        inputs
                            .device()
                            .set(
                                ids.contains("this-machine")
                                    ? "this-machine"
                                    : found.plannable() != null
                                        ? found.plannable()
                                        : ids.isEmpty()
                                            ? null
                                            : ids.getFirst()
                            );
                    }
                    replan();
                })
            );
    }

    /** The device ids of a profile folder, and the first the planner can plan for (or null). */
    private record Devices(List<String> ids, String plannable) {}

    /** The status line while no drafter folder is chosen. */
    static final String NO_DRAFTER =
        "no drafter chosen: Choose drafter… picks a model folder (./configspec models generate writes the sample family, whose draft-3l-fp32 the tab then opens on)";

    /** Plans for the current inputs off the UI thread; a later call supersedes an earlier one. */
    public void replan() {
        Path model = inputs.modelDirectory().get();
        Path folder = inputs.profiles().get();
        String id = inputs.device().get();
        double delta = inputs.budget().get();
        if (model == null) {
            // Without the sample family the tab opens with no drafter: say what to do, not nothing.
            plan.set(null);
            work.setMessage(NO_DRAFTER);
            return;
        }
        if (folder == null || id == null) {
            return;
        }
        long generation = ++planGeneration;
        executor
            .submit(() -> {
                ModelLayers read = ModelLayersReader.read(model);
                ProfileLibrary library = ProfileLoader.load(List.of(folder)).library();
                QpartProblem p = QpartPlanning.problem(
                    new QpartPlanning.Request(
                        read,
                        id,
                        Optional.empty(),
                        Optional.empty(),
                        new QpartPlanning.Budget.AcceptanceDrop(delta),
                        new TreeSet<>(PlannedDrafters.BUILDABLE_BITS),
                        io.configspec.model.qpart.Channel.DEFAULT_AMORTISED_TOKENS
                    ),
                    library
                );
                return new Object[] { read, p, QpartPlanner.plan(p) };
            })
            .whenComplete((result, error) ->
                executor.runOnUi(() -> {
                    if (generation != planGeneration) {
                        return;
                    }
                    if (error != null) {
                        plan.set(null);
                        work.setMessage(sentence(error));
                        return;
                    }
                    layers = (ModelLayers) result[0];
                    problem = (QpartProblem) result[1];
                    plan.set((QpartPlan) result[2]);
                    work.setMessage(predictedSummary((QpartPlan) result[2]));
                })
            );
    }

    /** Builds the current plan's drafter beside the model and measures it (off the UI thread). */
    public void buildAndMeasure(List<String> prompts) {
        QpartPlan current = plan.get();
        Path model = inputs.modelDirectory().get();
        if (current == null || problem == null || work.isRunning()) {
            return;
        }
        AtomicBoolean cancelled = work.start(
            "building and measuring " + PlannedDrafters.quantizationId(inputs.budget().get()) + "…"
        );
        PlannedDrafterWorkflow.Request request = new PlannedDrafterWorkflow.Request(
            problem,
            current,
            true,
            model,
            model.toAbsolutePath().getParent(),
            PlannedDrafters.quantizationId(inputs.budget().get()),
            true,
            inputs.target().get(),
            prompts,
            32,
            3
        );
        executor
            .submit(() ->
                PlannedDrafterWorkflow.run(request, line -> {
                    if (cancelled.get()) {
                        throw new CancellationException("cancelled");
                    }
                    executor.runOnUi(() -> work.setMessage(line));
                })
            )
            .whenComplete((result, error) ->
                executor.runOnUi(() -> {
                    if (error != null) {
                        work.end(cancelled.get() ? "cancelled" : sentence(error));
                        return;
                    }
                    built.set(result);
                    work.end(measuredSummary(result));
                })
            );
    }

    /** The prompts file next to the models (sample family), if any. */
    public Optional<Path> promptsFile() {
        Path model = inputs.modelDirectory().get();
        if (model == null) {
            return Optional.empty();
        }
        Path prompts = model.toAbsolutePath().getParent().resolve("prompts.txt");
        return Files.isRegularFile(prompts) ? Optional.of(prompts) : Optional.empty();
    }

    /** Predicted device throughput of every layer at 16 bits, tokens/s. */
    public static double referenceTokensPerSecond(QpartPlan plan) {
        return 1 / plan.referenceDeviceSecondsPerToken();
    }

    static String predictedSummary(QpartPlan p) {
        return String.format(
            Locale.ROOT,
            "predicted (QPART, device profile %s): Δα %.4f ≤ %.4f, %.0f tokens/s vs %.0f at fp32 (×%.2f)",
            p.problem().device().deviceId(),
            p.totalDegradation(),
            p.problem().budget(),
            1 / p.deviceSecondsPerToken(),
            referenceTokensPerSecond(p),
            referenceTokensPerSecond(p) > 0
                ? (1 / p.deviceSecondsPerToken()) / referenceTokensPerSecond(p)
                : Double.NaN
        );
    }

    static String measuredSummary(PlannedDrafterWorkflow.Result r) {
        PlannedDrafterMeasurement m = r.measurement();
        return String.format(
            Locale.ROOT,
            "measured on this machine (%d attempts): α %.4f vs %.4f fp32 (drop %.4f), %.0f vs %.0f tokens/s (×%.2f, median of %d passes)",
            r.attempts().size(),
            m.planned().rate(),
            m.reference().rate(),
            m.acceptanceDrop(),
            m.plannedSpeed().tokensPerSecond(),
            m.referenceSpeed().tokensPerSecond(),
            m.speedup(),
            m.plannedSpeed().passes().size()
        );
    }

    private static String sentence(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null
            ? error.getCause()
            : error;
        String message = e.getMessage();
        return message == null
            ? e.getClass().getSimpleName()
            : message.strip().lines().findFirst().orElse("");
    }
}
