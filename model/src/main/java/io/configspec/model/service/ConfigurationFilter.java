package io.configspec.model.service;

import io.configspec.model.analysis.Combination;
import io.configspec.model.analysis.ConfigurationSpace;
import io.configspec.model.analysis.Scenario;
import io.configspec.model.domain.InvalidFieldException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Which part of a scenario's space a question is about (the command line's {@code --device},
 * {@code --drafter} and {@code --target}): the space, its fronts and its recommendations are then
 * those of the matching configurations only. An empty list keeps every one.
 *
 * @param devices device ids to keep
 * @param drafters drafter ids to keep
 * @param targets target ids to keep
 */
public record ConfigurationFilter(List<String> devices, List<String> drafters, List<String> targets) {
    /** Keeps every configuration. */
    public static final ConfigurationFilter ALL = new ConfigurationFilter(List.of(), List.of(), List.of());

    public ConfigurationFilter {
        devices = List.copyOf(devices);
        drafters = List.copyOf(drafters);
        targets = List.copyOf(targets);
    }

    /** Whether this filter keeps every configuration. */
    public boolean keepsAll() {
        return devices.isEmpty() && drafters.isEmpty() && targets.isEmpty();
    }

    /** The options this filter uses, e.g. {@code --device and --target}, for messages. */
    public String options() {
        List<String> used = new java.util.ArrayList<>();
        if (!devices.isEmpty()) used.add("--device");
        if (!drafters.isEmpty()) used.add("--drafter");
        if (!targets.isEmpty()) used.add("--target");
        return String.join(" and ", used);
    }

    /**
     * The scenario narrowed to this filter, checked against the configurations {@code space} has.
     *
     * @throws InvalidFieldException naming the option ({@code --device} …) when an id is not among
     *     the space's, with the ids it has
     */
    public Scenario applyTo(ConfigurationSpace space) {
        Scenario scenario = space.scenario();
        if (keepsAll()) {
            return scenario;
        }
        List<Combination> combinations = space.combinations();
        check("--device", "device", devices, combinations, c -> c.device().id());
        check("--drafter", "drafter", drafters, combinations, c -> c.drafter().id());
        check("--target", "target", targets, combinations, c -> c.target().id());
        return scenario.withSelection(
            devices.isEmpty() ? scenario.devices() : devices,
            drafters.isEmpty() ? scenario.drafters() : drafters,
            scenario.quantizations(),
            targets.isEmpty() ? scenario.targets() : targets
        );
    }

    private static void check(
        String option,
        String kind,
        List<String> wanted,
        List<Combination> combinations,
        Function<Combination, String> id
    ) {
        Set<String> known = new LinkedHashSet<>();
        combinations.forEach(c -> known.add(id.apply(c)));
        for (String w : wanted) {
            if (!known.contains(w)) {
                throw new InvalidFieldException(
                    option,
                    "names " +
                        kind +
                        " '" +
                        w +
                        "', which has no configuration in this scenario (it has: " +
                        String.join(", ", known) +
                        ")"
                );
            }
        }
    }
}
