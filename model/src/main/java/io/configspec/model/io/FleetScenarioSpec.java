package io.configspec.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.configspec.model.domain.FieldChecks;
import io.configspec.model.domain.InvalidFieldException;
import java.util.List;

/**
 * The content of a fleet scenario file ({@code "kind": "fleet-scenario"}, {@code
 * docs/schema/fleet-scenario.schema.json}) as written: references by id into the profile files,
 * and the workload, SLO and policy settings. Ranges and defaults are the schema's; {@code
 * io.configspec.model.fleet.FleetScenarioFile} resolves the references.
 *
 * @param name display name; the id when absent
 * @param devices the device mix, at least one
 */
public record FleetScenarioSpec(
    String id,
    String name,
    String description,
    List<String> profiles,
    String server,
    String target,
    String network,
    int maxBatchSize,
    double latencyNoiseCv,
    List<Device> devices,
    Workload workload,
    double sloTpotSeconds,
    Sled sled,
    Wisp wisp
) {
    public FleetScenarioSpec {
        FieldChecks.text("id", id);
        name = name == null ? id : name;
        description = description == null ? "" : description;
        profiles = FieldChecks.list("profiles", profiles);
        devices = FieldChecks.list("devices", devices);
    }

    /**
     * One kind of device in the mix.
     *
     * @param weight relative share of the fleet
     * @param k SLED's fixed K; null for the analytically best K
     * @param promptTokens this kind's own prompt lengths; null for the workload's
     * @param sloTpotSeconds this kind's own TPOT SLO, s; null for the scenario's
     */
    public record Device(
        String device,
        String drafter,
        String quantization,
        double weight,
        Integer k,
        Lengths promptTokens,
        Double sloTpotSeconds
    ) {}

    /** Prompt and output lengths and the pause between a device's requests. */
    public record Workload(Lengths promptTokens, Lengths outputTokens, double meanThinkSeconds) {}

    /**
     * Token counts: log-normal with this mean and standard deviation, clipped to [min, max].
     *
     * @param max largest count; null for no limit
     */
    public record Lengths(double mean, double stdDev, int min, Integer max) {
        public Lengths {
            if (max != null && max < min) {
                throw new InvalidFieldException("max", "must be at least min " + min + " but is " + max);
            }
        }
    }

    /** SLED's FCFS batching timeout, s. */
    public record Sled(double batchTimeoutSeconds) {}

    /**
     * WISP's settings.
     *
     * @param stopThreshold {@code "auto"} or a number in [0, 1]
     * @param holdSeconds null for the SLED timeout
     * @param rejectBelow predicted acceptance below which a drafted token is a predicted rejection
     */
    public record Wisp(int maxDraftTokens, JsonNode stopThreshold, Double holdSeconds, double rejectBelow) {
        /** The fixed threshold, or NaN for {@code auto}. */
        public double threshold() {
            return stopThreshold != null && stopThreshold.isNumber()
                ? stopThreshold.doubleValue()
                : Double.NaN;
        }
    }
}
