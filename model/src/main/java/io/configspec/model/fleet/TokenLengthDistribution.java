package io.configspec.model.fleet;

import java.util.SplittableRandom;

/**
 * Token counts drawn from a log-normal distribution with the given mean and standard deviation,
 * rounded and clipped to [min, max]. A standard deviation of 0 gives the mean every time.
 *
 * @param mean mean token count, &gt; 0
 * @param stdDev standard deviation, ≥ 0
 * @param min smallest count, ≥ 1
 * @param max largest count, ≥ min
 */
public record TokenLengthDistribution(double mean, double stdDev, int min, int max) {
    public TokenLengthDistribution {
        if (!(mean > 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("mean must be finite and > 0, was " + mean);
        }
        if (!(stdDev >= 0) || Double.isInfinite(stdDev)) {
            throw new IllegalArgumentException("stdDev must be finite and ≥ 0, was " + stdDev);
        }
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("need 1 ≤ min ≤ max, got min " + min + ", max " + max);
        }
    }

    /** Always {@code tokens}. */
    public static TokenLengthDistribution fixed(int tokens) {
        return new TokenLengthDistribution(tokens, 0, tokens, tokens);
    }

    /** One draw. */
    public int sample(SplittableRandom random) {
        double value;
        if (stdDev == 0) {
            value = mean;
        } else {
            double cv = stdDev / mean;
            double sigma2 = Math.log1p(cv * cv);
            double mu = Math.log(mean) - sigma2 / 2;
            value = Math.exp(mu + Math.sqrt(sigma2) * gaussian(random));
        }
        long rounded = Math.round(value);
        return (int) Math.max(min, Math.min(max, rounded));
    }

    /** Standard normal draw (Box–Muller; one value per call keeps the stream simple). */
    static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble(); // (0, 1]
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
