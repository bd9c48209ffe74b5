package io.configspec.app.explorer.viewmodel;

import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.Objective;
import io.configspec.model.domain.Configuration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the details pane shows for one selected row. Every number has its unit in the name and
 * the provenance of the profile numbers behind it.
 *
 * @param title one-line label of the configuration
 * @param draftSeconds drafting time of one round, s
 * @param networkSeconds network time of one round, s
 * @param verifySeconds verification time of one round, s
 * @param expectedTokensPerRound E[N], tokens
 * @param goodputTokensPerSecond goodput, tokens/s
 * @param joulesPerToken device energy per output token, J/token
 * @param dollarsPerMillionTokens verification cost per 1M output tokens, $
 * @param acceptanceRate α after what-ifs
 * @param kValues K values of the same device, drafter, quantisation and target
 * @param expectedTokensByK E[N] at each of {@code kValues}
 * @param goodputByK goodput at each of {@code kValues}, tokens/s
 * @param kStar the K with the highest goodput among {@code kValues}
 * @param k this row's K
 * @param verdict a sentence on why it wins or loses against its neighbours
 * @param provenance "badge what: provenance" lines for the input numbers used
 * @param sources the same, per input quantity (see {@link InputSources})
 * @param feasible whether it meets every constraint
 * @param goodputInterval goodput's interval from the acceptance spread ({@link
 *     EvaluatedSpace#interval}), tokens/s, {@code {NaN, NaN}} when none is known
 * @param dollarsPerMillionTokensInterval the same for the cost per 1M tokens, $
 * @param spreadLabel what the intervals are, e.g. "α(K) ± 1 s.d."; empty when none is known
 * @param billing how cost is billed, e.g. "token pricing, K verified drafts billed per round"
 */
