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
import java.util.Optional;

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
        String target = spec.target();
        ServerProfile server = known(
            file,
            "server",
            library.server(spec.server()),
            "names unknown server profile '" + spec.server() + "'"
        );
        ServedTarget served = known(
            file,
            "target",
            server.served(target),
            "'" + target + "' is not served by server '" + spec.server() + "'"
        );
        FleetNetwork network = FleetNetwork.of(
            known(
                file,
                "network",
                library.network(spec.network()),
                "names unknown network profile '" + spec.network() + "'"
            )
        );
        FleetServer fleetServer = new FleetServer(
            estimatorOf(served.verification()),
            spec.maxBatchSize(),
            spec.latencyNoiseCv()
        );
        TokenLengthDistribution output = lengths(spec.workload().outputTokens());
        FleetWorkload workload = new FleetWorkload(
            lengths(spec.workload().promptTokens()),
            output,
            spec.workload().meanThinkSeconds()
        );
        double timeout = spec.sled().batchTimeoutSeconds();
        int wispMaxK = spec.wisp().maxDraftTokens();
        List<FleetDeviceType> mix = new ArrayList<>();
        for (int i = 0; i < spec.devices().size(); i++) {
            String at = "devices[" + i + "]";
            FleetScenarioSpec.Device d = spec.devices().get(i);
            String drafter = d.drafter() + " " + d.quantization();
            DeviceProfile device = known(
                file,
                at + ".device",
                library.device(d.device()),
                "names unknown device profile '" + d.device() + "'"
            );
            DraftingMeasurement drafting = known(
                file,
                at + ".drafter",
                device.drafting(d.drafter(), d.quantization()),
                "device '" + d.device() + "' has no drafting measurement for " + drafter
            );
            AlignmentProfile alignment = known(
                file,
                at + ".drafter",
                library.alignment(d.drafter(), d.quantization(), target),
                "no alignment profile for " + drafter + " against " + target
            );
            checkMeasuredK(file, at, alignment, d.k(), wispMaxK);
            TokenLengthDistribution prompts = d.promptTokens() == null
                ? workload.promptTokens()
                : lengths(d.promptTokens());
            FleetDeviceType base = new FleetDeviceType(
                d.device(),
                device.name() + " · " + drafter,
                d.weight(),
                drafting.tokensPerSecondAt(prompts.mean() + output.mean() / 2),
                drafting.roundOverheadSeconds(),
                0,
                null,
                null,
                1,
                d.promptTokens() == null ? null : prompts,
                d.sloTpotSeconds() == null ? Double.NaN : d.sloTpotSeconds()
            );
            FleetScenario alone = new FleetScenario(
                "provisional",
                List.of(base),
                network,
                fleetServer,
                workload,
                spec.sloTpotSeconds(),
                0,
                1,
                Double.NaN,
                0,
                FleetScenario.DEFAULT_REJECT_BELOW
            );
            mix.add(
                alignment.acceptanceRate().isPresent()
                    ? constantAcceptance(base, alignment, d.k(), wispMaxK, alone)
                    : perKAcceptance(base, alignment, d.k(), wispMaxK, alone)
            );
        }
        try {
            FleetScenario scenario = new FleetScenario(
                spec.name(),
                mix,
                network,
                fleetServer,
                workload,
                spec.sloTpotSeconds(),
                timeout,
                wispMaxK,
                spec.wisp().threshold(),
                spec.wisp().holdSeconds() == null ? timeout : spec.wisp().holdSeconds(),
                spec.wisp().rejectBelow()
            );
            return new Loaded(file, spec.id(), scenario, loaded, spec.description());
        } catch (IllegalArgumentException e) {
            throw ProfileException.ofFile(file, "is not a valid fleet scenario: " + e.getMessage(), e);
        }
    }

    /** A profile the file names by id, or one sentence naming the field. */
    private static <T> T known(Path file, String field, Optional<T> profile, String reason)
        throws ProfileException {
        return profile.orElseThrow(() -> ProfileException.atField(file, field, reason));
    }

    /** A per-K alignment can give only a measured K: the device's, or one up to WISP's largest. */
    private static void checkMeasuredK(
        Path file,
        String at,
        AlignmentProfile alignment,
        Integer k,
        int wispMaxK
    ) throws ProfileException {
        if (alignment.acceptanceRate().isPresent()) {
            return;
        }
        String measured = "acceptance was measured for " + alignment.measuredKRange() + " only";
        if (k != null && !alignment.covers(k)) {
            throw ProfileException.atField(file, at + ".k", "is " + k + " but " + measured);
        }
        int first = alignment.acceptanceByK().getFirst().k();
        if (k == null && first > wispMaxK) {
            throw ProfileException.atField(
                file,
                "wisp.maxDraftTokens",
                "is " +
                    wispMaxK +
                    " but " +
                    at +
                    "'s " +
                    measured +
                    " (raise it to " +
                    first +
                    " or give the device's k)"
            );
        }
    }

    /**
     * A device kind whose alignment gives a constant α (with an optional per-position curve and
     * calibration table): SLED's K is the file's or the analytically best in [1, maxK].
     */
    private static FleetDeviceType constantAcceptance(
        FleetDeviceType base,
        AlignmentProfile alignment,
        Integer k,
        int maxK,
        FleetScenario alone
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
        return type.withAcceptance(alpha, curve, calibration, k != null ? k : alone.bestFixedK(type, maxK));
    }

    /**
     * A device kind whose alignment was measured per K only (the ConfigSpec paper's form,
     * α measured per K only (α(K) = accepted ÷ K): at SLED's K the rounds draw i.i.d. acceptances
     * with the constant α whose E[N] equals the measured K·α(K) + 1 ({@link
     * PerKAcceptance#equivalentAlpha}), each K judged with its own α. Per-token statistics were
     * not measured, so WISP's predictor is uninformative (every token predicted at α): it stops
     * only when one more token no longer pays for its drafting time.
     */
    private static FleetDeviceType perKAcceptance(
        FleetDeviceType base,
        AlignmentProfile alignment,
        Integer k,
        int maxK,
        FleetScenario alone
    ) {
        FleetDeviceType best = null;
        double bestGoodput = Double.NEGATIVE_INFINITY;
        int from = k != null ? k : alignment.acceptanceByK().getFirst().k();
        int to = k != null ? k : Math.min(alignment.acceptanceByK().getLast().k(), maxK);
        for (int candidate = from; candidate <= to; candidate++) {
            double alpha = PerKAcceptance.equivalentAlpha(
                candidate,
                alignment.expectedTokensPerRound(candidate)
            );
            FleetDeviceType type = base.withAcceptance(
                alpha,
                new double[0],
                PerKAcceptance.uninformative(alpha),
                candidate
            );
            double goodput = alone.analyticalGoodput(type, candidate);
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

    private static TokenLengthDistribution lengths(FleetScenarioSpec.Lengths l) {
        return new TokenLengthDistribution(
            l.mean(),
            l.stdDev(),
            l.min(),
            l.max() == null ? Integer.MAX_VALUE : l.max()
        );
    }
}
