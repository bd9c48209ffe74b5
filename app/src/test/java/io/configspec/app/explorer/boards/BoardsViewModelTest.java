package io.configspec.app.explorer.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.concurrent.SynchronousTaskExecutor;
import io.configspec.engine.agent.BoardAgent;
import io.configspec.engine.measure.ProfilingRequest;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.Provenance;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
            m.connection().port().set("70000");
            m.connection().token().set("some-token-long-enough");

            m.connect();

            assertEquals("Port must be a number from 1 to 65535.", m.statusMessageProperty().get());
            assertEquals(ConnectionState.DISCONNECTED, m.stateProperty().get());
        }
    }

    @Test
    void aMissingTokenIsExplained() {
        try (BoardsViewModel m = model()) {
            m.connection().token().set("  ");

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
            m.connection().port().set(Integer.toString(freePort));
            m.connection().token().set("some-token-long-enough");

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
            m.connection().host().set("jetson.local");
            m.connection().port().set("7979");
            m.connection().token().set("remember-me-0123456789");
            m.connect(); // fails to resolve or connect, but the settings are saved first
        }
        assertTrue(Files.isRegularFile(temp.resolve("boards.json")));
        try (BoardsViewModel again = model()) {
            assertEquals("jetson.local", again.connection().host().get());
            assertEquals("7979", again.connection().port().get());
            assertEquals("remember-me-0123456789", again.connection().token().get());
        }
    }

    @Test
    void theKRangeAndKindBecomeTheRequest() {
        try (BoardsViewModel m = model()) {
            m.runSettings().kMin().set(2);
            m.runSettings().kMax().set(5);
            m.runSettings().kind().set(BoardsViewModel.RunKind.TWIN);
            m.runSettings().twinPreset().set("Llama-3.2-1B");
            m.runSettings().precision().set("INT4");

            ProfilingRequest r = m.request();

            assertEquals(List.of(2, 3, 4, 5), r.kValues());
            assertEquals("llama-3.2-1b", r.twin().preset());
            assertEquals("int4", r.twin().precision());
            assertNull(r.drafter());
            assertNull(r.target());
        }
    }

    @Test
    void startingARunWhileDisconnectedSaysSo() {
        try (BoardsViewModel m = model()) {
            m.startRun();

            assertEquals("Connect to a board first.", m.statusMessageProperty().get());
            assertTrue(!m.work().runningProperty().get());
        }
    }

    // ---------------------------------------------------------------- with a real loopback agent

    private static final String TOKEN = "boards-view-model-token-0123";

    /** A board without a power sensor (thermal zone only) and an agent whose job returns a small measurement. */
    private BoardAgent agentWithoutPowerSensor(int port) throws Exception {
        Path board = FakeBoards.board(temp.resolve("board"), "Raspberry Pi 4 Model B Rev 1.4", "47000");
        return FakeBoards.agent(board, port, TOKEN, (request, context) -> {
            context.progress(0.5, "drafting");
            return FakeBoards.measurement(
                request,
                context,
                LocalDate.of(2026, 12, 3),
                null,
                Double.NaN,
                0,
                Double.NaN,
                Double.NaN
            ).toJson();
        });
    }

    private static void eventually(java.util.concurrent.Callable<Boolean> condition, Runnable step)
        throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            step.run();
            Thread.sleep(20);
        }
    }

    private BoardsViewModel connected(
        SynchronousTaskExecutor executor,
        BoardAgent agent,
        List<List<Path>> sunk
    ) {
        BoardsViewModel m = new BoardsViewModel(
            executor,
            new BoardSettingsStore(temp.resolve("boards.json")),
            (result, files) -> sunk.add(files),
            temp.resolve("measured"),
            () -> {
                throw new IllegalStateException("no local agent here");
            }
        );
        m.connection().host().set("127.0.0.1");
        m.connection().port().set(Integer.toString(agent.port()));
        m.connection().token().set(TOKEN);
        m.connect();
        assertEquals(ConnectionState.CONNECTED, m.stateProperty().get(), m.statusMessageProperty().get());
        return m;
    }

    @Test
    void aRunOnABoardWithoutPowerWritesTheProfileWithoutPowerAndOffersToEnterIt() throws Exception {
        SynchronousTaskExecutor executor = new SynchronousTaskExecutor();
        List<List<Path>> sunk = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (
            BoardAgent agent = agentWithoutPowerSensor(0);
            BoardsViewModel m = connected(executor, agent, sunk)
        ) {
            assertTrue(m.powerDescriptionProperty().get().startsWith("No power sensor"));

            m.startRun();
            eventually(() -> !m.work().runningProperty().get(), executor::runDelayed);

            assertEquals(1, sunk.size(), m.work().messageProperty().get());
            assertTrue(
                m.work().messageProperty().get().contains("not measured"),
                m.work().messageProperty().get()
            );
            assertTrue(m.powerNeededProperty().get());
            DeviceProfile device = ((ProfileDocument.DeviceDocument) ProfileCodec.read(
                    sunk.getFirst().getLast()
                )).device();
            assertTrue(device.drafting().getFirst().powerWatts().isEmpty(), "no invented watt");
            assertTrue(device.idlePowerWatts().isEmpty());
            assertEquals(40, device.drafting().getFirst().tokensPerSecond(), 1e-9);

            // A bad entry is explained in one sentence and writes nothing.
            m.powerEntry().draftingWatts().set("five");
            m.savePower();
            assertEquals(
                "Drafting power must be a number of watts, e.g. 5.2; \"five\" is not.",
                m.powerMessageProperty().get()
            );
            m.powerEntry().draftingWatts().set("0");
            m.savePower();
            assertEquals(
                "Drafting power must be more than zero watts, was 0.",
                m.powerMessageProperty().get()
            );
            assertEquals(1, sunk.size());

            // An estimate is recorded as illustrative, with what it rests on.
            m.powerEntry().draftingWatts().set("5.5");
            m.powerEntry().idleWatts().set("");
            m.powerEntry().origin().set(BoardsViewModel.PowerOrigin.ESTIMATE);
            m.powerEntry().note().set("Raspberry Pi 4 data sheet");
            m.savePower();

            assertEquals(2, sunk.size(), m.powerMessageProperty().get());
            DeviceProfile withPower = ((ProfileDocument.DeviceDocument) ProfileCodec.read(
                    sunk.getLast().getLast()
                )).device();
            DraftingMeasurement drafting = withPower.drafting().getFirst();
            assertEquals(5.5, drafting.powerWatts().orElseThrow(), 1e-12);
            assertEquals(
                5.5,
                withPower.idlePowerWatts().orElseThrow(),
                1e-12,
                "blank idle: the drafting power"
            );
            assertTrue(
                drafting.provenanceOf("powerWatts") instanceof Provenance.Illustrative i &&
                    i.note().contains("data sheet")
            );
            assertTrue(
                drafting.provenanceOf("tokensPerSecond") instanceof Provenance.Measured,
                "the speed stays measured"
            );
        }
    }

    /**
     * Issue 18: BoardsViewModel schedules through the TaskExecutor, and a reconnect that falls due
     * after the user disconnected does nothing (the connection generation is read safely off the
     * UI thread).
     */
    @Test
    void aReconnectDueAfterADisconnectDoesNothingAndOneDueBeforeReconnects() throws Exception {
        SynchronousTaskExecutor executor = new SynchronousTaskExecutor();
        BoardAgent agent = agentWithoutPowerSensor(0);
        int port = agent.port();
        try (BoardsViewModel m = connected(executor, agent, new java.util.ArrayList<>())) {
            agent.close();
            eventually(
                () -> m.stateProperty().get() == ConnectionState.LOST && executor.delayedCount() > 0,
                () -> {}
            );
            agent = agentWithoutPowerSensor(port);

            // Due before a disconnect: the reconnect goes through the executor and succeeds.
            eventually(() -> m.stateProperty().get() == ConnectionState.CONNECTED, executor::runDelayed);

            agent.close();
            eventually(
                () -> m.stateProperty().get() == ConnectionState.LOST && executor.delayedCount() > 0,
                () -> {}
            );
            agent = agentWithoutPowerSensor(port);
            m.disconnect();
            executor.runDelayed();
            executor.runDelayed();

            assertEquals(ConnectionState.DISCONNECTED, m.stateProperty().get());
            assertEquals("Disconnected.", m.statusMessageProperty().get());
            assertEquals(0, executor.delayedCount(), "nothing rescheduled for the old connection");
        } finally {
            agent.close();
        }
    }
}
