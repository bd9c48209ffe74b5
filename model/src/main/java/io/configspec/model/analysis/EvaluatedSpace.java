package io.configspec.model.analysis;

import io.configspec.model.domain.Configuration;
import java.util.List;

/**
 * A configuration space evaluated under one {@link WhatIf}: one row per configuration,
 * column-oriented. Row {@code i} of the whole space is combination {@code i / kCount()} at K =
 * {@code kMin() + i % kCount()}; a block or a selection of the space ({@link
 * ConfigurationSpace#evaluateRows}) holds fewer rows, and {@link #globalRow(int)} says which.
 *
 * <p>Columns returned by {@link #column(Objective)} are the internal arrays: callers must not
 * modify them. A value is NaN when it cannot be computed (e.g. tokens per $ under GPU-time
 * pricing for a target that has no GPU-hour price); NaN never satisfies a constraint.
 *
 * <p>Not thread-safe while being (re)filled by {@link ConfigurationSpace#evaluateInto}; otherwise
 * effectively immutable.
 */
public final class EvaluatedSpace {

    private static final Objective[] OBJECTIVES = Objective.values();

    private final ConfigurationSpace space;
    private final int size;
    private WhatIf whatIf;
    private List<Constraint> constraints;
    private PricingMode pricing;
    private TokenBilling billing;
    private EnergyMode energy;
    private int kMin;
    private int kCount;
    // which rows of the space this object holds: firstRow + i, or selected[i] when not null
    private long firstRow;
    private long[] selected;

    // per combination
    private final double[] acceptance;
    private final double[] draftRate;
    private final double[] cloudOnly;

    /**
     * Bytes each row holds in the per-row arrays below (seven doubles, one per objective, and a
     * boolean): what {@link SpaceSize} estimates memory from. Keep in step with the arrays;
     * {@code SpaceSizeTest} checks it against the bytes an evaluation really allocates.
     */
    public static final long BYTES_PER_ROW = (7L + Objective.values().length) * Double.BYTES + 1;

    // per row
    private final double[] expectedTokens;
    private final double[] draftSeconds;
    private final double[] networkSeconds;
    private final double[] verifySeconds;
    private final double[] roundSeconds;
    private final double[] roundDollars;
    private final double[] roundJoules;
    /** One column per objective, indexed by {@link Objective#ordinal()}. */
    private final double[][] objectiveColumns;
    private final boolean[] feasible;
    private int feasibleCount;

    EvaluatedSpace(ConfigurationSpace space, int rows) {
        this.space = space;
        this.size = rows;
        int combos = space.combinations().size();
        acceptance = new double[combos];
        draftRate = new double[combos];
        cloudOnly = new double[combos];
        expectedTokens = new double[rows];
        draftSeconds = new double[rows];
        networkSeconds = new double[rows];
        verifySeconds = new double[rows];
        roundSeconds = new double[rows];
        roundDollars = new double[rows];
        roundJoules = new double[rows];
        objectiveColumns = new double[OBJECTIVES.length][rows];
        feasible = new boolean[rows];
    }

    /** The hot loop: DESIGN §4 per row, through {@link SpeculativeRoundModel}; every row of the space. */
    void fill(WhatIf w, int kMin, int kMax) {
        fill(w, kMin, kMax, 0L, null);
    }

