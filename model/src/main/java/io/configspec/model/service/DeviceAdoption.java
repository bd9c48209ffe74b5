package io.configspec.model.service;

import io.configspec.model.analysis.PricingMode;
import io.configspec.model.analysis.Scenario;
import io.configspec.model.domain.AlignmentProfile;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.ProfileLibrary;
import io.configspec.model.domain.ServedTarget;
import io.configspec.model.domain.ServerProfile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Brings a newly measured (or imported) device into an open scenario so its configurations are
 * evaluated (issue 19): the device joins the scenario's selection, and so do the drafter,
 * quantisation and target it was measured with when the selection names others. When the
 * scenario's server serves none of the device's targets, the scenario moves to a server that
 * does (the device's own measured verifier first), under a pricing mode that server prices; the
 * note says so, since the devices verified only by the old server then leave the space.
 */
public final class DeviceAdoption {

    private DeviceAdoption() {}

    /**
     * @param scenario the scenario with the device in it
     * @param note one sentence for the user: what changed, or why nothing could
     * @param joined whether the device takes part in {@code scenario} (false: the note says why not)
     */
    public record Result(Scenario scenario, String note, boolean joined) {}

    /** The scenario with {@code deviceId} taking part, as far as the library allows. */
    public static Result adopt(ProfileLibrary library, Scenario scenario, String deviceId) {
        Optional<DeviceProfile> found = library.device(deviceId);
        if (found.isEmpty()) {
            return new Result(scenario, "The library has no device '" + deviceId + "'.", false);
        }
        DeviceProfile device = found.get();
        // The targets each drafting measurement has an acceptance for: what the device can draft for.
        List<Pairing> pairings = new ArrayList<>();
        for (DraftingMeasurement m : device.drafting()) {
            for (AlignmentProfile a : library.alignments()) {
                if (a.drafter().equals(m.drafter()) && a.quantization().equals(m.quantization())) {
                    pairings.add(new Pairing(m.drafter(), m.quantization(), a.target()));
                }
            }
        }
        if (pairings.isEmpty()) {
            return new Result(
                scenario,
                device.name() +
                    " has no acceptance profile for any drafter it was measured with, so it has no configuration to show; measure acceptance against a target (profile with a target) or import an alignment profile.",
                false
            );
        }
        ServerProfile server = library.server(scenario.server()).orElse(null);
        String note = "";
        PricingMode pricing = scenario.pricing();
        if (server == null || pairings.stream().noneMatch(p -> server.served(p.target()).isPresent())) {
            Optional<ServerProfile> other = serverFor(library, device, pairings);
            if (other.isEmpty()) {
                return new Result(
                    scenario,
                    device.name() +
                        " drafts for " +
                        targets(pairings) +
                        ", which no server in the library verifies; measure the target's verification (profile with a target) or import a server profile that serves it.",
                    false
                );
            }
            ServerProfile chosen = other.get();
            List<ServedTarget> served = pairings
                .stream()
                .map(p -> chosen.served(p.target()))
                .flatMap(Optional::stream)
                .toList();
            pricing = priced(served, scenario.pricing()) ? scenario.pricing() : otherMode(scenario.pricing());
            note =
                " It verifies on '" +
                chosen.name() +
                "' now, the server for " +
                targets(pairings) +
                (pricing != scenario.pricing() ? ", priced by " + pricingWord(pricing) : "") +
                "; devices whose targets that server does not serve leave the chart until you reopen the scenario.";
            scenario = scenario.withServer(chosen.id(), pricing);
        }
        ServerProfile verifying = library.server(scenario.server()).orElseThrow();
        List<Pairing> usable = pairings
            .stream()
            .filter(p -> verifying.served(p.target()).isPresent())
            .toList();
        Scenario adopted = scenario.withSelection(
            with(scenario.devices(), List.of(device.id())),
            with(scenario.drafters(), usable.stream().map(Pairing::drafter).toList()),
            with(scenario.quantizations(), usable.stream().map(Pairing::quantization).toList()),
            with(scenario.targets(), usable.stream().map(Pairing::target).toList())
        );
        String power = device
                .drafting()
                .stream()
                .allMatch(m -> m.powerWatts().isPresent())
            ? ""
            : " Its power is not measured: energy reads \"not measured\" and its configurations are left out of energy objectives.";
        return new Result(adopted, device.name() + " is in the scenario." + note + power, true);
    }

    private record Pairing(String drafter, String quantization, String target) {}

    /** A server serving one of the pairings' targets: the device's own local verifier first. */
    private static Optional<ServerProfile> serverFor(
        ProfileLibrary library,
        DeviceProfile device,
        List<Pairing> pairings
    ) {
        List<ServerProfile> candidates = new ArrayList<>(library.servers());
        candidates.sort((a, b) -> Boolean.compare(!ownVerifier(a, device), !ownVerifier(b, device)));
        return candidates
            .stream()
            .filter(s -> pairings.stream().anyMatch(p -> s.served(p.target()).isPresent()))
            .findFirst();
    }

    private static boolean ownVerifier(ServerProfile server, DeviceProfile device) {
        return server.id().equals("local-" + device.id());
    }

    private static boolean priced(List<ServedTarget> served, PricingMode mode) {
        return served
            .stream()
            .allMatch(t ->
                mode == PricingMode.TOKEN
                    ? t.dollarsPerMillionVerifiedTokens().isPresent()
                    : t.dollarsPerGpuHour().isPresent()
            );
    }

    private static PricingMode otherMode(PricingMode mode) {
        return mode == PricingMode.TOKEN ? PricingMode.GPU_TIME : PricingMode.TOKEN;
    }

    private static String pricingWord(PricingMode mode) {
        return mode == PricingMode.TOKEN ? "verified token" : "GPU time";
    }

    /** {@code selection} with {@code added} (an empty selection already selects all). */
    private static List<String> with(List<String> selection, List<String> added) {
        if (selection.isEmpty()) {
            return selection;
        }
        Set<String> all = new LinkedHashSet<>(selection);
        all.addAll(added);
        return List.copyOf(all);
    }

    private static String targets(List<Pairing> pairings) {
        return String.join(", ", pairings.stream().map(Pairing::target).distinct().toList());
    }
}
