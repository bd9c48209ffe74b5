package io.configspec.engine.measure;

/** Least-squares fit of drafting time per round = o + K / r. */
final class DraftingFit {

    private DraftingFit() {}

    /**
     * @param drafted mean drafted tokens per round at each point
     * @param seconds mean drafting seconds per round at each point
     * @return {o ≥ 0 (s), r &gt; 0 (tokens/s)}; with one point or a non-positive slope, o = 0 and
     *     r = Σ drafted / Σ seconds
     */
    static double[] fit(double[] drafted, double[] seconds) {
        int n = drafted.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += drafted[i] / n;
            my += seconds[i] / n;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (drafted[i] - mx) * (drafted[i] - mx);
            sxy += (drafted[i] - mx) * (seconds[i] - my);
        }
        if (n >= 2 && sxx > 0) {
            double slope = sxy / sxx;
            double intercept = my - slope * mx;
            if (slope > 0 && intercept >= 0) {
                return new double[] { intercept, 1 / slope };
            }
            if (slope > 0) {
                // Negative intercept: refit through the origin.
                double sx2 = 0;
                double sxy0 = 0;
                for (int i = 0; i < n; i++) {
                    sx2 += drafted[i] * drafted[i];
                    sxy0 += drafted[i] * seconds[i];
                }
                return new double[] { 0, sx2 / sxy0 };
            }
        }
        double totalDrafted = 0;
        double totalSeconds = 0;
        for (int i = 0; i < n; i++) {
            totalDrafted += drafted[i];
            totalSeconds += seconds[i];
        }
        return new double[] { 0, totalDrafted / totalSeconds };
    }
}
