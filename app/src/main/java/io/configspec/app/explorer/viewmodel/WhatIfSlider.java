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
 * @param min smallest value
 * @param max largest value
 * @param logarithmic whether the slider moves in log space (ranges over decades)
 * @param integer whether only whole values are allowed (K)
 * @param constraint whether this is a constraint threshold (off until switched on)
 */
public record WhatIfSlider(
    String key,
    String label,
    String unit,
    double min,
    double max,
    boolean logarithmic,
    boolean integer,
    boolean constraint,
    DoubleProperty value,
    BooleanProperty overridden
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
            min,
            max,
            logarithmic,
            integer,
            constraint,
            new SimpleDoubleProperty(null, key, min),
            new SimpleBooleanProperty(null, key + "Overridden", false)
        );
    }

    /** Slider position in [0, 1] of a value (log or linear). */
    public double toPosition(double v) {
        double clamped = Math.max(min, Math.min(max, v));
        if (logarithmic) {
            return (Math.log(clamped) - Math.log(min)) / (Math.log(max) - Math.log(min));
        }
        return (clamped - min) / (max - min);
    }

    /** Value of a slider position in [0, 1], rounded for integer sliders. */
    public double fromPosition(double position) {
        double p = Math.max(0, Math.min(1, position));
        double v = logarithmic
            ? Math.exp(Math.log(min) + p * (Math.log(max) - Math.log(min)))
            : min + p * (max - min);
        return integer ? Math.rint(v) : v;
    }

    /** The value as shown beside the slider, with its unit. */
    public String display() {
        double v = value.get();
        String number = integer ? String.valueOf((long) v) : Numbers.plain(v);
        return unit.isEmpty() ? number : unit.equals("×") ? number + " ×" : number + " " + unit;
    }
}
