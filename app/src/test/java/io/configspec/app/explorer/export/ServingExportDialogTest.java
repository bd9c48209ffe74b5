package io.configspec.app.explorer.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.Samples;
import io.configspec.app.explorer.concurrent.BackgroundTaskExecutor;
import io.configspec.app.explorer.view.MainWindow;
import io.configspec.app.explorer.viewmodel.AnalysisService;
import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import io.configspec.app.explorer.viewmodel.RecommendationKind;
import io.configspec.app.explorer.viewmodel.WorkspaceViewModel;
import io.configspec.app.explorer.workspace.WorkspaceStore;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
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
 * A user selects a point on the Pareto chart and exports it for serving: a vLLM command in two
 * clicks (open, copy) and a llama-server command in three (open, llama.cpp, copy), each checked
 * on the clipboard.
 */
@ExtendWith(ApplicationExtension.class)
class ServingExportDialogTest {

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

    private int selectTheBestGoodputPointByClickingIt(FxRobot robot) throws Exception {
        robot.interact(() -> model.loadScenario(Samples.paperScenario()));
        WaitForAsyncUtils.waitFor(
            90, // as the other window tests: a loaded CI machine can take more than 30 s
            TimeUnit.SECONDS,
            () -> model.getEvaluation() != null && !model.busyProperty().get()
        );
        WaitForAsyncUtils.waitForFxEvents();
        var chart = window.chartPane().chart();
        int best = model.getEvaluation().recommendedRow(RecommendationKind.BEST_GOODPUT);
        double[] at = chart.screenPosition(best);
        assertNotNull(at, "the best-goodput point is drawn");
        Point2D screen = chart.canvas().localToScreen(at[0], at[1]);
        robot.clickOn(screen);
        WaitForAsyncUtils.waitForFxEvents();
        int selected = model.selectedRowProperty().get();
        assertEquals(chart.rowAt(at[0], at[1]), selected, "the click selects the point under it");
        return selected;
    }

    private static String clipboard(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        return text[0];
    }

    @Test
    void vllmAndLlamaServerCommandsForTheSelectedPointReachTheClipboard(FxRobot robot) throws Exception {
        int row = selectTheBestGoodputPointByClickingIt(robot);
        int k = model.getEvaluation().space().k(row);
        var c = model.getEvaluation().space().combination(row);

        robot.clickOn("#export-for-serving"); // 1
        robot.clickOn("#export-copy"); // 2
        String vllm = clipboard(robot);
        assertTrue(vllm.startsWith("# vLLM: draft model " + c.drafter().id()), vllm);
        assertTrue(
            vllm.contains(
                "\nvllm serve " +
                    c.target().id() +
                    " --speculative-config '{\"method\":\"draft_model\",\"model\":\"" +
                    c.drafter().id() +
                    "\",\"num_speculative_tokens\":" +
                    k +
                    "}'\n"
            ),
            vllm
        );
        assertTrue(vllm.contains("# ConfigSpec Explorer: " + model.getEvaluation().label(row) + "\n"), vllm);
        assertTrue(vllm.contains("# Recommended for goodput: "), vllm);
        assertEquals(
            "Copied the vLLM text to the clipboard.",
            robot.lookup("#export-message").queryLabeled().getText()
        );
        robot.clickOn("#export-close");

        robot.clickOn("#export-for-serving"); // 1
        robot.clickOn("#export-stack-llamacpp"); // 2
        robot.clickOn("#export-copy"); // 3
        String llama = clipboard(robot);
        assertTrue(
            llama.contains(
                "\nllama-server -m " +
                    c.target().id() +
                    ".gguf --spec-type draft-simple --spec-draft-model " +
                    c.drafter().id() +
                    "-" +
                    c.quantization() +
                    ".gguf --spec-draft-n-max " +
                    k +
                    " --spec-draft-n-min 0 --spec-draft-p-min 0\n"
            ),
            llama
        );
        assertTrue(llama.contains("Not expressed: per-device K in a fleet"), llama);
    }

    @Test
    void rightClickingAPointOffersTheExport(FxRobot robot) throws Exception {
        int row = selectTheBestGoodputPointByClickingIt(robot);
        var chart = window.chartPane().chart();
        double[] at = chart.screenPosition(row);
        robot.rightClickOn(chart.canvas().localToScreen(at[0], at[1]));
        robot.clickOn("#export-for-serving-menu");
        robot.clickOn("#export-stack-sglang");
        String text = robot.lookup("#export-text").queryTextInputControl().getText();
        assertTrue(text.contains("--speculative-num-steps " + model.getEvaluation().space().k(row)), text);
        assertEquals(row, model.selectedRowProperty().get());
    }
}
