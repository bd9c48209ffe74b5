package io.configspec.app.explorer.chart;

import javafx.scene.paint.Color;

/** Colours of the chart's non-data parts, one per application theme. */
public record ChartTheme(
    Color background,
    Color plotBackground,
    Color axis,
    Color grid,
    Color text,
    Color front,
    Color selection,
    Color tooltipBackground,
    Color tooltipText
) {
    public static final ChartTheme LIGHT = new ChartTheme(
        Color.WHITE,
        Color.web("#fbfbfd"),
        Color.web("#404040"),
        Color.web("#e4e4ea"),
        Color.web("#202020"),
        Color.web("#111111"),
        Color.web("#d62728"),
        Color.web("#ffffffee"),
        Color.web("#111111")
    );

    public static final ChartTheme DARK = new ChartTheme(
        Color.web("#1e1f22"),
        Color.web("#232428"),
        Color.web("#b8b8c0"),
        Color.web("#34353b"),
        Color.web("#e6e6ea"),
        Color.web("#f5f5f5"),
        Color.web("#ff6b6b"),
        Color.web("#2b2d31ee"),
        Color.web("#f0f0f0")
    );
}
