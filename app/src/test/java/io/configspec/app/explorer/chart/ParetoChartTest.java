package io.configspec.app.explorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ParetoChartTest {

    private ParetoChart chart;

    @Start
    void start(Stage stage) {
        chart = new ParetoChart();
        stage.setScene(new Scene(chart, 800, 500));
        stage.show();
    }

    private static ChartData threePoints() {
        return piAndOrin(new double[] { 1, 2, 3 }, new double[] { 3, 1.2, 1 });
    }

    /** Three rows at {@code x}, {@code y}: rows 0 and 2 "Pi 5" and on the front, row 1 "Orin". */
    private static ChartData piAndOrin(double[] x, double[] y) {
        return new ChartData(
            x,
            y,
            new int[] { 0, 1, 0 },
            List.of("Pi 5", "Orin"),
            null,
            null,
            new int[] { 0, 2 },
            "Goodput (tokens/s)",
            "Tokens per dollar (tokens/$)",
            i -> "row " + i
        );
    }

    @Test
    void clickingAPointSelectsIt(FxRobot robot) {
        double[] p = showThreePoints(robot, 1);
        assertNotNull(p, "row 1 is on screen");
        robot.clickOn(chart.canvas().localToScreen(p[0] + 2, p[1] - 1));
        assertEquals(1, chart.selectedRowProperty().get());
    }

    @Test
    void hoverFindsTheNearestPoint(FxRobot robot) {
        double[] p = showThreePoints(robot, 2);
        robot.moveTo(chart.canvas().localToScreen(p[0] - 3, p[1] + 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, chart.hoveredRowProperty().get());
    }

    @Test
    void pointsArePaintedInTheirCategoryColour(FxRobot robot) {
        double[] p = showThreePoints(robot, 1);
        WritableImage image = snapshot(robot);
        Color pixel = image.getPixelReader().getColor((int) p[0], (int) p[1]);
        assertEquals(CategoryPalette.of("Orin").toString(), pixel.toString());
    }

    /** Shows {@link #threePoints()} and returns where {@code row} is drawn (canvas pixels). */
    private double[] showThreePoints(FxRobot robot, int row) {
        robot.interact(() -> chart.setData(threePoints()));
        WaitForAsyncUtils.waitForFxEvents();
        return chart.screenPosition(row);
    }

    private WritableImage snapshot(FxRobot robot) {
        WritableImage[] out = new WritableImage[1];
        robot.interact(() -> out[0] = chart.canvas().snapshot(null, null));
        return out[0];
    }

    @Test
    void zoomAndResetRestoreTheFittedView(FxRobot robot) {
        double[] before = showThreePoints(robot, 0);
        robot.interact(() -> chart.zoom(0.5));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(chart.isZoomed());
        robot.interact(chart::resetView);
        WaitForAsyncUtils.waitForFxEvents();
        double[] after = chart.screenPosition(0);
        assertEquals(before[0], after[0], 1e-3);
        assertEquals(before[1], after[1], 1e-3);
    }

    @Test
    void drawsAHundredThousandPointsAndFindsThem(FxRobot robot) {
        int n = 100_000;
        Random random = new Random(1);
        double[] x = new double[n];
        double[] y = new double[n];
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = 1 + random.nextDouble() * 100;
            y[i] = 1 + random.nextDouble() * 1000;
            c[i] = i % 7;
        }
        ChartData data = new ChartData(
            x,
            y,
            c,
            List.of("a", "b", "c", "d", "e", "f", "g"),
            null,
            null,
            new int[] { 5, 6 },
            "x",
            "y",
            null
        );
        robot.interact(() -> {
            chart.yScaleProperty().set(AxisScale.LOG);
            chart.setData(data);
        });
        WaitForAsyncUtils.waitForFxEvents();
        double[] p = chart.screenPosition(12_345);
        assertNotNull(p);
        assertTrue(chart.framesRenderedProperty().get() > 0);
        assertTrue(chart.rowAt(p[0], p[1]) >= 0);
    }

    /**
     * Points in every corner (the paper scenario's chart): the legend, with three long device
     * names, lies in its own strip above the plot and covers no point (issue 19, legend leftover).
     */
    @Test
    void theLegendCoversNoPointEvenWhenEveryCornerHasPoints(FxRobot robot) {
        int n = 400;
        Random random = new Random(19);
        double[] x = new double[n];
        double[] y = new double[n];
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            // A grid of points over the whole plot, the corners included.
            x[i] = (i % 20) + random.nextDouble() * 0.2;
            y[i] = (i / 20) + random.nextDouble() * 0.2;
            c[i] = i % 3;
        }
        ChartData data = new ChartData(
            x,
            y,
            c,
            List.of(
                "Raspberry Pi 4B (ConfigSpec analysis)",
                "Raspberry Pi 5 (ConfigSpec analysis speeds)",
                "Jetson AGX Orin (ConfigSpec analysis speeds)"
            ),
            null,
            null,
            new int[] { n - 1 },
            "x",
            "y",
            i -> "row " + i
        );
        robot.interact(() -> chart.setData(data));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.geometry.Rectangle2D[] areas = chart.legendAndPlotArea();
        javafx.geometry.Rectangle2D legend = areas[0];
        javafx.geometry.Rectangle2D plot = areas[1];
        assertNotNull(legend, "a legend is drawn");
        assertTrue(legend.getMaxY() <= plot.getMinY(), legend + " above " + plot);
        for (int row = 0; row < n; row++) {
            double[] p = chart.screenPosition(row);
            assertNotNull(p, "row " + row + " is on screen");
            assertTrue(!legend.contains(p[0], p[1]), "row " + row + " at " + p[0] + ", " + p[1]);
        }
        // Its swatches are painted where the legend says: the first device's colour at its start.
        WritableImage image = snapshot(robot);
        Color swatch = image
            .getPixelReader()
            .getColor((int) legend.getMinX() + 4, (int) (legend.getMinY() + 8));
        assertEquals(
            CategoryPalette.of("Raspberry Pi 4B (ConfigSpec analysis)").toString(),
            swatch.toString()
        );
    }

    @Test
    void thePlotAreaRoundTripsValuesThroughPixelsOnLogAndLinearAxes() {
        // x: log, 1…1000 (transformed 0…3) over 600 px; y: linear, −1…9 over 400 px, upwards
        var logX = new ParetoChart.PlotArea(70, 40, 600, 400, AxisScale.LOG, AxisScale.LINEAR, 0, 3, -1, 9);
        assertEquals(70, logX.x(1), 1e-9);
        assertEquals(270, logX.x(10), 1e-9, "a decade is a third of the width");
        assertEquals(470, logX.x(100), 1e-9);
        assertEquals(670, logX.x(1000), 1e-9);
        assertEquals(440, logX.y(-1), 1e-9, "the smallest y is at the bottom edge");
        assertEquals(40, logX.y(9), 1e-9);
        assertEquals(240, logX.y(4), 1e-9);
        assertTrue(Double.isNaN(logX.x(0)), "a log axis cannot show 0");
        for (double v : new double[] { 0.37, 1, 4.2, 10, 123.4, 999, 5e4 }) {
            assertEquals(v, valueX(logX, logX.x(v)), v * 1e-12, "x " + v);
        }
        for (double v : new double[] { -1, -0.3, 0, 2.5, 9, 20 }) {
            assertEquals(v, valueY(logX, logX.y(v)), 1e-12, "y " + v);
        }
        for (double px = 70; px <= 670; px += 37.5) {
            assertEquals(px, logX.x(valueX(logX, px)), 1e-9);
        }

        // x: linear 0…8, y: log 0.01…100 (transformed −2…2)
        var logY = new ParetoChart.PlotArea(46, 8, 300, 200, AxisScale.LINEAR, AxisScale.LOG, 0, 8, -2, 2);
        assertEquals(46 + (300 * 3) / 8.0, logY.x(3), 1e-9);
        assertEquals(108, logY.y(1), 1e-9, "10^0 halfway up");
        assertEquals(58, logY.y(10), 1e-9);
        for (double v : new double[] { 0.01, 0.05, 1, 7.7, 100 }) {
            assertEquals(v, valueY(logY, logY.y(v)), v * 1e-12, "y " + v);
        }
        for (double v : new double[] { 0, 0.25, 3, 8 }) {
            assertEquals(v, valueX(logY, logY.x(v)), 1e-12, "x " + v);
        }
        for (double py = 8; py <= 208; py += 25) {
            assertEquals(py, logY.y(valueY(logY, py)), 1e-9);
        }
    }

    /** The x-axis value at canvas x {@code px}: the plot's inverse, then the axis's scale. */
    private static double valueX(ParetoChart.PlotArea plot, double px) {
        return plot.xScale().inverse(plot.transformedX(px));
    }

    private static double valueY(ParetoChart.PlotArea plot, double py) {
        return plot.yScale().inverse(plot.transformedY(py));
    }

    /**
     * The only Orin point is found by its colour in the painted canvas (not by the chart's own
     * index), on a log x axis: clicking that pixel selects it.
     */
    @Test
    void clickingThePixelWhereAPointIsPaintedSelectsIt(FxRobot robot) {
        robot.interact(() -> {
            chart.xScaleProperty().set(AxisScale.LOG);
            chart.setData(logSpaced());
        });
        WaitForAsyncUtils.waitForFxEvents();
        double[] painted = paintedCentre(robot, CategoryPalette.of("Orin"));
        assertNotNull(painted, "the Orin point is painted in the plot");
        robot.clickOn(chart.canvas().localToScreen(painted[0], painted[1]));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, chart.selectedRowProperty().get());
    }

    /** Rows at x = 1, 10, 100 (a decade apart), row 1 the only "Orin" one, off the front. */
    private static ChartData logSpaced() {
        return piAndOrin(new double[] { 1, 10, 100 }, new double[] { 3, 2, 1 });
    }

    /** Centre of the plot's pixels painted exactly {@code colour} (canvas px), or null. */
    private double[] paintedCentre(FxRobot robot, Color colour) {
        WritableImage image = snapshot(robot);
        javafx.geometry.Rectangle2D plot = chart.legendAndPlotArea()[1];
        double sx = 0;
        double sy = 0;
        int count = 0;
        for (int y = (int) plot.getMinY() + 1; y < (int) plot.getMaxY() - 1; y++) {
            for (int x = (int) plot.getMinX() + 1; x < (int) plot.getMaxX() - 1; x++) {
                if (image.getPixelReader().getColor(x, y).toString().equals(colour.toString())) {
                    sx += x + 0.5;
                    sy += y + 0.5;
                    count++;
                }
            }
        }
        return count == 0 ? null : new double[] { sx / count, sy / count };
    }

    @Test
    void aBoxDrawnAroundAPointOnALogAxisZoomsOntoIt(FxRobot robot) {
        robot.interact(() -> {
            chart.xScaleProperty().set(AxisScale.LOG);
            chart.setData(logSpaced());
        });
        WaitForAsyncUtils.waitForFxEvents();
        double[] p = chart.screenPosition(1);
        assertNotNull(p);
        robot
            .drag(chart.canvas().localToScreen(p[0] - 30, p[1] - 20), MouseButton.SECONDARY)
            .moveTo(chart.canvas().localToScreen(p[0] + 30, p[1] + 20))
            .drop();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(chart.isZoomed());
        javafx.geometry.Rectangle2D plot = chart.legendAndPlotArea()[1];
        double[] after = chart.screenPosition(1);
        assertNotNull(after, "the boxed point stays in view");
        // the box was centred on it, so the view is too (in log space on x)
        assertEquals(plot.getMinX() + plot.getWidth() / 2, after[0], 1.5);
        assertEquals(plot.getMinY() + plot.getHeight() / 2, after[1], 1.5);
        assertNull(chart.screenPosition(0), "outside the box");
        assertNull(chart.screenPosition(2), "outside the box");
    }

    @Test
    void panningOnALogAxisKeepsThePointUnderTheCursor(FxRobot robot) {
        robot.interact(() -> {
            chart.xScaleProperty().set(AxisScale.LOG);
            chart.setData(logSpaced());
        });
        WaitForAsyncUtils.waitForFxEvents();
        double[] p = chart.screenPosition(1);
        robot.drag(chart.canvas().localToScreen(p[0] + 20, p[1] + 15)).moveBy(60, -40).drop();
        WaitForAsyncUtils.waitForFxEvents();
        double[] after = chart.screenPosition(1);
        assertNotNull(after);
        assertEquals(p[0] + 60, after[0], 1.0);
        assertEquals(p[1] - 40, after[1], 1.0);
    }
}
