package io.configspec.model.fleet;

import java.util.List;

/**
 * Decides which pending verification requests the server verifies together next (DESIGN §5).
 * The same implementations drive the fleet simulator and the real verification service.
 *
 * <p>Protocol: requests are {@link #submit submitted} as they arrive; whenever the server is idle
 * the caller asks for {@link #nextBatch}; if that returns 0 the scheduler wants to wait, and the
 * caller asks again at {@link #wakeUpSeconds} or when a new request arrives, whichever is first.
 *
 * <p>Not thread-safe: a multi-threaded caller (the verification service) serialises calls.
 */
public interface VerificationScheduler {
    /** Adds a request to the pending set. */
    void submit(VerificationRequest request);

    /** Number of pending requests. */
    int pendingCount();

    /**
     * Chooses the next batch for a server that is idle at {@code nowSeconds}: clears {@code out},
     * moves the chosen requests from the pending set into it and returns how many were chosen (0:
     * wait). Never chooses more than {@link #maxBatchSize()} requests.
     */
    int nextBatch(double nowSeconds, List<VerificationRequest> out);

    /**
     * The earliest time at which {@link #nextBatch} may choose a batch without further
     * submissions, {@code +∞} when only a submission can change its mind.
     */
    double wakeUpSeconds(double nowSeconds);

    /** Largest batch this scheduler forms, ≥ 1. */
    int maxBatchSize();

    /** Short name for reports ({@code fcfs}, {@code slo-aware}). */
    String name();
}
