package io.configspec.app.explorer.viewmodel;

import io.configspec.model.analysis.Constraint;
import io.configspec.model.analysis.Objective;
import io.configspec.model.analysis.Scenario;
import io.configspec.model.analysis.WhatIf;
import io.configspec.model.domain.ServedTarget;
import io.configspec.model.io.ScenarioLoader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The what-if sliders. {@link #whatIf()} is the scenario's own what-if with every overriding
 * slider applied on top; {@link #reset()} returns to the scenario and its profiles. Changes are
 * reported through the listener given to {@link #setOnChange}, which the explorer view model
 * turns into (coalesced) re-evaluations. FX-thread (or test-thread) confined.
 */
public final class WhatIfViewModel {

    private final Map<String, WhatIfSlider> sliders = new LinkedHashMap<>();
    /** The value each slider shows when nothing overrides it (the scenario's or a profile's). */
    private final Map<String, Double> baseValues = new LinkedHashMap<>();
    /** The sliders that change the network time, shown only for a scenario with a network. */
    public static final List<String> NETWORK_KEYS = List.of("rttSeconds", "uplinkMbps", "downlinkMbps");

    private Scenario scenario;
    private final ReadOnlyStringWrapper kRangeNote = new ReadOnlyStringWrapper(this, "kRangeNote", "");
    private Runnable onChange = () -> {};
    private boolean updating;

    public WhatIfViewModel() {
        add(WhatIfSlider.of("verifySeconds", "Verification latency T_v", "s", 0.01, 3, true, false, false));
        add(WhatIfSlider.of("rttSeconds", "Network round trip (RTT)", "s", 0, 0.5, false, false, false));
        add(WhatIfSlider.of("uplinkMbps", "Uplink bandwidth", "Mbit/s", 0.1, 1000, true, false, false));
        add(WhatIfSlider.of("downlinkMbps", "Downlink bandwidth", "Mbit/s", 0.1, 1000, true, false, false));
        add(
            WhatIfSlider.of(
                "dollarsPerMillionTokens",
                "Verification price",
                "$/1M tokens",
                0.01,
                50,
                true,
                false,
                false
            )
        );
        add(WhatIfSlider.of("alphaScale", "Acceptance α ×", "×", 0.5, 1.5, false, false, false));
        add(WhatIfSlider.of("draftSpeedScale", "Drafting speed ×", "×", 0.25, 4, true, false, false));
        add(WhatIfSlider.of("powerScale", "Device power ×", "×", 0.25, 4, true, false, false));
        add(kSlider("kMin", "K from"));
        add(kSlider("kMax", "K to"));
        add(
            constraint(Constraint.Bound.AT_LEAST, Objective.GOODPUT, "Goodput at least", "tokens/s", 0.1, 200)
        );
        add(
            constraint(
                Constraint.Bound.AT_MOST,
                Objective.DOLLARS_PER_MILLION_TOKENS,
                "Cost at most",
                "$/1M tokens",
                0.01,
                100
            )
        );
        add(
            constraint(
                Constraint.Bound.AT_MOST,
                Objective.JOULES_PER_TOKEN,
                "Energy at most",
                "J/token",
                0.001,
                100
            )
        );
    }

    /**
     * A K slider: whole numbers of draft tokens. Its range follows the open scenario's alignments
     * ({@link KSliderRange}, set on {@link #load}); until then it is the range of a scenario whose
     * acceptance was not measured per K.
     */
    private static WhatIfSlider kSlider(String key, String label) {
        return WhatIfSlider.of(
            key,
            label,
            "tokens",
            KSliderRange.LOWEST,
            KSliderRange.HIGHEST,
            false,
            true,
            false
        );
    }

    /** A constraint's threshold slider: off until switched on, moving over decades from {@code min} to {@code max}. */
    private static WhatIfSlider constraint(
        Constraint.Bound bound,
        Objective objective,
        String label,
        String unit,
        double min,
        double max
    ) {
        return WhatIfSlider.of(
            WhatIf.constraintKey(bound, objective),
            label,
            unit,
            min,
            max,
            true,
            false,
            true
        );
    }

    private void add(WhatIfSlider slider) {
        sliders.put(slider.key(), slider);
        slider
            .value()
            .addListener((obs, o, n) -> {
                if (!updating) {
                    updating = true;
                    try {
                        slider.overridden().set(true);
                        keepKRangeOrdered(slider.key());
                    } finally {
                        updating = false;
                    }
                    onChange.run();
                }
            });
        slider
            .overridden()
            .addListener((obs, o, n) -> {
                if (!updating) {
                    onChange.run();
                }
            });
    }

    private void keepKRangeOrdered(String key) {
        WhatIfSlider min = sliders.get("kMin");
        WhatIfSlider max = sliders.get("kMax");
        if (min.value().get() > max.value().get()) {
            if (key.equals("kMin")) {
                max.value().set(min.value().get());
                max.overridden().set(true);
            } else if (key.equals("kMax")) {
                min.value().set(max.value().get());
                min.overridden().set(true);
            }
        }
    }

    public List<WhatIfSlider> sliders() {
        return List.copyOf(sliders.values());
    }

    public WhatIfSlider slider(String key) {
        WhatIfSlider s = sliders.get(key);
        if (s == null) {
            throw new IllegalArgumentException("no what-if slider " + key);
        }
        return s;
    }

    public void setOnChange(Runnable listener) {
        onChange = listener == null ? () -> {} : listener;
    }

    /** Shows the values of a newly loaded scenario (no overrides); does not report a change. */
    public void load(ScenarioLoader.LoadedScenario loaded) {
        this.scenario = loaded.scenario();
        updating = true;
        try {
            WhatIf saved = scenario.whatIf();
            Optional<ServedTarget> served = loaded
                .library()
                .server(scenario.server())
                .flatMap(s -> s.targets().stream().findFirst());
            var network = loaded.space().network();
            int midK = (scenario.kMin() + scenario.kMax()) / 2;
            double verify = served
                .map(t -> t.verification().seconds(midK + 1, scenario.contextTokens(), scenario.batchSize()))
                .orElse(0.5);
            show("verifySeconds", saved.verifySeconds(), verify);
            show("rttSeconds", saved.rttSeconds(), network.rttSeconds());
            show("uplinkMbps", saved.uplinkMegabitsPerSecond(), network.uplinkMegabitsPerSecond());
            show("downlinkMbps", saved.downlinkMegabitsPerSecond(), network.downlinkMegabitsPerSecond());
            // The ConfigSpec paper's setting has no network time: its scenario leaves the network
            // out, and sliders for a round trip and bandwidths it never uses would only mislead.
            boolean hasNetwork = scenario.network().isPresent();
            for (String key : NETWORK_KEYS) sliders.get(key).applies().set(hasNetwork);
            OptionalDouble price = served
                .map(ServedTarget::dollarsPerMillionVerifiedTokens)
                .orElse(OptionalDouble.empty());
            show("dollarsPerMillionTokens", saved.dollarsPerMillionTokens(), price.orElse(1));
            show("alphaScale", OptionalDouble.empty(), saved.alphaScale());
            show("draftSpeedScale", OptionalDouble.empty(), saved.draftSpeedScale());
            show("powerScale", OptionalDouble.empty(), saved.powerScale());
            int kMax = saved.kMax().orElse(scenario.kMax());
            KSliderRange kRange = KSliderRange.of(loaded.space(), kMax);
            for (String key : List.of("kMin", "kMax")) {
                sliders.get(key).setRange(kRange.lowest(), kRange.highest());
            }
            kRangeNote.set(kRange.note());
            show("kMin", OptionalDouble.empty(), saved.kMin().orElse(scenario.kMin()));
            show("kMax", OptionalDouble.empty(), kMax);
            List<Constraint> constraints = WhatIf.merge(scenario.constraints(), saved.constraints());
            for (WhatIfSlider s : sliders.values()) {
                if (!s.constraint()) {
                    continue;
                }
                Optional<Constraint> existing = constraints
                    .stream()
                    .filter(c -> WhatIf.constraintKey(c.bound(), c.objective()).equals(s.key()))
                    .findFirst();
                s
                    .value()
                    .set(
                        existing
                            .map(Constraint::threshold)
                            .orElse(s.constraint() && s.key().startsWith("min") ? s.min() : s.max())
                    );
                s.overridden().set(false);
                baseValues.put(s.key(), s.value().get());
            }
        } finally {
            updating = false;
        }
    }

    private void show(String key, OptionalDouble saved, double fallback) {
        WhatIfSlider s = sliders.get(key);
        s.value().set(saved.orElse(fallback));
        s.overridden().set(false);
        baseValues.put(key, s.value().get());
    }

    /**
     * The K the K sliders offer and where that range comes from, one sentence with its unit and
     * provenance (see {@link KSliderRange}); empty before a scenario is loaded.
     */
    public ReadOnlyStringProperty kRangeNoteProperty() {
        return kRangeNote.getReadOnlyProperty();
    }

    /** The value slider {@code key} shows when it does not override anything. */
    public double baseValue(String key) {
        Double v = baseValues.get(key);
        return v == null ? slider(key).value().get() : v;
    }

    /** Back to the scenario's and the profiles' values; reports one change. */
    public void reset() {
        if (scenario == null) {
            return;
        }
        boolean any = sliders
            .values()
            .stream()
            .anyMatch(s -> s.overridden().get());
        updating = true;
        try {
            // The thumbs move back too: a slider shows the value the evaluation uses (issue 19, item 2).
            sliders
                .values()
                .forEach(s -> {
                    s.value().set(baseValue(s.key()));
                    s.overridden().set(false);
                });
        } finally {
            updating = false;
        }
        if (any) {
            onChange.run();
        }
    }

    /**
     * Sets one slider as the user would (an override); reports a change.
     *
     * @throws IllegalArgumentException when {@code value} is outside the slider's range (for K: the
     *     range its acceptance was measured over), in the sentence a typed value gets
     */
    public void set(String key, double value) {
        WhatIfSlider s = slider(key);
        s.value().set(s.require(value));
        s.overridden().set(true);
    }

    /** The scenario's what-if with the overriding sliders applied. */
    public WhatIf whatIf() {
        if (scenario == null) {
            return WhatIf.NONE;
        }
        WhatIf w = scenario.whatIf();
        for (WhatIfSlider s : sliders.values()) {
            if (s.overridden().get() && s.applies().get()) {
                w = w.with(s.key(), s.integer() ? Math.rint(s.value().get()) : s.value().get());
            }
        }
        return w;
    }

    /** Overriding sliders by key, for the workspace file. */
    public Map<String, Double> overrides() {
        Map<String, Double> out = new LinkedHashMap<>();
        sliders
            .values()
            .stream()
            .filter(s -> s.overridden().get() && s.applies().get())
            .forEach(s -> out.put(s.key(), s.value().get()));
        return out;
    }

    /** Restores saved overrides (unknown keys are ignored); reports one change. */
    public void applyOverrides(Map<String, Double> overrides) {
        updating = true;
        try {
            overrides.forEach((key, value) -> {
                WhatIfSlider s = sliders.get(key);
                if (s != null && value != null && Double.isFinite(value)) {
                    // a saved K outside the range measured now (other profiles) moves to its end
                    s.value().set(s.clamp(value));
                    s.overridden().set(true);
                }
            });
        } finally {
            updating = false;
        }
        onChange.run();
    }
}
