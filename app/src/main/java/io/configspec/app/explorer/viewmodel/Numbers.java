package io.configspec.app.explorer.viewmodel;

import io.configspec.model.analysis.Objective;
import java.util.Locale;

/** Formatting of user-facing numbers: always with a unit, 3–4 significant digits. */
public final class Numbers {

    private Numbers() {}

    /** {@code value} with about four significant digits and no exponent for everyday magnitudes. */
    public static String plain(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "−∞";
        }
        double a = Math.abs(value);
        if (a != 0 && (a >= 1e7 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.3g", value);
        }
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** Short form for cards and labels: 5.11, 1.92M, 36.4k. */
    public static String compact(double value) {
        double a = Math.abs(value);
        if (Double.isNaN(value)) return "n/a";
        if (a >= 1e9) return String.format(Locale.ROOT, "%.3gG", value / 1e9);
        if (a >= 1e6) return String.format(Locale.ROOT, "%.3gM", value / 1e6);
        if (a >= 1e4) return String.format(Locale.ROOT, "%.3gk", value / 1e3);
        return plain(value);
    }

    /**
     * A count with its noun in the right number: "1 file", "0 files", "3 drafting measurements".
     *
     * @param singular the noun for exactly one
     * @param plural the noun for any other count
     */
    public static String count(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }

    /** The value of an objective with its unit, e.g. "5.312 tokens/s". */
    public static String of(Objective objective, double value) {
        return plain(value) + " " + objective.unit();
    }

    public static String seconds(double seconds) {
        if (Double.isNaN(seconds)) {
            return "n/a";
        }
        return seconds < 1 ? plain(seconds * 1000) + " ms" : plain(seconds) + " s";
    }

    /** Relative change from {@code base} to {@code value}, e.g. "+12 %". */
    public static String change(double base, double value) {
        if (!(base != 0) || Double.isNaN(base) || Double.isNaN(value)) {
            return "n/a";
        }
        double pct = ((value - base) / Math.abs(base)) * 100;
        if (Math.abs(pct) < 0.05) {
            return "the same";
        }
        String sign = pct > 0 ? "+" : "−";
        double a = Math.abs(pct);
        return (
            sign +
            (a < 10 ? String.format(Locale.ROOT, "%.1f", a) : String.format(Locale.ROOT, "%.0f", a)) +
            " %"
        );
    }

    /** Axis title of an objective, e.g. "Goodput (tokens/s)". */
    public static String axisTitle(Objective objective) {
        return objective.label() + " (" + objective.unit() + ")";
    }
}
