package io.configspec.app.explorer.qpart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.Samples;
import io.configspec.app.explorer.concurrent.BackgroundTaskExecutor;
import io.configspec.app.explorer.view.MainWindow;
import io.configspec.app.explorer.viewmodel.AnalysisService;
import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import io.configspec.app.explorer.viewmodel.WorkspaceViewModel;
import io.configspec.app.explorer.workspace.WorkspaceStore;
import io.configspec.app.testing.QpartFixtures;
import io.configspec.engine.samplemodels.SampleFamily;
import io.configspec.model.qpart.QpartPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The QPART tab as a user drives it in the explorer at 1366 × 768 (issue 12): open the tab on a
 * generated sample family, pick a device, step the budget down with the keyboard (the plan never
 * loses bits as it tightens, and its predicted Δα stays within the budget), start a build and
 * cancel it, then build and measure to the end; the Build/Cancel row and the status stay inside
 * the window throughout.
 */
@ExtendWith(ApplicationExtension.class)
class QpartJourneyTest {

    private static final int WIDTH = 1366;
    private static final int HEIGHT = 768;

    @TempDir
    Path home;

    @TempDir
    Path userDir;

    private final FxRobot robot = new FxRobot();
    private BackgroundTaskExecutor executor;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() {
        if (executor != null) executor.close();
    }

