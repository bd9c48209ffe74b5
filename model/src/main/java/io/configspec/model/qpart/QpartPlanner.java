package io.configspec.model.qpart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * QPART's joint choice of layer-wise bit-widths and partition point (arXiv:2506.23934), solved
 * exactly under a rule that makes tighter budgets never give fewer total bits (decision 0071,
 * which supersedes 0070).
 *
 * <p><b>The rule.</b> Among the plans within the budget that are on the time–degradation front
 * (no other plan has no more time and no more degradation, and less of one), the plan with the
 * fewest total weight bits ({@link QpartPlan#weightBits()}: Σ parameters × width, layers on the
 * server counted at 16); ties by less time per token, then less degradation, then a later split,
 * then higher widths from the first layer on ({@link #compare}). The front of the plans within a
 * budget B is the set E of front plans of the whole problem cut at B (whatever dominates a plan
 * degrades no more than it, so it is within B too); a tighter budget cuts E shorter, so the fewest
 * bits over it can only rise. Every plan E gains at a looser budget degrades more than every plan
 * it had, so, being on the front, it is faster than each of them: a tighter budget also never gives
 * a faster plan or more degradation. Pure time minimisation (decision 0070) is not monotone in
 * bits: the partition point and the widths of differently sized layers trade against each other.
 *
 * <p><b>The computation.</b> For a partition point p the predicted time per token is a sum over the
 * device's layers of c_l(b) = F_l / rate(b) + (shipped bytes of layer l at b) / downlink /
 * amortised tokens, plus a term that depends on p only (the round trip, the uplink and the server's
 * compute for the rest, and the fixed weights' shipping); the degradation is a sum of d_l(b) over
 * the same layers. For each p a dynamic programme over the layers keeps the non-dominated
 * (degradation, time) pairs of the layers so far (of two equal pairs, the one with fewer bits, then
 * higher widths): a prefix that another dominates cannot begin a front plan, and states over the
 * budget are never kept. The complete plans of every p are cut to their common front, and the rule
 * picks among it. The sets kept at a budget are exactly those kept at a looser one cut at it, in
 * floating point too, so the monotonicity holds for the computed plans, not only on paper.
 *
 * <p>Cost: states per layer are bounded by the non-dominated pairs, in practice hundreds to a few
 * thousand for the models here (25 layers, 5 widths: under 1 ms to tens of ms). Stateless and
 * thread-safe.
 */
public final class QpartPlanner {

    /** Bytes sent up per token when the whole model runs on the server (the token id). */
    public static final long TOKEN_BYTES = 8;

    /** The rule in one line, for output. */
    public static final String RULE =
        "fewest total weight bits among the plans within the budget that no other beats on both time and degradation, then least time (decision 0071)";

    private QpartPlanner() {}

    /**
     * The plan of fewest total weight bits on the time–degradation front within the budget (see
     * the class comment).
     *
     * @throws QpartInputException when no plan meets the budget (only possible when 16 bits is not
     *     among the allowed widths and no split is allowed)
     */
    public static QpartPlan plan(QpartProblem problem) throws QpartInputException {
        int layerCount = problem.layers().size();
        int[] widths = problem.bitWidths().stream().mapToInt(Integer::intValue).toArray();
        List<QpartPlan> complete = new ArrayList<>();
        for (int p = problem.channel().allowsSplit() ? 0 : layerCount; p <= layerCount; p++) {
            List<Label> labels = List.of(Label.START);
            for (int l = 0; l < p; l++) {
                labels = extend(problem, labels, l, widths);
                if (labels.isEmpty()) {
                    break;
                }
            }
            double fixed = fixedSeconds(problem, p);
            for (Label label : labels) {
                if (label.depth == p) {
                    complete.add(evaluate(problem, label.widths(), p, label.cost + fixed));
                }
            }
        }
        QpartPlan best = null;
        for (QpartPlan candidate : front(complete)) {
            if (best == null || compare(candidate, best) < 0) {
                best = candidate;
            }
        }
        if (best == null) {
            double least = 0;
            for (PlannerLayer layer : problem.layers()) {
                least += QuantizationNoise.degradation(layer, problem.bitWidths().last());
            }
            throw new QpartInputException(
                "no plan of " +
                    problem.model() +
                    " meets the budget " +
                    problem.budget() +
                    ": even " +
                    problem.bitWidths().last() +
                    " bits on every layer degrade it by " +
                    least
            );
        }
        return best;
    }

    /**
     * The plans of {@code plans} that no other of them dominates: none has no more degradation and
     * no more time per token and less of one (plans equal in both are all kept). Order not kept.
     */
    public static List<QpartPlan> front(List<QpartPlan> plans) {
        List<QpartPlan> sorted = new ArrayList<>(plans);
        sorted.sort(
            Comparator.comparingDouble(QpartPlan::totalDegradation).thenComparingDouble(
                QpartPlan::secondsPerToken
            )
        );
        List<QpartPlan> front = new ArrayList<>();
        double leastTimeAtLessDegradation = Double.POSITIVE_INFINITY;
        int i = 0;
        while (i < sorted.size()) {
            double degradation = sorted.get(i).totalDegradation();
            double groupLeast = sorted.get(i).secondsPerToken();
            int j = i;
            while (j < sorted.size() && sorted.get(j).totalDegradation() == degradation) {
                QpartPlan plan = sorted.get(j);
                if (plan.secondsPerToken() == groupLeast && groupLeast < leastTimeAtLessDegradation) {
                    front.add(plan);
                }
                j++;
            }
            leastTimeAtLessDegradation = Math.min(leastTimeAtLessDegradation, groupLeast);
            i = j;
        }
        return front;
    }

    /**
     * The rule's order among front plans, best first: fewer total weight bits, then less time per
     * token, then less degradation, then a later split, then higher widths from the first layer on.
     */
    public static int compare(QpartPlan a, QpartPlan b) {
        int c = Long.compare(a.weightBits(), b.weightBits());
        if (c != 0) {
            return c;
        }
        c = Double.compare(a.secondsPerToken(), b.secondsPerToken());
        if (c != 0) {
            return c;
        }
        c = Double.compare(a.totalDegradation(), b.totalDegradation());
        if (c != 0) {
            return c;
        }
        c = Integer.compare(b.partition(), a.partition());
        if (c != 0) {
            return c;
        }
        return -Arrays.compare(a.bits(), b.bits());
    }

    /**
     * The plan that gives layers 0..p−1 the widths {@code deviceBits} (length p) and runs the rest
     * on the server, with every figure computed in the same order as {@link #plan} does.
     */
    public static QpartPlan evaluate(QpartProblem problem, int[] deviceBits, int partition) {
        double cost = 0;
        for (int l = 0; l < partition; l++) {
            cost += layerCost(problem, l, deviceBits[l]);
        }
        return evaluate(problem, deviceBits, partition, cost + fixedSeconds(problem, partition));
    }

    private static QpartPlan evaluate(QpartProblem problem, int[] deviceBits, int partition, double seconds) {
        List<QpartPlan.LayerPlan> layers = new ArrayList<>();
        double degradation = 0;
        double deviceSeconds = 0;
        double shippedBits = partition > 0 ? problem.fixedParameters() * 16.0 : 0;
        for (int l = 0; l < problem.layers().size(); l++) {
            PlannerLayer layer = problem.layers().get(l);
            if (l < partition) {
                int bits = deviceBits[l];
                double d = QuantizationNoise.degradation(layer, bits);
                double s = problem.device().seconds(layer.flopsPerToken(), bits);
                degradation += d;
                deviceSeconds += s;
                shippedBits += layer.parameters() * QuantizationNoise.storageBitsPerWeight(bits);
                layers.add(new QpartPlan.LayerPlan(layer.name(), true, bits, d, s));
            } else {
                layers.add(
                    new QpartPlan.LayerPlan(layer.name(), false, QuantizationNoise.REFERENCE_BITS, 0, 0)
                );
            }
        }
        return new QpartPlan(
            problem,
            layers,
            partition,
            deviceSeconds,
            seconds,
            (long) Math.ceil(shippedBits / 8),
            degradation
        );
    }

    /** Device compute plus shared shipping of layer {@code l} at {@code bits}, s per token. */
    static double layerCost(QpartProblem problem, int l, int bits) {
        PlannerLayer layer = problem.layers().get(l);
        Channel channel = problem.channel();
        double shipSeconds =
            (layer.parameters() * QuantizationNoise.storageBitsPerWeight(bits)) /
            8 /
            channel.downlinkBytesPerSecond() /
            channel.amortisedTokens();
        return problem.device().seconds(layer.flopsPerToken(), bits) + shipSeconds;
    }

    /** The part of the time per token that depends on the partition point only, s. */
    static double fixedSeconds(QpartProblem problem, int partition) {
        Channel channel = problem.channel();
        List<PlannerLayer> layers = problem.layers();
        double seconds = 0;
        if (partition > 0) {
            seconds +=
                (problem.fixedParameters() * 2.0) /
                channel.downlinkBytesPerSecond() /
                channel.amortisedTokens();
        }
        if (partition < layers.size()) {
            long upBytes = partition == 0 ? TOKEN_BYTES : layers.get(partition - 1).activationBytesPerToken();
            double serverFlops = 0;
            for (int l = partition; l < layers.size(); l++) {
                serverFlops += layers.get(l).flopsPerToken();
            }
            seconds +=
                channel.rttSeconds() +
                upBytes / channel.uplinkBytesPerSecond() +
                serverFlops / channel.serverFlopsPerSecond();
        }
        return seconds;
    }

    private static List<Label> extend(QpartProblem problem, List<Label> labels, int l, int[] widths) {
        PlannerLayer layer = problem.layers().get(l);
        double[] d = new double[widths.length];
        double[] c = new double[widths.length];
        for (int i = 0; i < widths.length; i++) {
            d[i] = QuantizationNoise.degradation(layer, widths[i]);
            c[i] = layerCost(problem, l, widths[i]);
        }
        List<Label> next = new ArrayList<>(labels.size() * widths.length);
        for (Label label : labels) {
            for (int i = 0; i < widths.length; i++) {
                double degradation = label.degradation + d[i];
                if (degradation <= problem.budget()) {
                    next.add(new Label(label, widths[i], layer.parameters(), degradation, label.cost + c[i]));
                }
            }
        }
        next.sort(Label.ORDER);
        List<Label> kept = new ArrayList<>();
        double leastCost = Double.POSITIVE_INFINITY;
        for (Label label : next) {
            if (label.cost < leastCost) {
                kept.add(label);
                leastCost = label.cost;
            }
        }
        return kept;
    }

    /** A partial plan: widths of layers 0..depth−1 (through the parent chain), its degradation and cost. */
    private static final class Label {

        static final Label START = new Label(null, 0, 0, 0, 0);

        /** Less degradation first, then less cost, then fewer weight bits, then higher widths from the first layer. */
        static final Comparator<Label> ORDER = (a, b) -> {
            int c = Double.compare(a.degradation, b.degradation);
            if (c != 0) {
                return c;
            }
            c = Double.compare(a.cost, b.cost);
            if (c != 0) {
                return c;
            }
            c = Long.compare(a.weightBits, b.weightBits);
            return c != 0 ? c : -Arrays.compare(a.widths(), b.widths());
        };

        final Label parent;
        final int bits;
        final int depth;
        final long weightBits;
        final double degradation;
        final double cost;

        Label(Label parent, int bits, long parameters, double degradation, double cost) {
            this.parent = parent;
            this.bits = bits;
            this.depth = parent == null ? 0 : parent.depth + 1;
            this.weightBits = parent == null ? 0 : parent.weightBits + parameters * bits;
            this.degradation = degradation;
            this.cost = cost;
        }

        int[] widths() {
            int[] widths = new int[depth];
            Label label = this;
            for (int i = depth - 1; i >= 0; i--) {
                widths[i] = label.bits;
                label = label.parent;
            }
            return widths;
        }
    }
}