public record ConfigurationDetails(
    int row,
    Configuration configuration,
    String title,
    double draftSeconds,
    double networkSeconds,
    double verifySeconds,
    double expectedTokensPerRound,
    double goodputTokensPerSecond,
    double joulesPerToken,
    double dollarsPerMillionTokens,
    double acceptanceRate,
    int[] kValues,
    double[] expectedTokensByK,
    double[] goodputByK,
    int kStar,
    int k,
    String verdict,
    List<String> provenance,
    List<InputSources.Source> sources,
    boolean feasible,
    double[] goodputInterval,
    double[] dollarsPerMillionTokensInterval,
    String spreadLabel,
    String billing
) {
    public double roundSeconds() {
        return draftSeconds + networkSeconds + verifySeconds;
    }

    /** Builds the details of {@code row} of {@code evaluation}. */
    public static ConfigurationDetails of(Evaluation evaluation, int row) {
        EvaluatedSpace space = evaluation.space();
        int kCount = space.kCount();
        int first = (row / kCount) * kCount;
        int[] ks = new int[kCount];
        double[] en = new double[kCount];
        double[] gp = new double[kCount];
        int best = first;
        for (int j = 0; j < kCount; j++) {
            int r = first + j;
            ks[j] = space.k(r);
            en[j] = space.expectedTokensPerRound(r);
            gp[j] = space.goodputTokensPerSecond(r);
            if (gp[j] > space.goodputTokensPerSecond(best)) {
                best = r;
            }
        }
        var c = space.combination(row);
        List<InputSources.Source> sources = evaluation.sources(row);
        List<String> provenance = new ArrayList<>();
        for (InputSources.Source s : sources) {
            provenance.add(s.badge() + " " + s.quantity() + ": " + s.label());
        }
        provenance.add(
            InputSources.badge(c.device().provenance().kind()) +
                " Device " +
                c.device().name() +
                ": " +
                c.device().provenance().label()
        );
        if (c.alignment().hasAcceptanceByK()) {
            provenance.add(
                "Acceptance α(K) measured at K " +
                    c.alignment().measuredKRange() +
                    "; here α(" +
                    space.k(row) +
                    ") = " +
                    Numbers.plain(space.acceptanceRate(row))
            );
        }
        return new ConfigurationDetails(
            row,
            space.configuration(row),
            evaluation.label(row),
            space.draftSeconds(row),
            space.networkSeconds(row),
            space.verifySeconds(row),
            space.expectedTokensPerRound(row),
            space.goodputTokensPerSecond(row),
            space.value(Objective.JOULES_PER_TOKEN, row),
            space.value(Objective.DOLLARS_PER_MILLION_TOKENS, row),
            space.acceptanceRate(row),
            ks,
            en,
            gp,
            space.k(best),
            space.k(row),
            verdict(evaluation, row, first, kCount),
            provenance,
            sources,
            space.feasible(row),
            space.interval(Objective.GOODPUT, row),
            space.interval(Objective.DOLLARS_PER_MILLION_TOKENS, row),
            Double.isNaN(space.expectedTokensInterval(row)[0])
                ? ""
                : space.acceptanceMeasuredPerK(row)
                    ? "α(K) ± 1 s.d."
                    : "α's interval",
            space.pricing() == io.configspec.model.analysis.PricingMode.TOKEN
                ? "token pricing, " + space.billing().description()
                : "GPU-time pricing"
        );
    }

    /**
     * Why the row wins or loses: on the chart's front or dominated (by which front row, by how
     * much), and how its neighbours K − 1 and K + 1 compare on goodput.
     */
    static String verdict(Evaluation evaluation, int row, int first, int kCount) {
        EvaluatedSpace space = evaluation.space();
        Objective x = evaluation.xObjective();
        Objective y = evaluation.yObjective();
        StringBuilder sb = new StringBuilder();
        if (!space.feasible(row)) {
            sb.append("It violates a constraint, so it cannot be recommended. ");
        }
        boolean onFront = false;
        for (int f : evaluation.front()) {
            if (f == row) {
                onFront = true;
                break;
            }
        }
        double vx = space.value(x, row);
        double vy = space.value(y, row);
        if (onFront) {
            sb
                .append("On the front: no feasible configuration is better on both ")
                .append(x.label().toLowerCase(java.util.Locale.ROOT))
                .append(" and ")
                .append(y.label().toLowerCase(java.util.Locale.ROOT))
                .append(". ");
        } else {
            int dominator = -1;
            double bestGain = -1;
            for (int f : evaluation.front()) {
                double fx = space.value(x, f);
                double fy = space.value(y, f);
                boolean dominates =
                    !x.better(vx, fx) && !y.better(vy, fy) && (x.better(fx, vx) || y.better(fy, vy));
                if (dominates) {
                    double gain =
                        Math.abs(fx - vx) / Math.max(1e-300, Math.abs(vx)) +
                        Math.abs(fy - vy) / Math.max(1e-300, Math.abs(vy));
                    if (gain > bestGain) {
                        bestGain = gain;
                        dominator = f;
                    }
                }
            }
            if (dominator >= 0) {
                sb
                    .append("Dominated by ")
                    .append(evaluation.label(dominator))
                    .append(": ")
                    .append(Numbers.of(x, space.value(x, dominator)))
                    .append(" vs ")
                    .append(Numbers.of(x, vx))
                    .append(", ")
                    .append(Numbers.of(y, space.value(y, dominator)))
                    .append(" vs ")
                    .append(Numbers.of(y, vy))
                    .append(". ");
            }
        }
        int j = row - first;
        double g = space.goodputTokensPerSecond(row);
        List<String> neighbours = new ArrayList<>();
        if (j > 0) {
            neighbours.add(
                "K=" + space.k(row - 1) + " gives " + Numbers.change(g, space.goodputTokensPerSecond(row - 1))
            );
        }
        if (j < kCount - 1) {
            neighbours.add(
                "K=" + space.k(row + 1) + " gives " + Numbers.change(g, space.goodputTokensPerSecond(row + 1))
            );
        }
        if (!neighbours.isEmpty()) {
            sb.append("Goodput against its neighbours: ").append(String.join(", ", neighbours)).append('.');
        }
        return sb.toString().trim();
    }
}
