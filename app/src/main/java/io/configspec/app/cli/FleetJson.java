package io.configspec.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.model.fleet.CapacityResult;
import io.configspec.model.fleet.FleetPolicy;
import io.configspec.model.fleet.FleetResult;
import io.configspec.model.fleet.FleetSensitivity;
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
        o.put("draftSeconds", round(r.draftSeconds(), 3));
        o.put("wastedDraftSeconds", round(r.wastedDraftSeconds(), 3));
        putRate(o, "falseStopRate", r.stopPrediction().falseStopRate());
        putRate(o, "missedStopRate", r.stopPrediction().missedStopRate());
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
            wasted draft tokens  %d (%.1f %% of %d drafted)
            wasted drafting time %.1f s of %.1f s drafting (device time, all devices)
            stop predictions     %s
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
            r.draftedTokens(),
            r.wastedDraftSeconds(),
            r.draftSeconds(),
            r.stopPrediction().predictedStops() == 0 && r.stopPrediction().roundsWithRejection() == 0
                ? "none (fixed K)"
                : r.stopPrediction().describe(),
            r.requestsDropped(),
            r.durationSeconds(),
            r.seed()
        );
    }

    /** The {@code sensitivity} array of {@code configspec fleet-report --sensitivity --format json}. */
    static com.fasterxml.jackson.databind.node.ArrayNode sensitivity(FleetSensitivity sweep) {
        var array = MAPPER.createArrayNode();
        for (FleetSensitivity.Point p : sweep.points()) {
            ObjectNode row = array.addObject();
            row.put("setting", p.knob().key());
            row.put("value", p.value());
            row.put("unit", p.knob().unit());
            row.put("isScenarioValue", p.isBase());
            ObjectNode capacity = row.putObject("capacityDevices");
            ObjectNode goodput = row.putObject("goodputAtCapacityTokensPerSecond");
            for (FleetPolicy policy : FleetPolicy.values()) {
                capacity.put(policy.cliName(), p.capacity(policy));
                goodput.put(policy.cliName(), round(p.goodputAtCapacity(policy), 3));
            }
            putRatios(row.putObject("capacityRatios"), p::capacityRatio);
            putRatios(row.putObject("goodputRatios"), p::goodputRatio);
            row.put("wispDoublesCentralized", p.wispDoublesCentralized());
            row.put("sledBelowCentralized", p.sledBelowCentralized());
            row.put("reachedSearchLimit", p.reachedSearchLimit());
        }
        return array;
    }

    /** WISP over centralised, WISP over SLED and SLED over centralised, as {@link #ratio}s. */
    private static void putRatios(
        ObjectNode ratios,
        java.util.function.ToDoubleBiFunction<FleetPolicy, FleetPolicy> ratio
    ) {
        ratios.put(
            "wispOverCentralized",
            ratio(ratio.applyAsDouble(FleetPolicy.WISP, FleetPolicy.CENTRALIZED))
        );
        ratios.put("wispOverSled", ratio(ratio.applyAsDouble(FleetPolicy.WISP, FleetPolicy.SLED)));
        ratios.put(
            "sledOverCentralized",
            ratio(ratio.applyAsDouble(FleetPolicy.SLED, FleetPolicy.CENTRALIZED))
        );
    }

    /** A ratio rounded to 4 decimals; null when undefined or infinite (a policy serving no device). */
    private static Double ratio(double r) {
        return Double.isFinite(r) ? round(r, 4) : null;
    }

    /** The sensitivity table for people. */
    static String sensitivityText(FleetSensitivity sweep, int maxDevices, double durationSeconds, long seed) {
        StringBuilder out = new StringBuilder();
        out.append(
            String.format(
                Locale.ROOT,
                "Sensitivity: one setting varied at a time, the others as in the scenario (* = the scenario's value);%n" +
                    "capacity of centralised / SLED / WISP (simulated, search up to %d devices, %.0f s, seed %d)%n",
                maxDevices,
                durationSeconds,
                seed
            )
        );
        out.append(
            String.format(
                Locale.ROOT,
                "%-42s %9s %17s %8s %8s %8s  %s%n",
                "setting",
                "value",
                "capacity C/S/W",
                "WISP÷C",
                "WISP÷S",
                "SLED÷C",
                "paper's picture"
            )
        );
        for (FleetSensitivity.Point p : sweep.points()) {
            String flags =
                (p.wispDoublesCentralized() ? "WISP ≥ 2×C" : "") +
                (p.wispDoublesCentralized() && p.sledBelowCentralized() ? ", " : "") +
                (p.sledBelowCentralized() ? "SLED < C" : "");
            out.append(
                String.format(
                    Locale.ROOT,
                    "%-42s %8s%s %17s %8s %8s %8s  %s%n",
                    p.knob().label() + " (" + p.knob().unit() + ")",
                    FleetSensitivity.format(p.value()),
                    p.isBase() ? "*" : " ",
                    p.capacity(FleetPolicy.CENTRALIZED) +
                        " / " +
                        p.capacity(FleetPolicy.SLED) +
                        " / " +
                        p.capacity(FleetPolicy.WISP) +
                        (p.reachedSearchLimit() ? "+" : ""),
                    ratioText(p.capacityRatio(FleetPolicy.WISP, FleetPolicy.CENTRALIZED)),
                    ratioText(p.capacityRatio(FleetPolicy.WISP, FleetPolicy.SLED)),
                    ratioText(p.capacityRatio(FleetPolicy.SLED, FleetPolicy.CENTRALIZED)),
                    flags
                )
            );
        }
        for (String finding : sweep.findings()) {
            out.append(finding).append(System.lineSeparator());
        }
        return out.toString();
    }

    private static String ratioText(double r) {
        return Double.isFinite(r) ? String.format(Locale.ROOT, "%.2f×", r) : "—";
    }

    /** A rate in [0, 1], or null when it is undefined (nothing to judge). */
    static void putRate(ObjectNode o, String field, double rate) {
        if (Double.isNaN(rate)) {
            o.putNull(field);
        } else {
            o.put(field, round(rate, 5));
        }
    }

    static double round(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return value;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
