package io.configspec.app.explorer.chart;

import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * One immutable frame of scatter data, column-oriented so 100,000 points cost a few primitive
 * arrays and no objects per point. Row {@code i} is drawn at ({@code x[i]}, {@code y[i]}) in the
 * colour of {@code category[i]}; rows with a NaN coordinate, and rows in {@code hidden}, are not
 * drawn and cannot be hovered or selected.
 *
 * @param x data values on the horizontal axis (not copied: callers must not mutate)
 * @param y data values on the vertical axis, same length as {@code x}
 * @param category index into {@code categoryNames} per row, same length
 * @param categoryNames legend entries
 * @param dimmed rows drawn faded (e.g. violating a constraint); may be null
 * @param hidden rows not drawn at all (e.g. filtered out); may be null
 * @param front row indices of the Pareto front (any order; drawn connected in x order)
 * @param xTitle axis title with unit, e.g. "Goodput (tokens/s)"
 * @param yTitle axis title with unit
 * @param describer tooltip lines for a row (called on the FX thread, only for the hovered row)
 */
public record ChartData(
    double[] x,
    double[] y,
    int[] category,
    List<String> categoryNames,
    boolean[] dimmed,
    boolean[] hidden,
    int[] front,
    String xTitle,
    String yTitle,
    IntFunction<String> describer
) {
    public ChartData {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(category, "category");
        if (y.length != x.length || category.length != x.length) {
            throw new IllegalArgumentException(
                "x, y and category must have the same length: " +
                    x.length +
                    ", " +
                    y.length +
                    ", " +
                    category.length
            );
        }
        if (dimmed != null && dimmed.length != x.length) {
            throw new IllegalArgumentException("dimmed has " + dimmed.length + " rows, expected " + x.length);
        }
        if (hidden != null && hidden.length != x.length) {
            throw new IllegalArgumentException("hidden has " + hidden.length + " rows, expected " + x.length);
        }
        categoryNames = List.copyOf(categoryNames);
        front = front == null ? new int[0] : front;
        describer = describer == null ? i -> "row " + i : describer;
    }

    /** An empty frame. */
    public static ChartData empty() {
        return new ChartData(
            new double[0],
            new double[0],
            new int[0],
            List.of(),
            null,
            null,
            null,
            "",
            "",
            null
        );
    }

    public int size() {
        return x.length;
    }

    /** Whether row {@code i} is drawn (finite coordinates, not hidden). */
    public boolean drawn(int i) {
        return (hidden == null || !hidden[i]) && Double.isFinite(x[i]) && Double.isFinite(y[i]);
    }
}
