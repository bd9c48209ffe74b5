package io.configspec.model.fleet;

import java.util.ArrayDeque;
import java.util.List;

/**
 * SLED's verification batching (Li et al., SLED, 2025): requests are verified first-come
 * first-served; a batch is dispatched as soon as {@code maxBatchSize} requests wait, or when the
 * oldest waiting request has waited {@code timeoutSeconds}. With a timeout of 0 an idle server
 * takes whatever is waiting at once (continuous batching).
 */
public final class FcfsBatchScheduler implements VerificationScheduler {

    private final int maxBatchSize;
    private final double timeoutSeconds;
    private final ArrayDeque<VerificationRequest> pending = new ArrayDeque<>();

    /**
     * @param maxBatchSize most requests per batch, ≥ 1
     * @param timeoutSeconds longest the oldest request waits for the batch to fill, ≥ 0
     */
    public FcfsBatchScheduler(int maxBatchSize, double timeoutSeconds) {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be ≥ 1, was " + maxBatchSize);
        }
        if (!(timeoutSeconds >= 0) || Double.isInfinite(timeoutSeconds)) {
            throw new IllegalArgumentException(
                "timeoutSeconds must be finite and ≥ 0, was " + timeoutSeconds
            );
        }
        this.maxBatchSize = maxBatchSize;
        this.timeoutSeconds = timeoutSeconds;
    }

    public double timeoutSeconds() {
        return timeoutSeconds;
    }

    @Override
    public void submit(VerificationRequest request) {
        pending.addLast(request);
    }

    @Override
    public int pendingCount() {
        return pending.size();
    }

    @Override
    public int nextBatch(double nowSeconds, List<VerificationRequest> out) {
        out.clear();
        if (pending.isEmpty()) {
            return 0;
        }
        boolean full = pending.size() >= maxBatchSize;
        boolean timedOut = nowSeconds >= pending.peekFirst().arrivalSeconds() + timeoutSeconds;
        if (!full && !timedOut) {
            return 0;
        }
        int n = Math.min(maxBatchSize, pending.size());
        for (int i = 0; i < n; i++) {
            out.add(pending.pollFirst());
        }
        return n;
    }

    @Override
    public double wakeUpSeconds(double nowSeconds) {
        if (pending.isEmpty()) {
            return Double.POSITIVE_INFINITY;
        }
        if (pending.size() >= maxBatchSize) {
            return nowSeconds;
        }
        return Math.max(nowSeconds, pending.peekFirst().arrivalSeconds() + timeoutSeconds);
    }

    @Override
    public int maxBatchSize() {
        return maxBatchSize;
    }

    @Override
    public String name() {
        return "fcfs";
    }
}
