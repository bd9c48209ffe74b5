package io.configspec.model.pareto;

import java.util.Arrays;

/**
 * The non-dominated rows of a table of 2 or 3 objectives that arrives in chunks, with memory
 * proportional to the rows that may still be on the front rather than to the whole table. {@link
 * ParetoFront#nonDominated(double[][], boolean[], boolean[])} is one chunk; a streaming sweep of a
 * configuration space that does not fit in memory passes one chunk per block of rows.
 *
 * <p>Semantics are those of {@link ParetoFront}: maximise terms, a row is dominated iff some row is
 * ≥ in every objective and &gt; in one, exact duplicates all stay, NaN rows are never on the front
 * and dominate nothing, −0.0 equals 0.0.
 *
 * <p>How. A row that any other row strictly dominates is off the front, whatever that other row
 * is; so a handful of strong rows (<em>pivots</em>) can discard most rows in one cheap pass, as the
 * block-nested-loops skyline does with its window. Each pivot is the best row seen so far for one
 * score (weighted sums of the objectives rescaled by a sample's range, with weights leaning towards
 * each objective, and their product), so the pivots grow stronger as rows arrive and on
 * configuration-space or uniform data the first pivot alone discards nearly every row after a few
 * thousand. The rows no pivot discards (the <em>survivors</em>) are kept as order-preserving
 * integer keys; at the end they are filtered again by the final pivots and the exact front of the
 * rest is computed with the sort-and-staircase sweep of Kung, Luccio and Preparata (see {@link
 * ParetoFront}). When a bounded buffer fills (streaming), the same exact step compacts it: a
 * survivor that another survivor dominates can never come back.
 *
 * <p>Row ids are {@code long}: chunk {@code base + i} for the chunk's row i. Not thread-safe; one
 * accumulator per computation.
 */
public final class FrontAccumulator {

    /**
     * Pivot scores over the rescaled objectives t: the balanced sum, the product (the volume the
     * row dominates), sums leaning towards each objective (weights 4, 1, 1) and away from each (1,
     * 4, 4); see {@link #updatePivots}.
     */
    private static final int PIVOTS = 8;
    private static final int SAMPLE = 1024;
    private static final int INITIAL_CAPACITY = 1024;

    private final boolean three;
    private final double s0;
    private final double s1;
    private final double s2;
    private final int compactAbove;

    // pivots in maximise terms, and the score each was chosen for
    private final double[] pivot0 = new double[PIVOTS];
    private final double[] pivot1 = new double[PIVOTS];
    private final double[] pivot2 = new double[PIVOTS];
    private final double[] pivotScore = new double[PIVOTS];
    private int pivotCount;

    // rescaling of the objectives for the scores, from the first chunk's sample
    private boolean scaled;
    private double lo0;
    private double lo1;
    private double lo2;
    private double scale0;
    private double scale1;
    private double scale2;

    // survivors: order-preserving keys (ParetoFront.sortableBits) and row ids, in arrival order
    private long[] key0 = new long[INITIAL_CAPACITY];
    private long[] key1 = new long[INITIAL_CAPACITY];
    private long[] key2;
    private long[] ids = new long[INITIAL_CAPACITY];
    private int size;
    private long nextId = Long.MIN_VALUE;
    private boolean ascending = true;
    private boolean finished;

    /**
     * An accumulator that keeps every survivor until {@link #finish()} (the fastest choice when the
     * whole table is in memory anyway).
     *
     * @param maximize for each of 2 or 3 objectives, {@code true} if larger is better
     * @throws IllegalArgumentException if there are not 2 or 3 objectives
     */
    public FrontAccumulator(boolean[] maximize) {
        this(maximize, Integer.MAX_VALUE);
    }

    /**
     * An accumulator whose survivor buffer is compacted to its exact front whenever it holds more
     * than {@code compactAbove} rows; memory then stays about 40 bytes × max(compactAbove, front
     * size).
     *
     * @param compactAbove at least 1,024
     * @throws IllegalArgumentException if there are not 2 or 3 objectives or compactAbove &lt; 1,024
     */
    public FrontAccumulator(boolean[] maximize, int compactAbove) {
        if (maximize == null || (maximize.length != 2 && maximize.length != 3)) {
            throw new IllegalArgumentException(
                "maximize: expected 2 or 3 objectives, got " + (maximize == null ? "null" : maximize.length)
            );
        }
        if (compactAbove < INITIAL_CAPACITY) {
            throw new IllegalArgumentException("compactAbove: expected at least 1024, got " + compactAbove);
        }
        three = maximize.length == 3;
        s0 = maximize[0] ? 1.0 : -1.0;
        s1 = maximize[1] ? 1.0 : -1.0;
        s2 = three ? (maximize[2] ? 1.0 : -1.0) : s1;
        key2 = three ? new long[INITIAL_CAPACITY] : null;
        this.compactAbove = compactAbove;
        Arrays.fill(pivotScore, Double.NEGATIVE_INFINITY);
    }

