package io.configspec.model.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.configspec.model.domain.AlignmentProfile;
import io.configspec.model.domain.CalibrationPoint;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.NetworkProfile;
import io.configspec.model.domain.ProfileLibrary;
import io.configspec.model.domain.ServedTarget;
import io.configspec.model.domain.ServerProfile;
import io.configspec.model.domain.VerificationLatency;
import io.configspec.model.io.ProfileException;
import io.configspec.model.io.ProfileLoader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a fleet scenario file ({@code "kind": "fleet-scenario"}, see {@code docs/fleet.md}): the
 * device mix, network, server and target are references into the same device, network, server
 * and alignment profile files the single-device scenarios use (loaded from the file's
 * {@code profiles} paths, relative to the file), plus the workload, SLO and policy knobs.
 *
 * <p>Every problem is a {@link ProfileException} naming the file and field.
 */
public final class FleetScenarioFile {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long MAX_FILE_BYTES = 4_000_000;

    /**
     * A loaded fleet scenario.
     *
     * @param file the fleet scenario file
     * @param id its id
     * @param scenario what the simulator needs
     * @param profiles the profile library it referenced
     * @param description free text from the file ("" if none)
     */
    public record Loaded(
        Path file,
        String id,
        FleetScenario scenario,
        ProfileLoader.LoadedLibrary profiles,
        String description
    ) {}

    private FleetScenarioFile() {}

