package io.configspec.model.analysis;

import io.configspec.model.domain.FieldChecks;
import io.configspec.model.domain.InvalidFieldException;
import io.configspec.model.domain.JsonNamed;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Overrides applied on top of the loaded profiles when a configuration space is evaluated, so a
 * slider or a {@code --set} never reloads files: a typed map from {@link Key} to value. Scales
 * multiply profile values; the other settings replace them for every configuration; a constraint
 * key replaces the scenario's constraint on the same objective and bound (and adds one where it
 * has none).
 *
 * <p>A key that is not set means "as the profiles say", which is not the same as a value equal to
 * the default: {@code alphaScale=0.8} followed by {@code alphaScale=1} evaluates with 1, because a
 * later value always replaces an earlier one ({@link #with}, {@link #then}).
 *
 * <p>String keys (for {@code --set KEY=VALUE} and the {@code whatIf} object of a scenario file)
 * are listed in {@link #KEYS}; every objective has a {@code min…} and a {@code max…} key. Immutable.
 */
public final class WhatIf {

    /**
     * One what-if setting: its name (as in {@code --set NAME=VALUE}), what it does, how its text
     * becomes a value and which values are allowed.
     *
     * @param <T> the value's type
     */
    public static final class Key<T> {

        private final String name;
        private final String description;
        private final Function<String, T> parser;
        private final Checker<T> checker;
        private final Function<T, Object> json;

        @FunctionalInterface
        private interface Checker<T> {
            void check(String name, T value);
        }

        private Key(
            String name,
            String description,
            Function<String, T> parser,
            Checker<T> checker,
            Function<T, Object> json
        ) {
            this.name = name;
            this.description = description;
            this.parser = parser;
            this.checker = checker;
            this.json = json;
        }

        /** The key as written in {@code --set} and in scenario files, e.g. {@code alphaScale}. */
        public String name() {
            return name;
        }

        /** What the setting does, with its unit. */
        public String description() {
            return description;
        }

        /** The value of {@code text}, checked. */
        public T parse(String text) {
            T value = parser.apply(text);
            check(value);
            return value;
        }

        private void check(T value) {
            Objects.requireNonNull(value, name);
            checker.check(name, value);
        }

        /** The value as it is written into JSON: a number or a text. */
        public Object jsonValue(T value) {
            return json.apply(value);
        }

        @Override
        public String toString() {
            return name;
        }

        private static Key<Double> number(String name, String description, boolean zeroAllowed) {
            return new Key<>(
                name,
                description,
                text -> parseNumber(name, text),
                (n, v) -> {
                    if (zeroAllowed) {
                        FieldChecks.nonNegative(n, v);
                    } else {
                        FieldChecks.positive(n, v);
                    }
                },
                v -> v
            );
        }

        private static Key<Integer> positiveInteger(String name, String description) {
            return new Key<>(
                name,
                description,
                text -> parseInteger(name, text),
                FieldChecks::positive,
                v -> v
            );
        }

        private static Key<Double> threshold(String name, String description) {
            return new Key<>(name, description, text -> parseNumber(name, text), FieldChecks::finite, v -> v);
        }
    }

    public static final Key<Double> ALPHA_SCALE = Key.number(
        "alphaScale",
        "multiply every acceptance rate α (clamped to 1)",
        false
    );
    public static final Key<Double> DRAFT_SPEED_SCALE = Key.number(
        "draftSpeedScale",
        "multiply drafting throughput",
        false
    );
    public static final Key<Double> POWER_SCALE = Key.number(
        "powerScale",
        "multiply drafting and idle power",
        false
    );
    public static final Key<Double> VERIFY_SECONDS = Key.number(
        "verifySeconds",
        "fixed verification time T_v, seconds",
        false
    );
    public static final Key<Double> RTT_SECONDS = Key.number(
        "rttSeconds",
        "network round-trip time, seconds",
        true
    );
    public static final Key<Double> UPLINK_MBPS = Key.number("uplinkMbps", "uplink bandwidth, Mbit/s", false);
    public static final Key<Double> DOWNLINK_MBPS = Key.number(
        "downlinkMbps",
        "downlink bandwidth, Mbit/s",
        false
    );
    public static final Key<Double> DOLLARS_PER_MILLION_TOKENS = Key.number(
        "dollarsPerMillionTokens",
        "token price, $ per 1M verified tokens",
        false
    );
    public static final Key<Double> DOLLARS_PER_GPU_HOUR = Key.number(
        "dollarsPerGpuHour",
        "GPU-time price, $ per GPU-hour",
        false
    );
    public static final Key<Integer> K_MIN = Key.positiveInteger("kMin", "smallest speculative length K");
    public static final Key<Integer> K_MAX = Key.positiveInteger("kMax", "largest speculative length K");
    public static final Key<PricingMode> PRICING = new Key<>(
        "pricing",
        "pricing mode: token or gpu-time",
        text ->
            JsonNamed.byJsonName(PricingMode.class, text.strip()).orElseThrow(() ->
                new InvalidFieldException("pricing", "must be token or gpu-time but is '" + text + "'")
            ),
        (n, v) -> {},
        PricingMode::jsonName
    );
    public static final Key<EnergyMode> ENERGY = new Key<>(
        "energy",
        "energy mode: drafting-only or whole-round",
        text ->
            JsonNamed.byJsonName(EnergyMode.class, text.strip()).orElseThrow(() ->
                new InvalidFieldException(
                    "energy",
                    "must be drafting-only or whole-round but is '" + text + "'"
                )
            ),
        (n, v) -> {},
        EnergyMode::jsonName
    );

    /** Constraint keys, one per objective and bound, e.g. {@code minGoodput}. */
    private static final Map<Constraint.Bound, Map<Objective, Key<Double>>> CONSTRAINT_KEYS =
        constraintKeys();

    /** Every key by name, in the order of {@link #KEYS}. */
    private static final Map<String, Key<?>> BY_NAME = byName();

    /** Every key {@link #with(String, String)} accepts, with a short description. */
    public static final Map<String, String> KEYS = descriptions();

    /** No overrides. */
    public static final WhatIf NONE = new WhatIf(Map.of());

    private final Map<Key<?>, Object> values;

    private WhatIf(Map<Key<?>, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        Optional<Integer> min = get(K_MIN);
        Optional<Integer> max = get(K_MAX);
        if (min.isPresent() && max.isPresent() && max.get() < min.get()) {
            throw new InvalidFieldException(
                "kMax",
                "must be at least kMin " + min.get() + " but is " + max.get()
            );
        }
    }

    private static Map<Constraint.Bound, Map<Objective, Key<Double>>> constraintKeys() {
        Map<Constraint.Bound, Map<Objective, Key<Double>>> keys = new LinkedHashMap<>();
        for (Constraint.Bound bound : Constraint.Bound.values()) {
            Map<Objective, Key<Double>> byObjective = new LinkedHashMap<>();
            for (Objective objective : Objective.values()) {
                byObjective.put(
                    objective,
                    Key.threshold(
                        bound.jsonName() + objective.keyName(),
                        "constraint " + objective.label() + " " + bound.symbol() + " value"
                    )
                );
            }
            keys.put(bound, Collections.unmodifiableMap(byObjective));
        }
        return Collections.unmodifiableMap(keys);
    }

    private static Map<String, Key<?>> byName() {
        Map<String, Key<?>> keys = new LinkedHashMap<>();
        for (Key<?> key : List.of(
            ALPHA_SCALE,
            DRAFT_SPEED_SCALE,
            POWER_SCALE,
            VERIFY_SECONDS,
            RTT_SECONDS,
            UPLINK_MBPS,
            DOWNLINK_MBPS,
            DOLLARS_PER_MILLION_TOKENS,
            DOLLARS_PER_GPU_HOUR,
            K_MIN,
            K_MAX,
            PRICING,
            ENERGY
        )) {
            keys.put(key.name(), key);
        }
        for (Objective objective : Objective.values()) {
            for (Constraint.Bound bound : Constraint.Bound.values()) {
                Key<Double> key = constraint(bound, objective);
                keys.put(key.name(), key);
            }
        }
        return Collections.unmodifiableMap(keys);
    }

    private static Map<String, String> descriptions() {
        Map<String, String> out = new LinkedHashMap<>();
        BY_NAME.forEach((name, key) -> out.put(name, key.description()));
        return Collections.unmodifiableMap(out);
    }

    /** The key of the constraint on {@code objective} with {@code bound}, e.g. {@code maxJoulesPerToken}. */
    public static Key<Double> constraint(Constraint.Bound bound, Objective objective) {
        return CONSTRAINT_KEYS.get(bound).get(objective);
    }

    /** Name of a constraint's key, e.g. {@code minGoodput}, {@code maxDollarsPerMillionTokens}. */
    public static String constraintKey(Constraint.Bound bound, Objective objective) {
        return constraint(bound, objective).name();
    }

    /** The key called {@code name}, if there is one. */
    public static Optional<Key<?>> key(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    // ---------------------------------------------------------------- reading

    /** The value of {@code key}, or empty when it is not set (the profiles' value applies). */
    public <T> Optional<T> get(Key<T> key) {
        @SuppressWarnings("unchecked")
        T value = (T) values.get(key);
        return Optional.ofNullable(value);
    }

    /** Whether {@code key} is set. */
    public boolean isSet(Key<?> key) {
        return values.containsKey(key);
    }

    /** Whether nothing is set. */
    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Multiplier of every acceptance rate; 1 when not set. */
    public double alphaScale() {
        return get(ALPHA_SCALE).orElse(1.0);
    }

    /** Multiplier of drafting throughput; 1 when not set. */
    public double draftSpeedScale() {
        return get(DRAFT_SPEED_SCALE).orElse(1.0);
    }

    /** Multiplier of drafting and idle power; 1 when not set. */
    public double powerScale() {
        return get(POWER_SCALE).orElse(1.0);
    }

    /** Fixed verification time for every target, s. */
    public OptionalDouble verifySeconds() {
        return number(VERIFY_SECONDS);
    }

    /** Network round trip, s. */
    public OptionalDouble rttSeconds() {
        return number(RTT_SECONDS);
    }

    /** Uplink bandwidth, Mbit/s. */
    public OptionalDouble uplinkMegabitsPerSecond() {
        return number(UPLINK_MBPS);
    }

    /** Downlink bandwidth, Mbit/s. */
    public OptionalDouble downlinkMegabitsPerSecond() {
        return number(DOWNLINK_MBPS);
    }

    /** Token price for every target, $ per 1M verified tokens. */
    public OptionalDouble dollarsPerMillionTokens() {
        return number(DOLLARS_PER_MILLION_TOKENS);
    }

    /** GPU-time price for every target, $ per GPU-hour. */
    public OptionalDouble dollarsPerGpuHour() {
        return number(DOLLARS_PER_GPU_HOUR);
    }

    public OptionalInt kMin() {
        return get(K_MIN).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    public OptionalInt kMax() {
        return get(K_MAX).map(OptionalInt::of).orElse(OptionalInt.empty());
    }

    public Optional<PricingMode> pricing() {
        return get(PRICING);
    }

    public Optional<EnergyMode> energy() {
        return get(ENERGY);
    }

    /** The constraints set, in the order their keys were first set. */
    public List<Constraint> constraints() {
        List<Constraint> out = new ArrayList<>();
        for (Map.Entry<Key<?>, Object> e : values.entrySet()) {
            for (Constraint.Bound bound : Constraint.Bound.values()) {
                for (Map.Entry<Objective, Key<Double>> c : CONSTRAINT_KEYS.get(bound).entrySet()) {
                    if (c.getValue() == e.getKey()) {
                        out.add(new Constraint(c.getKey(), bound, (Double) e.getValue()));
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    /** Every setting as key name → JSON value (a number or a text), in the order first set. */
    public Map<String, Object> settings() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((key, value) -> out.put(key.name(), jsonValue(key, value)));
        return Collections.unmodifiableMap(out);
    }

    @SuppressWarnings("unchecked")
    private static <T> Object jsonValue(Key<T> key, Object value) {
        return key.jsonValue((T) value);
    }

    private OptionalDouble number(Key<Double> key) {
        return get(key).map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    // ---------------------------------------------------------------- changing

    /** This what-if with {@code key} set to {@code value}, replacing an earlier value of the key. */
    public <T> WhatIf with(Key<T> key, T value) {
        key.check(value);
        Map<Key<?>, Object> next = new LinkedHashMap<>(values);
        next.put(key, value);
        return new WhatIf(next);
    }

    /** This what-if without {@code key} (the profiles' value applies again). */
    public WhatIf without(Key<?> key) {
        if (!values.containsKey(key)) {
            return this;
        }
        Map<Key<?>, Object> next = new LinkedHashMap<>(values);
        next.remove(key);
        return new WhatIf(next);
    }

    /**
     * This what-if with one key set from its text value, as given to {@code --set KEY=VALUE}.
     *
     * @throws InvalidFieldException naming the key when it is unknown or the value is not valid
     *     for it
     */
    public WhatIf with(String key, String value) {
        return withParsed(known(key), value);
    }

    private <T> WhatIf withParsed(Key<T> key, String text) {
        return with(key, key.parse(text));
    }

    /**
     * This what-if with one numeric key set (a slider): numbers, K (a whole number) and the
     * constraint thresholds; see {@link #KEYS}.
     *
     * @throws InvalidFieldException when the key is unknown or not numeric, or the value invalid
     */
    @SuppressWarnings("unchecked")
    public WhatIf with(String key, double value) {
        Key<?> known = known(key);
        FieldChecks.finite(key, value);
        if (known == K_MIN || known == K_MAX) {
            if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
                throw new InvalidFieldException(key, "must be a whole number but is " + value);
            }
            return with((Key<Integer>) known, (int) value);
        }
        if (known == PRICING || known == ENERGY) {
            throw new InvalidFieldException(key, "is not a numeric what-if key");
        }
        return with((Key<Double>) known, value);
    }

    /** This what-if with {@code constraint} replacing any constraint on the same objective and bound. */
    public WhatIf withConstraint(Constraint constraint) {
        return with(constraint(constraint.bound(), constraint.objective()), constraint.threshold());
    }

    public WhatIf withKRange(OptionalInt min, OptionalInt max) {
        Map<Key<?>, Object> next = new LinkedHashMap<>(values);
        next.remove(K_MIN);
        next.remove(K_MAX);
        min.ifPresent(v -> next.put(K_MIN, v));
        max.ifPresent(v -> next.put(K_MAX, v));
        next.forEach((k, v) -> checkAny(k, v));
        return new WhatIf(next);
    }

    public WhatIf withPricing(PricingMode mode) {
        return with(PRICING, mode);
    }

    public WhatIf withEnergy(EnergyMode mode) {
        return with(ENERGY, mode);
    }

    /** This what-if with every setting of {@code later} applied on top: a key set in {@code later} wins. */
    public WhatIf then(WhatIf later) {
        if (later.values.isEmpty()) {
            return this;
        }
        Map<Key<?>, Object> next = new LinkedHashMap<>(values);
        next.putAll(later.values);
        return new WhatIf(next);
    }

    @SuppressWarnings("unchecked")
    private static <T> void checkAny(Key<T> key, Object value) {
        key.check((T) value);
    }

    private static Key<?> known(String key) {
        Key<?> known = BY_NAME.get(key);
        if (known == null) {
            throw new InvalidFieldException(
                key,
                "is not a what-if key (known: " + String.join(", ", BY_NAME.keySet()) + ")"
            );
        }
        return known;
    }

    /** {@code base} with each of {@code overrides} replacing the one on the same objective and bound. */
    public static List<Constraint> merge(List<Constraint> base, List<Constraint> overrides) {
        List<Constraint> merged = new ArrayList<>(base);
        for (Constraint override : overrides) {
            merged.removeIf(c -> c.objective() == override.objective() && c.bound() == override.bound());
            merged.add(override);
        }
        return List.copyOf(merged);
    }

    private static double parseNumber(String key, String value) {
        double parsed;
        try {
            parsed = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(key, "must be a number but is '" + value + "'");
        }
        if (!Double.isFinite(parsed)) {
            throw new InvalidFieldException(key, "must be a finite number but is '" + value + "'");
        }
        return parsed;
    }

    private static int parseInteger(String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(key, "must be a whole number but is '" + value + "'");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WhatIf w && values.equals(w.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "WhatIf" + settings();
    }
}
