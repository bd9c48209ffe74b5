package io.configspec.model.analysis;

import io.configspec.model.domain.FieldChecks;
import io.configspec.model.domain.InvalidFieldException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Overrides applied on top of the loaded profiles when a configuration space is evaluated, so a
 * slider or a {@code --set} never reloads files. Scales multiply profile values; the optional
 * settings replace them for every configuration; constraints replace the scenario's constraint on
 * the same objective and bound (and add one where it has none).
 *
 * <p>String keys (for {@code --set KEY=VALUE} and the {@code whatIf} object of a scenario file)
 * are listed in {@link #KEYS}.
 *
 * @param alphaScale multiplies every acceptance rate (result clamped to ≤ 1), &gt; 0
 * @param draftSpeedScale multiplies drafting throughput (and divides per-round overhead), &gt; 0
 * @param powerScale multiplies drafting and idle power, &gt; 0
 * @param verifySeconds fixed verification time T_v for every target, s &gt; 0
 * @param rttSeconds network round trip, s ≥ 0
 * @param uplinkMegabitsPerSecond uplink bandwidth, Mbit/s &gt; 0
 * @param downlinkMegabitsPerSecond downlink bandwidth, Mbit/s &gt; 0
 * @param dollarsPerMillionTokens token price for every target, $ per 1M verified tokens, &gt; 0
 * @param dollarsPerGpuHour GPU-time price for every target, $ per GPU-hour, &gt; 0
 * @param kMin smallest speculative length, ≥ 1
 * @param kMax largest speculative length, ≥ 1 (and ≥ kMin once both apply)
 * @param pricing pricing mode
 * @param energy energy mode
 * @param constraints constraints replacing or adding to the scenario's
 */
public record WhatIf(
    double alphaScale,
    double draftSpeedScale,
    double powerScale,
    OptionalDouble verifySeconds,
    OptionalDouble rttSeconds,
    OptionalDouble uplinkMegabitsPerSecond,
    OptionalDouble downlinkMegabitsPerSecond,
    OptionalDouble dollarsPerMillionTokens,
    OptionalDouble dollarsPerGpuHour,
    OptionalInt kMin,
    OptionalInt kMax,
    Optional<PricingMode> pricing,
    Optional<EnergyMode> energy,
    List<Constraint> constraints
) {
    /** No overrides. */
    public static final WhatIf NONE = new WhatIf(
        1,
        1,
        1,
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        OptionalInt.empty(),
        OptionalInt.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of()
    );

    /** Every key {@link #with(String, String)} accepts, with a short description. */
    public static final Map<String, String> KEYS = keys();

    private static Map<String, String> keys() {
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("alphaScale", "multiply every acceptance rate α (clamped to 1)");
        keys.put("draftSpeedScale", "multiply drafting throughput");
        keys.put("powerScale", "multiply drafting and idle power");
        keys.put("verifySeconds", "fixed verification time T_v, seconds");
        keys.put("rttSeconds", "network round-trip time, seconds");
        keys.put("uplinkMbps", "uplink bandwidth, Mbit/s");
        keys.put("downlinkMbps", "downlink bandwidth, Mbit/s");
        keys.put("dollarsPerMillionTokens", "token price, $ per 1M verified tokens");
        keys.put("dollarsPerGpuHour", "GPU-time price, $ per GPU-hour");
        keys.put("kMin", "smallest speculative length K");
        keys.put("kMax", "largest speculative length K");
        keys.put("pricing", "pricing mode: token or gpu-time");
        keys.put("energy", "energy mode: drafting-only or whole-round");
        for (Objective objective : Objective.values()) {
            keys.put(
                constraintKey(Constraint.Bound.AT_LEAST, objective),
                "constraint " + objective.label() + " ≥ value"
            );
            keys.put(
                constraintKey(Constraint.Bound.AT_MOST, objective),
                "constraint " + objective.label() + " ≤ value"
            );
        }
        return java.util.Collections.unmodifiableMap(keys);
    }

    /** Key of a constraint, e.g. {@code minGoodput}, {@code maxDollarsPerMillionTokens}. */
    public static String constraintKey(Constraint.Bound bound, Objective objective) {
        String name = switch (objective) {
            case GOODPUT -> "Goodput";
            case TOKENS_PER_DOLLAR -> "TokensPerDollar";
            case TOKENS_PER_JOULE -> "TokensPerJoule";
            case TIME_PER_TOKEN -> "TimePerToken";
            case DOLLARS_PER_MILLION_TOKENS -> "DollarsPerMillionTokens";
            case JOULES_PER_TOKEN -> "JoulesPerToken";
        };
        return (bound == Constraint.Bound.AT_LEAST ? "min" : "max") + name;
    }

    public WhatIf {
        FieldChecks.positive("alphaScale", alphaScale);
        FieldChecks.positive("draftSpeedScale", draftSpeedScale);
        FieldChecks.positive("powerScale", powerScale);
        verifySeconds.ifPresent(v -> FieldChecks.positive("verifySeconds", v));
        rttSeconds.ifPresent(v -> FieldChecks.nonNegative("rttSeconds", v));
        uplinkMegabitsPerSecond.ifPresent(v -> FieldChecks.positive("uplinkMbps", v));
        downlinkMegabitsPerSecond.ifPresent(v -> FieldChecks.positive("downlinkMbps", v));
        dollarsPerMillionTokens.ifPresent(v -> FieldChecks.positive("dollarsPerMillionTokens", v));
        dollarsPerGpuHour.ifPresent(v -> FieldChecks.positive("dollarsPerGpuHour", v));
        kMin.ifPresent(v -> FieldChecks.positive("kMin", v));
        kMax.ifPresent(v -> FieldChecks.positive("kMax", v));
        if (kMin.isPresent() && kMax.isPresent() && kMax.getAsInt() < kMin.getAsInt()) {
            throw new InvalidFieldException(
                "kMax",
                "must be at least kMin " + kMin.getAsInt() + " but is " + kMax.getAsInt()
            );
        }
        FieldChecks.present("pricing", pricing);
        FieldChecks.present("energy", energy);
        constraints = FieldChecks.list("constraints", constraints);
    }

    /**
     * This what-if with one key set from its text value, as given to {@code --set KEY=VALUE}.
     *
     * @throws InvalidFieldException naming the key when it is unknown or the value is not valid
     *     for it
     */
    public WhatIf with(String key, String value) {
        if (!KEYS.containsKey(key)) {
            throw new InvalidFieldException(
                key,
                "is not a what-if key (known: " + String.join(", ", KEYS.keySet()) + ")"
            );
        }
        switch (key) {
            case "pricing" -> {
                return withPricing(
                    PricingMode.fromJsonName(value).orElseThrow(() ->
                        new InvalidFieldException(key, "must be token or gpu-time but is '" + value + "'")
                    )
                );
            }
            case "energy" -> {
                return withEnergy(
                    EnergyMode.fromJsonName(value).orElseThrow(() ->
                        new InvalidFieldException(
                            key,
                            "must be drafting-only or whole-round but is '" + value + "'"
                        )
                    )
                );
            }
            case "kMin", "kMax" -> {
                int k;
                try {
                    k = Integer.parseInt(value.trim());
                } catch (NumberFormatException e) {
                    throw new InvalidFieldException(key, "must be a whole number but is '" + value + "'");
                }
                return key.equals("kMin")
                    ? withKRange(OptionalInt.of(k), kMax)
                    : withKRange(kMin, OptionalInt.of(k));
            }
            default -> {
                return with(key, parseNumber(key, value));
            }
        }
    }

    /** This what-if with one numeric key set; see {@link #KEYS}. */
    public WhatIf with(String key, double value) {
        FieldChecks.finite(key, value);
        return switch (key) {
            case "alphaScale" -> copy(
                value,
                draftSpeedScale,
                powerScale,
                verifySeconds,
                rttSeconds,
                uplinkMegabitsPerSecond,
                downlinkMegabitsPerSecond,
                dollarsPerMillionTokens,
                dollarsPerGpuHour
            );
            case "draftSpeedScale" -> copy(
                alphaScale,
                value,
                powerScale,
                verifySeconds,
                rttSeconds,
                uplinkMegabitsPerSecond,
                downlinkMegabitsPerSecond,
                dollarsPerMillionTokens,
                dollarsPerGpuHour
            );
            case "powerScale" -> copy(
                alphaScale,
                draftSpeedScale,
                value,
                verifySeconds,
                rttSeconds,
                uplinkMegabitsPerSecond,
                downlinkMegabitsPerSecond,
                dollarsPerMillionTokens,
                dollarsPerGpuHour
            );
            case "verifySeconds" -> copy(
                alphaScale,
                draftSpeedScale,
                powerScale,
                OptionalDouble.of(value),
                rttSeconds,
                uplinkMegabitsPerSecond,
                downlinkMegabitsPerSecond,
                dollarsPerMillionTokens,
                dollarsPerGpuHour
            );
            case "rttSeconds" -> copy(
                alphaScale,
                draftSpeedScale,
                powerScale,
                verifySeconds,
                OptionalDouble.of(value),
                uplinkMegabitsPerSecond,
                downlinkMegabitsPerSecond,
                dollarsPerMillionTokens,
                dollarsPerGpuHour
            );
            case "uplinkMbps" -> copy(
                alphaScale,
                draftSpeedScale,
                powerScale,
                verifySeconds,
                rttSeconds,
                OptionalDouble.of(value),
                downlinkMegabitsPerSecond,
                dollarsPerMillionTokens,
                dollarsPerGpuHour
            );
            case "downlinkMbps" -> copy(
                alphaScale,
                draftSpeedScale,
                powerScale,
                verifySeconds,
                rttSeconds,
                uplinkMegabitsPerSecond,
                OptionalDouble.of(value),
                dollarsPerMillionTokens,
                dollarsPerGpuHour
            );
            case "dollarsPerMillionTokens" -> copy(
                alphaScale,
                draftSpeedScale,
                powerScale,
                verifySeconds,
                rttSeconds,
                uplinkMegabitsPerSecond,
                downlinkMegabitsPerSecond,
                OptionalDouble.of(value),
                dollarsPerGpuHour
            );
            case "dollarsPerGpuHour" -> copy(
                alphaScale,
                draftSpeedScale,
                powerScale,
                verifySeconds,
                rttSeconds,
                uplinkMegabitsPerSecond,
                downlinkMegabitsPerSecond,
                dollarsPerMillionTokens,
                OptionalDouble.of(value)
            );
            case "kMin", "kMax" -> {
                if (value != Math.rint(value)) {
                    throw new InvalidFieldException(key, "must be a whole number but is " + value);
                }
                yield key.equals("kMin")
                    ? withKRange(OptionalInt.of((int) value), kMax)
                    : withKRange(kMin, OptionalInt.of((int) value));
            }
            default -> withConstraint(constraintFor(key, value));
        };
    }

    private static Constraint constraintFor(String key, double value) {
        for (Objective objective : Objective.values()) {
            for (Constraint.Bound bound : Constraint.Bound.values()) {
                if (constraintKey(bound, objective).equals(key)) {
                    return new Constraint(objective, bound, value);
                }
            }
        }
        throw new InvalidFieldException(
            key,
            "is not a numeric what-if key (known: " + String.join(", ", KEYS.keySet()) + ")"
        );
    }

    private static double parseNumber(String key, String value) {
        try {
            double parsed = Double.parseDouble(value.trim());
            if (!Double.isFinite(parsed)) {
                throw new InvalidFieldException(key, "must be a finite number but is '" + value + "'");
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(key, "must be a number but is '" + value + "'");
        }
    }

    private WhatIf copy(
        double alpha,
        double speed,
        double power,
        OptionalDouble verify,
        OptionalDouble rtt,
        OptionalDouble up,
        OptionalDouble down,
        OptionalDouble pricePerMTok,
        OptionalDouble pricePerGpuHour
    ) {
        return new WhatIf(
            alpha,
            speed,
            power,
            verify,
            rtt,
            up,
            down,
            pricePerMTok,
            pricePerGpuHour,
            kMin,
            kMax,
            pricing,
            energy,
            constraints
        );
    }

    public WhatIf withKRange(OptionalInt min, OptionalInt max) {
        return new WhatIf(
            alphaScale,
            draftSpeedScale,
            powerScale,
            verifySeconds,
            rttSeconds,
            uplinkMegabitsPerSecond,
            downlinkMegabitsPerSecond,
            dollarsPerMillionTokens,
            dollarsPerGpuHour,
            min,
            max,
            pricing,
            energy,
            constraints
        );
    }

    public WhatIf withPricing(PricingMode mode) {
        return new WhatIf(
            alphaScale,
            draftSpeedScale,
            powerScale,
            verifySeconds,
            rttSeconds,
            uplinkMegabitsPerSecond,
            downlinkMegabitsPerSecond,
            dollarsPerMillionTokens,
            dollarsPerGpuHour,
            kMin,
            kMax,
            Optional.of(mode),
            energy,
            constraints
        );
    }

    public WhatIf withEnergy(EnergyMode mode) {
        return new WhatIf(
            alphaScale,
            draftSpeedScale,
            powerScale,
            verifySeconds,
            rttSeconds,
            uplinkMegabitsPerSecond,
            downlinkMegabitsPerSecond,
            dollarsPerMillionTokens,
            dollarsPerGpuHour,
            kMin,
            kMax,
            pricing,
            Optional.of(mode),
            constraints
        );
    }

    /** This what-if with {@code constraint} replacing any constraint on the same objective and bound. */
    public WhatIf withConstraint(Constraint constraint) {
        List<Constraint> merged = merge(constraints, List.of(constraint));
        return new WhatIf(
            alphaScale,
            draftSpeedScale,
            powerScale,
            verifySeconds,
            rttSeconds,
            uplinkMegabitsPerSecond,
            downlinkMegabitsPerSecond,
            dollarsPerMillionTokens,
            dollarsPerGpuHour,
            kMin,
            kMax,
            pricing,
            energy,
            merged
        );
    }

    /** This what-if with every setting of {@code later} applied on top (later wins). */
    public WhatIf then(WhatIf later) {
        return new WhatIf(
            later.alphaScale != 1 ? later.alphaScale : alphaScale,
            later.draftSpeedScale != 1 ? later.draftSpeedScale : draftSpeedScale,
            later.powerScale != 1 ? later.powerScale : powerScale,
            later.verifySeconds.isPresent() ? later.verifySeconds : verifySeconds,
            later.rttSeconds.isPresent() ? later.rttSeconds : rttSeconds,
            later.uplinkMegabitsPerSecond.isPresent()
                ? later.uplinkMegabitsPerSecond
                : uplinkMegabitsPerSecond,
            later.downlinkMegabitsPerSecond.isPresent()
                ? later.downlinkMegabitsPerSecond
                : downlinkMegabitsPerSecond,
            later.dollarsPerMillionTokens.isPresent()
                ? later.dollarsPerMillionTokens
                : dollarsPerMillionTokens,
            later.dollarsPerGpuHour.isPresent() ? later.dollarsPerGpuHour : dollarsPerGpuHour,
            later.kMin.isPresent() ? later.kMin : kMin,
            later.kMax.isPresent() ? later.kMax : kMax,
            later.pricing.isPresent() ? later.pricing : pricing,
            later.energy.isPresent() ? later.energy : energy,
            merge(constraints, later.constraints)
        );
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
}
