package io.configspec.app.explorer.viewmodel;

import io.configspec.model.analysis.Scenario;
import java.util.List;

/** Which devices, drafters, quantisations and targets take part (empty = all), as in a scenario file. */
public record ScenarioSelection(
    List<String> devices,
    List<String> drafters,
    List<String> quantizations,
    List<String> targets
) {
    public static ScenarioSelection of(Scenario s) {
        return new ScenarioSelection(s.devices(), s.drafters(), s.quantizations(), s.targets());
    }

    public ScenarioSelection withDevices(List<String> v) {
        return new ScenarioSelection(v, drafters, quantizations, targets);
    }

    public ScenarioSelection withDrafters(List<String> v) {
        return new ScenarioSelection(devices, v, quantizations, targets);
    }

    public ScenarioSelection withQuantizations(List<String> v) {
        return new ScenarioSelection(devices, drafters, v, targets);
    }

    public ScenarioSelection withTargets(List<String> v) {
        return new ScenarioSelection(devices, drafters, quantizations, v);
    }

    /** {@code s} with this selection. */
    public Scenario applyTo(Scenario s) {
        return s.withSelection(devices, drafters, quantizations, targets);
    }
}
