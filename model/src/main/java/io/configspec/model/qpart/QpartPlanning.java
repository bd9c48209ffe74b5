package io.configspec.model.qpart;

import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.LanguageModel;
import io.configspec.model.domain.NetworkProfile;
import io.configspec.model.domain.ProfileLibrary;
import io.configspec.model.domain.ServedTarget;
import io.configspec.model.domain.ServerProfile;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.stream.Collectors;

/**
 * The QPART planning service behind {@code configspec qpart} and the explorer's planner panel:
 * resolves the device (throughput), the channel (network and server profiles) and the budget's
 * unit against a profile library, and plans exactly with {@link QpartPlanner}. Every bad input is
 * one {@link QpartInputException} sentence.
 */
public final class QpartPlanning {

    /** The degradation budget and its unit. */
    public sealed interface Budget {
        /** The budget's value, ≥ 0. */
        double value();

        /** The unit in words, for output. */
        String unit();

        /** Acceptance may drop by at most {@code value} (needs a sensitivity calibration). */
        record AcceptanceDrop(double value) implements Budget {
            @Override
            public String unit() {
                return "acceptance rate (Δα)";
            }
        }

        /** QPART's noise measure with uncalibrated sensitivities (relative units). */
        record Noise(double value) implements Budget {
            @Override
            public String unit() {
                return "QPART noise measure, uncalibrated (Σ R²·2^(−2b))";
            }
        }
    }

    /**
     * What to plan.
     *
     * @param model the model's layers (and calibration)
     * @param deviceId the device profile's id
     * @param networkId the network profile for the link to the server, or empty (no link: shipping
     *     and splitting are not timed)
     * @param serverId the server profile whose speed runs layers after a split, or empty (the whole
     *     drafter runs on the device)
     * @param budget the degradation budget
     * @param bitWidths the widths a layer may take (e.g. only those the engine builds)
     * @param amortisedTokens tokens the shipped drafter serves (its download time is shared by them)
     */
    public record Request(
        ModelLayers model,
        String deviceId,
        Optional<String> networkId,
        Optional<String> serverId,
        Budget budget,
        SortedSet<Integer> bitWidths,
        double amortisedTokens
    ) {}

    private QpartPlanning() {}

    /** The problem {@code request} states against {@code library}. */
    public static QpartProblem problem(Request request, ProfileLibrary library) throws QpartInputException {
        Budget budget = request.budget();
        if (!(budget.value() >= 0) || Double.isInfinite(budget.value())) {
            throw new QpartInputException(
                "the budget must be a number ≥ 0 (" + budget.unit() + "), was " + budget.value()
            );
        }
        for (int bits : request.bitWidths()) {
            if (!QuantizationNoise.BIT_WIDTHS.contains(bits)) {
                throw new QpartInputException(
                    "bit-width " + bits + " is not one of " + QuantizationNoise.BIT_WIDTHS
                );
            }
        }
        if (request.bitWidths().isEmpty()) {
            throw new QpartInputException("at least one bit-width is needed");
        }
        if (!(request.amortisedTokens() > 0) || Double.isInfinite(request.amortisedTokens())) {
            throw new QpartInputException(
                "the tokens a shipped drafter serves must be a number > 0, was " + request.amortisedTokens()
            );
        }
        ModelLayers model = request.model();
        List<PlannerLayer> layers = model.layers();
        if (budget instanceof Budget.AcceptanceDrop) {
            SensitivityCalibration calibration = model
                .calibration()
                .orElseThrow(() ->
                    new QpartInputException(
                        model.model() +
                            " has no sensitivity calibration (" +
                            SensitivityCalibrationFile.FILE_NAME +
                            "), so a budget in acceptance has no meaning for it: calibrate it against its target first, or state the budget in QPART's uncalibrated noise measure"
                    )
                );
            layers = calibration.apply(layers);
        }
        DeviceProfile device = library
            .device(request.deviceId())
            .orElseThrow(() ->
                new QpartInputException(
                    "no device '" +
                        request.deviceId() +
                        "' in the profiles (devices: " +
                        ids(library.devices().stream().map(DeviceProfile::id).toList()) +
                        ")"
                )
            );
        DeviceThroughput throughput = DeviceThroughput.fromProfile(device, library);
        return new QpartProblem(
            model.model(),
            layers,
            model.fixedParameters(),
            request.bitWidths(),
            throughput,
            channel(request, library),
            budget.value()
        );
    }

    /** Plans {@code request} against {@code library}. */
    public static QpartPlan plan(Request request, ProfileLibrary library) throws QpartInputException {
        return QpartPlanner.plan(problem(request, library));
    }

    private static Channel channel(Request request, ProfileLibrary library) throws QpartInputException {
        Optional<NetworkProfile> network = Optional.empty();
        if (request.networkId().isPresent()) {
            String id = request.networkId().get();
            network = Optional.of(
                library
                    .network(id)
                    .orElseThrow(() ->
                        new QpartInputException(
                            "no network '" +
                                id +
                                "' in the profiles (networks: " +
                                ids(library.networks().stream().map(NetworkProfile::id).toList()) +
                                ")"
                        )
                    )
            );
        }
        double serverFlops = 0;
        if (request.serverId().isPresent()) {
            String id = request.serverId().get();
            ServerProfile server = library
                .server(id)
                .orElseThrow(() ->
                    new QpartInputException(
                        "no server '" +
                            id +
                            "' in the profiles (servers: " +
                            ids(library.servers().stream().map(ServerProfile::id).toList()) +
                            ")"
                    )
                );
            if (network.isEmpty()) {
                throw new QpartInputException(
                    "a server to split the drafter with needs a network to reach it: name a network profile too"
                );
            }
            serverFlops = serverFlopsPerSecond(server, library);
        }
        double megabit = 1e6 / 8;
        return new Channel(
            network.map(NetworkProfile::rttSeconds).orElse(0.0),
            network.map(n -> n.uplinkMegabitsPerSecond() * megabit).orElse(Double.POSITIVE_INFINITY),
            network.map(n -> n.downlinkMegabitsPerSecond() * megabit).orElse(Double.POSITIVE_INFINITY),
            serverFlops,
            request.amortisedTokens()
        );
    }

    /**
     * The server's throughput, FLOP/s: a target of P parameters decoding one token per {@code
     * targetStepSeconds} does 2·P FLOPs in that time; the fastest of the server's targets.
     */
    static double serverFlopsPerSecond(ServerProfile server, ProfileLibrary library)
        throws QpartInputException {
        double best = 0;
        for (ServedTarget served : server.targets()) {
            Optional<LanguageModel> target = library.target(served.target());
            if (target.isPresent() && served.targetStepSeconds().isPresent()) {
                best = Math.max(
                    best,
                    (2.0 * target.get().parameterCount()) / served.targetStepSeconds().getAsDouble()
                );
            }
        }
        if (best == 0) {
            throw new QpartInputException(
                "server '" + server.id() + "' serves no target the profiles describe, so its speed is unknown"
            );
        }
        return best;
    }

    private static String ids(List<String> ids) {
        return ids.isEmpty()
            ? "none"
            : ids.stream().sorted(Comparator.naturalOrder()).collect(Collectors.joining(", "));
    }
}
