package io.configspec.model.analysis;

import java.util.Locale;

/**
 * How big a configuration space is under a what-if, known before anything is allocated: how many
 * configurations, and the memory that evaluating them and computing their front needs. Counts are
 * {@code long}: a space can be larger than an array can hold, and is then refused, not overflowed.
 *
 * @param configurations rows the evaluation would produce (combinations × K values)
 * @param combinations device, drafter and target combinations
 * @param kMin smallest K evaluated
 * @param kMax largest K evaluated
 */
public record SpaceSize(long configurations, int combinations, int kMin, int kMax) {
    /**
     * Bytes per row the goodput/cost/energy front needs while it is computed: the candidate index
     * ({@code int}), three sort keys ({@code long}) and three masks, as {@code ParetoFront} does it.
     */
    public static final long FRONT_BYTES_PER_ROW = Integer.BYTES + 3 * Long.BYTES + 3;

    /** Most rows one evaluation holds: Java arrays are indexed by {@code int}. */
    public static final long MAX_ROWS = Integer.MAX_VALUE - 8;

    /** Part of the free heap an evaluation may plan to use (the rest is for everything else). */
    static final double HEAP_SHARE = 0.8;

    /** The size of {@code space} under {@code whatIf}. */
    public static SpaceSize of(ConfigurationSpace space, WhatIf whatIf) {
        int kMin = space.kMin(whatIf);
        int kMax = space.kMax(whatIf);
        int combinations = space.combinations().size();
        return new SpaceSize((long) combinations * (kMax - kMin + 1), combinations, kMin, kMax);
    }

    /** Memory the evaluated rows take, bytes. */
    public long evaluationBytes() {
        return saturated(configurations, EvaluatedSpace.BYTES_PER_ROW);
    }

    /** Memory computing the front takes on top, bytes. */
    public long frontBytes() {
        return saturated(configurations, FRONT_BYTES_PER_ROW);
    }

    /** Evaluation and front together, bytes. */
    public long totalBytes() {
        return saturated(configurations, EvaluatedSpace.BYTES_PER_ROW + FRONT_BYTES_PER_ROW);
    }

    private static long saturated(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Heap this JVM could still give, bytes: its maximum less what is in use now. */
    public static long availableHeapBytes() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
    }

    /** Whether the evaluation and its front fit in {@code availableBytes} (with headroom). */
    public boolean fits(long availableBytes) {
        return configurations <= MAX_ROWS && totalBytes() <= (long) (availableBytes * HEAP_SHARE);
    }

    /**
     * Refuses a space that does not fit, before anything is allocated.
     *
     * @throws SpaceTooLargeException saying how many configurations, how much memory, and which
     *     kMax or heap size would do
     */
    public void requireFits(long availableBytes) {
        if (!fits(availableBytes)) {
            throw new SpaceTooLargeException(this, availableBytes, Runtime.getRuntime().maxMemory());
        }
    }

    /** The largest kMax whose space fits in {@code availableBytes}, or {@code kMin - 1} if none. */
    public int largestFittingKMax(long availableBytes) {
        long perRow = EvaluatedSpace.BYTES_PER_ROW + FRONT_BYTES_PER_ROW;
        long rows = Math.min(MAX_ROWS, (long) (availableBytes * HEAP_SHARE) / perRow);
        long ks = rows / Math.max(1, combinations);
        return (int) Math.min(kMax, kMin - 1 + ks);
    }

    /** Bytes in words: {@code 850 MB}, {@code 6.3 GB}, {@code 21.6 TB}. */
    public static String inWords(long bytes) {
        if (bytes >= 1_000_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f TB", bytes / 1e12);
        }
        if (bytes >= 1_000_000_000L) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        return String.format(Locale.ROOT, "%d MB", Math.max(1, Math.round(bytes / 1e6)));
    }
}
