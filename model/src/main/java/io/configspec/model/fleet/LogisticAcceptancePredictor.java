package io.configspec.model.fleet;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * WISP's rejection predictor over all three per-token statistics of the drafter: logistic
 * regression of "accepted" on the top-1 probability, the entropy and the top-1/top-2 margin,
 *
 * <pre>P(accept) = σ(b₀ + b₁ p₁ + b₂ H + b₃ (p₁ − p₂))</pre>
 *
 * fitted by maximum likelihood ({@link #fit}) on tokens the target actually judged — e.g. the
 * rounds of a calibration run of the real drafter against the real target. A statistic that was
 * unknown (NaN) in every training token gets weight 0 and is ignored when predicting.
 *
 * @param intercept b₀
 * @param topProbabilityWeight b₁
 * @param entropyWeight b₂ (per nat)
 * @param marginWeight b₃
 * @param sampleCount tokens it was fitted on (0 when the weights were given)
 */
public record LogisticAcceptancePredictor(
    double intercept,
    double topProbabilityWeight,
    double entropyWeight,
    double marginWeight,
    int sampleCount
) implements AcceptancePredictor {
    public LogisticAcceptancePredictor {
        for (double w : new double[] { intercept, topProbabilityWeight, entropyWeight, marginWeight }) {
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("logistic weights must be finite, got " + w);
            }
        }
    }

    /** One drafted token and the target's verdict on it (its prefix was accepted). */
    public record LabelledToken(DraftTokenStatistics statistics, boolean accepted) {}

    @Override
    public double acceptance(DraftTokenStatistics token) {
        double z = intercept + topProbabilityWeight * token.topProbability();
        if (entropyWeight != 0 && !Double.isNaN(token.entropyNats())) {
            z += entropyWeight * token.entropyNats();
        }
        if (marginWeight != 0 && !Double.isNaN(token.margin())) {
            z += marginWeight * token.margin();
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }

    /**
     * Maximum-likelihood fit (Newton–Raphson / iteratively reweighted least squares, with a tiny
     * ridge on the slopes so that perfectly separable data still converge).
     *
     * @throws IllegalArgumentException with fewer than 8 tokens, or when all are accepted or all
     *     rejected (nothing to learn a boundary from)
     */
    public static LogisticAcceptancePredictor fit(List<LabelledToken> tokens) {
        int n = tokens.size();
        if (n < 8) {
            throw new IllegalArgumentException(
                "need at least 8 judged tokens to fit the predictor, got " + n
            );
        }
        long accepted = tokens.stream().filter(LabelledToken::accepted).count();
        if (accepted == 0 || accepted == n) {
            throw new IllegalArgumentException(
                "cannot fit the predictor: all " +
                    n +
                    " tokens were " +
                    (accepted == 0 ? "rejected" : "accepted")
            );
        }
        boolean entropy = tokens.stream().allMatch(t -> !Double.isNaN(t.statistics().entropyNats()));
        boolean margin = tokens.stream().allMatch(t -> !Double.isNaN(t.statistics().margin()));
        int p = 2 + (entropy ? 1 : 0) + (margin ? 1 : 0);
        double[][] x = new double[n][p];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            DraftTokenStatistics s = tokens.get(i).statistics();
            int j = 0;
            x[i][j++] = 1;
            x[i][j++] = s.topProbability();
            if (entropy) {
                x[i][j++] = s.entropyNats();
            }
            if (margin) {
                x[i][j++] = s.margin();
            }
            y[i] = tokens.get(i).accepted() ? 1 : 0;
        }
        double ridge = 1e-4 * n;
        double[] beta = new double[p];
        beta[0] = Math.log((double) accepted / (n - accepted));
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] gradient = new double[p];
            double[][] hessian = new double[p][p];
            for (int i = 0; i < n; i++) {
                double z = 0;
                for (int j = 0; j < p; j++) {
                    z += beta[j] * x[i][j];
                }
                double mu = 1.0 / (1.0 + Math.exp(-z));
                double w = Math.max(1e-12, mu * (1 - mu));
                for (int j = 0; j < p; j++) {
                    gradient[j] += (y[i] - mu) * x[i][j];
                    for (int k = 0; k < p; k++) {
                        hessian[j][k] += w * x[i][j] * x[i][k];
                    }
                }
            }
            for (int j = 1; j < p; j++) {
                gradient[j] -= ridge * beta[j];
                hessian[j][j] += ridge;
            }
            RealMatrix h = new Array2DRowRealMatrix(hessian, false);
            RealVector step = new LUDecomposition(h).getSolver().solve(new ArrayRealVector(gradient, false));
            double largest = 0;
            for (int j = 0; j < p; j++) {
                beta[j] += step.getEntry(j);
                largest = Math.max(largest, Math.abs(step.getEntry(j)));
            }
            if (largest < 1e-9) {
                break;
            }
        }
        int j = 2;
        double entropyWeight = entropy ? beta[j++] : 0;
        double marginWeight = margin ? beta[j] : 0;
        return new LogisticAcceptancePredictor(beta[0], beta[1], entropyWeight, marginWeight, n);
    }
}
