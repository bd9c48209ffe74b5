package io.configspec.app.explorer.bench;

import io.configspec.app.explorer.chart.ParetoChart;
import io.configspec.app.explorer.viewmodel.AnalysisService;
import io.configspec.app.explorer.viewmodel.ColourBy;
import io.configspec.app.explorer.viewmodel.Evaluation;
import io.configspec.app.explorer.viewmodel.EvaluationRequest;
import io.configspec.app.explorer.viewmodel.SpaceIndex;
import io.configspec.model.analysis.ConfigurationSpace;
import io.configspec.model.analysis.Objective;
import io.configspec.model.analysis.Scenario;
import io.configspec.model.domain.ProfileLibrary;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.testing.ClonedDevices;
import io.configspec.model.testing.SampleFiles;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DESIGN §9: "slider → new front → chart redrawn ≤ 33 ms for 100,000 configurations".
 *
 * <p>Space: the bundled paper scenario's profiles with its four devices cloned into 240 devices
 * (drafting speeds and power varied ±30 %), K 2–16: 100,800 configurations. One invocation is one
 * slider step of the verification latency (alternating between values so the work is real), done as
 * in the app: on the benchmark thread (a worker) {@link AnalysisService#evaluate} re-evaluates every
 * configuration (reusing the previous-but-one result's arrays), computes the 2-objective front of
 * the chart, the 3-objective front, the four recommendations, K* per device and the chart frame
 * data; then on the FX thread the chart gets the new data and {@link ParetoChart#redrawNow()}
 * rasterises all points and draws axes, front, legend and selection on its 1000 × 600 canvas; the
 * benchmark thread waits for the FX thread to finish. {@code sliderToFramePixels} additionally takes
 * a {@code Canvas.snapshot}, which makes Prism (software pipeline, headless platform) execute the
 * canvas commands into pixels, so the frame really exists as an image. {@code evaluateOnly} is the
 * worker half alone.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {
        "-Xms2g",
        "-Xmx2g",
        "-Dglass.platform=Headless",
        "-Dprism.order=sw",
        "-Djava.awt.headless=true",
        "--enable-native-access=ALL-UNNAMED",
    }
)
public class SliderToFrameBenchmark {

    private ConfigurationSpace space;
    private ScenarioLoader.LoadedScenario cloned;
    private SpaceIndex index;
    private Scenario scenario;
    private final AnalysisService analysis = new AnalysisService();
    private ParetoChart chart;
    private Stage stage;
    private WritableImage image;
    private Evaluation previous;
    private Evaluation current;
    private int step;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path scenarioFile = SampleFiles.paperScenario();
        var loaded = ScenarioLoader.load(scenarioFile);
        scenario = loaded.scenario();
        ProfileLibrary library = cloneDevices(loaded.library(), 60);
        space = ConfigurationSpace.of(library, scenario);
        cloned = new ScenarioLoader.LoadedScenario(
            scenarioFile,
            scenario,
            new io.configspec.model.io.ProfileLoader.LoadedLibrary(library, java.util.Map.of()),
            space
        );
        index = SpaceIndex.of(space);
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        started.await();
        onFx(() -> {
            chart = new ParetoChart();
            stage = new Stage();
            stage.setScene(new Scene(chart, 1000, 600));
            stage.show();
            chart.applyCss();
            chart.layout();
            image = new WritableImage(1000, 600);
            return null;
        });
        current = analysis.evaluate(request(0.5), null);
        if (current.size() < 100_000) {
            throw new IllegalStateException("expected ≥ 100,000 configurations, got " + current.size());
        }
        System.err.println("configurations: " + current.size());
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        onFx(() -> {
            stage.close();
            return null;
        });
    }

    private EvaluationRequest request(double verifySeconds) {
        return new EvaluationRequest(
            cloned,
            index,
            scenario.whatIf().with("verifySeconds", verifySeconds),
            Objective.GOODPUT,
            Objective.TOKENS_PER_DOLLAR,
            ColourBy.DEVICE
        );
    }

    private double nextVerifySeconds() {
        step++;
        return 0.2 + (step % 7) * 0.1;
    }

    /** Worker half plus the FX half, as the app does it; reuses the previous-but-one arrays. */
    private Evaluation slide() {
        Evaluation spare = previous;
        previous = current;
        current = analysis.evaluate(request(nextVerifySeconds()), spare);
        return current;
    }

    @Benchmark
    public long sliderToFrame() throws Exception {
        return slideAndDraw(() -> chart.framesRenderedProperty().get());
    }

    @Benchmark
    public Object sliderToFramePixels() throws Exception {
        return slideAndDraw(() -> chart.canvas().snapshot(null, image));
    }

    /** One slider step evaluated and drawn; then {@code frame} reads the result on the FX thread. */
    private <T> T slideAndDraw(java.util.concurrent.Callable<T> frame) throws Exception {
        Evaluation e = slide();
        return onFx(() -> {
            chart.setData(e.chart());
            chart.redrawNow();
            return frame.call();
        });
    }

    @Benchmark
    public Evaluation evaluateOnly() {
        return slide();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get(30, TimeUnit.SECONDS);
    }

    /** The library with every device cloned {@code copies} times, speeds and power varied. */
    static ProfileLibrary cloneDevices(ProfileLibrary library, int copies) {
        return ClonedDevices.of(
            library,
            copies,
            c -> 0.7 + (0.6 * c) / Math.max(1, copies - 1),
            c -> 1.3 - (0.6 * c) / Math.max(1, copies - 1)
        );
    }
}
