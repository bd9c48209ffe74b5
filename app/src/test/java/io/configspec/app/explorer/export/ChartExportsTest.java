package io.configspec.app.explorer.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import eu.hansolo.tilesfx.Tile;
import io.configspec.app.explorer.chart.ChartData;
import io.configspec.app.explorer.chart.ParetoChart;
import io.configspec.app.explorer.view.ExplorerWindowFixture;
import io.configspec.app.explorer.viewmodel.RecommendationKind;
import io.configspec.model.report.ReportChart;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

/**
 * Every chart the window shows, in every view, saves as PNG and as SVG; right-click on a chart
 * offers both; the SVG of a Pareto chart holds its points, front, selection and log scales.
 */
@ExtendWith(ApplicationExtension.class)
class ChartExportsTest {

    @RegisterExtension
    final ExplorerWindowFixture f = ExplorerWindowFixture.perTest();

    private final List<String> status = new ArrayList<>();

    @TempDir
    Path out;

    @Test
    void everyChartOfEveryViewSavesAsPngAndAsSvg(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        TabPane views = robot.lookup("#views").queryAs(TabPane.class);
        Map<String, List<Node>> chartsByView = new LinkedHashMap<>();
        for (Tab tab : List.copyOf(views.getTabs())) {
            robot.interact(() -> views.getSelectionModel().select(tab)); // builds a lazy view
            WaitForAsyncUtils.waitForFxEvents();
            List<Node> charts = new ArrayList<>();
            robot.interact(() -> charts.addAll(ChartExports.chartsIn(tab.getContent())));
            chartsByView.put(tab.getText(), charts);
            for (Node chart : charts) {
                String name = tab.getText() + " / " + ChartExports.nameOf(chart);
                Path png = out.resolve(
                    ChartExports.nameOf(chart) + "-" + System.identityHashCode(chart) + ".png"
                );
                Path svg = png.resolveSibling(png.getFileName().toString().replace(".png", ".svg"));
                save(robot, chart, ChartExports.Format.PNG, png);
                save(robot, chart, ChartExports.Format.SVG, svg);
                BufferedImage image = ImageIO.read(png.toFile());
                assertNotNull(image, name + ": a PNG");
                Bounds shown = chart.getLayoutBounds();
                assertTrue(
                    image.getWidth() >= shown.getWidth() - 1 && image.getWidth() <= shown.getWidth() + 40,
                    name +
                        ": the size shown (a shadow may add a little), " +
                        image.getWidth() +
                        " for " +
                        shown
                );
                Document document = DocumentBuilderFactory.newInstance()
                    .newDocumentBuilder()
                    .parse(svg.toFile());
                assertEquals("svg", document.getDocumentElement().getNodeName(), name);
                String text = document.getDocumentElement().getTextContent();
                for (String label : labels(robot, chart)) {
                    assertTrue(text.contains(label), name + ": the SVG says '" + label + "'");
                }
            }
        }
        assertEquals(1, chartsByView.get("Pareto chart").size(), chartsByView.toString());
        assertEquals(3, chartsByView.get("Three objectives").size(), chartsByView.toString());
        assertEquals(
            5,
            chartsByView.get("Fleet").size(),
            "goodput, attainment, capacity, latency, sensitivity"
        );
        assertTrue(
            chartsByView
                .get("Boards")
                .stream()
                .anyMatch(n -> n instanceof Tile),
            "the board power sparkline"
        );
        assertTrue(status.stream().allMatch(s -> s.contains(" saved to ")), status.toString());
    }

