package io.configspec.model.fleet;

/**
 * The link between each device and the server. Every device has its own access link (no shared
 * bottleneck is modelled); one-way latency is half the round-trip time.
 *
 * @param rttSeconds round-trip time, ≥ 0
 * @param uplinkBytesPerSecond device → server bandwidth, &gt; 0
 * @param downlinkBytesPerSecond server → device bandwidth, &gt; 0
 * @param bytesPerDraftToken bytes uploaded per drafted token, ≥ 0
 * @param replyBytes bytes of the verifier's reply per round, ≥ 0
 */
public record FleetNetwork(
    double rttSeconds,
    double uplinkBytesPerSecond,
    double downlinkBytesPerSecond,
    double bytesPerDraftToken,
    double replyBytes
) {
    public FleetNetwork {
        if (!(rttSeconds >= 0) || Double.isInfinite(rttSeconds)) {
            throw new IllegalArgumentException("rttSeconds must be finite and ≥ 0, was " + rttSeconds);
        }
        if (!(uplinkBytesPerSecond > 0)) {
            throw new IllegalArgumentException(
                "uplinkBytesPerSecond must be > 0, was " + uplinkBytesPerSecond
            );
        }
        if (!(downlinkBytesPerSecond > 0)) {
            throw new IllegalArgumentException(
                "downlinkBytesPerSecond must be > 0, was " + downlinkBytesPerSecond
            );
        }
        if (!(bytesPerDraftToken >= 0) || !(replyBytes >= 0)) {
            throw new IllegalArgumentException("bytesPerDraftToken and replyBytes must be ≥ 0");
        }
    }

    /** Seconds from the device to the server for a message carrying {@code tokens} drafts. */
    public double uplinkSeconds(int tokens) {
        return rttSeconds / 2 + (tokens * bytesPerDraftToken) / uplinkBytesPerSecond;
    }

    /** Seconds from the server to the device for one reply. */
    public double downlinkSeconds() {
        return rttSeconds / 2 + replyBytes / downlinkBytesPerSecond;
    }

    /** The fleet's view of a network profile. */
    public static FleetNetwork of(io.configspec.model.domain.NetworkProfile profile) {
        return new FleetNetwork(
            profile.rttSeconds(),
            profile.uplinkBytesPerSecond(),
            profile.downlinkBytesPerSecond(),
            profile.bytesPerDraftToken(),
            profile.replyBytes()
        );
    }
}
