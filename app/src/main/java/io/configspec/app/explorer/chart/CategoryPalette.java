package io.configspec.app.explorer.chart;

import javafx.scene.paint.Color;

/**
 * Colours for categories: the ten Tableau 10 colours (distinguishable, also for the common
 * colour-vision deficiencies), then evenly spaced hues. {@link #argb} returns premultiplied ARGB
 * for the raster point layer.
 */
public final class CategoryPalette {

    private static final String[] TABLEAU_10 = {
        "#4e79a7",
        "#f28e2b",
        "#e15759",
        "#76b7b2",
        "#59a14f",
        "#edc948",
        "#b07aa1",
        "#ff9da7",
        "#9c755f",
        "#bab0ac",
    };

    private CategoryPalette() {}

    public static Color color(int category) {
        if (category < 0) {
            return Color.GRAY;
        }
        if (category < TABLEAU_10.length) {
            return Color.web(TABLEAU_10[category]);
        }
        return Color.hsb((category * 137.508) % 360, 0.65, 0.85);
    }

    /** Opaque ARGB int of {@link #color}, faded toward {@code background} when {@code dimmed}. */
    public static int argb(int category, boolean dimmed, Color background) {
        Color c = color(category);
        if (dimmed) {
            c = c.interpolate(background, 0.75);
        }
        return toArgb(c);
    }

    static int toArgb(Color c) {
        int r = (int) Math.round(c.getRed() * 255);
        int g = (int) Math.round(c.getGreen() * 255);
        int b = (int) Math.round(c.getBlue() * 255);
        return 0xff000000 | (r << 16) | (g << 8) | b;
    }
}