    /**
     * Fills the rows this object holds: global rows {@code firstRow … firstRow + size() - 1} when
     * {@code selected} is null, else the global rows {@code selected} lists (ascending). A row's
     * values are the same bits whichever rows are evaluated with it: each combination's E[N]
     * recurrence runs from its first K up to the rows wanted, as a whole-space pass runs it.
     */
    void fill(WhatIf w, int kMin, int kMax, long firstRow, long[] selected) {
        ConfigurationSpace s = space;
        Scenario scenario = s.scenario();
        this.whatIf = w;
        this.kMin = kMin;
        this.kCount = kMax - kMin + 1;
        this.firstRow = firstRow;
        this.selected = selected;
        this.pricing = w.pricing().orElse(scenario.pricing());
        this.billing = scenario.billing();
        this.energy = w.energy().orElse(scenario.energy());
        this.constraints = WhatIf.merge(scenario.constraints(), w.constraints());

        double rtt = w.rttSeconds().orElse(s.network().rttSeconds());
        double up = w.uplinkMegabitsPerSecond().orElse(s.network().uplinkMegabitsPerSecond()) * 125_000.0;
        double down =
            w.downlinkMegabitsPerSecond().orElse(s.network().downlinkMegabitsPerSecond()) * 125_000.0;
        double bytesPerDraftToken = s.network().bytesPerDraftToken();
        double replyBytes = s.network().replyBytes();
        // SpeculativeRoundModel.networkSeconds and draftSeconds, rearranged so that the divisions
        // happen once per evaluation or per combination instead of per row (same values to
        // rounding; ConfigurationSpaceTest compares every row with the model's methods).
        double networkBase = rtt + replyBytes / down;
        double uplinkSecondsPerDraftToken = bytesPerDraftToken / up;
        boolean verifyOverride = w.verifySeconds().isPresent();
        double verifyFixed = w.verifySeconds().orElse(0);
        boolean tokenOverride = w.dollarsPerMillionTokens().isPresent();
        double tokenPrice = w.dollarsPerMillionTokens().orElse(0) / 1e6;
        boolean gpuOverride = w.dollarsPerGpuHour().isPresent();
        double gpuPrice = w.dollarsPerGpuHour().orElse(0) / 3600.0;
        boolean tokenPricing = pricing == PricingMode.TOKEN;
        TokenBilling billing = this.billing;
        boolean wholeRound = energy == EnergyMode.WHOLE_ROUND;
        int batch = scenario.batchSize();
        double alphaScale = w.alphaScale();
        // acceptance factors min(1, α × scale) lie in [0, 1] (α is validated to [0, 1])
        boolean unitFactors = alphaScale >= 0;
        double speedScale = w.draftSpeedScale();
        double powerScale = w.powerScale();
        int kCount = this.kCount;
        Objective[] objectives = OBJECTIVES;

        int rows = size;
        int row = 0;
        while (row < rows) {
            int c = (int) (globalRow(row) / kCount);
            long combinationStart = (long) c * kCount;
            double alpha = Math.min(1.0, s.acceptanceRate[c] * alphaScale);
            double rate = s.draftTokensPerSecond[c] * speedScale;
            double overhead = s.roundOverheadSeconds[c] / speedScale;
            double secondsPerDraftToken = 1.0 / rate;
            double draftPower = s.draftPowerWatts[c] * powerScale;
            double idlePower = s.idlePowerWatts[c] * powerScale;
            double verifyBase = verifyOverride ? verifyFixed : s.verifyBaseSeconds[c];
            double verifyPerK = verifyOverride ? 0 : s.verifyPerKSeconds[c];
            double perToken = tokenOverride ? tokenPrice : s.dollarsPerVerifiedToken[c];
            double perGpuSecond = gpuOverride ? gpuPrice : s.dollarsPerGpuSecond[c];
            acceptance[c] = alpha;
            draftRate[c] = rate;
            cloudOnly[c] = SpeculativeRoundModel.cloudOnlyTokensPerSecond(s.targetStepSeconds[c], rtt);

            // E[N] = 1 + Σ_{i=1..K} Π_{j≤i} α_j, accumulated as K grows (geometric: α_j = α).
            int curveStart = s.curveStart[c];
            int curveLast = s.curveLength[c] - 1;
            boolean curve = curveLast >= 0;
            // per-K form (the ConfigSpec paper's): E[N] = K·α(K) + 1 from the measured α(K); the
            // space refuses a K range the table does not cover, so every K here was measured
            boolean perK = s.perKLength[c] > 0;
            int perKOffset = s.perKStart[c] - s.perKFirst[c];
            double survive = 1.0;
            double expected = 1.0;
            // Settled: adding the current term no longer changes E[N] in double precision. Every
            // later term is this one times factors in [0, 1], so no larger, and cannot change it
            // either (rounding is monotone): E[N] keeps these bits for every larger K, and the
            // recurrence may jump (ConfigurationSpace.settledK proves the same for the tail).
            boolean settled = false;
            for (int i = 0; i < kMin && !settled; i++) {
                survive *= curve
                    ? Math.min(1.0, s.curve[curveStart + Math.min(i, curveLast)] * alphaScale)
                    : alpha;
                expected += survive;
                settled = unitFactors && expected + survive == expected;
            }
            int j = 0; // the recurrence stands at K = kMin + j
            long g;
            while (row < rows && (g = globalRow(row)) < combinationStart + kCount) {
                int wanted = (int) (g - combinationStart);
                if (perK || settled) {
                    j = wanted;
                }
                while (j < wanted) {
                    j++;
                    int kj = kMin + j;
                    survive *= curve
                        ? Math.min(1.0, s.curve[curveStart + Math.min(kj - 1, curveLast)] * alphaScale)
                        : alpha;
                    expected += survive;
                    if (unitFactors && expected + survive == expected) {
                        settled = true;
                        j = wanted;
                    }
                }
                int k = kMin + j;
                if (perK) {
                    expected = k * Math.min(1.0, s.perK[perKOffset + k] * alphaScale) + 1.0;
                }
                double draft = overhead + k * secondsPerDraftToken;
                double network = networkBase + k * uplinkSecondsPerDraftToken;
                double verify = verifyBase + verifyPerK * k;
                double round = SpeculativeRoundModel.roundSeconds(draft, network, verify);
                double dollars = tokenPricing
                    ? SpeculativeRoundModel.tokenPricedRoundDollars(perToken, k, billing)
                    : SpeculativeRoundModel.gpuTimePricedRoundDollars(perGpuSecond, verify, batch);
                double joules = wholeRound
                    ? SpeculativeRoundModel.wholeRoundJoules(draftPower, idlePower, draft, round)
                    : SpeculativeRoundModel.draftingJoules(draftPower, draft);
                expectedTokens[row] = expected;
                draftSeconds[row] = draft;
                networkSeconds[row] = network;
                verifySeconds[row] = verify;
                roundSeconds[row] = round;
                roundDollars[row] = dollars;
                roundJoules[row] = joules;
                for (int o = 0; o < objectives.length; o++) {
                    objectiveColumns[o][row] = objectives[o].of(expected, round, dollars, joules);
                }
                row++;
            }
        }
        applyConstraints();
    }