    private void save(FxRobot robot, Node chart, ChartExports.Format format, Path file) throws Exception {
        List<java.util.concurrent.CompletableFuture<Path>> done = new ArrayList<>();
        robot.interact(() ->
            done.add(ChartExportActions.save(List.of(chart), format, file, f.model().executor(), status::add))
        );
        try {
            assertEquals(file, done.get(0).get(90, TimeUnit.SECONDS));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(file.getFileName() + " was not saved within 90 s; status: " + status, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(Files.size(file) > 0);
    }

    /** The words a chart shows that its SVG must say too: its title and axis titles. */
    private static List<String> labels(FxRobot robot, Node chart) {
        List<String> labels = new ArrayList<>();
        robot.interact(() -> {
            switch (chart) {
                case XYChart<?, ?> xy -> {
                    if (xy.getTitle() != null) labels.add(xy.getTitle());
                    if (!(xy instanceof BarChart<?, ?>)) labels.add(xy.getYAxis().getLabel());
                    for (XYChart.Series<?, ?> s : xy.getData()) {
                        if (s.getName() != null && xy.isLegendVisible()) labels.add(s.getName());
                    }
                }
                case ParetoChart p -> {
                    labels.add(p.getData().xTitle());
                    labels.add(p.getData().yTitle());
                    ChartExports.reportChart(p)
                        .series()
                        .forEach(s -> labels.add(s.name()));
                }
                case Tile t -> labels.add(t.getTitle());
                default -> {}
            }
        });
        labels.removeIf(s -> s == null || s.isBlank());
        return labels;
    }

    @Test
    void theSvgOfAParetoChartHoldsItsPointsFrontSelectionAndLogScale(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        ParetoChart chart = f.window().chartPane().chart();
        int best = f.model().getEvaluation().recommendedRow(RecommendationKind.BEST_GOODPUT);
        robot.interact(() -> {
            f.model().selectedRowProperty().set(best);
            f.model().viewSettings().yLog().set(true);
        });
        WaitForAsyncUtils.waitForFxEvents();
        ReportChart[] described = new ReportChart[1];
        robot.interact(() -> described[0] = ChartExports.reportChart(chart));
        ChartData data = chart.getData();
        int drawn = 0;
        for (int i = 0; i < data.size(); i++) if (data.drawn(i) && data.y()[i] > 0) drawn++;
        assertTrue(drawn > 0);
        assertEquals(drawn, described[0].pointCount(), "every point drawn, once");
        assertTrue(described[0].yLog());
        assertFalse(described[0].xLog());
        assertEquals(data.xTitle(), described[0].xLabel());
        int front = 0;
        for (int i : data.front()) if (data.drawn(i) && data.y()[i] > 0) front++;
        assertEquals(front, described[0].front().size());
        assertEquals(1, described[0].markers().size());
        assertEquals(data.x()[best], described[0].markers().get(0).x());
        for (ReportChart.Series s : described[0].series()) {
            assertTrue(
                data.categoryNames().contains(s.name()) || s.name().equals(ChartExports.VIOLATES),
                s.name()
            );
        }
    }

    @Test
    void rightClickingAChartOffersPngAndSvgAndOnAPointTheServingExportToo(FxRobot robot) throws Exception {
        f.loadPaper(robot);
        ParetoChart chart = f.window().chartPane().chart();
        // An empty corner of the plot: the chart menu only.
        Bounds b = chart.localToScreen(chart.getLayoutBounds());
        robot.rightClickOn(new Point2D(b.getMaxX() - 30, b.getMinY() + 30));
        assertTrue(robot.lookup("#chart-save-png").tryQuery().isPresent());
        assertTrue(robot.lookup("#chart-save-svg").tryQuery().isPresent());
        assertFalse(robot.lookup("#export-for-serving-menu").tryQuery().isPresent());
        robot.press(javafx.scene.input.KeyCode.ESCAPE).release(javafx.scene.input.KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        // A point: the serving export and the chart's two.
        int best = f.model().getEvaluation().recommendedRow(RecommendationKind.BEST_GOODPUT);
        double[] at = chart.screenPosition(best);
        robot.rightClickOn(chart.canvas().localToScreen(at[0], at[1]));
        assertTrue(robot.lookup("#export-for-serving-menu").tryQuery().isPresent());
        assertTrue(robot.lookup("#chart-save-svg").tryQuery().isPresent());
    }

    @Test
    void aLineChartsSvgKeepsItsSeriesNamesAndCssColours(FxRobot robot) throws Exception {
        javafx.scene.chart.LineChart<Number, Number>[] line = new javafx.scene.chart.LineChart[1];
        robot.interact(() -> {
            var chart = new javafx.scene.chart.LineChart<Number, Number>(
                new javafx.scene.chart.NumberAxis(),
                new javafx.scene.chart.NumberAxis()
            );
            chart.setTitle("Goodput against fleet size");
            chart.getXAxis().setLabel("devices");
            chart.getYAxis().setLabel("goodput (tokens/s)");
            chart.setAnimated(false);
            XYChart.Series<Number, Number> sled = new XYChart.Series<>();
            sled.setName("SLED");
            sled.getData().add(new XYChart.Data<>(1, 10.5));
            sled.getData().add(new XYChart.Data<>(2, 19.25));
            chart.getData().add(sled);
            Stage stage = new Stage();
            stage.setScene(new Scene(chart, 400, 300));
            stage.show();
            line[0] = chart;
        });
        WaitForAsyncUtils.waitForFxEvents();
        Path svg = out.resolve("line.svg");
        save(robot, line[0], ChartExports.Format.SVG, svg);
        String text = Files.readString(svg);
        assertTrue(text.contains(">SLED<"), "legend");
        assertTrue(text.contains(">devices<"), "x axis");
        // modena's first series colour, read from the drawn line (CSS), not a palette of ours
        assertTrue(text.toLowerCase().contains("rgb(243,98,45)"), "the line's colour as shown");
    }
}
