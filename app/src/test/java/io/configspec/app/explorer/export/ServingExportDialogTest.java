package io.configspec.app.explorer.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.view.ExplorerWindowFixture;
import io.configspec.app.explorer.viewmodel.RecommendationKind;
import javafx.geometry.Point2D;
import javafx.scene.input.Clipboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A user selects a point on the Pareto chart and exports it for serving: a vLLM command in two
 * clicks (open, copy) and a llama-server command in three (open, llama.cpp, copy), each checked
 * on the clipboard.
 */
@ExtendWith(ApplicationExtension.class)
class ServingExportDialogTest {

    @RegisterExtension
    final ExplorerWindowFixture f = ExplorerWindowFixture.perTest();

    private int selectTheBestGoodputPointByClickingIt(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        var chart = f.window().chartPane().chart();
        int best = f.model().getEvaluation().recommendedRow(RecommendationKind.BEST_GOODPUT);
        double[] at = f.awaitPoint(best);
        Point2D screen = chart.canvas().localToScreen(at[0], at[1]);
        robot.clickOn(screen);
        WaitForAsyncUtils.waitForFxEvents();
        int selected = f.model().selectedRowProperty().get();
        assertEquals(chart.rowAt(at[0], at[1]), selected, "the click selects the point under it");
        return selected;
    }

    /** Clicks a control of the export dialog once the dialog shows it (it opens on the next pulse). */
    private static void click(FxRobot robot, String query) throws Exception {
        ExplorerWindowFixture.awaitNode(robot, query);
        robot.clickOn(query);
    }

    private static String clipboard(FxRobot robot) {
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        return text[0];
    }

    @Test
    void vllmAndLlamaServerCommandsForTheSelectedPointReachTheClipboard(FxRobot robot) throws Exception {
        int row = selectTheBestGoodputPointByClickingIt(robot);
        int k = f.model().getEvaluation().space().k(row);
        var c = f.model().getEvaluation().space().combination(row);

        click(robot, "#export-for-serving"); // 1
        click(robot, "#export-copy"); // 2
        String vllm = clipboard(robot);
        // The paper's model profile names the Hugging Face repositories and GGUF files.
        String targetRepo = c.target().huggingFaceRepository().orElseThrow();
        String draftRepo = c.drafter().huggingFaceRepository().orElseThrow();
        String draftGguf = c.drafter().quantization(c.quantization()).orElseThrow().ggufFile().orElseThrow();
        assertTrue(vllm.startsWith("# vLLM: draft model " + draftRepo), vllm);
        assertFalse(vllm.contains("Placeholders:"), vllm);
        assertTrue(
            vllm.contains(
                "\nvllm serve " +
                    targetRepo +
                    " --speculative-config '{\"method\":\"draft_model\",\"model\":\"" +
                    draftRepo +
                    "\",\"num_speculative_tokens\":" +
                    k +
                    "}'\n"
            ),
            vllm
        );
        assertTrue(
            vllm.contains("# ConfigSpec Explorer: " + f.model().getEvaluation().label(row) + "\n"),
            vllm
        );
        assertTrue(vllm.contains("# Recommended for goodput: "), vllm);
        assertEquals(
            "Copied the vLLM text to the clipboard.",
            robot.lookup("#export-message").queryLabeled().getText()
        );
        click(robot, "#export-close");

        click(robot, "#export-for-serving"); // 1
        click(robot, "#export-stack-llamacpp"); // 2
        click(robot, "#export-copy"); // 3
        String llama = clipboard(robot);
        assertTrue(
            llama.contains(
                "\nllama-server -m " +
                    c.target().id() +
                    ".gguf --spec-type draft-simple --spec-draft-model " +
                    draftGguf +
                    " --spec-draft-n-max " +
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
        var chart = f.window().chartPane().chart();
        double[] at = chart.screenPosition(row);
        robot.rightClickOn(chart.canvas().localToScreen(at[0], at[1]));
        click(robot, "#export-for-serving-menu");
        click(robot, "#export-stack-sglang");
        String text = robot.lookup("#export-text").queryTextInputControl().getText();
        assertTrue(
            text.contains("--speculative-num-steps " + f.model().getEvaluation().space().k(row)),
            text
        );
        assertEquals(row, f.model().selectedRowProperty().get());
    }
}
