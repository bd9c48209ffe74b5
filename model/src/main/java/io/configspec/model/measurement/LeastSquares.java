package io.configspec.model.measurement;

import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * The least-squares fits every measurement uses (one implementation for {@code profile}, {@code
 * measure} and the agent's jobs): a straight line, a line whose intercept may not be negative, and
 * a plane with two regressors.
 */
public final class LeastSquares {

    private LeastSquares() {}

    /** Ordinary least squares {intercept, slope} (n ≥ 2; slope 0 when every x is the same). */
    public static double[] line(double[] x, double[] y) {
        int n = x.length;
        if (n < 2 || y.length != n) {
            throw new IllegalArgumentException("a line needs at least 2 points with x and y, got " + n);
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        return new double[] { my - slope * mx, slope };
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
    public static java.util.Optional<double[]> plane(double[] y, double[][] x) {
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        try {
            ols.newSampleData(y, x);
            return java.util.Optional.of(ols.estimateRegressionParameters());
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
