package io.configspec.app.explorer.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.concurrent.SynchronousTaskExecutor;
import io.configspec.engine.profiler.ProfilingRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** View-model logic without a toolkit (synchronous executor, no agent). */
class BoardsViewModelTest {

    @TempDir
    Path temp;

    private BoardsViewModel model() {
        return new BoardsViewModel(
            new SynchronousTaskExecutor(),
            new BoardSettingsStore(temp.resolve("boards.json")),
            (result, files) -> {},
            temp.resolve("measured"),
            () -> {
                throw new IllegalStateException("no local agent here");
            }
        );
    }

    @Test
    void aBadPortIsExplainedAndNothingConnects() {
        try (BoardsViewModel m = model()) {
            m.portProperty().set("70000");
            m.tokenProperty().set("some-token-long-enough");

            m.connect();

            assertEquals("Port must be a number from 1 to 65535.", m.statusMessageProperty().get());
            assertEquals(ConnectionState.DISCONNECTED, m.stateProperty().get());
        }
    }

    @Test
    void aMissingTokenIsExplained() {
        try (BoardsViewModel m = model()) {
            m.tokenProperty().set("  ");

            m.connect();

            assertTrue(m.statusMessageProperty().get().contains("token"));
        }
    }

    @Test
    void anUnreachableAgentLeavesTheViewDisconnectedWithTheReason() throws Exception {
        int freePort;
        try (var socket = new java.net.ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        try (BoardsViewModel m = model()) {
            m.portProperty().set(Integer.toString(freePort));
            m.tokenProperty().set("some-token-long-enough");

            m.connect();

            assertEquals(ConnectionState.DISCONNECTED, m.stateProperty().get());
            assertTrue(
                m.statusMessageProperty().get().contains("cannot reach"),
                m.statusMessageProperty().get()
            );
        }
    }

    @Test
    void connectionSettingsAreRemembered() throws Exception {
        try (BoardsViewModel m = model()) {
            m.hostProperty().set("jetson.local");
            m.portProperty().set("7979");
            m.tokenProperty().set("remember-me-0123456789");
            m.connect(); // fails to resolve or connect, but the settings are saved first
        }
        assertTrue(Files.isRegularFile(temp.resolve("boards.json")));
        try (BoardsViewModel again = model()) {
            assertEquals("jetson.local", again.hostProperty().get());
            assertEquals("7979", again.portProperty().get());
            assertEquals("remember-me-0123456789", again.tokenProperty().get());
        }
    }

    @Test
    void theKRangeAndKindBecomeTheRequest() {
        try (BoardsViewModel m = model()) {
            m.kMinProperty().set(2);
            m.kMaxProperty().set(5);
            m.runKindProperty().set(BoardsViewModel.RunKind.TWIN);
            m.twinPresetProperty().set("Llama-3.2-1B");
            m.precisionProperty().set("INT4");

            ProfilingRequest r = m.request();

            assertEquals(List.of(2, 3, 4, 5), r.kValues());
            assertEquals("llama-3.2-1b", r.twinPreset());
            assertEquals("int4", r.twinPrecision());
            assertNull(r.drafter());
            assertNull(r.target());
        }
    }

    @Test
    void startingARunWhileDisconnectedSaysSo() {
        try (BoardsViewModel m = model()) {
            m.startRun();

            assertEquals("Connect to a board first.", m.statusMessageProperty().get());
            assertTrue(!m.runningProperty().get());
        }
    }
}
