package io.configspec.model.analysis;

import io.configspec.model.domain.Enums;
import java.util.List;
import java.util.Optional;

/**
 * What a configuration can be optimised for. Three are the ConfigSpec paper's objectives
 * (goodput, tokens per dollar, tokens per joule); the other three are their reciprocals, which
 * users often think in (time per output token, $ per 1M tokens, J per token).
 *
 * <p>Each objective is one formula over the four quantities of a speculative round (DESIGN §4):
 * E[N] tokens per round, the round time T in s, the money spent on verification in $ and the
 * device's energy in J. Everything else about an objective (its column in {@link EvaluatedSpace},
 * its constraint keys in {@link WhatIf}, its row column, its place on the chart and in the table)
 * follows from the constant declared here: adding an objective is a new constant plus its name in
 * the scenario schema (see "How to add an objective" in docs/architecture.md).
 */
public enum Objective {
    GOODPUT("goodput", "Goodput", "tokens/s", true, "Goodput", "goodputTokensPerSecond"),
    TOKENS_PER_DOLLAR("cost", "Tokens per dollar", "tokens/$", true, "TokensPerDollar", "tokensPerDollar"),
    TOKENS_PER_JOULE("energy", "Tokens per joule", "tokens/J", true, "TokensPerJoule", "tokensPerJoule"),
    TIME_PER_TOKEN("tpot", "Time per output token", "s", false, "TimePerToken", "timePerTokenSeconds"),
    DOLLARS_PER_MILLION_TOKENS(
        "dollars-per-mtok",
        "Cost per 1M tokens",
        "$/1M tokens",
        false,
        "DollarsPerMillionTokens",
        "dollarsPerMillionTokens"
    ),
    JOULES_PER_TOKEN(
        "joules-per-token",
        "Energy per token",
        "J/token",
        false,
        "JoulesPerToken",
        "joulesPerToken"
    );

    /**
     * The ConfigSpec paper's three objectives, in this order: goodput, tokens per dollar, tokens
     * per joule. The recommendations, the balanced (knee) choice and every row's {@code pareto}
     * flag use this front; it is defined here and nowhere else.
     */
    public static final List<Objective> GOODPUT_COST_ENERGY = List.of(
        GOODPUT,
        TOKENS_PER_DOLLAR,
        TOKENS_PER_JOULE
    );

    private final String cliName;
    private final String label;
    private final String unit;
    private final boolean maximize;
    private final String keyName;
    private final String columnName;

    Objective(
        String cliName,
        String label,
        String unit,
        boolean maximize,
        String keyName,
        String columnName
    ) {
        this.cliName = cliName;
        this.label = label;
        this.unit = unit;
        this.maximize = maximize;
        this.keyName = keyName;
        this.columnName = columnName;
    }

    /**
     * This objective's value for one round.
     *
     * @param tokens E[N], tokens produced per round (≥ 1)
     * @param seconds round time, s
     * @param dollars verification cost of the round, $ (NaN when the price is unknown)
     * @param joules device energy of the round, J (NaN when the power is not measured)
     * @return the value in {@link #unit()}; NaN when an input it needs is NaN
     */
    public double of(double tokens, double seconds, double dollars, double joules) {
        // One switch, not constant-specific bodies: the evaluation kernel calls this once per
        // row and objective, and a single monomorphic method inlines there.
        return switch (this) {
            case GOODPUT -> tokens / seconds;
            case TOKENS_PER_DOLLAR -> tokens / dollars;
            case TOKENS_PER_JOULE -> tokens / joules;
            case TIME_PER_TOKEN -> seconds / tokens;
            case DOLLARS_PER_MILLION_TOKENS -> (dollars * 1e6) / tokens;
            case JOULES_PER_TOKEN -> joules / tokens;
        };
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

    /** Name inside what-if constraint keys, e.g. {@code TokensPerDollar} in {@code minTokensPerDollar}. */
    public String keyName() {
        return keyName;
    }

    /** Name of this objective's column in sweep rows (JSON field and CSV header), with its unit in it. */
    public String columnName() {
        return columnName;
    }

    /** Whether {@code a} is strictly better than {@code b} for this objective (NaN is never better). */
    public boolean better(double a, double b) {
        return maximize ? a > b : a < b;
    }

    /** The objective named {@code name} on the command line (case-insensitive), if any. */
    public static Optional<Objective> fromCliName(String name) {
        return Enums.byName(values(), Objective::cliName, name);
    }

    /** All CLI names, comma-separated, for help and error messages. */
    public static String cliNames() {
        return Enums.names(values(), Objective::cliName);
    }
}
