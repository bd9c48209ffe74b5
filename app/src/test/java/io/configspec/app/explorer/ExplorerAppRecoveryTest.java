package io.configspec.app.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.concurrent.SynchronousTaskExecutor;
import io.configspec.app.explorer.viewmodel.AnalysisService;
import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import io.configspec.app.explorer.viewmodel.LibraryEntry;
import io.configspec.app.explorer.viewmodel.WorkspaceViewModel;
import io.configspec.app.explorer.workspace.WorkspaceStore;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Kill the app after an edit and restart": a first session edits a profile and a what-if and
 * autosaves, then ends without saving (as a killed process would); the real application started
 * afterwards with the same user folder offers the work back, and restoring it brings the edit back.
 */
class ExplorerAppRecoveryTest {

    @TempDir
    Path userDir;

    private javafx.application.Application app;

    @AfterEach
    void cleanUp() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        System.clearProperty("configspec.userdir");
        System.clearProperty("configspec.home");
    }

    @Test
    void restartingAfterACrashOffersTheUnsavedWorkBack() throws Exception {
        // Session 1 (no toolkit needed): edit, autosave, "crash".
        ExplorerViewModel first = new ExplorerViewModel(new SynchronousTaskExecutor(), new AnalysisService());
        WorkspaceViewModel workspace = new WorkspaceViewModel(first, new WorkspaceStore(userDir));
        first.loadScenario(Samples.paperScenario()).join();
        LibraryEntry device = Samples.firstDevice(first);
        LibraryEntry.EditableField speed = Samples.speeds(device).getFirst();
        assertTrue(first.library().edit(device.file(), speed.pointer(), 12.345).join());
        first.whatIf().set("verifySeconds", 0.25);
        workspace.autosaveNow().join();

        // Session 2: the real application.
        System.setProperty("configspec.userdir", userDir.toString());
        System.setProperty("configspec.home", Samples.root().getParent().toString());
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(ExplorerApp.class);
        FxRobot robot = new FxRobot();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () ->
            robot.lookup("#recovery-restore").tryQuery().isPresent()
        );
        robot.interact(() -> robot.lookup("#recovery-restore").queryButton().fire());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
            TextField value = robot.lookup("#value-verifySeconds").queryAs(TextField.class);
            return value.getText().equals("0.250");
        });
        String edited = speed.label() + " = " + io.configspec.app.explorer.viewmodel.Numbers.plain(12.345);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> treeContains(robot, edited));
        assertEquals("0.250", robot.lookup("#value-verifySeconds").queryAs(TextField.class).getText());
        // The restored value moved the thumb too (issue 19, item 2).
        Slider slider = robot.lookup("#slider-verifySeconds").queryAs(Slider.class);
        var s = new io.configspec.app.explorer.viewmodel.WhatIfViewModel().slider("verifySeconds");
        assertEquals(s.toPosition(0.25), slider.getValue(), 1e-9);
    }

    private static boolean treeContains(FxRobot robot, String text) {
        @SuppressWarnings("unchecked")
        TreeView<Object> tree = robot.lookup("#library-tree").queryAs(TreeView.class);
        return tree.getRoot() != null && contains(tree.getRoot(), text);
    }

    private static boolean contains(TreeItem<Object> item, String text) {
        Object v = item.getValue();
        if (v instanceof io.configspec.app.explorer.view.LibraryPane.Item.Field f) {
            String shown =
                f.field().label() +
                " = " +
                io.configspec.app.explorer.viewmodel.Numbers.plain(f.field().value());
            if (shown.equals(text)) return true;
        }
        for (TreeItem<Object> child : item.getChildren()) {
            if (contains(child, text)) return true;
        }
        return false;
    }
}
