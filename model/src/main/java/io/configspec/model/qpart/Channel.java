package io.configspec.model.qpart;

import io.configspec.model.domain.FieldChecks;

/**
 * The link between the device and the server, and the server's speed, for QPART's partition
 * point: layers after the split run on the server, so each drafted token costs a round trip, the
 * split's activations on the uplink and the server's compute; the device's part of the model is
 * shipped once over the downlink and its time shared by {@code amortisedTokens} tokens.
 *
 * @param rttSeconds round trip, s, ≥ 0
 * @param uplinkBytesPerSecond device → server, bytes/s, &gt; 0 (infinite: not timed)
 * @param downlinkBytesPerSecond server → device, bytes/s, &gt; 0 (infinite: shipping not timed)
 * @param serverFlopsPerSecond the server's throughput for the layers it runs, FLOP/s; 0 = no server
 *     (every layer runs on the device)
 * @param amortisedTokens tokens the shipped model serves, over which its download time is shared, &gt; 0
 */
public record Channel(
    double rttSeconds,
    double uplinkBytesPerSecond,
    double downlinkBytesPerSecond,
    double serverFlopsPerSecond,
    double amortisedTokens
) {
    /** Tokens a shipped drafter serves by default: ten thousand (a few long chats). */
    public static final double DEFAULT_AMORTISED_TOKENS = 10_000;

    public Channel {
        FieldChecks.nonNegative("rttSeconds", rttSeconds);
        positiveOrInfinite("uplinkBytesPerSecond", uplinkBytesPerSecond);
        positiveOrInfinite("downlinkBytesPerSecond", downlinkBytesPerSecond);
        FieldChecks.nonNegative("serverFlopsPerSecond", serverFlopsPerSecond);
        FieldChecks.positive("amortisedTokens", amortisedTokens);
    }

    /** No server and no link: the whole drafter runs on the device, shipping is not timed. */
    public static Channel deviceOnly() {
        return new Channel(
            0,
            Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY,
            0,
            DEFAULT_AMORTISED_TOKENS
        );
    }

    /** Whether layers may run on the server. */
    public boolean allowsSplit() {
        return serverFlopsPerSecond > 0;
    }

    private static void positiveOrInfinite(String field, double value) {
        if (!(value > 0)) {
            throw new io.configspec.model.domain.InvalidFieldException(
                field,
                "must be greater than 0 but is " + value
            );
        }
    }
}
