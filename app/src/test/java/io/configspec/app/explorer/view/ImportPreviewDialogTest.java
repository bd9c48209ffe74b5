package io.configspec.app.explorer.view;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.Samples;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File › Import of the four files {@code configspec profile} writes, selected with device.json
 * first, in the real main window at 1366×768 (issue 19, acceptance 3): the preview lists what each
 * file gives before anything changes, Import takes all four, and the measured board is drawn on
 * the goodput chart. The native file chooser cannot be driven headless, so the test hands the
 * chooser's selection to the same action the menu runs.
 */
@ExtendWith(ApplicationExtension.class)
class ImportPreviewDialogTest {

    private static final String DEVICE = "unknown-board-measured";

    @RegisterExtension
    final ExplorerWindowFixture f = ExplorerWindowFixture.perTest();

    @TempDir
    Path dir;

    private int deviceRowOnChart() {
        var evaluation = f.model().getEvaluation();
        var space = evaluation.space();
        for (int i = 0; i < space.size(); i++) {
            if (space.combination(i).device().id().equals(DEVICE)) return i;
        }
        return -1;
    }

    @Test
    void aRefusedFileIsCountedInTheSingularAndCancelLeavesNoStaleReadingLine(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        // A board profile whose drafter the library does not know: the preview leaves it out.
        Path device = Samples.root().resolve("samples/profiles/illustrative/devices/laptop-x86-64.json");
        robot.interact(() -> ImportPreviewDialog.open(f.model(), f.stage(), List.of(device)));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () ->
            robot.lookup("#import-preview").tryQuery().isPresent()
        );
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.DialogPane pane = robot
            .lookup(".dialog-pane")
            .queryAs(javafx.scene.control.DialogPane.class);
        assertTrue(
            pane.getHeaderText().startsWith("0 files give 0 profiles; 1 file left out (see why below)."),
            pane.getHeaderText()
        );
        assertFalse(f.model().statusProperty().get().startsWith("Reading"), f.model().statusProperty().get());
        robot.clickOn(
            robot
                .lookup(".button")
                .match((Button b) -> "Cancel".equals(b.getText()))
                .queryButton()
        );
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(
            f.model().statusProperty().get().equals("Import cancelled: nothing changed."),
            f.model().statusProperty().get()
        );
    }

    @Test
    void theFourProfileFilesImportThroughThePreviewAndTheBoardIsDrawnOnTheChart(FxRobot robot)
        throws Exception {
        f.loadPaper(robot);
        List<Path> run = Samples.profileRun(dir);
        List<Path> selection = List.of(run.get(3), run.get(1), run.get(2), run.get(0)); // device.json first
        robot.interact(() -> ImportPreviewDialog.open(f.model(), f.stage(), selection));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () ->
            robot.lookup("#import-preview").tryQuery().isPresent()
        );
        WaitForAsyncUtils.waitForFxEvents();

        String shown = robot
            .lookup("#import-preview .label")
            .queryAllAs(Label.class)
            .stream()
            .map(Label::getText)
            .collect(Collectors.joining("\n"));
        assertTrue(shown.contains("✓ device.json (profile): device " + DEVICE), shown);
        assertTrue(shown.contains("✓ models.json (profile)"), shown);
        assertFalse(shown.contains("✗"), shown);
        assertTrue(
            f
                .model()
                .library()
                .entries()
                .stream()
                .noneMatch(e -> e.key().equals("device:" + DEVICE)),
            "nothing changes before Import"
        );
        CheckBox join = robot.lookup("#join-" + DEVICE).queryAs(CheckBox.class);
        assertTrue(join.isSelected(), "adding the board to the open scenario is offered, ticked");

        robot.clickOn(
            robot
                .lookup(".button")
                .match((Button b) -> "Import".equals(b.getText()))
                .queryButton()
        );
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> {
            var e = f.model().getEvaluation();
            return e != null && !f.model().busyProperty().get() && deviceRowOnChart() >= 0;
        });
        f.settle();
        int row = deviceRowOnChart();
        WaitForAsyncUtils.waitFor(
            30,
            TimeUnit.SECONDS,
            () -> f.window().chartPane().chart().screenPosition(row) != null
        );
        assertNotNull(
            f.window().chartPane().chart().screenPosition(row),
            "the measured board is drawn on the goodput chart"
        );
        assertTrue(f.model().library().editStateProperty().get().canUndo());
    }
}
