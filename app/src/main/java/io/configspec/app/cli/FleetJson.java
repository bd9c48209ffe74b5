package io.configspec.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.model.fleet.CapacityResult;
import io.configspec.model.fleet.FleetResult;
import java.util.Locale;

/** JSON and text renderings of fleet results shared by the fleet commands (field names are the CLI contract, docs/fleet.md). */
final class FleetJson {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FleetJson() {}

    /** The {@code configspec fleet --format json} object. */
    static ObjectNode result(FleetResult r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("policy", r.policy().cliName());
        o.put("devices", r.devices());
        o.put("goodputTokensPerSecond", round(r.goodputTokensPerSecond(), 3));
        o.put("sloAttainment", round(r.sloAttainment(), 5));
        o.put("tpotP50Ms", round(r.tpotP50Seconds() * 1000, 3));
        o.put("tpotP99Ms", round(r.tpotP99Seconds() * 1000, 3));
        o.put("wastedDraftTokens", r.wastedDraftTokens());
        o.put("serverUtilization", round(r.serverUtilization(), 5));
        o.put("sloTpotMs", round(r.sloTpotSeconds() * 1000, 3));
        o.put("tpotP90Ms", round(r.tpotP90Seconds() * 1000, 3));
        o.put("endToEndP50Seconds", round(r.endToEndP50Seconds(), 4));
        o.put("endToEndP99Seconds", round(r.endToEndP99Seconds(), 4));
        o.put("throughputTokensPerSecond", round(r.throughputTokensPerSecond(), 3));
        o.put("requestsStarted", r.requestsStarted());
        o.put("requestsCompleted", r.requestsCompleted());
        o.put("requestsDropped", r.requestsDropped());
        o.put("verificationRounds", r.verificationRounds());
        o.put("meanBatchSize", round(r.meanBatchSize(), 3));
        o.put("draftedTokens", r.draftedTokens());
        o.put("wastedDraftFraction", round(r.wastedDraftFraction(), 5));
        o.put("durationSeconds", r.durationSeconds());
        o.put("seed", r.seed());
        o.put("provenance", "simulated");
        return o;
    }

    /** The {@code configspec capacity --format json} object. */
    static ObjectNode capacity(CapacityResult c) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("policy", c.policy().cliName());
        o.put("capacityDevices", c.capacityDevices());
        o.put("reachedSearchLimit", c.reachedSearchLimit());
        o.put("maxDevices", c.maxDevices());
        o.put("targetAttainment", c.targetAttainment());
        FleetResult at = c.atCapacity();
        if (at != null) {
            o.put("sloTpotMs", round(at.sloTpotSeconds() * 1000, 3));
            o.put("goodputTokensPerSecond", round(at.goodputTokensPerSecond(), 3));
            o.put("sloAttainment", round(at.sloAttainment(), 5));
            o.put("tpotP50Ms", round(at.tpotP50Seconds() * 1000, 3));
            o.put("tpotP99Ms", round(at.tpotP99Seconds() * 1000, 3));
            o.put("serverUtilization", round(at.serverUtilization(), 5));
        } else {
            o.putNull("goodputTokensPerSecond");
        }
        var evaluated = o.putArray("evaluated");
        for (FleetResult r : c.evaluated()) {
            evaluated
                .addObject()
                .put("devices", r.devices())
                .put("sloAttainment", round(r.sloAttainment(), 5));
        }
        o.put("provenance", "simulated");
        return o;
    }

    /** Text lines for one run. */
    static String text(FleetResult r) {
        return String.format(
            Locale.ROOT,
            """
            policy               %s
            devices              %d
            goodput              %.1f tokens/s (requests meeting the SLO)
            SLO attainment       %.1f %% of %d requests (TPOT ≤ %.1f ms)
            time per token       p50 %.1f ms, p90 %.1f ms, p99 %.1f ms
            end to end           p50 %.2f s, p99 %.2f s
            server utilisation   %.1f %% (mean batch %.1f requests)
            wasted draft tokens  %d (%.1f %% of drafted)
            dropped requests     %d
            (simulated, %.0f s, seed %d)
            """,
            r.policy().label(),
            r.devices(),
            r.goodputTokensPerSecond(),
            r.sloAttainment() * 100,
            r.requestsStarted(),
            r.sloTpotSeconds() * 1000,
            r.tpotP50Seconds() * 1000,
            r.tpotP90Seconds() * 1000,
            r.tpotP99Seconds() * 1000,
            r.endToEndP50Seconds(),
            r.endToEndP99Seconds(),
            r.serverUtilization() * 100,
            r.meanBatchSize(),
            r.wastedDraftTokens(),
            r.wastedDraftFraction() * 100,
            r.requestsDropped(),
            r.durationSeconds(),
            r.seed()
        );
    }

    static double round(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return value;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
