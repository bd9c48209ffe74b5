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
        FleetScenarioSpec spec = ProfileCodec.read(
            file,
            ProfileDocument.FleetScenarioDocument.class,
            "fleet-scenario"
        ).spec();
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
            double rate = drafting.tokensPerSecondAt(
                kindPrompts == null ? meanContext : kindPrompts.mean() + output.mean() / 2
            );
            String label = device.name() + " · " + drafter + " " + quantization;
            FleetDeviceType base = new FleetDeviceType(
                deviceId,
                label,
                weight,
                rate,
                drafting.roundOverheadSeconds(),
                0,
                null,
                null,
                1,
                kindPrompts,
                kindSlo
            );
            FleetScenario provisional = provisionalScenario(base, network, fleetServer, workload, slo);
            mix.add(
                alignment.acceptanceRate().isPresent()
                    ? constantAcceptance(base, alignment, d.k(), wispMaxK, provisional)
                    : perKAcceptance(base, alignment, d.k(), wispMaxK, provisional, file, at)
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

    /**
     * A device kind whose alignment gives a constant α (with an optional per-position curve and
     * calibration table): SLED's K is the file's or the analytically best in [1, wispMaxK].
     */
    private static FleetDeviceType constantAcceptance(
        FleetDeviceType base,
        AlignmentProfile alignment,
        Integer fileK,
        int wispMaxK,
        FleetScenario provisional
    ) {
        double alpha = alignment.acceptanceRate().getAsDouble();
        double[] curve = alignment.acceptanceByPosition().stream().mapToDouble(Double::doubleValue).toArray();
        AcceptanceCalibration calibration = alignment.calibration().isEmpty()
            ? null
            : AcceptanceCalibration.fromPoints(
                  alignment.calibration().stream().mapToDouble(CalibrationPoint::confidence).toArray(),
                  alignment.calibration().stream().mapToDouble(CalibrationPoint::acceptanceRate).toArray(),
                  alpha
              );
        FleetDeviceType type = base.withAcceptance(alpha, curve, calibration, 1);
        int k = fileK != null ? fileK : provisional.bestFixedK(type, wispMaxK);
        return type.withAcceptance(alpha, curve, calibration, k);
    }

    /**
     * A device kind whose alignment was measured per K only (the ConfigSpec paper's form, α(K) =
     * accepted ÷ K): at SLED's K the rounds draw i.i.d. acceptances with the constant α whose E[N]
     * equals the measured K·α(K) + 1 ({@link PerKAcceptance#equivalentAlpha}). SLED's K is the
     * file's (it must be a measured K) or the measured K up to {@code wispMaxK} with the best
     * analytical goodput, each K judged with its own α. Per-token statistics were not measured, so
     * WISP's predictor is uninformative (every token predicted at α): it stops only when one more
     * token no longer pays for its drafting time.
     */
    private static FleetDeviceType perKAcceptance(
        FleetDeviceType base,
        AlignmentProfile alignment,
        Integer fileK,
        int wispMaxK,
        FleetScenario provisional,
        Path file,
        String at
    ) throws ProfileException {
        int first = alignment.acceptanceByK().getFirst().k();
        int last = alignment.acceptanceByK().getLast().k();
        if (fileK != null && !alignment.covers(fileK)) {
            throw ProfileException.atField(
                file,
                at + ".k",
                "is " + fileK + " but acceptance was measured for " + alignment.measuredKRange() + " only"
            );
        }
        if (fileK == null && first > wispMaxK) {
            throw ProfileException.atField(
                file,
                "wisp.maxDraftTokens",
                "is " +
                    wispMaxK +
                    " but " +
                    at +
                    "'s acceptance was measured for " +
                    alignment.measuredKRange() +
                    " only (raise it to " +
                    first +
                    " or give the device's k)"
            );
        }
        FleetDeviceType best = null;
        double bestGoodput = Double.NEGATIVE_INFINITY;
        int from = fileK != null ? fileK : first;
        int to = fileK != null ? fileK : Math.min(last, wispMaxK);
        for (int k = from; k <= to; k++) {
            double alpha = PerKAcceptance.equivalentAlpha(k, alignment.expectedTokensPerRound(k));
            FleetDeviceType type = base.withAcceptance(
                alpha,
                new double[0],
                PerKAcceptance.uninformative(alpha),
                k
            );
            double goodput = provisional.analyticalGoodput(type, k);
            if (goodput > bestGoodput) {
                best = type;
                bestGoodput = goodput;
            }
        }
        return best;
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
