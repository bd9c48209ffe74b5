package io.configspec.app.explorer.view;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.Samples;
import io.configspec.app.explorer.concurrent.BackgroundTaskExecutor;
import io.configspec.app.explorer.viewmodel.AnalysisService;
import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import io.configspec.app.explorer.viewmodel.WorkspaceViewModel;
import io.configspec.app.explorer.workspace.WorkspaceStore;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window at 1366 × 768 keeps every pane on screen whatever the recommendation texts say (item 1). */
@ExtendWith(ApplicationExtension.class)
class WindowLayoutTest {

    @TempDir
    static Path userDir;

    private BackgroundTaskExecutor executor;
    private ExplorerViewModel model;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        executor = new BackgroundTaskExecutor(2);
        model = new ExplorerViewModel(executor, new AnalysisService());
        WorkspaceViewModel workspace = new WorkspaceViewModel(model, new WorkspaceStore(userDir));
        window = new MainWindow(model, workspace, stage, Samples.root().getParent());
        Scene scene = new Scene(window, 1366, 768);
        scene.getStylesheets().add(MainWindow.LIGHT_CSS);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitFor(
            90,
            TimeUnit.SECONDS,
            () -> model.getEvaluation() != null && !model.busyProperty().get()
        );
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSliderMoveThatChangesEveryRecommendationKeepsTheWhatIfPaneChartAndStatusBarOnScreen(FxRobot robot)
        throws Exception {
        robot.interact(() -> model.loadScenario(Samples.paperScenario()));
        settle();
        Slider slider = robot.lookup("#slider-verifySeconds").queryAs(Slider.class);
        // From 0.5 s to 3 s and to the minimum: K* moves on every device and every card changes.
        for (double position : new double[] { 1.0, 0.0 }) {
            robot.interact(() -> slider.setValue(position));
            settle();
        }
        assertTrue(!model.changes().isEmpty(), "the move produced what-moved lines");
        PaneBounds.assertAllInside(robot, window);
    }
}
