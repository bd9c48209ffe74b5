package io.configspec.app.explorer.view;

import io.configspec.app.explorer.Samples;
import io.configspec.app.explorer.concurrent.BackgroundTaskExecutor;
import io.configspec.app.explorer.viewmodel.AnalysisService;
import io.configspec.app.explorer.viewmodel.Evaluation;
import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import io.configspec.app.explorer.viewmodel.WorkspaceViewModel;
import io.configspec.app.explorer.workspace.WorkspaceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.transform.Scale;
import javafx.stage.Stage;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The explorer's main window as the window tests open it: a real {@link ExplorerViewModel} on a
 * background executor, a workspace in the test's own folder, the light theme, at 1366 × 768 (the
 * smallest screen we support) unless a test asks for another size. {@link #settle()} waits on a
 * condition (the evaluation on screen is the one for the current scenario and what-ifs), never
 * for a fixed time, so the tests hold on a loaded machine.
 *
 * <p>Most window tests register it as an extension, which opens a new window (with a new, empty
 * user folder) before each test and closes it after:
 *
 * <pre>{@code
 * @ExtendWith(ApplicationExtension.class)
 * class SomeWindowTest {
 *     @RegisterExtension
 *     final ExplorerWindowFixture f = ExplorerWindowFixture.perTest();
 * }
 * }</pre>
 *
 * A test that sizes the window itself calls {@link #show(Stage, Path, int, int)} and closes it.
 */
public final class ExplorerWindowFixture implements AutoCloseable, BeforeEachCallback, AfterEachCallback {

    /** The smallest supported screen. */
    public static final int WIDTH = 1366;
    public static final int HEIGHT = 768;
    /**
     * The longest wait for an evaluation, s: a quiet machine needs well under a second, but with
     * seven builds sharing two cores one evaluation has taken more than 30 s.
     */
    public static final long SETTLE_SECONDS = 90;
    /** The largest window the headless platform's one screen (1000 × 1000) shows unscaled. */
    private static final int HEADLESS_SCREEN_PIXELS = WIDTH * HEIGHT;

    private Path userDir;
    private Stage stage;
    private BackgroundTaskExecutor executor;
    private ExplorerViewModel model;
    private WorkspaceViewModel workspace;
    private MainWindow window;

    private ExplorerWindowFixture() {}

    /**
     * The window as a JUnit extension (with {@code @RegisterExtension}, in a class that also has
     * TestFX's {@code ApplicationExtension}): before each test a new window at 1366 × 768 on
     * TestFX's stage, its workspace in a new temporary user folder; after each test it is closed and
     * the folder deleted.
     */
    public static ExplorerWindowFixture perTest() {
        return new ExplorerWindowFixture();
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException, TimeoutException {
        Path folder = Files.createTempDirectory("configspec-window-test-");
        Stage primary = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> open(primary, folder, WIDTH, HEIGHT));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
        // Best effort: the executor stops taking work but does not wait, so an autosave still being
        // written may keep a file; a folder left in the temporary directory fails no test.
        try (Stream<Path> paths = Files.walk(userDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // left for the system's temporary-file cleanup
        }
    }

    /** Builds and shows the window at 1366 × 768; call on the FX thread (a {@code @Start} method). */
    public static ExplorerWindowFixture show(Stage stage, Path userDir) {
        return show(stage, userDir, WIDTH, HEIGHT);
    }

    /**
     * Builds and shows the window at {@code width × height}; call on the FX thread. A window larger
     * than the headless screen (full HD) is laid out at its full size and shown at half scale:
     * layout happens at the size asked for, and the robot clicks through the scale.
     */
    public static ExplorerWindowFixture show(Stage stage, Path userDir, int width, int height) {
        ExplorerWindowFixture f = new ExplorerWindowFixture();
        f.open(stage, userDir, width, height);
        return f;
    }

    private void open(Stage stage, Path userDir, int width, int height) {
        this.userDir = userDir;
        this.stage = stage;
        executor = new BackgroundTaskExecutor(2);
        model = new ExplorerViewModel(executor, new AnalysisService());
        workspace = new WorkspaceViewModel(model, new WorkspaceStore(userDir));
        window = new MainWindow(model, workspace, stage, Samples.root().getParent());
        Scene scene;
        if ((long) width * height <= HEADLESS_SCREEN_PIXELS) {
            scene = new Scene(window, width, height);
        } else {
            window.setMinSize(width, height);
            window.setPrefSize(width, height);
            window.setMaxSize(width, height);
            window.getTransforms().setAll(new Scale(0.5, 0.5, 0, 0));
            scene = new Scene(new Group(window), width / 2.0, height / 2.0);
        }
        scene.getStylesheets().add(MainWindow.LIGHT_CSS);
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    /** The folder the window's workspace (autosave, recovery) lives in. */
    public Path userDir() {
        return userDir;
    }

    public Stage stage() {
        return stage;
    }

    public ExplorerViewModel model() {
        return model;
    }

    public WorkspaceViewModel workspace() {
        return workspace;
    }

    public MainWindow window() {
        return window;
    }

    /** Loads {@code scenario} as File › Open scenario does and waits until its chart is drawn. */
    public void load(FxRobot robot, Path scenario) throws TimeoutException {
        robot.interact(() -> model.loadScenario(scenario));
        settle();
    }

    /** The ConfigSpec paper scenario (the one the explorer opens). */
    public void loadPaper(FxRobot robot) throws TimeoutException {
        load(robot, Samples.paperScenario());
    }

    /** Writes a network profile the library must refuse (a negative round trip) into the user folder. */
    public Path writeRefusedNetwork(String fileName) throws IOException {
        return Files.writeString(
            userDir.resolve(fileName),
            "{\"schemaVersion\": 1, \"kind\": \"network\", \"id\": \"x\", \"rttSeconds\": -1}"
        );
    }

    /** Imports {@code file} as File › Import does and waits until the library lists its problem. */
    public void importRefused(FxRobot robot, Path file) throws TimeoutException {
        robot.interact(() -> model.library().importFiles(List.of(file)));
        WaitForAsyncUtils.waitFor(SETTLE_SECONDS, TimeUnit.SECONDS, () ->
            !model.library().problems().isEmpty()
        );
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Waits until the evaluation on screen is the one for the loaded scenario and the current
     * what-ifs, nothing is queued, and the FX queue is drained.
     */
    public void settle() throws TimeoutException {
        try {
            WaitForAsyncUtils.waitFor(SETTLE_SECONDS, TimeUnit.SECONDS, this::settled);
        } catch (TimeoutException e) {
            throw new TimeoutException("not settled after " + SETTLE_SECONDS + " s: " + describe());
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** What the window's model shows now, for a timeout's message. */
    private String describe() {
        Evaluation e = model.getEvaluation();
        return (
            "busy=" +
            model.busyProperty().get() +
            ", status=\"" +
            model.statusProperty().get() +
            "\", what-ifs=" +
            model.whatIf().whatIf() +
            ", on screen=" +
            (e == null
                ? "none"
                : e.request().whatIf() +
                  " (loaded " +
                  (e.request().loaded() == model.loadedProperty().get()) +
                  ")")
        );
    }

    private boolean settled() {
        Evaluation e = model.getEvaluation();
        if (e == null || model.busyProperty().get() || e.request().loaded() != model.loadedProperty().get()) {
            return false;
        }
        // Either the evaluation on screen is the one for the current what-ifs, or the model refused
        // them and said why in the status line (e.g. K beyond the measured 2..10 of the paper's
        // acceptance: the chart keeps the last evaluation). A published evaluation's status ends
        // "… on the front".
        return (
            e.request().whatIf().equals(model.whatIf().whatIf()) ||
            !String.valueOf(model.statusProperty().get()).endsWith(" on the front")
        );
    }

    /**
     * Waits until {@code condition}, evaluated on the FX thread, holds (a node drawn, a dialog
     * open): condition-based, so a slow machine only makes it wait longer.
     */
    public static void awaitFx(java.util.function.BooleanSupplier condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(SETTLE_SECONDS, TimeUnit.SECONDS, () ->
            WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get()
        );
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits until a node matching {@code query} is in a showing window and visible. */
    public static void awaitNode(FxRobot robot, String query) throws TimeoutException {
        awaitFx(() ->
            robot
                .lookup(query)
                .tryQuery()
                .filter(n -> n.isVisible() && n.getScene() != null && n.getScene().getWindow().isShowing())
                .isPresent()
        );
    }

    /** Waits until the chart has drawn {@code row} and returns its position on the canvas. */
    public double[] awaitPoint(int row) throws TimeoutException {
        double[][] at = new double[1][];
        awaitFx(() -> (at[0] = window.chartPane().chart().screenPosition(row)) != null);
        return at[0];
    }

    /** Stops the background executor (nothing to stop when no window was opened). */
    @Override
    public void close() {
        if (executor != null) {
            executor.close();
        }
    }
}
