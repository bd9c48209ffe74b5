package io.configspec.model.pareto;

import io.configspec.model.analysis.EnergyMode;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.Objective;
import io.configspec.model.analysis.PricingMode;
import io.configspec.model.analysis.TokenBilling;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The four configurations a user usually asks for, each with a one-line reason: the best goodput,
 * the most tokens per dollar, the most tokens per joule, and a balanced one (the {@link KneePoint}
 * of the three-objective Pareto front).
 *
 * <p>Only feasible rows (meeting the scenario's constraints) are considered; rows whose value is
 * NaN are skipped. Ties on the objective are broken by the other two objectives in the order
 * goodput, cost, energy, so every recommendation is itself on the Pareto front; remaining ties go to
 * the lowest row.
 */
public final class Recommendations {

    private static final Objective[] PAPER_OBJECTIVES = Objective.GOODPUT_COST_ENERGY.toArray(
        Objective[]::new
    );

    private Recommendations() {}

    /**
     * Recommendations for an evaluated space, in the order goodput, cost, energy, balanced; an
     * objective with no feasible number is left out (so the list is empty when nothing is feasible).
     */
    public static List<Recommendation> of(EvaluatedSpace space) {
        return of(space, null);
    }

    /**
     * Like {@link #of(EvaluatedSpace)}, reusing a three-objective front the caller already has (the
     * explorer draws it): {@link ParetoFront#nonDominated(double[][], boolean[], boolean[])} over
     * goodput, tokens per dollar and tokens per joule with {@code space.feasibleMask()}; null
     * computes it.
     */
    public static List<Recommendation> of(EvaluatedSpace space, int[] paperFront) {
        double[][] columns = new double[3][];
        boolean[] maximize = new boolean[3];
        for (int j = 0; j < 3; j++) {
            columns[j] = space.column(PAPER_OBJECTIVES[j]);
            maximize[j] = PAPER_OBJECTIVES[j].maximize();
        }
        boolean[] feasible = space.feasibleMask();
        int[] best = new int[3];
        List<Recommendation> result = new ArrayList<>(4);
        for (int j = 0; j < 3; j++) {
            best[j] = bestWithTieBreak(columns, j, feasible);
        }
        if (best[0] >= 0) {
            result.add(
                recommendation(
                    space,
                    Recommendation.Kind.GOODPUT,
                    best[0],
                    goodputReason(space, best[0]) + spreadNote(space, Objective.GOODPUT, best[0], feasible)
                )
            );
        }
        if (best[1] >= 0) {
            result.add(
                recommendation(
                    space,
                    Recommendation.Kind.COST,
                    best[1],
                    costReason(space, best[1]) +
                        spreadNote(space, Objective.TOKENS_PER_DOLLAR, best[1], feasible)
                )
            );
        }
        if (best[2] >= 0) {
            result.add(
                recommendation(
                    space,
                    Recommendation.Kind.ENERGY,
                    best[2],
                    energyReason(space, best[2]) +
                        spreadNote(space, Objective.TOKENS_PER_JOULE, best[2], feasible)
                )
            );
        }
        int[] front = paperFront != null ? paperFront : ParetoFront.nonDominated(columns, maximize, feasible);
        int knee = KneePoint.select(columns, maximize, front);
        if (knee >= 0) {
            result.add(
                recommendation(
                    space,
                    Recommendation.Kind.BALANCED,
                    knee,
                    balancedReason(space, knee, front.length, columns, best)
                )
            );
        }
        return List.copyOf(result);
    }

    /**
     * Best feasible row for column {@code primary} (all columns maximised); ties broken by the
     * other columns in order.
     */
    static int bestWithTieBreak(double[][] columns, int primary, boolean[] feasible) {
        int best = -1;
        int n = columns[primary].length;
        double[] candidate = new double[columns.length];
        double[] bestValues = new double[columns.length];
        for (int i = 0; i < n; i++) {
            if (!feasible[i] || Double.isNaN(columns[primary][i])) {
                continue;
            }
            for (int j = 0; j < columns.length; j++) {
                candidate[j] = columns[j][i];
            }
            if (best < 0 || beats(candidate, bestValues, primary)) {
                best = i;
                System.arraycopy(candidate, 0, bestValues, 0, candidate.length);
            }
        }
        return best;
    }

    /**
     * The tie-break rule of the best row for column {@code primary}: whether the row with values
     * {@code candidate} beats the row with values {@code incumbent} (one value per column, all
     * maximised): the primary column decides, then the other columns in order.
     */
    public static boolean beats(double[] candidate, double[] incumbent, int primary) {
        if (candidate[primary] != incumbent[primary]) {
            return candidate[primary] > incumbent[primary];
        }
        for (int j = 0; j < candidate.length; j++) {
            if (j != primary && candidate[j] != incumbent[j]) {
                return candidate[j] > incumbent[j];
            }
        }
        return false;
    }

    /**
     * What the acceptance data's spread says about the winner of {@code objective}: its interval
     * ({@link EvaluatedSpace#interval}) and whether the runner-up's interval overlaps it. The
     * runner-up is the best feasible row with a strictly worse value. Empty when the winner has no
     * interval (e.g. a per-position curve).
     */
    static String spreadNote(EvaluatedSpace space, Objective objective, int winner, boolean[] feasible) {
        double[] win = space.interval(objective, winner);
        if (Double.isNaN(win[0])) {
            return "";
        }
        double[] values = space.column(objective);
        int runnerUp = -1;
        for (int i = 0; i < values.length; i++) {
            if (
                feasible[i] &&
                !Double.isNaN(values[i]) &&
                objective.better(values[winner], values[i]) &&
                (runnerUp < 0 || objective.better(values[i], values[runnerUp]))
            ) {
                runnerUp = i;
            }
        }
        String unit = " " + objective.unit();
        StringBuilder note = new StringBuilder(" With the acceptance spread (")
            .append(space.acceptanceMeasuredPerK(winner) ? "α(K) ± 1 s.d." : "α's interval")
            .append(") it lies in ")
            .append(number(win[0]))
            .append("–")
            .append(number(win[1]))
            .append(unit);
        if (runnerUp < 0) {
            return note.append('.').toString();
        }
        double[] other = space.interval(objective, runnerUp);
        var c = space.configuration(runnerUp);
        note
            .append("; the runner-up, ")
            .append(c.device())
            .append(" / ")
            .append(c.drafter())
            .append(' ')
            .append(c.quantization())
            .append(" K=")
            .append(c.k())
            .append(" (")
            .append(number(values[runnerUp]))
            .append(unit);
        if (Double.isNaN(other[0])) {
            return note.append(", no interval known).").toString();
        }
        note
            .append(", ")
            .append(number(other[0]))
            .append("–")
            .append(number(other[1]))
            .append(unit)
            .append(')');
        boolean overlap = other[1] >= win[0] && other[0] <= win[1];
        return note
            .append(overlap ? ", overlaps it: the data do not separate the two." : ", does not overlap it.")
            .toString();
    }

    private static Recommendation recommendation(
        EvaluatedSpace space,
        Recommendation.Kind kind,
        int row,
        String reason
    ) {
        return new Recommendation(kind, row, space.configuration(row), reason);
    }

    private static String goodputReason(EvaluatedSpace space, int row) {
        StringBuilder reason = new StringBuilder("Highest goodput: ")
            .append(number(space.goodputTokensPerSecond(row)))
            .append(" tokens/s");
        double speedup = space.speedupOverCloudOnly(row);
        if (Double.isFinite(speedup)) {
            reason.append(", ").append(number(speedup)).append("× cloud-only");
        }
        return reason
            .append("; K=")
            .append(space.k(row))
            .append(" balances drafting time (")
            .append(number(space.draftSeconds(row)))
            .append(" s) against ")
            .append(number(space.verifySeconds(row)))
            .append(" s verification, yielding ")
            .append(number(space.expectedTokensPerRound(row)))
            .append(" tokens per round at α=")
            .append(number(space.acceptanceRate(row)))
            .append('.')
            .toString();
    }

    private static String costReason(EvaluatedSpace space, int row) {
        StringBuilder reason = new StringBuilder("Most tokens per dollar: ")
            .append(number(space.tokensPerDollar(row)))
            .append(" tokens/$ ($")
            .append(number(space.value(Objective.DOLLARS_PER_MILLION_TOKENS, row)))
            .append(" per 1M tokens); K=")
            .append(space.k(row));
        if (space.pricing() == PricingMode.TOKEN) {
            reason
                .append(" bills only ")
                .append(space.billing().billedTokens(space.k(row)))
                .append(
                    space.billing() == TokenBilling.DRAFTS
                        ? " verified drafts"
                        : " positions (drafts and bonus)"
                )
                .append(" per round for ");
        } else {
            reason
                .append(" keeps GPU time at ")
                .append(number(space.verifySeconds(row)))
                .append(" s per round for ");
        }
        return reason
            .append(number(space.expectedTokensPerRound(row)))
            .append(" tokens (α=")
            .append(number(space.acceptanceRate(row)))
            .append(").")
            .toString();
    }

    private static String energyReason(EvaluatedSpace space, int row) {
        double joulesPerRound = space.expectedTokensPerRound(row) / space.tokensPerJoule(row);
        String drafter = space.configuration(row).drafter() + " " + space.configuration(row).quantization();
        StringBuilder reason = new StringBuilder("Most tokens per joule: ")
            .append(number(space.tokensPerJoule(row)))
            .append(" tokens/J (")
            .append(number(space.value(Objective.JOULES_PER_TOKEN, row)))
            .append(" J/token); K=")
            .append(space.k(row))
            .append(" with ")
            .append(drafter)
            .append(" at ")
            .append(number(space.draftTokensPerSecond(row)))
            .append(" tokens/s spends ")
            .append(number(joulesPerRound))
            .append(" J per round");
        reason.append(space.energy() == EnergyMode.DRAFTING_ONLY ? " drafting." : ", drafting and waiting.");
        return reason.toString();
    }

    private static String balancedReason(
        EvaluatedSpace space,
        int row,
        int frontSize,
        double[][] columns,
        int[] best
    ) {
        return (
            "Of the " +
            frontSize +
            " Pareto-optimal configurations, the closest to the best of all three at once: " +
            number(space.goodputTokensPerSecond(row)) +
            " tokens/s (" +
            percentOfBest(columns[0], row, best[0]) +
            " of best), " +
            number(space.tokensPerDollar(row)) +
            " tokens/$ (" +
            percentOfBest(columns[1], row, best[1]) +
            "), " +
            number(space.tokensPerJoule(row)) +
            " tokens/J (" +
            percentOfBest(columns[2], row, best[2]) +
            "), at K=" +
            space.k(row) +
            "."
        );
    }

    private static String percentOfBest(double[] column, int row, int best) {
        if (best < 0 || !(column[best] > 0)) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.0f %%", (100 * column[row]) / column[best]);
    }

    /**
     * A number for people: 3 significant digits below 1,000 (e.g. {@code 12.4}, {@code 0.123}),
     * whole numbers with thousands separators up to a million ({@code 12,345}), then millions
     * ({@code 1.23 million}).
     */
    static String number(double value) {
        double magnitude = Math.abs(value);
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? "n/a" : (value > 0 ? "∞" : "−∞");
        }
        if (magnitude >= 1e6) {
            return String.format(Locale.ROOT, "%.3g million", value / 1e6);
        }
        if (magnitude >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude == 0) {
            return "0";
        }
        int digits = Math.max(0, 2 - (int) Math.floor(Math.log10(magnitude)));
        return String.format(Locale.ROOT, "%." + digits + "f", value);
    }
}
