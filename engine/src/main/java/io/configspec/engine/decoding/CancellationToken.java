package io.configspec.engine.decoding;

/**
 * Cooperative cancellation: any thread may {@link #cancel()}; the decoder checks between rounds
 * and returns what it has generated so far.
 */
public final class CancellationToken {

    private volatile boolean cancelled;

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** A token that is never cancelled. */
    public static CancellationToken none() {
        return new CancellationToken();
    }
}
