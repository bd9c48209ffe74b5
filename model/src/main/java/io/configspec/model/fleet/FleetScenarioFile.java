package io.configspec.model.fleet;

import io.configspec.model.domain.AlignmentProfile;
import io.configspec.model.domain.CalibrationPoint;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.NetworkProfile;
import io.configspec.model.domain.ProfileLibrary;
import io.configspec.model.domain.ServedTarget;
import io.configspec.model.domain.ServerProfile;
import io.configspec.model.domain.VerificationLatency;
import io.configspec.model.io.FleetScenarioSpec;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileDocument;
import io.configspec.model.io.ProfileException;
import io.configspec.model.io.ProfileLoader;
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
        ProfileDocument document = ProfileCodec.read(file);
        if (!(document instanceof ProfileDocument.FleetScenarioDocument(FleetScenarioSpec spec))) {
            throw ProfileException.atField(
                file,
                "kind",
                "is \"" + document.kind() + "\" but a fleet-scenario file was expected"
            );
        }
        ProfileLoader.LoadedLibrary loaded = ProfileLoader.loadReferenced(file, spec.profiles());
        ProfileLibrary library = loaded.library();

        String targetId = spec.target();
        String serverId = spec.server();
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
        String networkId = spec.network();
        NetworkProfile networkProfile = library
            .network(networkId)
            .orElseThrow(() ->
                ProfileException.atField(file, "network", "names unknown network profile '" + networkId + "'")
            );
        FleetNetwork network = FleetNetwork.of(networkProfile);
        FleetServer fleetServer = new FleetServer(estimator, spec.maxBatchSize(), spec.latencyNoiseCv());
        TokenLengthDistribution prompt = lengths(spec.workload().promptTokens());
        TokenLengthDistribution output = lengths(spec.workload().outputTokens());
        FleetWorkload workload = new FleetWorkload(prompt, output, spec.workload().meanThinkSeconds());
        double slo = spec.sloTpotSeconds();
        double timeout = spec.sled().batchTimeoutSeconds();
        int wispMaxK = spec.wisp().maxDraftTokens();
        double hold = spec.wisp().holdSeconds() == null ? timeout : spec.wisp().holdSeconds();

        double meanContext = prompt.mean() + output.mean() / 2;
        List<FleetDeviceType> mix = new ArrayList<>();
        for (int i = 0; i < spec.devices().size(); i++) {
            String at = "devices[" + i + "]";
            FleetScenarioSpec.Device d = spec.devices().get(i);
            String deviceId = d.device();
            String drafter = d.drafter();
            String quantization = d.quantization();
            double weight = d.weight();
            TokenLengthDistribution kindPrompts = d.promptTokens() == null ? null : lengths(d.promptTokens());
            double kindSlo = d.sloTpotSeconds() == null ? Double.NaN : d.sloTpotSeconds();
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
            double rate = drafting.tokensPerSecondAt(
                kindPrompts == null ? meanContext : kindPrompts.mean() + output.mean() / 2
            );
            FleetDeviceType provisional = new FleetDeviceType(
                deviceId,
                device.name() + " · " + drafter + " " + quantization,
                weight,
                rate,
                drafting.roundOverheadSeconds(),
                alpha,
                curve,
                calibration,
                1,
                kindPrompts,
                kindSlo
            );
            int k = d.k() != null
                ? d.k()
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
                    k,
                    kindPrompts,
                    kindSlo
                )
            );
        }
        FleetScenario scenario;
        try {
            scenario = new FleetScenario(
                spec.name(),
                mix,
                network,
                fleetServer,
                workload,
                slo,
                timeout,
                wispMaxK,
                spec.wisp().threshold(),
                hold,
                spec.wisp().rejectBelow()
            );
        } catch (IllegalArgumentException e) {
            throw ProfileException.ofFile(file, "is not a valid fleet scenario: " + e.getMessage(), e);
        }
        return new Loaded(file, spec.id(), scenario, loaded, spec.description());
    }

    /** The estimator a server profile's verification latency model implies. */
    public static VerificationTimeEstimator estimatorOf(VerificationLatency latency) {
        return switch (latency) {
            case VerificationLatency.Fixed fixed -> VerificationTimeEstimator.constant(fixed.seconds());
            case VerificationLatency.Linear l -> new VerificationTimeEstimator(
                l.interceptSeconds(),
                l.secondsPerVerifiedToken(),
                l.secondsPerContextToken(),
                l.secondsPerRequest(),
                l.prefillSecondsPerToken()
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

    private static TokenLengthDistribution lengths(FleetScenarioSpec.Lengths l) {
        return new TokenLengthDistribution(
            l.mean(),
            l.stdDev(),
            l.min(),
            l.max() == null ? Integer.MAX_VALUE : l.max()
        );
    }
}