    /** A home with the bundled profiles and a generated, calibrated sample family. */
    private void prepareHome() throws Exception {
        Path profiles = Samples.root().resolve("profiles");
        try (Stream<Path> files = Files.walk(profiles)) {
            for (Path p : files.toList()) {
                Path to = home.resolve("samples/profiles").resolve(profiles.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        Path models = home.resolve("samples/models");
        SampleFamily.generate(models, SampleFamily.Spec.defaults());
        // Acceptance with one layer at 4 bits, as measured on the build machine (docs/benchmarks.md).
        Map<String, double[]> layers = new LinkedHashMap<>();
        layers.put("block 0", new double[] { 1, 0.9362 - 0.1576 });
        layers.put("block 1", new double[] { 1, 0.9362 - 0.0182 });
        layers.put("block 2", new double[] { 1, 0.9362 - 0.0039 });
        layers.put("head", new double[] { 1, 0.9362 - 0.0365 });
        QpartFixtures.calibrate(
            models.resolve("draft-3l-fp32"),
            "draft-3l-fp32",
            "target-12l-fp32",
            0.9362,
            layers
        );
    }

    private QpartPane open() throws Exception {
        robot.interact(() -> {
            executor = new BackgroundTaskExecutor(2);
            ExplorerViewModel model = new ExplorerViewModel(executor, new AnalysisService());
            WorkspaceViewModel workspace = new WorkspaceViewModel(model, new WorkspaceStore(userDir));
            MainWindow window = new MainWindow(model, workspace, stage, home);
            Scene scene = new Scene(window, WIDTH, HEIGHT);
            scene.getStylesheets().add(MainWindow.LIGHT_CSS);
            stage.setScene(scene);
            stage.sizeToScene();
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("QPART planner");
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#qpart-pane").queryAs(QpartPane.class);
    }

    /** Waits for a plan of {@code budget} (replans run on a background thread). */
    private QpartPlan planAt(QpartPane pane, double budget) throws Exception {
        // Generous: planning is milliseconds, but the shared build machine can be many times loaded.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            QpartPlan plan = pane.model().planProperty().get();
            return plan != null && Math.abs(plan.problem().budget() - budget) < 1e-9;
        });
        WaitForAsyncUtils.waitForFxEvents();
        return pane.model().planProperty().get();
    }

    private void assertInsideTheWindow(String id) {
        robot.interact(() -> {
            Node node = robot.lookup(id).query();
            Bounds b = node.localToScene(node.getLayoutBounds());
            Scene scene = node.getScene();
            assertTrue(node.isVisible(), id);
            assertTrue(b.getHeight() > 0 && b.getWidth() > 0, id + " " + b);
            assertTrue(
                b.getMinX() >= 0 &&
                    b.getMinY() >= 0 &&
                    b.getMaxX() <= scene.getWidth() &&
                    b.getMaxY() <= scene.getHeight(),
                id + " at " + b + " outside " + scene.getWidth() + " × " + scene.getHeight()
            );
        });
    }

    @Test
    void planStepTheBudgetDownCancelABuildThenBuildAndMeasure() throws Exception {
        prepareHome();
        QpartPane pane = open();
        assertTrue(pane.model().inputs().modelDirectory().get().endsWith("draft-3l-fp32"));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () ->
            pane.model().devices().contains("laptop-x86-64")
        );
        ComboBox<?> device = robot.lookup("#qpart-device").queryAs(ComboBox.class);
        // Choosing from the drop-down list is JavaFX's own behaviour; the journey checks what follows.
        robot.interact(() -> pane.model().inputs().device().set("laptop-x86-64"));
        assertEquals("laptop-x86-64", device.getValue());

        QpartPlan plan = planAt(pane, 0.02);
        BarChart<?, ?> chart = robot.lookup("#qpart-bits-chart").queryAs(BarChart.class);
        assertEquals(4, chart.getData().getFirst().getData().size(), "three blocks and the head");
        assertTrue(plan.totalDegradation() <= 0.02);
        assertInsideTheWindow("#qpart-build");
        assertInsideTheWindow("#qpart-status");

        // Four presses of ← take the budget from 0.02 to 0 in steps of 0.005.
        Slider budget = robot.lookup("#qpart-budget").queryAs(Slider.class);
        robot.interact(budget::requestFocus);
        QpartPlan looser = plan;
        for (int step = 1; step <= 4; step++) {
            robot.type(KeyCode.LEFT);
            double expected = Math.round((0.02 - 0.005 * step) * 1000) / 1000.0;
            QpartPlan tighter = planAt(pane, expected);
            assertTrue(tighter.totalDegradation() <= expected, "within " + expected);
            assertTrue(tighter.weightBits() >= looser.weightBits(), "no fewer bits at " + expected);
            assertTrue(tighter.secondsPerToken() >= looser.secondsPerToken(), "no faster at " + expected);
            looser = tighter;
        }
        assertTrue(
            java.util.Arrays.stream(looser.bits()).allMatch(b -> b == 16),
            "Δα 0: every layer at 16 bits"
        );
        for (int step = 0; step < 4; step++) {
            robot.type(KeyCode.RIGHT);
        }
        planAt(pane, 0.02);

        // Start a build and cancel it.
        robot.clickOn("#qpart-build");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(pane.model().work().runningProperty().get());
        robot.clickOn("#qpart-cancel");
        // The build stops at its next step; model writing and reference decoding take seconds, more under load.
        WaitForAsyncUtils.waitFor(180, TimeUnit.SECONDS, () -> !pane.model().work().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("cancelled", pane.model().work().messageProperty().get());

        // Build and measure to the end.
        robot.clickOn("#qpart-build");
        // Budget-checked builds, acceptance over the sample prompts and three timed passes per drafter:
        // about a minute quiet, several under the team's load.
        WaitForAsyncUtils.waitFor(480, TimeUnit.SECONDS, () -> !pane.model().work().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Label status = robot.lookup("#qpart-status").queryAs(Label.class);
        assertTrue(status.getText().startsWith("measured on this machine"), status.getText());
        var built = pane.model().builtProperty().get();
        assertTrue(built.measurement().acceptanceDrop() <= 0.02, status.getText());
        assertNotEquals(0, built.measurement().plannedSpeed().tokensPerSecond());
        assertFalse(status.getText().isBlank());
        assertInsideTheWindow("#qpart-build");
        assertInsideTheWindow("#qpart-status");
    }
}
