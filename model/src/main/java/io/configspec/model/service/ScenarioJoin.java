package io.configspec.model.service;

import io.configspec.model.analysis.Combination;
import io.configspec.model.analysis.ConfigurationSpace;
import io.configspec.model.analysis.PricingMode;
import io.configspec.model.analysis.Scenario;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.InvalidFieldException;
import io.configspec.model.domain.ProfileLibrary;
import io.configspec.model.domain.ServerProfile;
import io.configspec.model.domain.TargetModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a device of the library that has no configuration in a scenario can join it: the scenario
 * with the device selected (and its drafters and quantisations, where the scenario names some), and,
 * when the scenario's server verifies none of the targets the device's drafters pair with, verified
 * by a library server that does (priced by GPU time when that server states no per-token price).
 * A newly measured or imported device reaches the chart this way, on the user's one click.
 *
 * @param deviceId the device
 * @param scenario the scenario it joins
 * @param changes what changes in the scenario, one sentence each, for people
 * @param configurations (device, drafter, quantisation, target) combinations it gains, ≥ 1
 */
public record ScenarioJoin(String deviceId, Scenario scenario, List<String> changes, int configurations) {
    public ScenarioJoin {
        Objects.requireNonNull(deviceId, "deviceId");
        Objects.requireNonNull(scenario, "scenario");
        changes = List.copyOf(changes);
    }

    /**
     * How {@code deviceId} can join {@code scenario}; empty when it has configurations there
     * already, or when no change of selection or server gives it one.
     */
    public static Optional<ScenarioJoin> of(ProfileLibrary library, Scenario scenario, String deviceId) {
        DeviceProfile device = library.device(deviceId).orElse(null);
        if (device == null || count(library, scenario, deviceId) > 0) {
            return Optional.empty();
        }
        List<String> changes = new ArrayList<>();
        List<String> devices = scenario.devices();
        if (!devices.isEmpty()) {
            devices = append(devices, List.of(deviceId));
            changes.add("adds " + device.name() + " to the scenario's devices");
        }
        List<String> drafters = scenario.drafters().isEmpty()
            ? scenario.drafters()
            : append(
                  scenario.drafters(),
                  device.drafting().stream().map(DraftingMeasurement::drafter).toList()
              );
        List<String> quantizations = scenario.quantizations().isEmpty()
            ? scenario.quantizations()
            : append(
                  scenario.quantizations(),
                  device.drafting().stream().map(DraftingMeasurement::quantization).toList()
              );
        if (
            drafters.size() > scenario.drafters().size() ||
            quantizations.size() > scenario.quantizations().size()
        ) {
            changes.add("selects the drafters and quantisations measured on " + device.name());
        }
        Scenario joined = scenario.withSelection(devices, drafters, quantizations, scenario.targets());
        Set<String> families = new LinkedHashSet<>();
        for (DraftingMeasurement m : device.drafting()) {
            library.drafter(m.drafter()).ifPresent(d -> families.add(d.family()));
        }
        List<TargetModel> pairable = library
            .targets()
            .stream()
            .filter(t -> families.contains(t.family()))
            .filter(t -> scenario.targets().isEmpty() || scenario.targets().contains(t.id()))
            .toList();
        Optional<ServerProfile> server = library.server(scenario.server());
        boolean verified =
            server.isPresent() && pairable.stream().anyMatch(t -> server.get().served(t.id()).isPresent());
        if (!verified) {
            for (ServerProfile candidate : library.servers()) {
                List<String> served = pairable
                    .stream()
                    .map(TargetModel::id)
                    .filter(t -> candidate.served(t).isPresent())
                    .toList();
                if (served.isEmpty()) continue;
                boolean tokenPriced = served
                    .stream()
                    .allMatch(t ->
                        candidate.served(t).orElseThrow().dollarsPerMillionVerifiedTokens().isPresent()
                    );
                PricingMode pricing = scenario.pricing() == PricingMode.TOKEN && !tokenPriced
                    ? PricingMode.GPU_TIME
                    : scenario.pricing();
                Scenario attempt = joined.withServer(candidate.id(), pricing);
                if (count(library, attempt, deviceId) == 0) continue;
                changes.add(
                    "verifies with " +
                        candidate.name() +
                        " (" +
                        candidate.id() +
                        "), which serves " +
                        String.join(", ", served) +
                        ": the scenario's server " +
                        scenario.server() +
                        " verifies none of the targets " +
                        device.name() +
                        " drafts for"
                );
                if (pricing != scenario.pricing()) {
                    changes.add(
                        "prices verification by GPU time: " + candidate.id() + " states no per-token price"
                    );
                }
                int others =
                    count(library, scenario, null) -
                    count(library, attempt, null) +
                    count(library, attempt, deviceId);
                if (others > 0) {
                    changes.add(
                        others +
                            " configuration(s) of other devices leave the chart: that server does not verify their targets"
                    );
                }
                return Optional.of(
                    new ScenarioJoin(deviceId, attempt, changes, count(library, attempt, deviceId))
                );
            }
            return Optional.empty();
        }
        int gained = count(library, joined, deviceId);
        return gained == 0
            ? Optional.empty()
            : Optional.of(new ScenarioJoin(deviceId, joined, changes, gained));
    }

    /** Combinations of {@code deviceId} (all devices when null) in the scenario; 0 when it does not enumerate. */
    private static int count(ProfileLibrary library, Scenario scenario, String deviceId) {
        try {
            int n = 0;
            for (Combination c : ConfigurationSpace.of(library, scenario).combinations()) {
                if (deviceId == null || c.device().id().equals(deviceId)) n++;
            }
            return n;
        } catch (InvalidFieldException e) {
            return 0;
        }
    }

    private static List<String> append(List<String> list, List<String> more) {
        Set<String> all = new LinkedHashSet<>(list);
        all.addAll(more);
        return List.copyOf(all);
    }
}
