package io.configspec.model.fleet;

/** The argument checks the fleet records share: one sentence naming the field and the value. */
final class FleetChecks {

    private FleetChecks() {}

    /** {@code value} must be finite and &gt; 0. */
    static void positive(String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be finite and > 0, was " + value);
        }
    }

    /** {@code value} must be finite and ≥ 0. */
    static void nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(field + " must be finite and ≥ 0, was " + value);
        }
    }

    /** {@code value} must be in [0, 1]. */
    static void probability(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(field + " must be in [0, 1], was " + value);
        }
    }

    /** {@code value} must be ≥ 1. */
    static void atLeastOne(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(field + " must be ≥ 1, was " + value);
        }
    }
}
