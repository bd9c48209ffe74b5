package io.configspec.app.explorer.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.Samples;
import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import io.configspec.app.explorer.viewmodel.WhatIfSlider;
import io.configspec.app.explorer.viewmodel.WorkspaceViewModel;
import io.configspec.app.explorer.workspace.WorkspaceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Slider;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
/**
 * The explorer as a user drives it (issue 19): twenty slider moves by mouse and keyboard, a
 * scenario switch and a restore of unsaved work, at the smallest supported screen and at full HD;
 * afterwards every pane (library, chart, what-if, details, status bar) lies inside the window,
 * and Reset moves every thumb back.
 */
class ExplorerJourneyTest {

    @TempDir
    Path userDir;

    private ExplorerWindowFixture f;
    private ExplorerViewModel model;
    private WorkspaceViewModel workspace;
    private MainWindow window;
    private final FxRobot robot = new FxRobot();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    private void open(int width, int height) throws Exception {
        robot.interact(() -> f = ExplorerWindowFixture.show(stage, userDir, width, height));
        model = f.model();
        workspace = f.workspace();
        window = f.window();
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(width, window.getWidth(), 0.5);
        assertEquals(height, window.getHeight(), 0.5);
    }

    @AfterEach
    void close() {
        if (f != null) f.close();
    }

    private void settle() throws Exception {
        f.settle();
    }

    /** The sliders the paper scenario shows (it has no network: no round-trip or bandwidth sliders). */
    private static final List<String> SLIDERS = List.of(
        "verifySeconds",
        "dollarsPerMillionTokens",
        "alphaScale",
        "draftSpeedScale",
        "powerScale",
        "kMin",
        "kMax"
    );

    /** Clicks the slider's track at {@code fraction} of its width, as a user aiming at a value. */
    private void clickTrack(Slider slider, double fraction) {
        Node track = slider.lookup(".track");
        Bounds b = track.localToScreen(track.getLayoutBounds());
        robot.clickOn(b.getMinX() + fraction * b.getWidth(), b.getCenterY());
    }

    @ParameterizedTest(name = "{0} × {1}")
    @CsvSource({ "1366, 768", "1920, 1080" })
    void twentySliderMovesAScenarioSwitchAndARestoreLeaveEveryPaneInsideTheWindow(int width, int height)
        throws Exception {
        open(width, height);
        f.loadPaper(robot);

        // Twenty moves: clicks on the track, arrow keys, a drag of the thumb.
        for (int move = 0; move < 20; move++) {
            String key = SLIDERS.get(move % SLIDERS.size());
            Slider slider = robot.lookup("#slider-" + key).queryAs(Slider.class);
            robot.interact(() -> slider.getParent().requestLayout());
            if (move % 4 == 3) {
                Node thumb = slider.lookup(".thumb");
                robot.drag(thumb).moveBy(move % 8 == 3 ? -25 : 25, 0).drop();
            } else if (move % 2 == 1) {
                robot.clickOn(slider.lookup(".thumb"));
                robot.type(move % 3 == 0 ? KeyCode.LEFT : KeyCode.RIGHT, 2);
            } else {
                clickTrack(slider, 0.1 + (0.8 * ((move * 7) % 10)) / 10.0);
            }
            settle();
            PaneBounds.assertAllInside(robot, window);
        }
        assertTrue(model.whatIf().overrides().size() >= 4, model.whatIf().overrides().toString());

        // A scenario switch (File › Open scenario): another scenario file, K from 2 to 8.
        Path other = Files.writeString(
            userDir.resolve("paper-k-to-8.json"),
            Files.readString(Samples.paperScenario())
                .replace(
                    "\"../profiles/configspec-paper\"",
                    "\"" +
                        Samples.root().resolve("profiles/configspec-paper").toString().replace("\\", "/") +
                        "\""
                )
                .replace("\"id\": \"configspec-paper\"", "\"id\": \"paper-k-to-8\"")
                .replace("\"max\": 10", "\"max\": 8")
        );
        robot.interact(() -> model.loadScenario(other));
        settle();
        PaneBounds.assertAllInside(robot, window);
        // Untick one device in the Scenario tab.
        robot.clickOn("Scenario");
        CheckBox pi4 = robot.lookup("#scenario-devices-raspberry-pi-4b-paper").queryAs(CheckBox.class);
        robot.clickOn(pi4);
        settle();
        WaitForAsyncUtils.waitFor(ExplorerWindowFixture.SETTLE_SECONDS, TimeUnit.SECONDS, () ->
            model
                .getEvaluation()
                .space()
                .space()
                .combinations()
                .stream()
                .noneMatch(c -> c.device().id().equals("raspberry-pi-4b-paper"))
        );
        settle();
        PaneBounds.assertAllInside(robot, window);
        robot.clickOn("Library");

        // A restore: unsaved work (T_v 0.2 s on the paper scenario) offered back and restored.
        robot.interact(() -> model.loadScenario(Samples.paperScenario()));
        settle();
        robot.interact(() -> model.whatIf().set("verifySeconds", 0.2));
        settle();
        workspace.autosaveNow().join();
        Optional<WorkspaceStore.Recovery> recovery = workspace.checkRecovery().join();
        assertTrue(recovery.isPresent());
        robot.interact(() -> model.whatIf().reset());
        settle();
        robot.interact(() -> window.offerRecovery(recovery.get(), () -> {}));
        robot.clickOn("#recovery-restore");
        WaitForAsyncUtils.waitFor(ExplorerWindowFixture.SETTLE_SECONDS, TimeUnit.SECONDS, () ->
            model.whatIf().slider("verifySeconds").overridden().get()
        );
        settle();
        Slider tv = robot.lookup("#slider-verifySeconds").queryAs(Slider.class);
        assertEquals(model.whatIf().slider("verifySeconds").toPosition(0.2), tv.getValue(), 1e-9);
        PaneBounds.assertAllInside(robot, window);

        // Reset moves every thumb back to the value the evaluation uses.
        robot.clickOn("#reset-what-if");
        settle();
        for (WhatIfSlider s : model.whatIf().sliders()) {
            Slider slider = robot.lookup("#slider-" + s.key()).queryAs(Slider.class);
            assertEquals(s.toPosition(model.whatIf().baseValue(s.key())), slider.getValue(), 1e-9, s.key());
            assertTrue(!s.overridden().get(), s.key());
        }
        PaneBounds.assertAllInside(robot, window);
    }
}
