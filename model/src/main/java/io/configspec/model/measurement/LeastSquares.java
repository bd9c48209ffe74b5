package io.configspec.model.measurement;

import java.util.Optional;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * The least-squares fits every measurement uses (one implementation for {@code profile}, {@code
 * measure}, the agent's jobs and the fleet's verification time estimator): a straight line, a line
 * whose intercept may not be negative, a plane with two regressors, a regression on any number of
 * regressors, and the correlation of two series.
 */
public final class LeastSquares {

    private LeastSquares() {}

    /** Ordinary least squares {intercept, slope} (n ≥ 2; slope 0 when every x is the same). */
    public static double[] line(double[] x, double[] y) {
        int n = x.length;
        if (n < 2 || y.length != n) {
            throw new IllegalArgumentException("a line needs at least 2 points with x and y, got " + n);
        }
        Centred c = centred(x, y);
        double slope = c.sxx() == 0 ? 0 : c.sxy() / c.sxx();
        return new double[] { c.my() - slope * c.mx(), slope };
    }

    /** Pearson's correlation of {@code x} and {@code y} (same length ≥ 1; NaN when one does not vary). */
    public static double correlation(double[] x, double[] y) {
        Centred c = centred(x, y);
        return c.sxy() / Math.sqrt(c.sxx() * c.syy());
    }

    /** Means of x and y and the sums of centred products Σ(x − x̄)², Σ(x − x̄)(y − ȳ), Σ(y − ȳ)². */
    private record Centred(double mx, double my, double sxx, double sxy, double syy) {}

    private static Centred centred(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        return new Centred(mx, my, sxx, sxy, syy);
    }

    /**
     * {intercept ≥ 0, slope}: the ordinary line, or, when its intercept comes out negative (noise)
     * or its slope not positive, the line through the origin. One point is a line through the origin.
     */
    public static double[] clampedLine(double[] x, double[] y) {
        int n = x.length;
        if (n == 1) {
            return new double[] { 0, y[0] / x[0] };
        }
        double[] fit = line(x, y);
        if (fit[0] < 0 || fit[1] <= 0) {
            double xy = 0;
            double xx = 0;
            for (int i = 0; i < n; i++) {
                xy += x[i] * y[i];
                xx += x[i] * x[i];
            }
            return new double[] { 0, xy / xx };
        }
        return fit;
    }

    /**
     * y = b₀ + b₁ x₁ + b₂ x₂ by ordinary least squares: {b₀, b₁, b₂}, or empty when the design is
     * singular (e.g. one value of a regressor).
     */
    public static Optional<double[]> plane(double[] y, double[][] x) {
        return regression(y, x).map(Regression::coefficients);
    }

    /**
     * An ordinary least-squares fit with intercept.
     *
     * @param coefficients {b₀, b₁, …, b_p}: the intercept, then one per regressor
     * @param residualSumOfSquares Σ (y − ŷ)²
     * @param rSquared coefficient of determination (NaN when every y is the same)
     */
    public record Regression(double[] coefficients, double residualSumOfSquares, double rSquared) {}

    /**
     * y = b₀ + Σ bⱼ xⱼ by ordinary least squares (Commons Math {@link OLSMultipleLinearRegression}),
     * or empty when the design is singular (e.g. a regressor that does not vary).
     *
     * @param x one row per observation, one column per regressor; more rows than columns
     */
    public static Optional<Regression> regression(double[] y, double[][] x) {
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        try {
            ols.newSampleData(y, x);
            return Optional.of(
                new Regression(
                    ols.estimateRegressionParameters(),
                    ols.calculateResidualSumOfSquares(),
                    ols.calculateRSquared()
                )
            );
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