    /**
     * Offers rows {@code 0 … length-1} of a chunk; row i gets id {@code base + i}. Ids should
     * ascend across calls (then {@link #finish()} needs no final sort).
     *
     * @param columns one column per objective (2 or 3), each at least {@code length} long
     * @param include {@code include[i]} keeps row i; {@code null} keeps all
     * @throws IllegalArgumentException if the number of columns differs from the objectives or a
     *         column or include is shorter than length
     */
    public void accept(double[][] columns, boolean[] include, int length, long base) {
        int d = three ? 3 : 2;
        if (columns == null || columns.length != d) {
            throw new IllegalArgumentException(
                "columns: expected " +
                    d +
                    " objective columns, got " +
                    (columns == null ? "null" : columns.length)
            );
        }
        for (int j = 0; j < d; j++) {
            if (columns[j].length < length) {
                throw new IllegalArgumentException(
                    "columns[" + j + "]: length " + columns[j].length + " is shorter than " + length
                );
            }
        }
        if (include != null && include.length < length) {
            throw new IllegalArgumentException(
                "include: length " + include.length + " is shorter than " + length
            );
        }
        double[] c0 = columns[0];
        double[] c1 = columns[1];
        double[] c2 = three ? columns[2] : c1;
        if (!scaled) {
            seed(c0, c1, c2, include, length);
        }
        if (finished) {
            throw new IllegalStateException("accept: the front was already finished");
        }
        if (base < nextId) {
            ascending = false;
        }
        double[] q0 = pivot0;
        double[] q1 = pivot1;
        double[] q2 = pivot2;
        for (int i = 0; i < length; i++) {
            if (include != null && !include[i]) {
                continue;
            }
            double x = s0 * c0[i];
            double y = s1 * c1[i];
            double z = s2 * c2[i];
            // any strictly dominating row discards this one (NaN compares false: never discarded here)
            boolean dominated = false;
            for (int k = 0, count = pivotCount; k < count; k++) {
                double a = q0[k];
                double b = q1[k];
                double c = q2[k];
                if (a >= x && b >= y && c >= z && (a > x || b > y || c > z)) {
                    dominated = true;
                    break;
                }
            }
            if (dominated || x != x || y != y || z != z) {
                continue;
            }
            survive(x, y, z, base + i);
        }
        nextId = Math.max(nextId, base + length);
    }

    /**
     * The front of every row offered; ends the accumulator (it takes no more rows).
     *
     * @return ascending ids of the non-dominated rows
     * @throws IllegalStateException if called twice
     */
    public long[] finish() {
        if (finished) {
            throw new IllegalStateException("finish: the front was already finished");
        }
        finished = true;
        refilter();
        int m = size;
        boolean[] onFront = new boolean[m];
        int count = ParetoFront.exactFront(key0, key1, three ? key2 : null, m, onFront);
        long[] front = new long[count];
        int k = 0;
        for (int i = 0; i < m; i++) {
            if (onFront[i]) {
                front[k++] = ids[i];
            }
        }
        if (!ascending) {
            Arrays.sort(front);
        }
        return front;
    }

    /** Survivors currently buffered (after the last compaction), for tests and memory figures. */
    public int buffered() {
        return size;
    }

    /**
     * Rescaling from a strided sample of the first chunk (finite values only) and first pivots
     * from the same sample, so that the pass starts with strong pivots.
     */
    private void seed(double[] c0, double[] c1, double[] c2, boolean[] include, int length) {
        int step = Math.max(1, length / SAMPLE);
        int capacity = (length + step - 1) / step;
        double[] xs = new double[capacity];
        double[] ys = new double[capacity];
        double[] zs = new double[capacity];
        int n = 0;
        for (int i = 0; i < length; i += step) {
            if (include != null && !include[i]) {
                continue;
            }
            xs[n] = s0 * c0[i];
            ys[n] = s1 * c1[i];
            zs[n] = s2 * c2[i];
            n++;
        }
        double min0 = Double.POSITIVE_INFINITY,
            min1 = min0,
            min2 = min0;
        double max0 = Double.NEGATIVE_INFINITY,
            max1 = max0,
            max2 = max0;
        int found = 0;
        for (int i = 0; i < n; i++) {
            double x = xs[i];
            double y = ys[i];
            double z = zs[i];
            if (Double.isFinite(x) && Double.isFinite(y) && Double.isFinite(z)) {
                min0 = Math.min(min0, x);
                max0 = Math.max(max0, x);
                min1 = Math.min(min1, y);
                max1 = Math.max(max1, y);
                min2 = Math.min(min2, z);
                max2 = Math.max(max2, z);
                found++;
            }
        }
        if (found == 0) {
            return; // try again with the next chunk
        }
        lo0 = min0;
        lo1 = min1;
        lo2 = min2;
        scale0 = max0 > min0 ? 1.0 / (max0 - min0) : 1.0;
        scale1 = max1 > min1 ? 1.0 / (max1 - min1) : 1.0;
        scale2 = max2 > min2 ? 1.0 / (max2 - min2) : 1.0;
        scaled = true;
        for (int i = 0; i < n; i++) {
            if (xs[i] == xs[i] && ys[i] == ys[i] && zs[i] == zs[i]) {
                updatePivots(xs[i], ys[i], zs[i]);
            }
        }
    }

