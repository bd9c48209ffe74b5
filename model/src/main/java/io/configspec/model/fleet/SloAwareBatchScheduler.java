package io.configspec.model.fleet;

import java.util.Arrays;
import java.util.List;

/**
 * WISP's SLO-aware verification batch scheduler (Li et al., WISP, 2026): the most urgent requests
 * are admitted first (earliest deadline first), then the batch is filled by value per predicted
 * verification time, and a request is admitted only while every admitted request still finishes
 * by its deadline according to the {@link VerificationTimeEstimator}.
 *
 * <p>All requests of a batch finish together at {@code now + T_v(batch)}, so "every admitted
 * request meets its deadline" is {@code now + T_v(batch) ≤ min deadline}. A request that cannot
 * meet its deadline even alone is <em>late</em>: its own deadline no longer constrains a batch,
 * it is served only in room the on-time requests leave, and when nothing on time is waiting the
 * late ones are served earliest-deadline first.
 *
 * <p>With a hold time of 0 the scheduler is work-conserving (batching comes from requests piling
 * up while a batch runs). With a hold time h &gt; 0 it keeps a non-full batch open for more
 * requests, like SLED's timeout, but only while no waiting request is late, the oldest has waited
 * less than h, and every waiting request could still start as late as the wake-up and meet its
 * deadline in a full batch: slack is spent on batching efficiency, not on deadlines.
 *
 * <p>Interference suppression: a <em>heavy</em> request — one that alone costs more than {@value
 * #HEAVY_FACTOR} times a typical request (a long context or a prefill; typical = a moving average
 * over the light requests submitted) — delays every request batched with it, and every request that arrives
 * while it runs. Until it is due (one batch before its latest start, and no later than its
 * target: its share of its own slack), it joins a batch only if every member still finishes by
 * its <em>target</em>, not just its deadline; and an idle server does not start it alone when at
 * least a quarter of the recent light requests had less room before their targets than it takes
 * (light requests arriving meanwhile would wait behind it past their targets).
 * When due it is served like any other request.
 *
 * <p>Guarantee (tested against brute force): whenever some pending request that is not deferred
 * can meet its deadline, every on-time request in the chosen batch meets it; with hold time 0 the
 * batch is then non-empty.
 *
 * <p>Cost per call: O(P + W log W) for P pending requests and a fill window of W = 2 × max batch;
 * pending requests are kept in deadline order on submission (binary-search insertion).
 */
public final class SloAwareBatchScheduler implements VerificationScheduler {

    private final VerificationTimeEstimator estimator;
    private final int maxBatchSize;
    private final int fillWindow;
    private final double holdSeconds;
    private final boolean deferHeavy;
    private double holdUntil = Double.NEGATIVE_INFINITY;
    private double typicalAloneSeconds = Double.NaN;
    // Room the recent light requests had before their targets (target − arrival − alone), s.
    private final double[] lightTargetSlack = new double[RECENT_LIGHT];
    private int lightSeen;
    /** How many recent light requests the idle-server rule looks at. */
    private static final int RECENT_LIGHT = 64;
    /** Share of recent light requests that must be at risk for an idle server to hold a heavy one. */
    private static final double AT_RISK_SHARE = 0.25;
    private boolean[] deferred = new boolean[64];

    /** A request costing more than this many typical requests alone is heavy (deferred while it can wait). */
    public static final double HEAVY_FACTOR = 2.0;
    /** Weight of the newest request in the typical alone-time. */
    private static final double TYPICAL_SMOOTHING = 0.05;
    // Pending requests in deadline order, with each one's latest start to be on time alone
    // (deadline − T_v of itself alone: constant per request, computed once on submission).
    private VerificationRequest[] pending = new VerificationRequest[64];
    private double[] latestStart = new double[64];
    private int size;
    private boolean[] selected = new boolean[64];
    private long[] keys = new long[64];

