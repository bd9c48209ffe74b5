package io.configspec.app.explorer.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.Samples;
import io.configspec.app.explorer.concurrent.SteppedTaskExecutor;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Library changes asked while earlier ones are still being applied (issue 18): each starts from
 * what the previous one left, so quick repeated undos and edits during a rebuild keep the data and
 * the undo stack consistent. The stepped executor holds background work until the test runs it,
 * exactly like a worker thread that has not finished yet.
 */
class LibraryConcurrencyTest {

    private final SteppedTaskExecutor executor = new SteppedTaskExecutor();
    private ExplorerViewModel model;
    private Path file;
    private String first;
    private String second;
    private double firstValue;
    private double secondValue;

    @BeforeEach
    void load() {
        model = new ExplorerViewModel(executor, new AnalysisService());
        model.loadScenario(Samples.paperScenario());
        executor.runAll();
        LibraryEntry device = Samples.firstDevice(model);
        List<LibraryEntry.EditableField> speeds = Samples.speeds(device);
        file = device.file();
        first = speeds.get(0).pointer();
        firstValue = speeds.get(0).value();
        second = speeds.get(1).pointer();
        secondValue = speeds.get(1).value();
    }

    private double value(String pointer) {
        return model
            .library()
            .entries()
            .stream()
            .filter(e -> file.equals(e.file()))
            .flatMap(e -> e.fields().stream())
            .filter(f -> f.pointer().equals(pointer))
            .findFirst()
            .orElseThrow()
            .value();
    }

    private double speedInTheSpace(int measurement) {
        var device = model
            .loadedProperty()
            .get()
            .library()
            .devices()
            .stream()
            .filter(d ->
                file.equals(model.loadedProperty().get().profiles().sources().get("device:" + d.id()))
            )
            .findFirst()
            .orElseThrow();
        return device.drafting().get(measurement).tokensPerSecond();
    }

    @Test
    void twoQuickUndosRevertTwoEditsAndMoveBothToRedo() {
        model.library().edit(file, first, firstValue * 2);
        executor.runAll();
        model.library().edit(file, first, firstValue * 3);
        executor.runAll();

        var undoOne = model.library().undo();
        var undoTwo = model.library().undo(); // the second Ctrl+Z before the first one's rebuild ended
        executor.runAll();

        assertTrue(undoOne.join());
        assertTrue(undoTwo.join());
        assertEquals(firstValue, value(first), 1e-12);
        assertEquals(firstValue, speedInTheSpace(0), 1e-12);
        assertFalse(model.library().editStateProperty().get().canUndo());
        assertTrue(model.library().editStateProperty().get().canRedo());

        model.library().redo();
        model.library().redo();
        executor.runAll();
        assertEquals(firstValue * 3, value(first), 1e-12);
        assertFalse(model.library().editStateProperty().get().canRedo());
    }

    @Test
    void anEditDuringAPendingRebuildKeepsTheEarlierEdit() {
        var one = model.library().edit(file, first, firstValue * 2);
        var two = model.library().edit(file, second, secondValue * 2); // while the first rebuilds
        executor.runAll();

        assertTrue(one.join());
        assertTrue(two.join());
        assertEquals(firstValue * 2, value(first), 1e-12);
        assertEquals(secondValue * 2, value(second), 1e-12);
        assertEquals(firstValue * 2, speedInTheSpace(0), 1e-12);
        assertEquals(secondValue * 2, speedInTheSpace(1), 1e-12);

        model.library().undo();
        executor.runAll();
        assertEquals(firstValue * 2, value(first), 1e-12);
        assertEquals(secondValue, value(second), 1e-12);
        model.library().undo();
        executor.runAll();
        assertEquals(firstValue, value(first), 1e-12);
        assertFalse(model.library().editStateProperty().get().canUndo());
    }

    @Test
    void anUndoAskedDuringAnEditRevertsThatEdit() {
        model.library().edit(file, first, firstValue * 2);
        model.library().undo(); // Ctrl+Z right after typing, before the edit was applied
        executor.runAll();
        assertEquals(firstValue, value(first), 1e-12);
        assertFalse(model.library().editStateProperty().get().canUndo());
        assertTrue(model.library().editStateProperty().get().canRedo());
    }
}
