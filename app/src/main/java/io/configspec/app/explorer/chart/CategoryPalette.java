package io.configspec.app.explorer.chart;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.paint.Color;

/**
 * Colours for categories. A category keeps its colour for the whole session, whatever else is
 * shown beside it: the first category seen gets the first of the ten Tableau 10 colours
 * (distinguishable, also for the common colour-vision deficiencies), the next the second, and so
 * on (then evenly spaced hues); unticking a device does not recolour the others. Speculative
 * lengths ("K=4") use a sequential map instead (dark blue for small K to yellow-green for large K,
 * after matplotlib's viridis), so neighbouring K values look alike and K=2 and K=14 never share a
 * colour (issue 19, item 11). {@link #argb} returns opaque ARGB for the raster point layer.
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

    /** viridis at 0, 0.25, 0.5, 0.75 and 0.9 (the last stop short of its pale yellow end). */
    private static final Color[] SEQUENTIAL = {
        Color.web("#440154"),
        Color.web("#3b528b"),
        Color.web("#21918c"),
        Color.web("#5ec962"),
        Color.web("#bddf26"),
    };

    /** The largest K the sequential map spreads over (larger K get its last colour). */
    static final int K_SCALE_MAX = 16;

    private static final Pattern K = Pattern.compile("K=(\\d+)");
    private static final Map<String, Integer> SLOTS = new ConcurrentHashMap<>();

    private CategoryPalette() {}

    /** The colour of the {@code category}-th colour slot (no session memory). */
    public static Color color(int category) {
        if (category < 0) {
            return Color.GRAY;
        }
        if (category < TABLEAU_10.length) {
            return Color.web(TABLEAU_10[category]);
        }
        return Color.hsb((category * 137.508) % 360, 0.65, 0.85);
    }

    /** The session's colour of a category: by K for "K=n", else its slot, assigned on first sight. */
    public static Color of(String category) {
        Matcher k = K.matcher(category);
        if (k.matches()) {
            return sequential((Integer.parseInt(k.group(1)) - 1) / (double) (K_SCALE_MAX - 1));
        }
        return color(SLOTS.computeIfAbsent(category, c -> SLOTS.size()));
    }

    /** Colours of {@code names}, in order (see {@link #of}). */
    public static Color[] of(List<String> names) {
        Color[] out = new Color[names.size()];
        for (int i = 0; i < out.length; i++) out[i] = of(names.get(i));
        return out;
    }

    /** The sequential map at {@code t} in [0, 1] (clamped). */
    public static Color sequential(double t) {
        double p = Math.max(0, Math.min(1, t)) * (SEQUENTIAL.length - 1);
        int i = Math.min((int) p, SEQUENTIAL.length - 2);
        return SEQUENTIAL[i].interpolate(SEQUENTIAL[i + 1], p - i);
    }

    /** Opaque ARGB int of {@code colour}, faded toward {@code background} when {@code dimmed}. */
    public static int argb(Color colour, boolean dimmed, Color background) {
        Color c = dimmed ? colour.interpolate(background, 0.75) : colour;
        return toArgb(c);
    }

    static int toArgb(Color c) {
        int r = (int) Math.round(c.getRed() * 255);
        int g = (int) Math.round(c.getGreen() * 255);
        int b = (int) Math.round(c.getBlue() * 255);
        return 0xff000000 | (r << 16) | (g << 8) | b;
    }
}
