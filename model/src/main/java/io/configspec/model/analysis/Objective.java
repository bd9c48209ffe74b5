package io.configspec.model.analysis;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a configuration can be optimised for. Three are the ConfigSpec paper's objectives
 * (goodput, tokens per dollar, tokens per joule); the other three are their reciprocals, which
 * users often think in (time per output token, $ per 1M tokens, J per token).
 */
public enum Objective {
    GOODPUT("goodput", "Goodput", "tokens/s", true),
    TOKENS_PER_DOLLAR("cost", "Tokens per dollar", "tokens/$", true),
    TOKENS_PER_JOULE("energy", "Tokens per joule", "tokens/J", true),
    TIME_PER_TOKEN("tpot", "Time per output token", "s", false),
    DOLLARS_PER_MILLION_TOKENS("dollars-per-mtok", "Cost per 1M tokens", "$/1M tokens", false),
    JOULES_PER_TOKEN("joules-per-token", "Energy per token", "J/token", false);

    private final String cliName;
    private final String label;
    private final String unit;
    private final boolean maximize;

    Objective(String cliName, String label, String unit, boolean maximize) {
        this.cliName = cliName;
        this.label = label;
        this.unit = unit;
        this.maximize = maximize;
    }

    /** Whether larger values are better. */
    public boolean maximize() {
        return maximize;
    }

    public String unit() {
        return unit;
    }

    /** Name on the command line and in scenario files, e.g. {@code cost}. */
    public String cliName() {
        return cliName;
    }

    /** Human label, e.g. {@code Tokens per dollar}. */
    public String label() {
        return label;
    }

    /** Whether {@code a} is strictly better than {@code b} for this objective (NaN is never better). */
    public boolean better(double a, double b) {
        return maximize ? a > b : a < b;
    }

    /** The objective named {@code name} on the command line (case-insensitive), if any. */
    public static Optional<Objective> fromCliName(String name) {
        return Arrays.stream(values())
            .filter(o -> o.cliName.equalsIgnoreCase(name.trim()))
            .findFirst();
    }

    /** All CLI names, comma-separated, for help and error messages. */
    public static String cliNames() {
        return Arrays.stream(values()).map(Objective::cliName).collect(Collectors.joining(", "));
    }
}
