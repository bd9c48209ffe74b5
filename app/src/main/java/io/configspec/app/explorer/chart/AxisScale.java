package io.configspec.app.explorer.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps data values to a "transformed" space in which the axis is linear: identity for a linear
 * axis, log10 for a logarithmic one. The chart keeps its viewport in transformed space, so zoom
 * and pan are the same arithmetic on both kinds of axis.
 */
public enum AxisScale {
    LINEAR,
    LOG;

    /** Transformed coordinate of {@code value}; NaN for values a log axis cannot show (≤ 0). */
    public double forward(double value) {
        if (this == LINEAR) {
            return value;
        }
        return value > 0 ? Math.log10(value) : Double.NaN;
    }

    /** Data value of a transformed coordinate. */
    public double inverse(double transformed) {
        return this == LINEAR ? transformed : Math.pow(10, transformed);
    }

    /**
     * Tick positions (data values) between {@code lowT} and {@code highT} (transformed), about
     * {@code target} of them: "nice" 1-2-5 steps on a linear axis, decades (with 2 and 5 when the
     * range is under three decades) on a log axis.
     */
    public List<Double> ticks(double lowT, double highT, int target) {
        List<Double> ticks = new ArrayList<>();
        if (!(highT > lowT) || !Double.isFinite(lowT) || !Double.isFinite(highT)) {
            return ticks;
        }
        if (this == LINEAR) {
            double step = niceStep((highT - lowT) / Math.max(1, target));
            double first = Math.ceil(lowT / step) * step;
            for (double v = first; v <= highT + step * 1e-9 && ticks.size() < 100; v += step) {
                ticks.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
            }
            return ticks;
        }
        int lowDecade = (int) Math.floor(lowT);
        int highDecade = (int) Math.ceil(highT);
        int decades = highDecade - lowDecade;
        int every = Math.max(1, (int) Math.ceil(decades / (double) Math.max(1, target)));
        double[] mantissas = decades <= 2 ? new double[] { 1, 2, 5 } : new double[] { 1 };
        for (int d = lowDecade; d <= highDecade; d++) {
            if ((d - lowDecade) % every != 0) {
                continue;
            }
            for (double m : mantissas) {
                double v = m * Math.pow(10, d);
                double t = Math.log10(v);
                if (t >= lowT - 1e-12 && t <= highT + 1e-12) {
                    ticks.add(v);
                }
            }
        }
        return ticks;
    }

    /** The 1, 2 or 5 × 10^n step closest above {@code rough}. */
    static double niceStep(double rough) {
        if (!(rough > 0) || !Double.isFinite(rough)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double residual = rough / magnitude;
        double nice = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /** Compact tick label: 0.005, 12, 1.5k, 2.5M, 1e-7. */
    public static String format(double value) {
        double a = Math.abs(value);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e9 || a < 1e-4) {
            return String.format(Locale.ROOT, "%.3g", value).replaceAll("\\.?0+e", "e");
        }
        if (a >= 1e6) {
            return trim(String.format(Locale.ROOT, "%.2f", value / 1e6)) + "M";
        }
        if (a >= 1e4) {
            return trim(String.format(Locale.ROOT, "%.2f", value / 1e3)) + "k";
        }
        if (a >= 100) {
            return trim(String.format(Locale.ROOT, "%.1f", value));
        }
        return trim(String.format(Locale.ROOT, "%.4g", value));
    }

    private static String trim(String s) {
        if (!s.contains(".") || s.contains("e")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
