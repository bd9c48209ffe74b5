package io.configspec.engine.decoding;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Token distributions from logits: argmax, temperature softmax, top-p, sampling. */
public final class Distributions {

    private Distributions() {}

    /** Index of the largest logit (lowest index on ties). */
    public static int argmax(float[] logits) {
        int best = 0;
        float max = logits[0];
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > max) {
                max = logits[i];
                best = i;
            }
        }
        return best;
    }

    /** Softmax of {@code logits / temperature} (temperature > 0), as doubles summing to 1. */
    public static double[] softmax(float[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            p[i] = Math.exp((logits[i] - max) / temperature);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /**
     * The sampling distribution: softmax at {@code temperature}, restricted to the smallest set
     * of most likely tokens whose mass reaches {@code topP} (Holtzman et al. 2020), renormalised.
     */
    public static double[] warp(float[] logits, double temperature, double topP) {
        double[] p = softmax(logits, temperature);
        if (topP >= 1) {
            return p;
        }
        Integer[] order = new Integer[p.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        double mass = 0;
        int keep = 0;
        while (keep < order.length && mass < topP) {
            mass += p[order[keep++]];
        }
        double[] out = new double[p.length];
        for (int i = 0; i < keep; i++) {
            out[order[i]] = p[order[i]] / mass;
        }
        return out;
    }

    /** Draws an index from {@code p} (non-negative, summing to ~1). */
    public static int sample(double[] p, SplittableRandom random) {
        double u = random.nextDouble();
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                cumulative += p[i];
                last = i;
                if (u < cumulative) {
                    return i;
                }
            }
        }
        return last;
    }

    /** Largest probability of softmax(logits) (temperature 1): the model's confidence. */
    public static double maxProbability(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double sum = 0;
        for (float l : logits) {
            sum += Math.exp(l - max);
        }
        return 1.0 / sum;
    }

    /**
     * The drafter's per-token statistics at temperature 1: top-1 probability, entropy (nats) and
     * top-1 − top-2 margin of softmax(logits), in two passes over the vocabulary.
     */
    public static io.configspec.model.fleet.DraftTokenStatistics statistics(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        double second = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            if (l > max) {
                second = max;
                max = l;
            } else if (l > second) {
                second = l;
            }
        }
        double sum = 0;
        double weighted = 0;
        for (float l : logits) {
            double z = l - max;
            double e = Math.exp(z);
            sum += e;
            weighted += e * z;
        }
        // H = log Σe^z − Σ e^z z / Σ e^z (z = logit − max)
        double entropy = Math.max(0, Math.log(sum) - weighted / sum);
        double top = 1.0 / sum;
        double runnerUp = second == Double.NEGATIVE_INFINITY ? 0 : Math.exp(second - max) / sum;
        return new io.configspec.model.fleet.DraftTokenStatistics(
            Math.min(1, top),
            entropy,
            Math.max(0, Math.min(1, top - runnerUp))
        );
    }
}
