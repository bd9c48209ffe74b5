package io.configspec.model.analysis;

import io.configspec.model.domain.FieldChecks;

/**
 * A service-level constraint on one objective's value, e.g. goodput ≥ 3 tokens/s or
 * $ per 1M tokens ≤ 0.5. A NaN value never satisfies a constraint.
 *
 * @param objective the constrained quantity
 * @param bound whether the value must be at least or at most the threshold
 * @param threshold the limit, in the objective's unit; finite
 */
public record Constraint(Objective objective, Bound bound, double threshold) {
    public enum Bound {
        AT_LEAST("≥", "min"),
        AT_MOST("≤", "max");

        private final String symbol;
        private final String jsonName;

        Bound(String symbol, String jsonName) {
            this.symbol = symbol;
            this.jsonName = jsonName;
        }

        public String symbol() {
            return symbol;
        }

        /** {@code min} or {@code max}: the key used in scenario files. */
        public String jsonName() {
            return jsonName;
        }
    }

    public Constraint {
        FieldChecks.present("objective", objective);
        FieldChecks.present("bound", bound);
        FieldChecks.finite(bound.jsonName(), threshold);
    }

    public static Constraint atLeast(Objective objective, double threshold) {
        return new Constraint(objective, Bound.AT_LEAST, threshold);
    }

    public static Constraint atMost(Objective objective, double threshold) {
        return new Constraint(objective, Bound.AT_MOST, threshold);
    }

    /** Whether {@code value} meets this constraint. */
    public boolean satisfiedBy(double value) {
        return bound == Bound.AT_LEAST ? value >= threshold : value <= threshold;
    }

    @Override
    public String toString() {
        return objective.cliName() + " " + bound.symbol() + " " + threshold + " " + objective.unit();
    }
}