    public static Loaded load(Path file) throws ProfileException {
        JsonNode root = readTree(file);
        Fields f = new Fields(file);
        String kind = f.textAt(root, "kind");
        if (!kind.equals("fleet-scenario")) {
            throw ProfileException.atField(
                file,
                "kind",
                "is \"" + kind + "\" but a fleet-scenario file was expected"
            );
        }
        int schemaVersion = f.integerAt(root, "schemaVersion", 1, 1);
        if (schemaVersion != 1) {
            throw ProfileException.atField(
                file,
                "schemaVersion",
                "is " + schemaVersion + " but only 1 is supported"
            );
        }
        String id = f.textAt(root, "id");
        String name = root.hasNonNull("name") ? f.textAt(root, "name") : id;
        String description = root.hasNonNull("description") ? f.textAt(root, "description") : "";

        JsonNode profilesNode = f.array(root, "profiles");
        Path base = file.toAbsolutePath().getParent();
        Path shownBase = file.getParent() == null ? Path.of("") : file.getParent();
        List<Path> roots = new ArrayList<>();
        for (int i = 0; i < profilesNode.size(); i++) {
            String entry = f.text(profilesNode.get(i), "profiles[" + i + "]");
            if (!Files.exists(base.resolve(entry).normalize())) {
                throw ProfileException.atField(
                    file,
                    "profiles[" + i + "]",
                    "refers to " + entry + ", which does not exist"
                );
            }
            roots.add(Path.of(entry).isAbsolute() ? Path.of(entry) : shownBase.resolve(entry).normalize());
        }
        ProfileLoader.LoadedLibrary loaded = ProfileLoader.load(roots);
        ProfileLibrary library = loaded.library();

        String targetId = f.textAt(root, "target");
        String serverId = f.textAt(root, "server");
        ServerProfile server = library
            .server(serverId)
            .orElseThrow(() ->
                ProfileException.atField(file, "server", "names unknown server profile '" + serverId + "'")
            );
        ServedTarget served = server
            .served(targetId)
            .orElseThrow(() ->
                ProfileException.atField(
                    file,
                    "target",
                    "'" + targetId + "' is not served by server '" + serverId + "'"
                )
            );
        VerificationTimeEstimator estimator = estimatorOf(served.verification());
        String networkId = f.textAt(root, "network");
        NetworkProfile networkProfile = library
            .network(networkId)
            .orElseThrow(() ->
                ProfileException.atField(file, "network", "names unknown network profile '" + networkId + "'")
            );
        FleetNetwork network = FleetNetwork.of(networkProfile);

        int maxBatchSize = root.has("maxBatchSize") ? f.integerAt(root, "maxBatchSize", 1, 100_000) : 64;
        double noise = root.has("latencyNoiseCv") ? f.numberAt(root, "latencyNoiseCv", 0, 0.99) : 0.0;
        FleetServer fleetServer = new FleetServer(estimator, maxBatchSize, noise);

        JsonNode workloadNode = f.object(root, "workload");
        TokenLengthDistribution prompt = lengths(f, workloadNode, "workload.promptTokens");
        TokenLengthDistribution output = lengths(f, workloadNode, "workload.outputTokens");
        double think = f.number(workloadNode.get("meanThinkSeconds"), "workload.meanThinkSeconds", 0, 1e6);
        FleetWorkload workload = new FleetWorkload(prompt, output, think);

        double slo = f.numberAt(root, "sloTpotSeconds", 1e-6, 1e6);
        JsonNode sled = root.has("sled") ? f.object(root, "sled") : MAPPER.createObjectNode();
        double timeout = sled.has("batchTimeoutSeconds")
            ? f.number(sled.get("batchTimeoutSeconds"), "sled.batchTimeoutSeconds", 0, 1e3)
            : 0.01;
        JsonNode wisp = root.has("wisp") ? f.object(root, "wisp") : MAPPER.createObjectNode();
        int wispMaxK = wisp.has("maxDraftTokens")
            ? f.integer(wisp.get("maxDraftTokens"), "wisp.maxDraftTokens", 1, 64)
            : 10;
        double threshold = Double.NaN; // auto
        if (
            wisp.has("stopThreshold") &&
            !(wisp.get("stopThreshold").isTextual() && wisp.get("stopThreshold").asText().equals("auto"))
        ) {
            threshold = f.number(wisp.get("stopThreshold"), "wisp.stopThreshold", 0, 1);
        }
        double hold = wisp.has("holdSeconds")
            ? f.number(wisp.get("holdSeconds"), "wisp.holdSeconds", 0, 1e3)
            : timeout;

        double meanContext = prompt.mean() + output.mean() / 2;
        JsonNode devicesNode = f.array(root, "devices");
        if (devicesNode.isEmpty()) {
            throw ProfileException.atField(file, "devices", "must list at least one device");
        }
        List<FleetDeviceType> mix = new ArrayList<>();
        for (int i = 0; i < devicesNode.size(); i++) {
            String at = "devices[" + i + "]";
            JsonNode d = devicesNode.get(i);
            if (d == null || !d.isObject()) {
                throw ProfileException.atField(file, at, "must be an object");
            }
            String deviceId = f.text(d.get("device"), at + ".device");
            String drafter = f.text(d.get("drafter"), at + ".drafter");
            String quantization = f.text(d.get("quantization"), at + ".quantization");
            double weight = d.has("weight") ? f.number(d.get("weight"), at + ".weight", 1e-9, 1e9) : 1.0;
            DeviceProfile device = library
                .device(deviceId)
                .orElseThrow(() ->
                    ProfileException.atField(
                        file,
                        at + ".device",
                        "names unknown device profile '" + deviceId + "'"
                    )
                );
            DraftingMeasurement drafting = device
                .drafting(drafter, quantization)
                .orElseThrow(() ->
                    ProfileException.atField(
                        file,
                        at + ".drafter",
                        "device '" +
                            deviceId +
                            "' has no drafting measurement for " +
                            drafter +
                            " " +
                            quantization
                    )
                );
            AlignmentProfile alignment = library
                .alignment(drafter, quantization, targetId)
                .orElseThrow(() ->
                    ProfileException.atField(
                        file,
                        at + ".drafter",
                        "no alignment profile for " + drafter + " " + quantization + " against " + targetId
                    )
                );
            if (alignment.acceptanceRate().isEmpty()) {
                throw ProfileException.atField(
                    file,
                    at + ".drafter",
                    "has acceptance for " +
                        drafter +
                        " " +
                        quantization +
                        " against " +
                        targetId +
                        " measured per K only (acceptanceByK); the fleet simulator needs a constant acceptanceRate"
                );
            }
            double alpha = alignment.acceptanceRate().getAsDouble();
            double[] curve = alignment
                .acceptanceByPosition()
                .stream()
                .mapToDouble(Double::doubleValue)
                .toArray();
            AcceptanceCalibration calibration = null;
            if (!alignment.calibration().isEmpty()) {
                calibration = AcceptanceCalibration.fromPoints(
                    alignment.calibration().stream().mapToDouble(CalibrationPoint::confidence).toArray(),
                    alignment.calibration().stream().mapToDouble(CalibrationPoint::acceptanceRate).toArray(),
                    alpha
                );
            }
            double rate = drafting.tokensPerSecondAt(meanContext);
            FleetDeviceType provisional = new FleetDeviceType(
                deviceId,
                device.name() + " · " + drafter + " " + quantization,
                weight,
                rate,
                drafting.roundOverheadSeconds(),
                alpha,
                curve,
                calibration,
                1
            );
            int k = d.has("k")
                ? f.integer(d.get("k"), at + ".k", 1, 64)
                : provisionalScenario(provisional, network, fleetServer, workload, slo).bestFixedK(
                      provisional,
                      wispMaxK
                  );
            mix.add(
                new FleetDeviceType(
                    provisional.id(),
                    provisional.label(),
                    weight,
                    rate,
                    provisional.roundOverheadSeconds(),
                    provisional.acceptanceRate(),
                    curve,
                    calibration,
                    k
                )
            );
        }
        FleetScenario scenario;
        try {
            scenario = new FleetScenario(
                name,
                mix,
                network,
                fleetServer,
                workload,
                slo,
                timeout,
                wispMaxK,
                threshold,
                hold
            );
        } catch (IllegalArgumentException e) {
            throw ProfileException.ofFile(file, "is not a valid fleet scenario: " + e.getMessage(), e);
        }
        return new Loaded(file, id, scenario, loaded, description);
    }

