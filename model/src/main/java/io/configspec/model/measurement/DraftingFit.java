package io.configspec.model.measurement;

import java.util.Arrays;
import java.util.List;

/**
 * The drafting model of DESIGN §4 fitted to measured points: round time t(K, c) = o + K (1 + s c
 * / 1000) / r, by least squares on the drafted tokens per round at each context (per-token time
 * and overhead) and then on the context (slowdown), with {@link LeastSquares}. Intercepts that come
 * out negative (noise) are clamped to 0 and the slope refitted through the origin.
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
    /**
     * One measured point: the mean drafting time of a round that drafted {@code draftedTokens}
     * tokens on average at a context of {@code contextTokens} tokens.
     */
    public record Point(int contextTokens, double draftedTokens, double roundSeconds) {}

    public static DraftingFit of(List<Point> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no drafting points to fit");
        }
        List<Integer> contexts = points.stream().map(Point::contextTokens).distinct().sorted().toList();
        double[] perTokenSeconds = new double[contexts.size()];
        double overheadSum = 0;
        for (int i = 0; i < contexts.size(); i++) {
            int c = contexts.get(i);
            List<Point> row = points
                .stream()
                .filter(p -> p.contextTokens() == c)
                .toList();
            double[] line = LeastSquares.clampedLine(
                row.stream().mapToDouble(Point::draftedTokens).toArray(),
                row.stream().mapToDouble(Point::roundSeconds).toArray()
            );
            perTokenSeconds[i] = line[1];
            overheadSum += line[0];
        }
        double overhead = overheadSum / contexts.size();
        double tau0;
        double slowdown;
        if (contexts.size() == 1) {
            tau0 = perTokenSeconds[0];
            slowdown = 0;
        } else {
            double[] fit = LeastSquares.line(
                contexts.stream().mapToDouble(Integer::doubleValue).toArray(),
                perTokenSeconds
            );
            tau0 = fit[0];
            slowdown = tau0 > 0 ? (1000 * fit[1]) / tau0 : 0;
            if (fit[0] <= 0 || slowdown < 0) {
                tau0 = Arrays.stream(perTokenSeconds).average().orElseThrow();
                slowdown = 0;
            }
        }
        return new DraftingFit(1.0 / tau0, Math.max(0, overhead), Math.max(0, slowdown));
    }

    /** Mean drafting time of a round drafting {@code draftedTokens} tokens at context 0, s. */
    public double roundSeconds(double draftedTokens) {
        return roundOverheadSeconds + draftedTokens / tokensPerSecond;
    }
}
