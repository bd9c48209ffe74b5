package io.configspec.app.explorer.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.Samples;
import io.configspec.app.explorer.concurrent.SynchronousTaskExecutor;
import io.configspec.app.explorer.workspace.WorkspaceStore;
import io.configspec.model.analysis.Objective;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceViewModelTest {

    @TempDir
    Path dir;

    private ExplorerViewModel newModel() {
        return new ExplorerViewModel(new SynchronousTaskExecutor(), new AnalysisService());
    }

    /** The store of the test's user folder (a new instance over the same files each time). */
    private WorkspaceStore store() {
        return new WorkspaceStore(dir.resolve("user"));
    }

    /** A workspace over {@code model}, which then opens {@code scenario} (as the explorer starts). */
    private WorkspaceViewModel openWorkspace(ExplorerViewModel model, Path scenario) {
        WorkspaceViewModel workspace = new WorkspaceViewModel(model, store());
        model.loadScenario(scenario).join();
        return workspace;
    }

    @Test
    void unsavedWorkIsOfferedBackAfterACrash() throws Exception {
        // First session: an edit and a what-if change, autosaved, then the process "dies".
        Path profiles = dir.resolve("samples");
        copy(Samples.root(), profiles);
        ExplorerViewModel first = newModel();
        WorkspaceViewModel workspace = openWorkspace(
            first,
            profiles.resolve("scenarios/configspec-paper.json")
        );
        assertFalse(workspace.changedProperty().get());
        LibraryEntry device = Samples.firstDevice(first);
        LibraryEntry.EditableField speed = Samples.speeds(device).getFirst();
        first.library().edit(device.file(), speed.pointer(), 123.0).join();
        first.whatIf().set("verifySeconds", 0.25);
        first.viewSettings().yObjective().set(Objective.TOKENS_PER_JOULE);
        assertTrue(workspace.changedProperty().get());
        workspace.autosaveNow().join();

        // Second session: sees the recovery and restores it.
        ExplorerViewModel second = newModel();
        WorkspaceViewModel restarted = new WorkspaceViewModel(second, store());
        var recovery = restarted.checkRecovery().join();
        assertTrue(recovery.isPresent());
        restarted.recover(recovery.get()).join();
        assertEquals(0.25, second.whatIf().overrides().get("verifySeconds"), 1e-12);
        assertEquals(Objective.TOKENS_PER_JOULE, second.viewSettings().yObjective().get());
        LibraryEntry restored = second
            .library()
            .entries()
            .stream()
            .filter(e -> e.key().equals(device.key()))
            .findFirst()
            .orElseThrow();
        assertEquals(
            123.0,
            restored
                .fields()
                .stream()
                .filter(f -> f.pointer().equals(speed.pointer()))
                .findFirst()
                .orElseThrow()
                .value(),
            1e-12
        );
        assertTrue(second.library().editStateProperty().get().dirty(), "recovered edits are still unsaved");
        // The profile file itself was never written.
        assertFalse(Files.readString(device.file()).contains("123"));
    }

    @Test
    void savingAWorkspaceClearsTheAutosaveAndReopensTheSameState() throws Exception {
        ExplorerViewModel model = newModel();
        WorkspaceViewModel workspace = openWorkspace(model, Samples.paperScenario());
        WorkspaceStore store = store();
        // T_v: the paper scenario has no network, so a round-trip slider would override nothing.
        model.whatIf().set("verifySeconds", 0.2);
        model.selectedRowProperty().set(model.getEvaluation().front()[0]);
        var selected = model.selectedConfigurationValue();
        workspace.autosaveNow().join();
        assertTrue(Files.exists(store.autosaveFile()));
        Path file = dir.resolve("w.cswork");
        workspace.save(file).join();
        assertFalse(Files.exists(store.autosaveFile()));
        assertFalse(workspace.changedProperty().get());
        assertEquals(file.toAbsolutePath().normalize(), workspace.recentFiles().getFirst());

        ExplorerViewModel other = newModel();
        new WorkspaceViewModel(other, store).open(file).join();
        assertEquals(0.2, other.whatIf().overrides().get("verifySeconds"), 1e-12);
        assertEquals(selected, other.selectedConfigurationValue());
    }

    @Test
    void aCleanExitWithoutChangesLeavesNoRecovery() throws Exception {
        WorkspaceViewModel workspace = openWorkspace(newModel(), Samples.paperScenario());
        workspace.closing().join();
        assertTrue(store().recoverable().isEmpty());
    }

    private static void copy(Path from, Path to) throws Exception {
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.toString().contains("/target")) continue;
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }
}
