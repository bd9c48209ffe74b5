package io.configspec.app.explorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
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
        return new ChartData(
            new double[] { 1, 2, 3 },
            new double[] { 3, 1.2, 1 },
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
}
