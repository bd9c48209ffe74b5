package io.configspec.app.explorer.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.Samples;
import io.configspec.app.explorer.concurrent.BackgroundTaskExecutor;
import io.configspec.app.explorer.view.ChartPane;
import io.configspec.app.explorer.viewmodel.AnalysisService;
import io.configspec.app.explorer.viewmodel.Evaluation;
import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import io.configspec.app.testing.SmallSampleFamily;
import io.configspec.engine.agent.BoardAgent;
import io.configspec.engine.agent.JobRunner;
import io.configspec.engine.measure.BoardProfiler;
import io.configspec.engine.measure.OnnxModelProvider;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.model.analysis.Objective;
import io.configspec.model.domain.Provenance;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
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
 * Issue 19, acceptance 2: a board without a power sensor, profiled from the Boards tab through a
 * real agent on loopback (real profiler, the sample family), lands in the library and the open
 * scenario and is on the goodput chart in the same session; its energy reads "not measured" until
 * the user enters a power read from a meter.
 */
@ExtendWith(ApplicationExtension.class)
class BoardsJourneyTest {

    private static final String TOKEN = "boards-journey-token-0123456789";

    @TempDir
    Path temp;

    private BackgroundTaskExecutor executor;
    private ExplorerViewModel explorer;
    private BoardsViewModel boards;
    private BoardAgent agent;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        if (boards != null) boards.close();
        if (agent != null) agent.close();
        if (executor != null) executor.close();
    }

    /** A Raspberry Pi without a readable power sensor: a thermal zone and cpufreq, no hwmon. */
    private Path boardWithoutPowerSensor() throws Exception {
        Path board = FakeBoards.board(temp.resolve("board"), "Raspberry Pi 4 Model B Rev 1.4", "51200");
        FakeBoards.cpuFrequency(board, "1800000");
        return board;
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
    }

    @Test
    void aBoardWithoutAPowerSensorIsOnTheGoodputChartAfterOneRun(FxRobot robot) throws Exception {
        // The sample family, small: a 2-layer target and the 1-layer int8 drafter.
        Path models = SmallSampleFamily.generate(temp.resolve("models"));
        String drafter = SmallSampleFamily.DRAFTER;
        String target = SmallSampleFamily.target();

        Path board = boardWithoutPowerSensor();
        assertFalse(FakeBoards.sensors(board).hasPower(), "the fixture has no power sensor");
        BoardProfiler profiler = new BoardProfiler(
            new OnnxModelProvider(models, temp.resolve("twins"), EngineOptions.defaults())
        );
        agent = FakeBoards.agent(board, 0, TOKEN, JobRunner.of(profiler));

        robot.interact(() -> {
            executor = new BackgroundTaskExecutor(2);
            explorer = new ExplorerViewModel(executor, new AnalysisService());
            explorer.loadScenario(Samples.paperScenario());
        });
        waitUntil(90, () -> explorer.getEvaluation() != null && !explorer.busyProperty().get());
        String deviceId = "raspberry-pi-4-model-b-rev-1.4-measured";
        assertTrue(rowsOf(explorer.getEvaluation(), deviceId).isEmpty(), "not on the chart before");

        robot.interact(() -> {
            boards = new BoardsViewModel(
                executor,
                new BoardSettingsStore(temp.resolve("boards.json")),
                BoardsExplorerView.librarySink(explorer),
                temp.resolve("measured"),
                () -> {
                    throw new IllegalStateException("not in this test");
                },
                () -> explorer.loadedProperty().get().library()
            );
            SplitPane split = new SplitPane(new ChartPane(explorer), new BoardsView(boards));
            stage.setScene(new Scene(split, 1366, 768));
            stage.show();
            boards.connection().host().set("127.0.0.1");
            boards.connection().port().set(Integer.toString(agent.port()));
        });

        robot.clickOn("#board-token").write(TOKEN);
        robot.clickOn("#board-connect");
        waitUntil(20, () -> boards.stateProperty().get() == ConnectionState.CONNECTED);
        assertTrue(boards.powerDescriptionProperty().get().startsWith("No power sensor"));
        robot.doubleClickOn("#run-drafter").eraseText(30).write(drafter);
        robot.clickOn("#run-target").write(target);
        assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), boards.request().kValues(), "K 1–8");
        robot.clickOn("#run-start");

        // Profiling on a loaded 2-core machine: generous, the run itself is a few seconds quiet.
        waitUntil(
            240,
            () -> !boards.work().runningProperty().get() && !boards.lastProfileFileProperty().get().isEmpty()
        );
        assertTrue(
            boards.work().messageProperty().get().contains("not measured"),
            boards.work().messageProperty().get()
        );
        waitUntil(
            60,
            () ->
                explorer.getEvaluation() != null &&
                !explorer.busyProperty().get() &&
                !rowsOf(explorer.getEvaluation(), deviceId).isEmpty()
        );
        Evaluation e = explorer.getEvaluation();
        List<Integer> rows = rowsOf(e, deviceId);
        assertEquals(Objective.GOODPUT, e.xObjective(), "the goodput chart");
        assertTrue(rows.stream().anyMatch(i -> e.chart().drawn(i)), "the board is drawn on the chart");
        for (int i : rows) {
            assertTrue(e.space().value(Objective.GOODPUT, i) > 0);
            assertTrue(Double.isNaN(e.space().value(Objective.TOKENS_PER_JOULE, i)), "energy not measured");
        }
        assertTrue(explorer.statusProperty().get().contains("not measured"), explorer.statusProperty().get());
        var energyCard = explorer
            .recommendations()
            .stream()
            .filter(c -> c.kind() == io.configspec.app.explorer.viewmodel.RecommendationKind.BEST_ENERGY)
            .findFirst()
            .orElseThrow();
        assertEquals("energy not measured", energyCard.device(), "not \"none feasible\"");
        assertTrue(robot.lookup("#power-entry").query().isVisible(), "the user may enter power");

        // Power read from a meter: the energy of the board's configurations becomes known.
        robot.clickOn("#power-drafting").write("6.4");
        robot.clickOn("#power-idle").write("2.9");
        robot.clickOn("#power-note").write("USB meter UM25C");
        robot.clickOn("#power-save");
        waitUntil(60, () -> {
            Evaluation now = explorer.getEvaluation();
            if (now == null || explorer.busyProperty().get()) return false;
            List<Integer> r = rowsOf(now, deviceId);
            return (
                !r.isEmpty() && r.stream().allMatch(i -> now.space().value(Objective.TOKENS_PER_JOULE, i) > 0)
            );
        });
        Evaluation after = explorer.getEvaluation();
        int row = rowsOf(after, deviceId).getFirst();
        var combination = after.space().combination(row);
        assertEquals(6.4, combination.drafting().powerWatts().orElseThrow(), 1e-12);
        assertTrue(combination.powerSource() instanceof Provenance.Measured m && m.note().contains("UM25C"));
    }

    private static List<Integer> rowsOf(Evaluation e, String deviceId) {
        return IntStream.range(0, e.size())
            .filter(i -> e.space().combination(i).device().id().equals(deviceId))
            .boxed()
            .toList();
    }
}
