package io.configspec.app.explorer.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.cli.ConfigSpecCli;
import io.configspec.app.explorer.Samples;
import io.configspec.model.analysis.Objective;
import io.configspec.model.pareto.Recommendations;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** The main window under the headless platform, driven like a user would (PDFsam style). */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @RegisterExtension
    final ExplorerWindowFixture f = ExplorerWindowFixture.perTest();

    /** Waits until the evaluation of the current scenario and what-ifs is on screen. */
    private void settle() throws Exception {
        f.settle();
    }

    private static Set<String> key(Iterable<io.configspec.model.domain.Configuration> configurations) {
        Set<String> out = new TreeSet<>();
        for (var c : configurations)
            out.add(c.device() + "|" + c.drafter() + "|" + c.quantization() + "|" + c.target() + "|" + c.k());
        return out;
    }

    @Test
    void theSamplesDrawTheFrontThatTheParetoCommandPrints(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        var chart = f.window().chartPane().chart();
        var data = chart.getData();
        assertTrue(data.size() > 100);
        f.awaitPoint(data.front()[0]); // drawn on the next layout pulse
        List<io.configspec.model.domain.Configuration> drawn = new ArrayList<>();
        for (int row : data.front()) drawn.add(f.model().getEvaluation().space().configuration(row));
        assertTrue(chart.framesRenderedProperty().get() > 0);
        var space = f.model().getEvaluation().space();
        int[] reference = io.configspec.model.pareto.ParetoFront.nonDominated(
            new double[][] { space.column(Objective.GOODPUT), space.column(Objective.TOKENS_PER_DOLLAR) },
            new boolean[] { true, true },
            space.feasibleMask()
        );
        org.junit.jupiter.api.Assertions.assertArrayEquals(reference, data.front());
        for (int row : data.front()) {
            assertNotNull(chart.screenPosition(row), "front row " + row + " is on screen");
        }

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = ConfigSpecCli.execute(
            new String[] {
                "pareto",
                "--scenario",
                Samples.paperScenario().toString(),
                "--objectives",
                "goodput,cost",
                "--format",
                "csv",
            },
            new PrintWriter(out),
            new PrintWriter(err)
        );
        // Until the pareto engineer's command reaches this branch, only the model-level comparison runs.
        org.junit.jupiter.api.Assumptions.assumeFalse(
            err.toString().contains("Unmatched arguments from index 0: 'pareto'"),
            "no pareto command yet"
        );
        assertEquals(0, code, err.toString());
        List<io.configspec.model.domain.Configuration> printed = new ArrayList<>();
        List<String> lines = out.toString().lines().toList();
        List<String> header = List.of(lines.getFirst().split(","));
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            printed.add(
                new io.configspec.model.domain.Configuration(
                    cells[header.indexOf("device")],
                    cells[header.indexOf("drafter")],
                    cells[header.indexOf("quantization")],
                    cells[header.indexOf("target")],
                    Integer.parseInt(cells[header.indexOf("k")])
                )
            );
        }
        assertEquals(printed.size(), drawn.size());
        assertEquals(key(printed), key(drawn));
    }

    @Test
    void movingTheVerificationSliderChangesTheGoodputCardAsTheModelPredicts(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        Slider slider = robot.lookup("#slider-verifySeconds").queryAs(Slider.class);
        var loaded = f.model().loadedProperty().get();
        var card = f.model().whatIf().slider("verifySeconds");
        for (double position : new double[] { 0.0, 0.35, 1.0 }) {
            robot.interact(() -> slider.setValue(position));
            settle();
            double verify = card.value().get();
            var reference = loaded.space().evaluate(loaded.scenario().whatIf().with("verifySeconds", verify));
            var predicted = Recommendations.of(reference).getFirst().configuration();
            var shown = f
                .model()
                .getEvaluation()
                .space()
                .configuration(f.model().recommendations().getFirst().row());
            assertEquals(predicted, shown, "T_v = " + verify + " s");
            Label device = robot.lookup("#card-BEST_GOODPUT .card-configuration").queryAs(Label.class);
            Label models = robot.lookup("#card-BEST_GOODPUT .card-models").queryAs(Label.class);
            assertTrue(
                loaded.library().device(predicted.device()).orElseThrow().name().startsWith(device.getText()),
                device.getText()
            );
            assertTrue(models.getText().startsWith("K=" + predicted.k() + " · "), models.getText());
        }
    }

    @Test
    void clickingAPointFillsTheDetails(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        var chart = f.window().chartPane().chart();
        int row = f.model().getEvaluation().front()[f.model().getEvaluation().front().length / 2];
        double[] p = f.awaitPoint(row);
        robot.clickOn(chart.canvas().localToScreen(p[0], p[1]));
        WaitForAsyncUtils.waitForFxEvents();
        int selected = f.model().selectedRowProperty().get();
        // Front points can sit within a pixel of each other: the click selects the nearest one.
        assertTrue(java.util.Arrays.binarySearch(f.model().getEvaluation().front(), selected) >= 0);
        Label title = robot.lookup("#details-title").queryAs(Label.class);
        assertEquals(f.model().getEvaluation().label(selected), title.getText());
        Label goodput = robot.lookup("#figure-goodput").queryAs(Label.class);
        assertTrue(goodput.getText().endsWith("tokens/s"));
        assertEquals(Objective.GOODPUT.unit(), "tokens/s");
        Integer inTable = tableSelection(robot);
        assertEquals(selected, inTable);
    }

    private Integer tableSelection(FxRobot robot) {
        Integer[] out = new Integer[1];
        robot.interact(() -> out[0] = f.window().tablePane().table().getSelectionModel().getSelectedItem());
        return out[0];
    }

    @Test
    void importingAMalformedProfileShowsItsErrorAndLeavesTheDataAlone(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        Path bad = f.writeRefusedNetwork("bad-network.json");
        var chartBefore = f.window().chartPane().chart().getData();
        var entriesBefore = List.copyOf(f.model().library().entries());
        f.importRefused(robot, bad);
        @SuppressWarnings("unchecked")
        ListView<Object> problems = robot.lookup("#library-problems").queryAs(ListView.class);
        assertEquals(1, problems.getItems().size());
        String message = f.model().library().problems().getFirst().message();
        assertTrue(message.startsWith(bad.toString()) || message.contains("bad-network.json"), message);
        assertTrue(message.lines().count() == 1, message);
        assertSame(chartBefore, f.window().chartPane().chart().getData());
        assertEquals(entriesBefore, f.model().library().entries());
    }
}
