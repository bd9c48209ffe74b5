package io.configspec.model.measurement;

import io.configspec.model.domain.VerificationLatency;
import java.util.Arrays;
import java.util.List;

/**
 * Verification latency fitted to measured points with {@link LeastSquares}: T_v = c₀ + c_v × B(K
 * + 1) + c_b × B when more than one batch size was measured (and the fit is physical), else T_v =
 * c₀ + c_v × (K + 1) over the batch-1 points; a fit with a non-positive intercept or a negative
 * slope falls back to the mean (c_v = 0).
 */
public final class VerificationFit {

    private VerificationFit() {}

    /**
     * One measured point.
     *
     * @param tokensPerRequest tokens verified per request (K + 1, or the mean drafted + 1)
     * @param batch requests verified together, ≥ 1
     * @param seconds mean verification time, s
     */
    public record Point(double tokensPerRequest, int batch, double seconds) {}

    public static VerificationLatency.Linear of(List<Point> points) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no verification points to fit");
        }
        if (points.stream().mapToInt(Point::batch).distinct().count() > 1) {
            double[] y = points.stream().mapToDouble(Point::seconds).toArray();
            double[][] x = points
                .stream()
                .map(p -> new double[] { p.batch() * p.tokensPerRequest(), p.batch() })
                .toArray(double[][]::new);
            var beta = LeastSquares.plane(y, x);
            if (beta.isPresent() && beta.get()[0] > 0 && beta.get()[1] >= 0 && beta.get()[2] >= 0) {
                return new VerificationLatency.Linear(beta.get()[0], beta.get()[1], 0, beta.get()[2]);
            }
        }
        List<Point> single = points
            .stream()
            .filter(p -> p.batch() == 1)
            .toList();
        if (single.isEmpty()) {
            single = points;
        }
        double[] x = single.stream().mapToDouble(Point::tokensPerRequest).toArray();
        double[] y = single.stream().mapToDouble(Point::seconds).toArray();
        if (x.length > 1) {
            double[] fit = LeastSquares.line(x, y);
            if (fit[0] > 0 && fit[1] >= 0) {
                return new VerificationLatency.Linear(fit[0], fit[1], 0, 0);
            }
        }
        return new VerificationLatency.Linear(Arrays.stream(y).average().orElseThrow(), 0, 0, 0);
    }
}
