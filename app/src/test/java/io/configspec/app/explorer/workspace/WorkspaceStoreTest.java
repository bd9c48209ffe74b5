package io.configspec.app.explorer.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.concurrent.FxThreadGuard;
import io.configspec.model.domain.DomainShare;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceStoreTest {

    @TempDir
    Path dir;

    static WorkspaceState sample() {
        return new WorkspaceState(
            WorkspaceState.SCHEMA_VERSION,
            "/tmp/scenario.json",
            List.of("/tmp/extra.json"),
            Map.of("/tmp/device.json", "{\"id\":\"x\"}"),
            Map.of("verifySeconds", 0.25),
            "goodput",
            "cost",
            false,
            true,
            "device",
            "a|b|q4|t|4",
            true,
            "pi",
            false,
            List.of(10.0, 20.0, 1366.0, 768.0),
            List.of(0.2, 0.75),
            new WorkspaceState.ScenarioEdits(
                List.of("rpi5"),
                List.of(),
                List.of("q4_k_m"),
                List.of(),
                List.of(new DomainShare("code", 0.6), new DomainShare("chat", 0.4))
            )
        );
    }

    @Test
    void savedWorkspaceOpensEqual() throws Exception {
        WorkspaceStore store = new WorkspaceStore(dir);
        Path file = dir.resolve("w.cswork");
        store.save(sample(), file);
        assertEquals(sample(), store.open(file));
    }

    @Test
    void autosaveIsOfferedBackUntilDiscarded() throws Exception {
        WorkspaceStore store = new WorkspaceStore(dir);
        assertTrue(store.recoverable().isEmpty());
        store.autosave(sample());
        assertEquals(sample(), new WorkspaceStore(dir).recoverable().orElseThrow().state());
        store.discardAutosave();
        assertTrue(store.recoverable().isEmpty());
    }

    @Test
    void aBrokenFileGivesOneSentenceNamingTheFile() throws Exception {
        Path file = dir.resolve("broken.cswork");
        Files.writeString(file, "{ not json");
        WorkspaceException e = assertThrows(WorkspaceException.class, () ->
            new WorkspaceStore(dir).open(file)
        );
        assertTrue(e.getMessage().startsWith("broken.cswork: is not a valid workspace file"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void recentFilesKeepTheNewestFirstWithoutDuplicates() throws Exception {
        WorkspaceStore store = new WorkspaceStore(dir);
        store.addRecent(dir.resolve("a.cswork"));
        store.addRecent(dir.resolve("b.cswork"));
        store.addRecent(dir.resolve("a.cswork"));
        assertEquals(List.of(dir.resolve("a.cswork"), dir.resolve("b.cswork")), store.recentFiles());
    }

    @Test
    void fileIoIsRefusedOnTheUiThread() {
        FxThreadGuard.registerUiThread();
        try {
            assertThrows(IllegalStateException.class, () ->
                new WorkspaceStore(dir).save(sample(), dir.resolve("x"))
            );
        } finally {
            FxThreadGuard.clearRegistration();
        }
    }
}
