package io.configspec.model.fleet;

import java.util.function.DoubleUnaryOperator;

/** Solving f(x) = target for an increasing f by halving an interval, as the calibrations do. */
final class Bisection {

    private Bisection() {}

    /**
     * The x in [{@code lo}, {@code hi}] where the increasing {@code f} reaches {@code target}, after
     * {@code iterations} halvings: the middle of the last interval (an end when the target lies
     * beyond it).
     */
    static double solve(DoubleUnaryOperator f, double target, double lo, double hi, int iterations) {
        for (int i = 0; i < iterations; i++) {
            double mid = (lo + hi) / 2;
            if (f.applyAsDouble(mid) < target) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