    /** The estimator a server profile's verification latency model implies. */
    public static VerificationTimeEstimator estimatorOf(VerificationLatency latency) {
        return switch (latency) {
            case VerificationLatency.Fixed fixed -> VerificationTimeEstimator.constant(fixed.seconds());
            case VerificationLatency.Linear l -> new VerificationTimeEstimator(
                l.interceptSeconds(),
                l.secondsPerVerifiedToken(),
                l.secondsPerContextToken(),
                l.secondsPerRequest()
            );
        };
    }

    private static FleetScenario provisionalScenario(
        FleetDeviceType type,
        FleetNetwork network,
        FleetServer server,
        FleetWorkload workload,
        double slo
    ) {
        return new FleetScenario(
            "provisional",
            List.of(type),
            network,
            server,
            workload,
            slo,
            0,
            1,
            Double.NaN,
            0
        );
    }

    private static TokenLengthDistribution lengths(Fields f, JsonNode workload, String path)
        throws ProfileException {
        String key = path.substring(path.indexOf('.') + 1);
        JsonNode node = workload.get(key);
        if (node == null || !node.isObject()) {
            throw ProfileException.atField(f.file, path, "is missing (give mean, stdDev, min and max)");
        }
        double mean = f.number(node.get("mean"), path + ".mean", 1, 1e7);
        double sd = node.has("stdDev") ? f.number(node.get("stdDev"), path + ".stdDev", 0, 1e7) : 0;
        int min = node.has("min") ? f.integer(node.get("min"), path + ".min", 1, 10_000_000) : 1;
        int max = node.has("max")
            ? f.integer(node.get("max"), path + ".max", min, 10_000_000)
            : Integer.MAX_VALUE;
        return new TokenLengthDistribution(mean, sd, min, max);
    }

    private static JsonNode readTree(Path file) throws ProfileException {
        if (!Files.isRegularFile(file)) {
            throw ProfileException.ofFile(
                file,
                Files.exists(file) ? "is not a regular file" : "does not exist",
                null
            );
        }
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw ProfileException.ofFile(file, "is larger than the 4 MB limit for scenario files", null);
            }
        } catch (IOException e) {
            throw ProfileException.ofFile(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            JsonNode node = MAPPER.readTree(in);
            if (node == null || !node.isObject()) {
                throw ProfileException.ofFile(file, "does not hold a JSON object", null);
            }
            return node;
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String reason =
                "not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse("").strip();
            if (location != null && location.getLineNr() > 0) {
                throw ProfileException.atLine(file, location.getLineNr(), location.getColumnNr(), reason, e);
            }
            throw ProfileException.ofFile(file, "is " + reason, e);
        } catch (IOException e) {
            throw ProfileException.ofFile(file, "cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Typed field access with errors naming the file and the field path. */
    private record Fields(Path file) {
        String textAt(JsonNode parent, String field) throws ProfileException {
            return text(parent.get(field), field);
        }

        String text(JsonNode node, String path) throws ProfileException {
            if (node == null || node.isNull()) {
                throw ProfileException.atField(file, path, "is missing");
            }
            if (!node.isTextual() || node.asText().isBlank()) {
                throw ProfileException.atField(file, path, "must be a non-empty string but is " + node);
            }
            return node.asText();
        }

        double numberAt(JsonNode parent, String field, double min, double max) throws ProfileException {
            return number(parent.get(field), field, min, max);
        }

        double number(JsonNode node, String path, double min, double max) throws ProfileException {
            if (node == null || node.isNull()) {
                throw ProfileException.atField(file, path, "is missing");
            }
            if (!node.isNumber()) {
                throw ProfileException.atField(file, path, "must be a number but is " + node);
            }
            double v = node.asDouble();
            if (!(v >= min && v <= max)) {
                throw ProfileException.atField(
                    file,
                    path,
                    "must be between " + min + " and " + max + " but is " + v
                );
            }
            return v;
        }

        int integerAt(JsonNode parent, String field, int min, int max) throws ProfileException {
            return integer(parent.get(field), field, min, max);
        }

        int integer(JsonNode node, String path, int min, int max) throws ProfileException {
            if (node == null || node.isNull()) {
                throw ProfileException.atField(file, path, "is missing");
            }
            if (!node.isIntegralNumber()) {
                throw ProfileException.atField(file, path, "must be a whole number but is " + node);
            }
            long v = node.asLong();
            if (v < min || v > max) {
                throw ProfileException.atField(
                    file,
                    path,
                    "must be between " + min + " and " + max + " but is " + v
                );
            }
            return (int) v;
        }

        JsonNode array(JsonNode parent, String field) throws ProfileException {
            JsonNode node = parent.get(field);
            if (node == null || !node.isArray()) {
                throw ProfileException.atField(file, field, node == null ? "is missing" : "must be an array");
            }
            return node;
        }

        JsonNode object(JsonNode parent, String field) throws ProfileException {
            JsonNode node = parent.get(field);
            if (node == null || !node.isObject()) {
                throw ProfileException.atField(
                    file,
                    field,
                    node == null ? "is missing" : "must be an object"
                );
            }
            return node;
        }
    }
}
