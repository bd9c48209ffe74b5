package io.configspec.app.explorer.viewmodel;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * One what-if slider: a {@link io.configspec.model.analysis.WhatIf} key, its range and unit, the
 * value shown, and whether it overrides the profiles. An untouched slider shows the profile's
 * (or the scenario's) value and changes nothing; moving it makes it an override.
 *
 * @param key what-if key, as for {@code --set KEY=VALUE}
 * @param label what the slider changes, e.g. "Verification latency T_v"
 * @param unit unit of the value, e.g. "s"
 * @param lowest smallest value; may change with the open scenario ({@link #setRange}: the K sliders
 *     offer the K the acceptance was measured for)
 * @param highest largest value, as {@code lowest}
 * @param logarithmic whether the slider moves in log space (ranges over decades)
 * @param integer whether only whole values are allowed (K)
 * @param constraint whether this is a constraint threshold (off until switched on)
 * @param applies whether the open scenario has the quantity at all (a scenario without a network
 *     has no round trip or bandwidth to change); a slider that does not apply is not shown and
 *     overrides nothing
 */
public record WhatIfSlider(
    String key,
    String label,
    String unit,
    DoubleProperty lowest,
    DoubleProperty highest,
    boolean logarithmic,
    boolean integer,
    boolean constraint,
    DoubleProperty value,
    BooleanProperty overridden,
    BooleanProperty applies
) {
    public static WhatIfSlider of(
        String key,
        String label,
        String unit,
        double min,
        double max,
        boolean logarithmic,
        boolean integer,
        boolean constraint
    ) {
        return new WhatIfSlider(
            key,
            label,
            unit,
            new SimpleDoubleProperty(null, key + "Min", min),
            new SimpleDoubleProperty(null, key + "Max", max),
            logarithmic,
            integer,
            constraint,
            new SimpleDoubleProperty(null, key, min),
            new SimpleBooleanProperty(null, key + "Overridden", false),
            new SimpleBooleanProperty(null, key + "Applies", true)
        );
    }

    /** The smallest value the slider offers now. */
    public double min() {
        return lowest.get();
    }

    /** The largest value the slider offers now. */
    public double max() {
        return highest.get();
    }

    /**
     * Offers values from {@code min} to {@code max} from now on; a value outside is moved to the
     * nearer end (the caller then shows the value it wants).
     */
    public void setRange(double min, double max) {
        if (!(min <= max)) {
            throw new IllegalArgumentException(key + ": range " + min + " to " + max + " is empty");
        }
        lowest.set(min);
        highest.set(max);
        value.set(clamp(value.get()));
    }

    /** {@code v} moved into the slider's range (its nearer end when outside). */
    public double clamp(double v) {
        return Math.max(min(), Math.min(max(), v));
    }

    /** Slider position in [0, 1] of a value (log or linear). */
    public double toPosition(double v) {
        double min = min();
        double max = max();
        double clamped = clamp(v);
        if (max == min) {
            return 0;
        }
        if (logarithmic) {
            return (Math.log(clamped) - Math.log(min)) / (Math.log(max) - Math.log(min));
        }
        return (clamped - min) / (max - min);
    }

    /** Value of a slider position in [0, 1], rounded for integer sliders. */
    public double fromPosition(double position) {
        double min = min();
        double max = max();
        double p = Math.max(0, Math.min(1, position));
        double v = logarithmic
            ? Math.exp(Math.log(min) + p * (Math.log(max) - Math.log(min)))
            : min + p * (max - min);
        return integer ? Math.rint(v) : v;
    }

    /** Keyboard and track-click steps in the whole travel: every whole value for K, else 40 steps. */
    public static final int STEPS = 40;

    /**
     * One arrow-key or track-click step in slider position units ([0, 1]): one whole value for
     * integer sliders, 1/{@value #STEPS} of the travel otherwise (a factor of (max/min)^(1/40) on a
     * log slider, e.g. ×1.15 for T_v from 0.01 s to 3 s).
     */
    public double positionStep() {
        return integer ? 1.0 / Math.max(1, max() - min()) : 1.0 / STEPS;
    }

    /**
     * A typed value: a number, optionally followed by this slider's unit ("0.25", "0.25 s",
     * "1.5×"); must lie within [min, max].
     *
     * @throws IllegalArgumentException with a sentence a user can act on
     */
    public double parse(String typed) {
        String text = typed == null ? "" : typed.trim();
        if (!unit.isEmpty() && text.endsWith(unit)) {
            text = text.substring(0, text.length() - unit.length()).trim();
        }
        text = text.replace(",", "").replace('−', '-');
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + typed + "' is not a number; " + rangeText());
        }
        return require(v, typed.trim());
    }

    /** {@link #require(double, String)} of a value given in code, shown as this slider shows its range. */
    public double require(double v) {
        return require(v, trimmed(v));
    }

    /**
     * {@code v} if this slider offers it now (within [min, max], whole for K).
     *
     * @param shown the value as the user gave it, for the sentence
     * @throws IllegalArgumentException with a sentence a user can act on
     */
    public double require(double v, String shown) {
        if (!(v >= min() && v <= max())) {
            throw new IllegalArgumentException(
                label + " must be " + rangeText().substring(5) + ", got " + shown
            );
        }
        if (integer && v != Math.rint(v)) {
            throw new IllegalArgumentException(label + " must be a whole number, got " + shown);
        }
        return v;
    }

    /** "type a number from 0.01 to 3 s". */
    public String rangeText() {
        return "type a number from " + trimmed(min()) + " to " + trimmed(max()) + afterNumber(unit);
    }

    /** A unit as it follows a number: " s", " ×", or nothing for a unitless slider. */
    private static String afterNumber(String unit) {
        return unit.isEmpty() ? "" : " " + unit;
    }

    private static String trimmed(double v) {
        String s = Numbers.plain(v).replace(",", "");
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    /** The number shown beside the slider, without its unit. */
    public String displayNumber() {
        double v = value.get();
        return integer ? String.valueOf((long) v) : Numbers.plain(v);
    }

    /** The unit shown after {@link #displayNumber()} (may be empty): "1 token", "2 tokens". */
    public String displayUnit() {
        return unit.equals("tokens") && value.get() == 1 ? "token" : unit;
    }

    /** The value as shown beside the slider, with its unit. */
    public String display() {
        return displayNumber() + afterNumber(displayUnit());
    }
}