    private void applyConstraints() {
        java.util.Arrays.fill(feasible, true);
        for (Constraint constraint : constraints) {
            double[] values = column(constraint.objective());
            double threshold = constraint.threshold();
            boolean atLeast = constraint.bound() == Constraint.Bound.AT_LEAST;
            for (int i = 0; i < size; i++) {
                double v = values[i];
                feasible[i] &= atLeast ? v >= threshold : v <= threshold;
            }
        }
        int count = 0;
        for (boolean f : feasible) {
            count += f ? 1 : 0;
        }
        feasibleCount = count;
    }

    public ConfigurationSpace space() {
        return space;
    }

    /** The what-if these rows were evaluated under. */
    public WhatIf whatIf() {
        return whatIf;
    }

    /** Constraints in force (the scenario's, with the what-if's replacing those on the same objective and bound). */
    public List<Constraint> constraints() {
        return constraints;
    }

    public PricingMode pricing() {
        return pricing;
    }

    /** Positions billed per round under token pricing (the scenario's choice). */
    public TokenBilling billing() {
        return billing;
    }

    public EnergyMode energy() {
        return energy;
    }

    public int size() {
        return size;
    }

    public int kMin() {
        return kMin;
    }

    /** Number of K values per combination. */
    public int kCount() {
        return kCount;
    }