    private void survive(double x, double y, double z, long id) {
        if (size == key0.length) {
            makeRoom();
        }
        key0[size] = ParetoFront.sortableBits(x);
        key1[size] = ParetoFront.sortableBits(y);
        if (three) {
            key2[size] = ParetoFront.sortableBits(z);
        }
        ids[size] = id;
        size++;
        if (scaled) {
            updatePivots(x, y, z);
        }
    }

    /** Makes the pivot of each score the row (x, y, z) where it scores higher (not NaN). */
    private void updatePivots(double x, double y, double z) {
        if (pivotCount == 0) {
            // every slot starts as a real row: a slot whose score is never a number (infinities)
            // keeps it, so the filter never compares with a row that does not exist
            Arrays.fill(pivot0, x);
            Arrays.fill(pivot1, y);
            Arrays.fill(pivot2, z);
            pivotCount = PIVOTS;
        }
        double t0 = (x - lo0) * scale0;
        double t1 = (y - lo1) * scale1;
        double t2 = (z - lo2) * scale2;
        double sum = t0 + t1 + t2;
        // the scores of WEIGHTS, written out (this runs for every survivor)
        consider(0, sum, x, y, z);
        consider(1, Math.max(t0, 0) * Math.max(t1, 0) * Math.max(t2, 0), x, y, z);
        consider(2, sum + 3 * t0, x, y, z);
        consider(3, sum + 3 * t1, x, y, z);
        consider(4, sum + 3 * t2, x, y, z);
        consider(5, 4 * sum - 3 * t0, x, y, z);
        consider(6, 4 * sum - 3 * t1, x, y, z);
        consider(7, 4 * sum - 3 * t2, x, y, z);
    }

    private void consider(int k, double score, double x, double y, double z) {
        if (score > pivotScore[k]) {
            pivotScore[k] = score;
            pivot0[k] = x;
            pivot1[k] = y;
            pivot2[k] = z;
        }
    }

    /** Drops the survivors that the (now stronger) pivots strictly dominate; order is kept. */
    private void refilter() {
        int p = pivotCount;
        long[] a = new long[p];
        long[] b = new long[p];
        long[] c = new long[p];
        for (int k = 0; k < p; k++) {
            a[k] = ParetoFront.sortableBits(pivot0[k]);
            b[k] = ParetoFront.sortableBits(pivot1[k]);
            c[k] = ParetoFront.sortableBits(pivot2[k]);
        }
        long[] k0 = key0;
        long[] k1 = key1;
        long[] k2 = three ? key2 : key1;
        int kept = 0;
        for (int i = 0; i < size; i++) {
            long x = k0[i];
            long y = k1[i];
            long z = k2[i];
            boolean dominated = false;
            for (int k = 0; k < p; k++) {
                if (a[k] >= x && b[k] >= y && c[k] >= z && (a[k] > x || b[k] > y || c[k] > z)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                k0[kept] = x;
                k1[kept] = y;
                if (three) {
                    k2[kept] = z;
                }
                ids[kept] = ids[i];
                kept++;
            }
        }
        size = kept;
    }

    /** Full buffer: refilter, then (above the bound) keep only the buffer's exact front, then grow. */
    private void makeRoom() {
        if (size >= compactAbove) {
            refilter();
            if (size > compactAbove / 2) {
                boolean[] onFront = new boolean[size];
                // exactFront permutes its copies, not the buffer
                ParetoFront.exactFront(
                    Arrays.copyOf(key0, size),
                    Arrays.copyOf(key1, size),
                    three ? Arrays.copyOf(key2, size) : null,
                    size,
                    onFront
                );
                int kept = 0;
                for (int i = 0; i < size; i++) {
                    if (onFront[i]) {
                        key0[kept] = key0[i];
                        key1[kept] = key1[i];
                        if (three) {
                            key2[kept] = key2[i];
                        }
                        ids[kept] = ids[i];
                        kept++;
                    }
                }
                size = kept;
            }
            if (size < (key0.length * 3) / 4) {
                return;
            }
        }
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16L, key0.length * 2L));
        key0 = Arrays.copyOf(key0, capacity);
        key1 = Arrays.copyOf(key1, capacity);
        if (three) {
            key2 = Arrays.copyOf(key2, capacity);
        }
        ids = Arrays.copyOf(ids, capacity);
    }
}
