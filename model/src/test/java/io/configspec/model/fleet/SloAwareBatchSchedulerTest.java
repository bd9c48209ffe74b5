package io.configspec.model.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SloAwareBatchSchedulerTest {

    private static final VerificationTimeEstimator ESTIMATOR = new VerificationTimeEstimator(
        0.020,
        0.001,
        1e-6,
        0.002
    );

    private static double batchSeconds(VerificationTimeEstimator e, List<VerificationRequest> batch) {
        long v = 0;
        long c = 0;
        for (VerificationRequest r : batch) {
            v += r.verifiedTokens();
            c += r.contextTokens();
        }
        return e.predictSeconds(v, c, batch.size());
    }

    private static boolean onTimeAlone(VerificationTimeEstimator e, VerificationRequest r, double now) {
        return now + e.predictSeconds(r.verifiedTokens(), r.contextTokens(), 1) <= r.deadlineSeconds();
    }

    /** Brute force: is there any non-empty batch (≤ max) in which every member meets its deadline? */
    private static boolean feasibleBatchExists(
        VerificationTimeEstimator e,
        List<VerificationRequest> pending,
        double now,
        int max
    ) {
        int n = pending.size();
        for (int mask = 1; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) > max) {
                continue;
            }
            List<VerificationRequest> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if ((mask & (1 << i)) != 0) {
                    batch.add(pending.get(i));
                }
            }
            double end = now + batchSeconds(e, batch);
            if (batch.stream().allMatch(r -> end <= r.deadlineSeconds())) {
                return true;
            }
        }
        return false;
    }

    /** The scheduler's next batch at {@code now} holds exactly the requests with these ids. */
    private static void assertNextBatchIds(SloAwareBatchScheduler s, double now, Long... ids) {
        List<VerificationRequest> out = new ArrayList<>();
        assertEquals(ids.length, s.nextBatch(now, out));
        assertEquals(Set.of(ids), Set.copyOf(out.stream().map(VerificationRequest::id).toList()));
    }

    @Test
    void neverAdmitsARequestThatMakesAnAdmittedOneMissItsDeadlineWhenAFeasibleBatchExists() {
        SplittableRandom random = new SplittableRandom(42);
        int feasibleCases = 0;
        for (int trial = 0; trial < 3000; trial++) {
            VerificationTimeEstimator e = new VerificationTimeEstimator(
                random.nextDouble() * 0.03,
                random.nextDouble() * 0.003,
                random.nextDouble() * 2e-6,
                random.nextDouble() * 0.004
            );
            int max = 1 + random.nextInt(6);
            // plain deadline-feasible batching (heavy-request deferral is tested on its own below)
            SloAwareBatchScheduler s = new SloAwareBatchScheduler(e, max, 0.0, false);
            double now = 10.0;
            int n = 1 + random.nextInt(10);
            List<VerificationRequest> pending = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                VerificationRequest r = new VerificationRequest(
                    i,
                    i,
                    now - random.nextDouble() * 0.05,
                    now + random.nextDouble() * 0.12 - 0.01,
                    1 + random.nextInt(10),
                    random.nextInt(3000),
                    0.5 + random.nextDouble() * 4
                );
                pending.add(r);
                s.submit(r);
            }
            List<VerificationRequest> batch = new ArrayList<>();
            int chosen = s.nextBatch(now, batch);

            assertEquals(chosen, batch.size());
            assertTrue(chosen >= 1, "work-conserving: pending work is always served");
            assertTrue(chosen <= max, "batch larger than its maximum");
            assertEquals(n - chosen, s.pendingCount(), "chosen requests leave the pending set");
            assertEquals(chosen, new HashSet<>(batch).size(), "a request chosen twice");

            boolean feasible = feasibleBatchExists(e, pending, now, max);
            if (feasible) {
                feasibleCases++;
                double end = now + batchSeconds(e, batch);
                boolean anyOnTime = false;
                for (VerificationRequest r : batch) {
                    if (onTimeAlone(e, r, now)) {
                        anyOnTime = true;
                        assertTrue(
                            end <= r.deadlineSeconds(),
                            "trial " + trial + ": admitted request " + r.id() + " misses its deadline"
                        );
                    }
                }
                assertTrue(
                    anyOnTime,
                    "trial " + trial + ": a feasible batch existed but only late requests were chosen"
                );

                // the earliest-deadline request that can be on time is always admitted
                VerificationRequest mostUrgent = pending
                    .stream()
                    .filter(r -> onTimeAlone(e, r, now))
                    .min((a, b) -> Double.compare(a.deadlineSeconds(), b.deadlineSeconds()))
                    .orElseThrow();
                assertTrue(batch.contains(mostUrgent), "trial " + trial + ": most urgent request left out");

                // maximal: no left-out request could have been added without a miss (or past the size)
                if (chosen < max) {
                    Set<VerificationRequest> in = new HashSet<>(batch);
                    for (VerificationRequest r : pending) {
                        if (in.contains(r)) {
                            continue;
                        }
                        List<VerificationRequest> bigger = new ArrayList<>(batch);
                        bigger.add(r);
                        double biggerEnd = now + batchSeconds(e, bigger);
                        boolean keepsDeadlines = bigger
                            .stream()
                            .filter(x -> onTimeAlone(e, x, now))
                            .allMatch(x -> biggerEnd <= x.deadlineSeconds());
                        assertFalse(
                            keepsDeadlines,
                            "trial " + trial + ": request " + r.id() + " fit but was left out"
                        );
                    }
                }
            }
        }
        assertTrue(
            feasibleCases > 1000,
            "the random sets must exercise the feasible case, got " + feasibleCases
        );
    }

    private static final VerificationTimeEstimator HEAVY_ESTIMATOR = new VerificationTimeEstimator(
        0.010,
        0.001,
        5e-6,
        0.001,
        0.0001
    );

    /** A scheduler that has seen 20 light requests (16.5 ms alone) with {@code targetRoom} s to their targets. */
    private static SloAwareBatchScheduler afterLightTraffic(double targetRoom) {
        SloAwareBatchScheduler s = new SloAwareBatchScheduler(HEAVY_ESTIMATOR, 8);
        for (int i = 0; i < 20; i++) {
            s.submit(new VerificationRequest(i, i, 0.0, 0.5, 0.0165 + targetRoom, 4, 0, 300, 2));
            s.nextBatch(0.0, new ArrayList<>());
        }
        return s;
    }

    /** Submits a document arriving at 1 s (8,000 context tokens → 56 ms alone; target 2 s, deadline 3 s). */
    private static VerificationRequest submitDocument(SloAwareBatchScheduler s) {
        VerificationRequest document = new VerificationRequest(100, 100, 1.0, 3.0, 2.0, 4, 0, 8_000, 2);
        s.submit(document);
        return document;
    }

    @Test
    void aHeavyRequestIsDeferredWhileLightRequestsNeedTheServerAndRunsWhenDue() {
        // light requests with 5 ms of room before their targets: a 56 ms batch would make them overshoot
        SloAwareBatchScheduler s = afterLightTraffic(0.005);
        // due one batch before its target's latest start
        VerificationRequest heavy = submitDocument(s);
        List<VerificationRequest> out = new ArrayList<>();
        assertEquals(0, s.nextBatch(1.0, out), "an idle server keeps itself free for the light requests");
        double wake = s.wakeUpSeconds(1.0);
        assertTrue(wake > 1.8 && wake < 2.0, "due one batch before its target's latest start, was " + wake);
        // a light request arriving meanwhile is served without it (the heavy one would overshoot its target)
        VerificationRequest light = new VerificationRequest(101, 101, 1.1, 1.2, 1.1 + 0.0215, 4, 0, 300, 2);
        s.submit(light);
        assertEquals(1, s.nextBatch(1.1, out));
        assertEquals(List.of(light), out);
        // once due, the heavy request runs
        assertEquals(1, s.nextBatch(wake, out));
        assertEquals(List.of(heavy), out);
    }

    @Test
    void aHeavyRequestRunsAtOnceWhenLightRequestsHaveRoomToWait() {
        // light requests with 1 s of room: nobody to protect, the idle server serves the heavy one
        SloAwareBatchScheduler s = afterLightTraffic(1.0);
        VerificationRequest heavy = submitDocument(s);
        List<VerificationRequest> out = new ArrayList<>();
        assertEquals(1, s.nextBatch(1.0, out));
        assertEquals(List.of(heavy), out);
    }

    @Test
    void lateRequestsAreServedEarliestDeadlineFirstWhenNothingCanBeOnTime() {
        SloAwareBatchScheduler s = new SloAwareBatchScheduler(ESTIMATOR, 2);
        double now = 5.0;
        s.submit(new VerificationRequest(1, 1, 4.0, 4.9, 4, 100, 2));
        s.submit(new VerificationRequest(2, 2, 4.0, 4.5, 4, 100, 2));
        s.submit(new VerificationRequest(3, 3, 4.0, 4.7, 4, 100, 2));
        assertNextBatchIds(s, now, 2L, 3L);
    }

    @Test
    void aRequestThatWouldDelayAnUrgentOnePastItsDeadlineWaits() {
        // urgent: alone 20 + 4 + 2 = 26 ms, deadline in 30 ms; a 10-token request adds 12 ms → 38 ms.
        SloAwareBatchScheduler s = new SloAwareBatchScheduler(ESTIMATOR, 8);
        double now = 1.0;
        s.submit(new VerificationRequest(1, 1, 0.99, now + 0.030, 4, 0, 2));
        s.submit(new VerificationRequest(2, 2, 0.99, now + 1.0, 10, 0, 5));
        List<VerificationRequest> out = new ArrayList<>();
        assertEquals(1, s.nextBatch(now, out));
        assertEquals(1L, out.get(0).id());
        assertEquals(1, s.pendingCount());
    }

    @Test
    void fillsByValuePerPredictedTime() {
        // room for one more after the urgent one: the request with more expected tokens per second wins
        SloAwareBatchScheduler s = new SloAwareBatchScheduler(ESTIMATOR, 2);
        double now = 0.0;
        s.submit(new VerificationRequest(1, 1, 0, 0.040, 2, 0, 1.5));
        s.submit(new VerificationRequest(2, 2, 0, 5.0, 8, 0, 2.0)); // 2 tokens / 10 ms
        s.submit(new VerificationRequest(3, 3, 0, 6.0, 3, 0, 2.5)); // 2.5 tokens / 5 ms
        assertNextBatchIds(s, now, 1L, 3L);
    }

    @Test
    void emptySchedulerChoosesNothingAndNeedsNoWakeUp() {
        SloAwareBatchScheduler s = new SloAwareBatchScheduler(ESTIMATOR, 4);
        List<VerificationRequest> out = new ArrayList<>();
        assertEquals(0, s.nextBatch(0, out));
        assertEquals(Double.POSITIVE_INFINITY, s.wakeUpSeconds(0));
    }

    @Test
    void holdKeepsANonFullBatchOpenOnlyWhileEveryDeadlineAllowsIt() {
        SloAwareBatchScheduler s = new SloAwareBatchScheduler(ESTIMATOR, 4, 0.010);
        List<VerificationRequest> out = new ArrayList<>();
        s.submit(new VerificationRequest(1, 1, 1.000, 2.0, 4, 0, 2));
        assertEquals(0, s.nextBatch(1.001, out), "lots of slack: wait for more requests");
        assertEquals(1.010, s.wakeUpSeconds(1.001), 1e-12, "but no longer than the hold time");
        assertEquals(1, s.nextBatch(1.010, out));

        // a request whose deadline leaves no room for waiting is dispatched at once
        s.submit(new VerificationRequest(2, 2, 3.000, 3.040, 4, 0, 2));
        assertEquals(1, s.nextBatch(3.000, out));

        // a full batch never waits
        for (int i = 0; i < 4; i++) {
            s.submit(new VerificationRequest(10 + i, i, 4.0, 9.0, 4, 0, 2));
        }
        assertEquals(4, s.nextBatch(4.0, out));
    }
}
