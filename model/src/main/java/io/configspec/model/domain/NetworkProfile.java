package io.configspec.model.domain;

import java.util.Map;

/**
 * The link between the edge device and the verification server.
 *
 * @param id unique id, e.g. {@code wifi-lan}
 * @param name display name
 * @param rttSeconds round-trip time, s, ≥ 0
 * @param uplinkMegabitsPerSecond device → server bandwidth, Mbit/s (10⁶ bit/s), &gt; 0
 * @param downlinkMegabitsPerSecond server → device bandwidth, Mbit/s, &gt; 0
 * @param bytesPerDraftToken bytes sent per drafted token (id plus, optionally, its probabilities), ≥ 0
 * @param replyBytes bytes of the verifier's reply per round, ≥ 0
 * @param provenance where the numbers come from
 * @param fieldProvenance per-field overrides
 */
public record NetworkProfile(
    String id,
    String name,
    double rttSeconds,
    double uplinkMegabitsPerSecond,
    double downlinkMegabitsPerSecond,
    double bytesPerDraftToken,
    double replyBytes,
    Provenance provenance,
    Map<String, Provenance> fieldProvenance
) implements HasProvenance {
    public NetworkProfile {
        FieldChecks.text("id", id);
        FieldChecks.text("name", name);
        FieldChecks.nonNegative("rttSeconds", rttSeconds);
        FieldChecks.positive("uplinkMegabitsPerSecond", uplinkMegabitsPerSecond);
        FieldChecks.positive("downlinkMegabitsPerSecond", downlinkMegabitsPerSecond);
        FieldChecks.nonNegative("bytesPerDraftToken", bytesPerDraftToken);
        FieldChecks.nonNegative("replyBytes", replyBytes);
        fieldProvenance = FieldChecks.provenance(NetworkProfile.class, provenance, fieldProvenance);
    }

    /**
     * No network: the device and the verifier exchange nothing that takes time (a scenario that
     * names no network, as in the ConfigSpec paper's analysis, whose round time is K / r + T_v).
     * Zero round trip and zero bytes; the bandwidths only keep the record valid and change
     * nothing, since no byte is sent.
     */
    public static final NetworkProfile NONE = new NetworkProfile(
        "none",
        "none (no network time)",
        0,
        1,
        1,
        0,
        0,
        new Provenance.Literature(
            "no network: the scenario names none, so a round has no network time, as in the ConfigSpec analysis (find_optimal_config.py: round time = K / r + T_v)"
        ),
        Map.of()
    );

    public double uplinkBytesPerSecond() {
        return uplinkMegabitsPerSecond * 125_000.0;
    }

    public double downlinkBytesPerSecond() {
        return downlinkMegabitsPerSecond * 125_000.0;
    }
}
