package io.configspec.model.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FcfsBatchSchedulerTest {

    private static VerificationRequest request(long id, double arrival) {
        return new VerificationRequest(id, (int) id, arrival, arrival + 1, 5, 100, 3);
    }

    @Test
    void waitsUntilTheTimeoutWhenTheBatchIsNotFull() {
        FcfsBatchScheduler s = new FcfsBatchScheduler(4, 0.010);
        List<VerificationRequest> out = new ArrayList<>();
        s.submit(request(1, 1.000));
        s.submit(request(2, 1.004));
        assertEquals(0, s.nextBatch(1.005, out));
        assertEquals(1.010, s.wakeUpSeconds(1.005), 1e-12);
        assertEquals(2, s.nextBatch(1.010, out));
        assertEquals(List.of(1L, 2L), out.stream().map(VerificationRequest::id).toList());
    }

    @Test
    void dispatchesAtOnceWhenTheBatchIsFullAndNeverExceedsItsSize() {
        FcfsBatchScheduler s = new FcfsBatchScheduler(3, 10.0);
        List<VerificationRequest> out = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            s.submit(request(i, 0.001 * i));
        }
        assertEquals(3, s.nextBatch(0.007, out));
        assertEquals(List.of(0L, 1L, 2L), out.stream().map(VerificationRequest::id).toList());
        assertEquals(3, s.nextBatch(0.007, out));
        assertEquals(0, s.nextBatch(0.007, out), "one left, far from its timeout");
        assertEquals(1, s.pendingCount());
    }

    @Test
    void zeroTimeoutIsContinuousBatching() {
        FcfsBatchScheduler s = new FcfsBatchScheduler(8, 0.0);
        List<VerificationRequest> out = new ArrayList<>();
        s.submit(request(1, 2.0));
        assertEquals(1, s.nextBatch(2.0, out));
    }

    @Test
    void randomisedArrivalsRespectSizeTimeoutAndOrder() {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 200; trial++) {
            int size = 1 + random.nextInt(8);
            double timeout = random.nextDouble() * 0.05;
            FcfsBatchScheduler s = new FcfsBatchScheduler(size, timeout);
            List<VerificationRequest> out = new ArrayList<>();
            double now = 0;
            long nextId = 0;
            long expectedNext = 0;
            for (int step = 0; step < 100; step++) {
                now += random.nextDouble() * 0.01;
                int arrivals = random.nextInt(3);
                for (int a = 0; a < arrivals; a++) {
                    s.submit(request(nextId++, now));
                }
                double oldest = s.pendingCount() > 0 ? s.wakeUpSeconds(Double.NEGATIVE_INFINITY) : Double.NaN;
                int pendingBefore = s.pendingCount();
                int n = s.nextBatch(now, out);
                assertTrue(n <= size, "batch larger than its size");
                if (n > 0) {
                    assertTrue(
                        pendingBefore >= size || now >= out.get(0).arrivalSeconds() + timeout,
                        "dispatched early"
                    );
                    for (VerificationRequest r : out) {
                        assertEquals(expectedNext++, r.id(), "not first-come-first-served");
                    }
                } else if (pendingBefore > 0) {
                    assertTrue(pendingBefore < size && now < oldest, "held a due batch back");
                }
            }
        }
    }
}