    /**
     * Row {@code i}'s number in the whole space (combination × K order, as {@link
     * ConfigurationSpace#evaluate(WhatIf)} numbers them): {@code i} itself for a whole-space
     * evaluation, otherwise the row of a block or a selection ({@link
     * ConfigurationSpace#evaluateRows}).
     */
    public long globalRow(int i) {
        return selected == null ? firstRow + i : selected[i];
    }

    /** The whole space's row of this object's row 0 (0 for a whole-space evaluation). */
    public long firstRow() {
        return selected == null ? firstRow : selected.length == 0 ? 0 : selected[0];
    }

    /** Whether these rows are the whole space (not a block or a selection of it). */
    public boolean wholeSpace() {
        return (
            selected == null && firstRow == 0 && (long) size == (long) kCount * space.combinations().size()
        );
    }

    /** This object's row holding space row {@code globalRow}, or −1 when it does not hold it. */
    public int rowOf(long globalRow) {
        if (selected != null) {
            int i = java.util.Arrays.binarySearch(selected, globalRow);
            return i >= 0 ? i : -1;
        }
        long i = globalRow - firstRow;
        return i >= 0 && i < size ? (int) i : -1;
    }

    /** Index into {@code space().combinations()} of row {@code i}. */
    public int combinationIndex(int i) {
        return (int) (globalRow(i) / kCount);
    }

    public Combination combination(int i) {
        return space.combinations().get(combinationIndex(i));
    }

    public int k(int i) {
        return kMin + (int) (globalRow(i) % kCount);
    }

    /** The ids of row {@code i}'s configuration. */
    public Configuration configuration(int i) {
        Combination c = combination(i);
        return new Configuration(c.device().id(), c.drafter().id(), c.quantization(), c.target().id(), k(i));
    }

    /** Values of one objective for every row. Do not modify. */
    public double[] column(Objective objective) {
        return objectiveColumns[objective.ordinal()];
    }

    public double value(Objective objective, int i) {
        return column(objective)[i];
    }

    /**
     * Acceptance rate after the what-if: the measured α(K) at row {@code i}'s K for a per-K table
     * (the ConfigSpec paper's form), otherwise the constant α (the mean α when a per-position curve
     * is used for E[N]).
     */
    public double acceptanceRate(int i) {
        int c = combinationIndex(i);
        if (space.perKLength[c] > 0) {
            return (expectedTokens[i] - 1.0) / k(i);
        }
        return acceptance[c];
    }

    /** Whether row {@code i}'s acceptance was measured at its own K (the per-K form). */
    public boolean acceptanceMeasuredPerK(int i) {
        return space.perKLength[combinationIndex(i)] > 0;
    }

    /**
     * The spread of E[N] that the acceptance data carries for row {@code i}, as {@code {low,
     * high}} tokens per round: α(K) ± one standard deviation (clamped to [0, 1]) for a per-K table,
     * the constant α's confidence interval [acceptanceLow, acceptanceHigh] in the geometric form;
     * {@code {NaN, NaN}} for a per-position curve (no interval is known for it). The what-if's
     * α scale applies as to the mean.
     */
    public double[] expectedTokensInterval(int i) {
        int c = combinationIndex(i);
        int k = k(i);
        double scale = whatIf.alphaScale();
        ConfigurationSpace s = space;
        if (s.perKLength[c] > 0) {
            int at = s.perKStart[c] + k - s.perKFirst[c];
            double mean = s.perK[at];
            double sd = s.perKSpread[at];
            double low = Math.min(1.0, Math.max(0.0, mean - sd) * scale);
            double high = Math.min(1.0, Math.min(1.0, mean + sd) * scale);
            return new double[] { k * low + 1.0, k * high + 1.0 };
        }
        if (s.curveLength[c] > 0 || Double.isNaN(s.acceptanceLow[c])) {
            return new double[] { Double.NaN, Double.NaN };
        }
        return new double[] {
            SpeculativeRoundModel.expectedTokensPerRound(Math.min(1.0, s.acceptanceLow[c] * scale), k),
            SpeculativeRoundModel.expectedTokensPerRound(Math.min(1.0, s.acceptanceHigh[c] * scale), k),
        };
    }

