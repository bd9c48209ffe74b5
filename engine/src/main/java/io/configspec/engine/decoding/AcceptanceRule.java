package io.configspec.engine.decoding;

import java.util.SplittableRandom;

/**
 * How a sampled draft token is verified against the target (speculative sampling).
 *
 * <p>{@link #REJECTION_SAMPLING} is the modified rejection sampling of Leviathan et al. (ICML
 * 2023, Algorithm 1) and Chen et al. (2023): accept draft token x with probability
 * min(1, p(x) / q(x)); on rejection draw from norm(max(0, p − q)). The emitted token is then
 * distributed exactly as p. The interface exists so tests can show that a wrong rule is caught.
 */
public interface AcceptanceRule {
    /** Whether to accept draft token {@code token} drawn from {@code q} when the target says {@code p}. */
    boolean accept(double[] p, double[] q, int token, SplittableRandom random);

    /** The distribution to draw the replacement token from after a rejection. */
    double[] residual(double[] p, double[] q);

    AcceptanceRule REJECTION_SAMPLING = new AcceptanceRule() {
        @Override
        public boolean accept(double[] p, double[] q, int token, SplittableRandom random) {
            if (p[token] >= q[token]) {
                return true;
            }
            return random.nextDouble() < p[token] / q[token];
        }

        @Override
        public double[] residual(double[] p, double[] q) {
            double[] r = new double[p.length];
            double sum = 0;
            for (int i = 0; i < p.length; i++) {
                r[i] = Math.max(0, p[i] - q[i]);
                sum += r[i];
            }
            if (sum <= 0) {
                return p.clone();
            }
            for (int i = 0; i < r.length; i++) {
                r[i] /= sum;
            }
            return r;
        }

        @Override
        public String toString() {
            return "rejection sampling";
        }
    };
}
