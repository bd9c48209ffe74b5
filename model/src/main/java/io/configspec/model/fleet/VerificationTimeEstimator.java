package io.configspec.model.fleet;

import io.configspec.model.domain.VerificationMeasurement;
import java.util.List;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Predicts how long the verification server takes for one batch (WISP's verification time
 * estimator; DESIGN §5):
 *
 * <pre>T_v = intercept + perVerifiedToken × Σ verified + perContextToken × Σ context + perRequest × B</pre>
 *
 * <p>Linear in the batch's composition, so the prediction for a batch is the sum of per-request
 * marginal costs plus the intercept: schedulers can grow a batch one request at a time in O(1).
 * Coefficients are in seconds; a fitted coefficient may come out slightly negative from noise,
 * predictions are clamped at zero.
 *
 * @param interceptSeconds fixed cost of a batch (kernel launches, weight reads), s
 * @param secondsPerVerifiedToken marginal cost of one verified position, s
 * @param secondsPerContextToken marginal cost of one cached context token (attention reads), s
 * @param secondsPerRequest marginal cost of one more sequence in the batch, s
 */
public record VerificationTimeEstimator(
    double interceptSeconds,
    double secondsPerVerifiedToken,
    double secondsPerContextToken,
    double secondsPerRequest
) {
    public VerificationTimeEstimator {
        requireFinite("interceptSeconds", interceptSeconds);
        requireFinite("secondsPerVerifiedToken", secondsPerVerifiedToken);
        requireFinite("secondsPerContextToken", secondsPerContextToken);
        requireFinite("secondsPerRequest", secondsPerRequest);
    }

    /** A server whose batches always take {@code seconds}, whatever their composition. */
    public static VerificationTimeEstimator constant(double seconds) {
        return new VerificationTimeEstimator(seconds, 0, 0, 0);
    }

    /**
     * Predicted latency of a batch in seconds (≥ 0); an empty batch costs nothing.
     *
     * @param verifiedTokens Σ verified positions
     * @param contextTokens Σ cached context tokens
     * @param batchSize number of requests
     */
    public double predictSeconds(long verifiedTokens, long contextTokens, int batchSize) {
        if (batchSize <= 0) {
            return 0.0;
        }
        double t =
            interceptSeconds +
            secondsPerVerifiedToken * verifiedTokens +
            secondsPerContextToken * contextTokens +
            secondsPerRequest * batchSize;
        return Math.max(0.0, t);
    }

    /** What one request adds to a non-empty batch, in seconds (can be used as its "price"). */
    public double marginalSeconds(int verifiedTokens, long contextTokens) {
        return (
            secondsPerVerifiedToken * verifiedTokens +
            secondsPerContextToken * contextTokens +
            secondsPerRequest
        );
    }

    /**
     * Least-squares fit (ordinary least squares with intercept, Commons Math
     * {@link OLSMultipleLinearRegression}) of the four coefficients to measured batches.
     *
     * <p>The three regressors must vary independently in the measurements: a sweep at one fixed K
     * makes verified tokens proportional to batch size and the fit singular. Then the fit falls back
     * to fewer regressors (first dropping batch size, then context) and reports which were kept.
     *
     * @throws IllegalArgumentException when there are fewer measurements than coefficients, or
     *     none of the fallbacks is identifiable
     */
    public static VerificationTimeFit fit(List<VerificationMeasurement> measurements) {
        int n = measurements.size();
        double[] y = new double[n];
        double[][] full = new double[n][3];
        for (int i = 0; i < n; i++) {
            VerificationMeasurement m = measurements.get(i);
            y[i] = m.latencySeconds();
            full[i][0] = m.verifiedTokens();
            full[i][1] = m.contextTokens();
            full[i][2] = m.batchSize();
        }
        // Regressor subsets tried in order: all, without batch size, without context, verified only.
        int[][] subsets = { { 0, 1, 2 }, { 0, 1 }, { 0, 2 }, { 0 } };
        for (int[] subset : subsets) {
            if (n < subset.length + 2) {
                continue;
            }
            double[][] x = new double[n][subset.length];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < subset.length; j++) {
                    x[i][j] = full[i][subset[j]];
                }
            }
            if (!identifiable(x)) {
                continue;
            }
            try {
                OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
                ols.newSampleData(y, x);
                double[] beta = ols.estimateRegressionParameters();
                double[] coefficients = new double[3];
                for (int j = 0; j < subset.length; j++) {
                    coefficients[subset[j]] = beta[j + 1];
                }
                VerificationTimeEstimator estimator = new VerificationTimeEstimator(
                    beta[0],
                    coefficients[0],
                    coefficients[1],
                    coefficients[2]
                );
                double rss = ols.calculateResidualSumOfSquares();
                double rSquared = ols.calculateRSquared();
                if (Double.isNaN(rSquared)) {
                    rSquared = rss == 0.0 ? 1.0 : 0.0; // constant latencies: total variance is zero
                }
                boolean[] used = new boolean[3];
                for (int j : subset) {
                    used[j] = true;
                }
                return new VerificationTimeFit(
                    estimator,
                    rSquared,
                    Math.sqrt(rss / n),
                    n,
                    used[0],
                    used[1],
                    used[2]
                );
            } catch (SingularMatrixException e) {
                // try the next, smaller regressor subset
            }
        }
        throw new IllegalArgumentException(
            "cannot fit the verification time estimator: " +
                n +
                " measurements do not vary verified tokens independently (need at least 3 distinct batches)"
        );
    }

    /** Every regressor column must vary, and no two may be exactly proportional. */
    private static boolean identifiable(double[][] x) {
        int n = x.length;
        int p = x[0].length;
        for (int j = 0; j < p; j++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : x) {
                min = Math.min(min, row[j]);
                max = Math.max(max, row[j]);
            }
            if (max - min <= 0) {
                return false;
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = a + 1; b < p; b++) {
                if (Math.abs(correlation(x, a, b, n)) > 1 - 1e-9) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double correlation(double[][] x, int a, int b, int n) {
        double ma = 0;
        double mb = 0;
        for (double[] row : x) {
            ma += row[a];
            mb += row[b];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (double[] row : x) {
            double da = row[a] - ma;
            double db = row[b] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        return sab / Math.sqrt(saa * sbb);
    }

    private static void requireFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be finite, was " + value);
        }
    }
}
