package io.configspec.engine.measure;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Mean, sample standard deviation and a two-sided 95 % confidence interval of the mean by
 * Student's t (n − 1 degrees of freedom): mean ± t_{0.975, n−1} · s / √n. With one sample the
 * interval is unknown (NaN half-width).
 *
 * @param n sample count, ≥ 1
 * @param mean arithmetic mean
 * @param standardDeviation sample standard deviation (n − 1 denominator), NaN for n = 1
 * @param ci95HalfWidth half-width of the 95 % confidence interval, NaN for n = 1
 */
public record SampleStatistics(int n, double mean, double standardDeviation, double ci95HalfWidth) {
    public static SampleStatistics of(double[] values) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("statistics need at least one value");
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / n;
        if (n == 1) {
            return new SampleStatistics(1, mean, Double.NaN, Double.NaN);
        }
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
        return new SampleStatistics(n, mean, sd, (t * sd) / Math.sqrt(n));
    }

    public double lower95() {
        return mean - ci95HalfWidth;
    }

    public double upper95() {
        return mean + ci95HalfWidth;
    }
}
