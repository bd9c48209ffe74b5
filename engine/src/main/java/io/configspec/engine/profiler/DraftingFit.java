package io.configspec.engine.profiler;

import java.util.List;

/**
 * The drafting model of DESIGN §4 fitted to measured cells: round time t(K, c) = o + K (1 + s c /
 * 1000) / r, by least squares on K at each context (per-token time and overhead) and then on c
 * (slowdown). Intercepts that come out negative (noise) are clamped to 0 and the slope refitted
 * through the origin.
 *
 * @param tokensPerSecond r at context 0, tokens/s, &gt; 0
 * @param roundOverheadSeconds o, s, ≥ 0
 * @param contextSlowdownPerThousandTokens s, ≥ 0
 */
public record DraftingFit(
    double tokensPerSecond,
    double roundOverheadSeconds,
    double contextSlowdownPerThousandTokens
) {
    public static DraftingFit of(List<DraftingCell> cells) {
        if (cells.isEmpty()) {
            throw new IllegalArgumentException("no drafting cells to fit");
        }
        List<Integer> contexts = cells.stream().map(DraftingCell::contextTokens).distinct().sorted().toList();
        double[] perTokenSeconds = new double[contexts.size()];
        double overheadSum = 0;
        for (int i = 0; i < contexts.size(); i++) {
            int c = contexts.get(i);
            List<DraftingCell> row = cells
                .stream()
                .filter(x -> x.contextTokens() == c)
                .toList();
            double[] k = row.stream().mapToDouble(DraftingCell::k).toArray();
            double[] t = row
                .stream()
                .mapToDouble(x -> x.roundSeconds().mean())
                .toArray();
            double[] line = clampedLine(k, t);
            perTokenSeconds[i] = line[1];
            overheadSum += line[0];
        }
        double overhead = overheadSum / contexts.size();
        double[] c = contexts.stream().mapToDouble(Integer::doubleValue).toArray();
        double tau0;
        double slowdown;
        if (contexts.size() == 1) {
            tau0 = perTokenSeconds[0];
            slowdown = 0;
        } else {
            double[] fit = line(c, perTokenSeconds);
            tau0 = fit[0];
            slowdown = tau0 > 0 ? (1000 * fit[1]) / tau0 : 0;
            if (fit[0] <= 0 || slowdown < 0) {
                tau0 = java.util.Arrays.stream(perTokenSeconds).average().orElseThrow();
                slowdown = 0;
            }
        }
        return new DraftingFit(1.0 / tau0, Math.max(0, overhead), Math.max(0, slowdown));
    }

    /** Least-squares [intercept, slope]; intercept clamped at 0 (slope through the origin) when negative. */
    static double[] clampedLine(double[] x, double[] y) {
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

    /** Ordinary least squares [intercept, slope] (n ≥ 2). */
    static double[] line(double[] x, double[] y) {
        int n = x.length;
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
}
