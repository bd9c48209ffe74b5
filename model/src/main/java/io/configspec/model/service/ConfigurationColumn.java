package io.configspec.model.service;

import io.configspec.model.analysis.Objective;
import io.configspec.model.domain.Configuration;
import io.configspec.model.domain.Provenance;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One column of a configuration row, the same in every output: its name (JSON field and CSV
 * header), its unit, what it means and how it is read from an evaluation. {@link #ALL} is the one
 * list of columns that {@code sweep}, {@code pareto}, {@code recommend}, {@code export} and the
 * explorer's export write (docs/file-format.md, "Configuration rows").
 *
 * @param name JSON field and CSV header, e.g. {@code goodputTokensPerSecond}
 * @param unit unit of the value, empty for ids, counts without unit and flags
 * @param description one line for the documentation
 * @param type how the value is written
 * @param value reads the value of one row
 */
public record ConfigurationColumn(String name, String unit, String description, Type type, Value value) {
    /** How a column's value is written. */
    public enum Type {
        /**
         * Text (ids, provenance). A text column describes the row's combination (device, drafter,
         * quantisation, target): its value is the same for every K of a combination, and writers
         * read it once per combination ({@code ConfigurationColumnTest} checks every text column).
         */
        TEXT,
        /** A whole number. */
        WHOLE,
        /** A number; NaN and infinities are written as JSON null and as an empty CSV cell. */
        NUMBER,
        /** true or false. */
        FLAG,
    }

    /** Reads one row's value; exactly one of the methods applies, by {@link Type}. */
    public interface Value {
        default String text(ScenarioEvaluation evaluation, int row) {
            throw new UnsupportedOperationException();
        }

        default double number(ScenarioEvaluation evaluation, int row) {
            throw new UnsupportedOperationException();
        }

        default boolean flag(ScenarioEvaluation evaluation, int row) {
            throw new UnsupportedOperationException();
        }
    }

    @FunctionalInterface
    private interface TextValue {
        String of(ScenarioEvaluation evaluation, int row);
    }

    @FunctionalInterface
    private interface NumberValue {
        double of(ScenarioEvaluation evaluation, int row);
    }

    @FunctionalInterface
    private interface FlagValue {
        boolean of(ScenarioEvaluation evaluation, int row);
    }

    private static ConfigurationColumn text(String name, String description, TextValue value) {
        return new ConfigurationColumn(
            name,
            "",
            description,
            Type.TEXT,
            new Value() {
                @Override
                public String text(ScenarioEvaluation evaluation, int row) {
                    return value.of(evaluation, row);
                }
            }
        );
    }

    private static ConfigurationColumn number(
        String name,
        String unit,
        String description,
        NumberValue value
    ) {
        return numeric(name, unit, description, Type.NUMBER, value);
    }

    private static ConfigurationColumn numeric(
        String name,
        String unit,
        String description,
        Type type,
        NumberValue value
    ) {
        return new ConfigurationColumn(
            name,
            unit,
            description,
            type,
            new Value() {
                @Override
                public double number(ScenarioEvaluation evaluation, int row) {
                    return value.of(evaluation, row);
                }
            }
        );
    }

    private static ConfigurationColumn flag(String name, String description, FlagValue value) {
        return new ConfigurationColumn(
            name,
            "",
            description,
            Type.FLAG,
            new Value() {
                @Override
                public boolean flag(ScenarioEvaluation evaluation, int row) {
                    return value.of(evaluation, row);
                }
            }
        );
    }

    private static Configuration id(ScenarioEvaluation e, int row) {
        return e.configuration(row);
    }

    private static String label(Provenance provenance) {
        return provenance.label();
    }

    public static final ConfigurationColumn DEVICE = text("device", "device profile id", (e, r) ->
        id(e, r).device()
    );
    public static final ConfigurationColumn DRAFTER = text("drafter", "drafter model id", (e, r) ->
        id(e, r).drafter()
    );
    public static final ConfigurationColumn QUANTIZATION = text(
        "quantization",
        "the drafter's quantisation",
        (e, r) -> id(e, r).quantization()
    );
    public static final ConfigurationColumn TARGET = text("target", "target model id", (e, r) ->
        id(e, r).target()
    );
    public static final ConfigurationColumn K = numeric(
        "k",
        "tokens",
        "speculative length K: tokens drafted per round",
        Type.WHOLE,
        (e, r) -> e.rows().k(r)
    );
    public static final ConfigurationColumn ACCEPTANCE_RATE = number(
        "acceptanceRate",
        "",
        "acceptance rate α after the what-if, in [0, 1]",
        (e, r) -> e.rows().acceptanceRate(r)
    );
    public static final ConfigurationColumn DRAFT_TOKENS_PER_SECOND = number(
        "draftTokensPerSecond",
        "tokens/s",
        "drafting throughput r at the scenario's context length",
        (e, r) -> e.rows().draftTokensPerSecond(r)
    );
    public static final ConfigurationColumn EXPECTED_TOKENS_PER_ROUND = number(
        "expectedTokensPerRound",
        "tokens",
        "E[N]: accepted drafts plus the target's own token per round",
        (e, r) -> e.rows().expectedTokensPerRound(r)
    );
    public static final ConfigurationColumn WASTED_DRAFT_TOKENS_PER_ROUND = number(
        "wastedDraftTokensPerRound",
        "tokens",
        "drafted tokens rejected per round, K − (E[N] − 1)",
        (e, r) -> e.rows().wastedDraftTokensPerRound(r)
    );
    public static final ConfigurationColumn DRAFT_SECONDS = number(
        "draftSeconds",
        "s",
        "drafting time of a round, o + K / r",
        (e, r) -> e.rows().draftSeconds(r)
    );
    public static final ConfigurationColumn NETWORK_SECONDS = number(
        "networkSeconds",
        "s",
        "network time of a round: RTT and transfers",
        (e, r) -> e.rows().networkSeconds(r)
    );
    public static final ConfigurationColumn VERIFY_SECONDS = number(
        "verifySeconds",
        "s",
        "verification time T_v of a round",
        (e, r) -> e.rows().verifySeconds(r)
    );
    public static final ConfigurationColumn ROUND_TIME_SECONDS = number(
        "roundTimeSeconds",
        "s",
        "round time T: drafting + network + verification",
        (e, r) -> e.rows().roundTimeSeconds(r)
    );
    public static final ConfigurationColumn SPEEDUP_OVER_CLOUD_ONLY = number(
        "speedupOverCloudOnly",
        "×",
        "goodput relative to the target decoding alone in the cloud (one step plus RTT per token)",
        (e, r) -> e.rows().speedupOverCloudOnly(r)
    );
    public static final ConfigurationColumn FEASIBLE = flag("feasible", "meets every constraint", (e, r) ->
        e.rows().feasible(r)
    );
    public static final ConfigurationColumn PARETO = flag(
        "pareto",
        "feasible and on the goodput / tokens-per-$ / tokens-per-J front",
        ScenarioEvaluation::onPaperFront
    );
    public static final ConfigurationColumn DRAFTING_PROVENANCE = text(
        "draftingProvenance",
        "source of the drafting speed",
        (e, r) -> label(e.combination(r).draftingSource())
    );
    public static final ConfigurationColumn POWER_PROVENANCE = text(
        "powerProvenance",
        "source of the drafting power",
        (e, r) -> label(e.combination(r).powerSource())
    );
    public static final ConfigurationColumn ALIGNMENT_PROVENANCE = text(
        "alignmentProvenance",
        "source of the acceptance rate",
        (e, r) -> label(e.combination(r).acceptanceSource())
    );
    public static final ConfigurationColumn VERIFICATION_PROVENANCE = text(
        "verificationProvenance",
        "source of the verification latency",
        (e, r) -> label(e.combination(r).verificationSource())
    );

    public static final ConfigurationColumn ACCEPTANCE_FORM = text(
        "acceptanceForm",
        "the alignment's acceptance form that decided E[N]: per-k (α(K) measured at each K), per-position or constant",
        (e, r) ->
            e.combination(r).alignment().hasAcceptanceByK()
                ? "per-k"
                : e.combination(r).alignment().hasPositionCurve()
                    ? "per-position"
                    : "constant"
    );
    public static final ConfigurationColumn EXPECTED_TOKENS_PER_ROUND_LOW = number(
        "expectedTokensPerRoundLow",
        "tokens",
        "E[N] with acceptance one spread down: α(K) − 1 s.d. (per K) or acceptanceLow (constant α); empty when no interval is known",
        (e, r) -> e.rows().expectedTokensBound(r, false)
    );
    public static final ConfigurationColumn EXPECTED_TOKENS_PER_ROUND_HIGH = number(
        "expectedTokensPerRoundHigh",
        "tokens",
        "E[N] with acceptance one spread up: α(K) + 1 s.d. (per K) or acceptanceHigh (constant α)",
        (e, r) -> e.rows().expectedTokensBound(r, true)
    );

    /** The two interval columns of a maximised paper objective: its value at E[N]'s low and high bound. */
    private static List<ConfigurationColumn> interval(Objective objective) {
        return List.of(
            number(
                objective.columnName().replace("TokensPerSecond", "") + "Low",
                objective.unit(),
                objective.label() + " at the low end of the acceptance spread",
                (e, r) -> e.rows().intervalBound(objective, r, false)
            ),
            number(
                objective.columnName().replace("TokensPerSecond", "") + "High",
                objective.unit(),
                objective.label() + " at the high end of the acceptance spread",
                (e, r) -> e.rows().intervalBound(objective, r, true)
            )
        );
    }

    /** The column of an objective: its value in the objective's unit. */
    public static ConfigurationColumn of(Objective objective) {
        return number(objective.columnName(), objective.unit(), objective.label(), (e, r) ->
            e.rows().value(objective, r)
        );
    }

    /**
     * Every column, in the order written: the configuration, the round's quantities, one column
     * per {@link Objective} (in declaration order), then feasibility, the front and the sources.
     */
    public static final List<ConfigurationColumn> ALL = all();

    private static List<ConfigurationColumn> all() {
        List<ConfigurationColumn> columns = new ArrayList<>(
            List.of(
                DEVICE,
                DRAFTER,
                QUANTIZATION,
                TARGET,
                K,
                ACCEPTANCE_RATE,
                DRAFT_TOKENS_PER_SECOND,
                EXPECTED_TOKENS_PER_ROUND,
                WASTED_DRAFT_TOKENS_PER_ROUND,
                DRAFT_SECONDS,
                NETWORK_SECONDS,
                VERIFY_SECONDS,
                ROUND_TIME_SECONDS
            )
        );
        for (Objective objective : Objective.values()) {
            columns.add(of(objective));
        }
        columns.addAll(
            List.of(
                SPEEDUP_OVER_CLOUD_ONLY,
                FEASIBLE,
                PARETO,
                DRAFTING_PROVENANCE,
                POWER_PROVENANCE,
                ALIGNMENT_PROVENANCE,
                VERIFICATION_PROVENANCE,
                ACCEPTANCE_FORM,
                EXPECTED_TOKENS_PER_ROUND_LOW,
                EXPECTED_TOKENS_PER_ROUND_HIGH
            )
        );
        columns.addAll(interval(Objective.GOODPUT));
        columns.addAll(interval(Objective.TOKENS_PER_DOLLAR));
        columns.addAll(interval(Objective.TOKENS_PER_JOULE));
        return Collections.unmodifiableList(columns);
    }

    /** The names of {@link #ALL}, in order (the CSV header). */
    public static List<String> names() {
        return ALL.stream().map(ConfigurationColumn::name).toList();
    }
}