    /**
     * The interval of {@code objective} for row {@code i} that the acceptance spread gives ({@link
     * #expectedTokensInterval}), as {@code {worse-or-equal bound, better-or-equal bound}} in the
     * objective's own units, lower value first. Every objective is E[N] times a factor that does
     * not depend on acceptance (goodput = E[N] / T, tokens per $ = E[N] / cost, tokens per J =
     * E[N] / energy, and their inverses), so the bounds scale the row's value. {@code {NaN, NaN}}
     * when no interval is known or the value itself is NaN.
     */
    public double[] interval(Objective objective, int i) {
        double[] tokens = expectedTokensInterval(i);
        double value = value(objective, i);
        double expected = expectedTokens[i];
        if (Double.isNaN(tokens[0]) || Double.isNaN(value)) {
            return new double[] { Double.NaN, Double.NaN };
        }
        return objective.maximize()
            ? new double[] { (value * tokens[0]) / expected, (value * tokens[1]) / expected }
            : new double[] { (value * expected) / tokens[1], (value * expected) / tokens[0] };
    }

    /** Effective drafting throughput, tokens/s. */
    public double draftTokensPerSecond(int i) {
        return draftRate[combinationIndex(i)];
    }

    /** E[N], tokens per round. */
    public double expectedTokensPerRound(int i) {
        return expectedTokens[i];
    }

    public double roundTimeSeconds(int i) {
        return roundSeconds[i];
    }

    public double draftSeconds(int i) {
        return draftSeconds[i];
    }

    public double networkSeconds(int i) {
        return networkSeconds[i];
    }

    public double verifySeconds(int i) {
        return verifySeconds[i];
    }

    public double goodputTokensPerSecond(int i) {
        return value(Objective.GOODPUT, i);
    }

    public double tokensPerDollar(int i) {
        return value(Objective.TOKENS_PER_DOLLAR, i);
    }

    public double tokensPerJoule(int i) {
        return value(Objective.TOKENS_PER_JOULE, i);
    }

    /** Verification cost of one round, $ (NaN when the target has no price for the pricing mode). */
    public double roundDollars(int i) {
        return roundDollars[i];
    }

    /** Device energy of one round, J (NaN when the device's power is not measured). */
    public double roundJoules(int i) {
        return roundJoules[i];
    }

    /** Drafted tokens rejected per round: K − (E[N] − 1). */
    public double wastedDraftTokensPerRound(int i) {
        return SpeculativeRoundModel.wastedDraftTokensPerRound(expectedTokens[i], k(i));
    }

    /** Goodput of the cloud-only baseline for row {@code i}'s target: 1 / (target step + RTT), tokens/s. */
    public double cloudOnlyTokensPerSecond(int i) {
        return cloudOnly[combinationIndex(i)];
    }

    /** Goodput relative to cloud-only decoding of the same target. */
    public double speedupOverCloudOnly(int i) {
        return value(Objective.GOODPUT, i) / cloudOnly[combinationIndex(i)];
    }

    /** Whether row {@code i} meets every constraint. */
    public boolean feasible(int i) {
        return feasible[i];
    }

    /** Feasibility of every row (e.g. the include mask for a Pareto front). Do not modify. */
    public boolean[] feasibleMask() {
        return feasible;
    }

    public int feasibleCount() {
        return feasibleCount;
    }

    /**
     * The feasible row with the best value of {@code objective} (first one on ties), or −1 when no
     * row is feasible or all values are NaN.
     */
    public int best(Objective objective) {
        double[] values = column(objective);
        int best = -1;
        for (int i = 0; i < size; i++) {
            if (
                feasible[i] &&
                !Double.isNaN(values[i]) &&
                (best < 0 || objective.better(values[i], values[best]))
            ) {
                best = i;
            }
        }
        return best;
    }
}
