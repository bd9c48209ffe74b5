package io.configspec.model.fleet;

import io.configspec.model.domain.VerificationLatency;
import io.configspec.model.domain.VerificationMeasurement;
import io.configspec.model.measurement.LeastSquares;
import java.util.List;
import java.util.Optional;

/**
 * Predicts how long the verification server takes for one batch (WISP's verification time
 * estimator; DESIGN §5). A batch costs what its composition costs:
 *
 * <pre>T_v = c₀ + c_v × Σ verified + c_p × Σ prefill + c_c × Σ context + c_b × B</pre>
 *
 * <p>new positions to verify (drafts + 1 per member), prompt tokens to prefill (members on their
 * first round), tokens already in the members' KV caches (attention reads), and the number of
 * members. All members of a batch finish together, so one long-context or prefill member delays
 * every other member by its marginal cost: verification interference.
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
 * @param secondsPerPrefillToken marginal cost of one prompt token prefilled in the batch, s
 */
public record VerificationTimeEstimator(
    double interceptSeconds,
    double secondsPerVerifiedToken,
    double secondsPerContextToken,
    double secondsPerRequest,
    double secondsPerPrefillToken
) {
    public VerificationTimeEstimator {
        requireFinite("interceptSeconds", interceptSeconds);
        requireFinite("secondsPerVerifiedToken", secondsPerVerifiedToken);
        requireFinite("secondsPerContextToken", secondsPerContextToken);
        requireFinite("secondsPerRequest", secondsPerRequest);
        requireFinite("secondsPerPrefillToken", secondsPerPrefillToken);
    }

    /** A prompt token costs what a verified position costs. */
    public VerificationTimeEstimator(
        double interceptSeconds,
        double secondsPerVerifiedToken,
        double secondsPerContextToken,
        double secondsPerRequest
    ) {
        this(
            interceptSeconds,
            secondsPerVerifiedToken,
            secondsPerContextToken,
            secondsPerRequest,
            secondsPerVerifiedToken
        );
    }

    /** A server whose batches always take {@code seconds}, whatever their composition. */
    public static VerificationTimeEstimator constant(double seconds) {
        return new VerificationTimeEstimator(seconds, 0, 0, 0, 0);
    }

    /** The estimator a server profile's verification latency model implies. */
    public static VerificationTimeEstimator of(VerificationLatency latency) {
        return switch (latency) {
            case VerificationLatency.Fixed fixed -> constant(fixed.seconds());
            case VerificationLatency.Linear l -> new VerificationTimeEstimator(
                l.interceptSeconds(),
                l.secondsPerVerifiedToken(),
                l.secondsPerContextToken(),
                l.secondsPerRequest(),
                l.prefillSecondsPerToken()
            );
        };
    }

    /**
     * Predicted latency of a batch without prefill, in seconds (≥ 0); an empty batch costs nothing.
     *
     * @param verifiedTokens Σ verified positions
     * @param contextTokens Σ cached context tokens
     * @param batchSize number of requests
     */
    public double predictSeconds(long verifiedTokens, long contextTokens, int batchSize) {
        return predictSeconds(verifiedTokens, 0, contextTokens, batchSize);
    }

    /**
     * Predicted latency of a batch in seconds (≥ 0); an empty batch costs nothing.
     *
     * @param verifiedTokens Σ verified positions
     * @param prefillTokens Σ prompt tokens prefilled
     * @param contextTokens Σ cached context tokens
     * @param batchSize number of requests
     */
    public double predictSeconds(long verifiedTokens, long prefillTokens, long contextTokens, int batchSize) {
        if (batchSize <= 0) {
            return 0.0;
        }
        double t =
            interceptSeconds +
            secondsPerVerifiedToken * verifiedTokens +
            secondsPerPrefillToken * prefillTokens +
            secondsPerContextToken * contextTokens +
            secondsPerRequest * batchSize;
        return Math.max(0.0, t);
    }

    /** Predicted latency of {@code request} verified alone, s. */
    public double aloneSeconds(VerificationRequest request) {
        return predictSeconds(request.verifiedTokens(), request.prefillTokens(), request.contextTokens(), 1);
    }

    /** What one request without prefill adds to a non-empty batch, in seconds. */
    public double marginalSeconds(int verifiedTokens, long contextTokens) {
        return marginalSeconds(verifiedTokens, 0, contextTokens);
    }

    /**
     * What one request adds to a non-empty batch, in seconds: the delay it imposes on every other
     * member (can be used as its "price").
     */
    public double marginalSeconds(int verifiedTokens, long prefillTokens, long contextTokens) {
        return (
            secondsPerVerifiedToken * verifiedTokens +
            secondsPerPrefillToken * prefillTokens +
            secondsPerContextToken * contextTokens +
            secondsPerRequest
        );
    }

    /**
     * Least-squares fit (ordinary least squares with intercept, {@link LeastSquares#regression}) of
     * the coefficients to measured batches.
     *
     * <p>The regressors must vary independently in the measurements: a sweep at one fixed K makes
     * verified tokens proportional to batch size and the fit singular, and measurements without
     * any prefill say nothing about its cost. The fit then falls back to fewer regressors (first
     * dropping batch size, then context, then prefill) and reports which were kept; a prefill
     * coefficient that could not be fitted is taken equal to the per-verified-token one.
     *
     * @throws IllegalArgumentException when there are fewer measurements than coefficients, or
     *     none of the fallbacks is identifiable
     */
    public static VerificationTimeFit fit(List<VerificationMeasurement> measurements) {
        int n = measurements.size();
        double[] y = new double[n];
        double[][] full = new double[n][4];
        for (int i = 0; i < n; i++) {
            VerificationMeasurement m = measurements.get(i);
            y[i] = m.latencySeconds();
            full[i][VERIFIED] = m.verifiedTokens();
            full[i][CONTEXT] = m.contextTokens();
            full[i][BATCH] = m.batchSize();
            full[i][PREFILL] = m.prefillTokens();
        }
        for (int[] subset : SUBSETS) {
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
            Optional<LeastSquares.Regression> regression = LeastSquares.regression(y, x);
            if (regression.isPresent()) {
                double[] beta = regression.get().coefficients();
                double[] coefficients = new double[4];
                boolean[] used = new boolean[4];
                for (int j = 0; j < subset.length; j++) {
                    coefficients[subset[j]] = beta[j + 1];
                    used[subset[j]] = true;
                }
                VerificationTimeEstimator estimator = new VerificationTimeEstimator(
                    beta[0],
                    coefficients[VERIFIED],
                    coefficients[CONTEXT],
                    coefficients[BATCH],
                    used[PREFILL] ? coefficients[PREFILL] : coefficients[VERIFIED]
                );
                double rss = regression.get().residualSumOfSquares();
                double rSquared = regression.get().rSquared();
                if (Double.isNaN(rSquared)) {
                    rSquared = rss == 0.0 ? 1.0 : 0.0; // constant latencies: total variance is zero
                }
                return new VerificationTimeFit(
                    estimator,
                    rSquared,
                    Math.sqrt(rss / n),
                    n,
                    used[VERIFIED],
                    used[CONTEXT],
                    used[BATCH],
                    used[PREFILL]
                );
            }
            // a singular design: try the next, smaller regressor subset
        }
        throw new IllegalArgumentException(
            "cannot fit the verification time estimator: " +
                n +
                " measurements do not vary verified tokens independently (need at least 3 distinct batches)"
        );
    }

    private static final int VERIFIED = 0;
    private static final int CONTEXT = 1;
    private static final int BATCH = 2;
    private static final int PREFILL = 3;
    /** Regressor subsets tried in order: batch size is dropped first, then context, then prefill. */
    private static final int[][] SUBSETS = {
        { VERIFIED, CONTEXT, BATCH, PREFILL },
        { VERIFIED, CONTEXT, PREFILL },
        { VERIFIED, BATCH, PREFILL },
        { VERIFIED, PREFILL },
        { VERIFIED, CONTEXT, BATCH },
        { VERIFIED, CONTEXT },
        { VERIFIED, BATCH },
        { VERIFIED },
    };

    /** Every regressor column must vary, and no two may be exactly proportional. */
    private static boolean identifiable(double[][] x) {
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
                if (Math.abs(LeastSquares.correlation(column(x, a), column(x, b))) > 1 - 1e-9) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double[] column(double[][] x, int j) {
        double[] column = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            column[i] = x[i][j];
        }
        return column;
    }

    private static void requireFinite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be finite, was " + value);
        }
    }
}
