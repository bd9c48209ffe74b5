package io.configspec.model.report;

import java.util.List;
import java.util.Objects;

/**
 * A scatter chart as data, for a {@link ChartRenderer} to draw: points in named series (one per
 * device, say), the Pareto front of the two objectives as a line, and labelled markers (the
 * recommendations). Pure data, no drawing: the report and the window's SVG export describe their
 * charts this way and any renderer draws them.
 *
 * @param title one line above the chart
 * @param xLabel x axis title with its unit, e.g. {@code Goodput (tokens/s)}
 * @param yLabel y axis title with its unit
 * @param series the points, one series per category, drawn in their order's colours
 * @param front the front's points in drawing order (a polyline), may be empty
 * @param markers labelled points drawn on top, may be empty
 * @param xLog a logarithmic x axis (values that are not positive are not drawn)
 * @param yLog a logarithmic y axis
 */
public record ReportChart(
    String title,
    String xLabel,
    String yLabel,
    List<Series> series,
    List<Point> front,
    List<Marker> markers,
    boolean xLog,
    boolean yLog
) {
    public ReportChart {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(xLabel, "xLabel");
        Objects.requireNonNull(yLabel, "yLabel");
        series = List.copyOf(series);
        front = List.copyOf(front);
        markers = List.copyOf(markers);
    }

    /** Linear axes. */
    public ReportChart(
        String title,
        String xLabel,
        String yLabel,
        List<Series> series,
        List<Point> front,
        List<Marker> markers
    ) {
        this(title, xLabel, yLabel, series, front, markers, false, false);
    }

    /** Number of points in all series. */
    public int pointCount() {
        return series
            .stream()
            .mapToInt(s -> s.x().length)
            .sum();
    }

    /**
     * Points of one category.
     *
     * @param name legend text
     * @param x x values, finite
     * @param y y values, finite, as many as {@code x}
     */
    public record Series(String name, double[] x, double[] y) {
        public Series {
            Objects.requireNonNull(name, "name");
            if (x.length != y.length) {
                throw new IllegalArgumentException(
                    "series " + name + ": " + x.length + " x values, " + y.length + " y"
                );
            }
        }
    }

    /** One point. */
    public record Point(double x, double y) {}

    /**
     * A labelled point.
     *
     * @param label a short label drawn beside it, e.g. {@code goodput}
     * @param x x value
     * @param y y value
     */
    public record Marker(String label, double x, double y) {}
}
