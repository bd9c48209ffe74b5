package io.configspec.app.explorer.view;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import org.testfx.api.FxRobot;

/** Asserts that the main window's panes lie inside the window, each with a usable size. */
final class PaneBounds {

    /** Pane id → the least width and height, in px, at which it is still usable. */
    static final Map<String, double[]> PANES = new LinkedHashMap<>();

    static {
        PANES.put("#library-pane", new double[] { 150, 150 });
        PANES.put("#pareto-chart", new double[] { 300, 150 });
        PANES.put("#what-if-pane", new double[] { 200, 200 });
        PANES.put("#details-pane", new double[] { 300, 60 });
        PANES.put("#status-bar", new double[] { 500, 12 });
        PANES.put("#status-provenance", new double[] { 50, 8 });
        PANES.put("#recommendations", new double[] { 300, 30 });
    }

    private PaneBounds() {}

    static void assertAllInside(FxRobot robot, MainWindow window) {
        StringBuilder problems = new StringBuilder();
        robot.interact(() -> {
            window.applyCss();
            window.layout();
            // In the window's own coordinates (the journey may show it scaled).
            double width = window.getWidth();
            double height = window.getHeight();
            for (var pane : PANES.entrySet()) {
                Node node = window.lookup(pane.getKey());
                assertNotNull(node, pane.getKey());
                Bounds b = window.sceneToLocal(node.localToScene(node.getLayoutBounds()));
                double w = Math.min(b.getMaxX(), width) - Math.max(b.getMinX(), 0);
                double h = Math.min(b.getMaxY(), height) - Math.max(b.getMinY(), 0);
                boolean inside =
                    b.getMinX() >= -0.5 &&
                    b.getMinY() >= -0.5 &&
                    b.getMaxX() <= width + 0.5 &&
                    b.getMaxY() <= height + 0.5;
                if (!inside || w < pane.getValue()[0] || h < pane.getValue()[1] || !node.isVisible()) {
                    problems
                        .append(pane.getKey())
                        .append(" at ")
                        .append(
                            String.format(
                                "x %.0f–%.0f, y %.0f–%.0f",
                                b.getMinX(),
                                b.getMaxX(),
                                b.getMinY(),
                                b.getMaxY()
                            )
                        )
                        .append(" in a ")
                        .append(String.format("%.0f × %.0f window; ", width, height));
                }
            }
        });
        assertTrue(problems.isEmpty(), problems.toString());
    }
}
