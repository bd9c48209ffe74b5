package io.configspec.model.fleet;

import io.configspec.model.domain.AlignmentProfile;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.ProfileLibrary;
import io.configspec.model.domain.ServedTarget;
import io.configspec.model.domain.ServerProfile;
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
 * <p>This class reads and resolves references only; what a resolved device kind's acceptance and
 * SLED's K are is {@link AlignmentAcceptance}'s modelling. Every problem is a {@link
 * ProfileException} naming the file and field.
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
        FleetScenarioSpec spec = ProfileCodec.read(file, ProfileDocument.FleetScenarioDocument.class).spec();
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
        TokenLengthDistribution output = lengths(spec.workload().outputTokens());
        FleetWorkload workload = new FleetWorkload(
            lengths(spec.workload().promptTokens()),
            output,
            spec.workload().meanThinkSeconds()
        );
        double timeout = spec.sled().batchTimeoutSeconds();
        int wispMaxK = spec.wisp().maxDraftTokens();
        List<FleetDeviceType> bases = new ArrayList<>();
        List<AlignmentProfile> alignments = new ArrayList<>();
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
            alignments.add(alignment);
            TokenLengthDistribution prompts = d.promptTokens() == null
                ? workload.promptTokens()
                : lengths(d.promptTokens());
            bases.add(
                new FleetDeviceType(
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
                )
            );
        }
        try {
            FleetScenario fleet = new FleetScenario(
                spec.name(),
                bases,
                network,
                new FleetServer(
                    VerificationTimeEstimator.of(served.verification()),
                    spec.maxBatchSize(),
                    spec.latencyNoiseCv()
                ),
                workload,
                spec.sloTpotSeconds(),
                timeout,
                wispMaxK,
                spec.wisp().threshold(),
                spec.wisp().holdSeconds() == null ? timeout : spec.wisp().holdSeconds(),
                spec.wisp().rejectBelow()
            );
            List<FleetDeviceType> mix = new ArrayList<>();
            for (int i = 0; i < bases.size(); i++) {
                Integer k = spec.devices().get(i).k();
                mix.add(AlignmentAcceptance.of(bases.get(i), alignments.get(i), k, wispMaxK, fleet));
            }
            return new Loaded(file, spec.id(), fleet.withDeviceMix(mix), loaded, spec.description());
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

    private static TokenLengthDistribution lengths(FleetScenarioSpec.Lengths l) {
        return new TokenLengthDistribution(
            l.mean(),
            l.stdDev(),
            l.min(),
            l.max() == null ? Integer.MAX_VALUE : l.max()
        );
    }
}