    /**
     * @param estimator predicts batch latency
     * @param maxBatchSize most requests per batch, ≥ 1
     */
    public SloAwareBatchScheduler(VerificationTimeEstimator estimator, int maxBatchSize) {
        this(estimator, maxBatchSize, 0.0);
    }

    /**
     * @param estimator predicts batch latency
     * @param maxBatchSize most requests per batch, ≥ 1
     * @param holdSeconds longest a non-full batch is held open for more requests, ≥ 0
     */
    public SloAwareBatchScheduler(VerificationTimeEstimator estimator, int maxBatchSize, double holdSeconds) {
        this(estimator, maxBatchSize, holdSeconds, true);
    }

    /**
     * @param estimator predicts batch latency
     * @param maxBatchSize most requests per batch, ≥ 1
     * @param holdSeconds longest a non-full batch is held open for more requests, ≥ 0
     * @param deferHeavy whether heavy requests are deferred while they can wait (interference
     *        suppression; off: plain deadline-feasible batching)
     */
    public SloAwareBatchScheduler(
        VerificationTimeEstimator estimator,
        int maxBatchSize,
        double holdSeconds,
        boolean deferHeavy
    ) {
        this.deferHeavy = deferHeavy;
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be ≥ 1, was " + maxBatchSize);
        }
        if (!(holdSeconds >= 0) || Double.isInfinite(holdSeconds)) {
            throw new IllegalArgumentException("holdSeconds must be finite and ≥ 0, was " + holdSeconds);
        }
        this.holdSeconds = holdSeconds;
        this.estimator = estimator;
        this.maxBatchSize = maxBatchSize;
        this.fillWindow = Math.max(16, 2 * maxBatchSize);
    }

    @Override
    public void submit(VerificationRequest request) {
        if (size == pending.length) {
            pending = Arrays.copyOf(pending, 2 * size);
            latestStart = Arrays.copyOf(latestStart, 2 * size);
        }
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compare(pending[mid], request) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        System.arraycopy(pending, lo, pending, lo + 1, size - lo);
        System.arraycopy(latestStart, lo, latestStart, lo + 1, size - lo);
        pending[lo] = request;
        double alone = estimator.aloneSeconds(request);
        latestStart[lo] = request.deadlineSeconds() - alone;
        size++;
        if (Double.isNaN(typicalAloneSeconds)) {
            typicalAloneSeconds = alone;
        }
        // The typical request is a light one: heavy requests do not move it (nor the light slack).
        if (!(alone > HEAVY_FACTOR * typicalAloneSeconds)) {
            typicalAloneSeconds += TYPICAL_SMOOTHING * (alone - typicalAloneSeconds);
            lightTargetSlack[lightSeen++ % RECENT_LIGHT] =
                request.targetSeconds() - request.arrivalSeconds() - alone;
        }
    }

    /** Deadline, then arrival, then id. */
    private static int compare(VerificationRequest a, VerificationRequest b) {
        int c = Double.compare(a.deadlineSeconds(), b.deadlineSeconds());
        if (c == 0) {
            c = Double.compare(a.arrivalSeconds(), b.arrivalSeconds());
        }
        return c != 0 ? c : Long.compare(a.id(), b.id());
    }

    @Override
    public int pendingCount() {
        return size;
    }

    /** Whether pending request i can meet its deadline if verified alone, starting at {@code now}. */
    private boolean onTimeAlone(int i, double now) {
        return now <= latestStart[i];
    }

    @Override
    public int nextBatch(double now, List<VerificationRequest> out) {
        out.clear();
        int n = size;
        if (n == 0) {
            return 0;
        }
        // Upper bound on how long the batch after this one may take: a full batch of the most urgent.
        long windowVerified = 0;
        long windowPrefill = 0;
        long windowContext = 0;
        int windowCount = Math.min(maxBatchSize, n);
        for (int i = 0; i < windowCount; i++) {
            windowVerified += pending[i].verifiedTokens();
            windowPrefill += pending[i].prefillTokens();
            windowContext += pending[i].contextTokens();
        }
        double nextBatchSeconds = estimator.predictSeconds(
            windowVerified,
            windowPrefill,
            windowContext,
            windowCount
        );

        // Interference suppression: heavy requests that can still wait a batch are deferred.
        if (deferred.length < n) {
            deferred = new boolean[Math.max(n, 2 * deferred.length)];
        }
        int eligible = n;
        double due = Double.POSITIVE_INFINITY;
        double lightestHeavy = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            deferred[i] = false;
            if (deferHeavy) {
                double alone = pending[i].deadlineSeconds() - latestStart[i];
                double dueAt = Math.min(
                    latestStart[i] - nextBatchSeconds,
                    pending[i].targetSeconds() - alone
                );
                if (alone > HEAVY_FACTOR * typicalAloneSeconds && now < dueAt) {
                    deferred[i] = true;
                    eligible--;
                    due = Math.min(due, dueAt);
                    lightestHeavy = Math.min(lightestHeavy, alone);
                }
            }
        }
        if (eligible == 0) {
            if (lightAtRisk(lightestHeavy)) {
                // light requests arriving meanwhile would wait behind it past their targets
                holdUntil = due;
                return 0;
            }
            Arrays.fill(deferred, 0, n, false); // nobody to protect: the idle server serves it
        }

        if (holdSeconds > 0 && n < maxBatchSize) {
            // A full batch of requests like the waiting ones: what may run if we wait for more.
            double fullBatchSeconds = estimator.predictSeconds(
                Math.round(((double) windowVerified / windowCount) * maxBatchSize),
                Math.round(((double) windowPrefill / windowCount) * maxBatchSize),
                Math.round(((double) windowContext / windowCount) * maxBatchSize),
                maxBatchSize
            );
            double wake = Double.POSITIVE_INFINITY;
            boolean anyLate = false;
            for (int i = 0; i < n; i++) {
                VerificationRequest r = pending[i];
                if (deferred[i]) {
                    continue;
                }
                if (!onTimeAlone(i, now)) {
                    anyLate = true;
                    break;
                }
                // start by the deadline minus a full batch; and never hold anyone longer than h
                wake = Math.min(
                    wake,
                    Math.min(r.arrivalSeconds() + holdSeconds, r.deadlineSeconds() - fullBatchSeconds)
                );
            }
            if (!anyLate && now < wake) {
                holdUntil = wake;
                return 0;
            }
        }
        holdUntil = Double.NEGATIVE_INFINITY;
        if (selected.length < n) {
            selected = new boolean[Math.max(n, 2 * selected.length)];
        }
        Arrays.fill(selected, 0, n, false);

        long verified = 0;
        long prefill = 0;
        long context = 0;
        int count = 0;
        double minDeadline = Double.POSITIVE_INFINITY;
        double minTarget = Double.POSITIVE_INFINITY;

        // Phase 1: earliest deadline first. The most urgent on-time request is always admitted;
        // after it, every request that could not wait for the next batch, while the batch stays feasible.
        for (int i = 0; i < n && count < maxBatchSize; i++) {
            VerificationRequest r = pending[i];
            if (deferred[i] || !onTimeAlone(i, now)) {
                continue;
            }
            double alone = r.deadlineSeconds() - latestStart[i];
            if (count > 0 && r.deadlineSeconds() >= now + nextBatchSeconds + alone) {
                break; // not urgent: it can wait for the next batch; deadlines only grow from here
            }
            double t = estimator.predictSeconds(
                verified + r.verifiedTokens(),
                prefill + r.prefillTokens(),
                context + r.contextTokens(),
                count + 1
            );
            if (now + t <= Math.min(minDeadline, r.deadlineSeconds())) {
                selected[i] = true;
                verified += r.verifiedTokens();
                prefill += r.prefillTokens();
                context += r.contextTokens();
                count++;
                minDeadline = Math.min(minDeadline, r.deadlineSeconds());
                minTarget = Math.min(minTarget, r.targetSeconds());
            }
        }

        if (count == 0) {
            // Nothing can be on time: serve the late requests earliest deadline first.
            for (int i = 0; i < n && count < maxBatchSize; i++) {
                if (!deferred[i]) {
                    selected[i] = true;
                    count++;
                }
            }
        } else {
            // Phase 2: fill by value per marginal verification time, on-time requests before late ones.
            int window = Math.min(n, fillWindow);
            for (int pass = 0; pass < 2 && count < maxBatchSize; pass++) {
                boolean wantOnTime = pass == 0;
                int m = 0;
                if (keys.length < window) {
                    keys = new long[Math.max(window, 2 * keys.length)];
                }
                for (int i = 0; i < window; i++) {
                    if (selected[i] || (deferred[i] && !wantOnTime)) {
                        continue;
                    }
                    VerificationRequest r = pending[i];
                    if (onTimeAlone(i, now) != wantOnTime) {
                        continue;
                    }
                    double price = Math.max(
                        1e-12,
                        estimator.marginalSeconds(r.verifiedTokens(), r.prefillTokens(), r.contextTokens())
                    );
                    float ratio = (float) (r.expectedTokens() / price);
                    // positive floats order like their bit patterns; low index wins ties (read from the end)
                    keys[m++] = ((long) Float.floatToIntBits(ratio) << 32) | (Integer.MAX_VALUE - i);
                }
                Arrays.sort(keys, 0, m);
                for (int j = m - 1; j >= 0 && count < maxBatchSize; j--) {
                    int i = Integer.MAX_VALUE - (int) (keys[j] & 0xFFFFFFFFL);
                    VerificationRequest r = pending[i];
                    double bound = wantOnTime ? Math.min(minDeadline, r.deadlineSeconds()) : minDeadline;
                    if (deferred[i]) {
                        // a heavy request that could wait joins only if every member keeps its target
                        bound = Math.min(bound, Math.min(minTarget, r.targetSeconds()));
                    }
                    double t = estimator.predictSeconds(
                        verified + r.verifiedTokens(),
                        prefill + r.prefillTokens(),
                        context + r.contextTokens(),
                        count + 1
                    );
                    if (now + t <= bound) {
                        selected[i] = true;
                        verified += r.verifiedTokens();
                        prefill += r.prefillTokens();
                        context += r.contextTokens();
                        count++;
                        if (wantOnTime) {
                            minDeadline = Math.min(minDeadline, r.deadlineSeconds());
                            minTarget = Math.min(minTarget, r.targetSeconds());
                        }
                    }
                }
            }
        }

        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (selected[i]) {
                out.add(pending[i]);
            } else {
                pending[kept] = pending[i];
                latestStart[kept] = latestStart[i];
                kept++;
            }
        }
        Arrays.fill(pending, kept, n, null);
        size = kept;
        return count;
    }

    /**
     * Whether light requests arriving while a heavy request of {@code seconds} runs would miss
     * their targets: at least a quarter of the recent ones had less room than that.
     */
    private boolean lightAtRisk(double seconds) {
        int n = Math.min(lightSeen, RECENT_LIGHT);
        if (n == 0) {
            return false;
        }
        int atRisk = 0;
        for (int i = 0; i < n; i++) {
            if (lightTargetSlack[i] < seconds) {
                atRisk++;
            }
        }
        return atRisk >= AT_RISK_SHARE * n;
    }

    @Override
    public double wakeUpSeconds(double nowSeconds) {
        if (size == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(nowSeconds, holdUntil);
    }

    @Override
    public int maxBatchSize() {
        return maxBatchSize;
    }

    @Override
    public String name() {
        return "slo-aware";
    }
}
