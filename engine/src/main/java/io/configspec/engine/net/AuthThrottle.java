package io.configspec.engine.net;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows down repeated wrong tokens, per client address: a token bucket of {@code burst} failures
 * refilled at {@code perSecond}. While an address has no failure left, its requests wait for one
 * before their token is even checked (so guessing is no faster in parallel), and a request that
 * would wait longer than {@code maxWaitNanos} is refused (429) at once. Right tokens cost nothing.
 *
 * <p>Thread-safe. The table of addresses is bounded: when it is full, addresses whose bucket has
 * refilled are forgotten first, then all of them.
 */
final class AuthThrottle {

    /** Addresses remembered at most. */
    static final int MAX_ADDRESSES = 4096;

    private final int burst;
    private final double perNano;
    private final long maxWaitNanos;
    private final LongSupplier clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** Failures left (may go below zero while parallel requests fail) as of {@code atNanos}. */
    private static final class Bucket {

        double tokens;
        long atNanos;

        Bucket(double tokens, long atNanos) {
            this.tokens = tokens;
            this.atNanos = atNanos;
        }
    }

    AuthThrottle(int burst, double perSecond, long maxWaitNanos, LongSupplier clock) {
        this.burst = burst;
        this.perNano = perSecond / 1e9;
        this.maxWaitNanos = maxWaitNanos;
        this.clock = clock;
    }

    /**
     * How long a request from {@code address} must wait before its token is checked: 0 when the
     * address has failures left, -1 when the wait would exceed the maximum (refuse it now).
     */
    long waitNanos(String address) {
        Bucket bucket = buckets.get(address);
        if (bucket == null) {
            return 0;
        }
        synchronized (bucket) {
            refill(bucket);
            if (bucket.tokens >= 1) {
                return 0;
            }
            long wait = (long) Math.ceil((1 - bucket.tokens) / perNano);
            return wait > maxWaitNanos ? -1 : wait;
        }
    }

    /** Records a wrong token from {@code address}. */
    void failed(String address) {
        if (buckets.size() >= MAX_ADDRESSES && !buckets.containsKey(address)) {
            forgetRefilled();
        }
        Bucket bucket = buckets.computeIfAbsent(address, a -> new Bucket(burst, clock.getAsLong()));
        synchronized (bucket) {
            refill(bucket);
            bucket.tokens -= 1;
        }
    }

    /** Addresses remembered now. */
    int addresses() {
        return buckets.size();
    }

    private void refill(Bucket bucket) {
        long now = clock.getAsLong();
        bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.atNanos) * perNano);
        bucket.atNanos = now;
    }

    private void forgetRefilled() {
        buckets
            .entrySet()
            .removeIf(e -> {
                synchronized (e.getValue()) {
                    refill(e.getValue());
                    return e.getValue().tokens >= burst;
                }
            });
        if (buckets.size() >= MAX_ADDRESSES) {
            buckets.clear();
        }
    }
}
