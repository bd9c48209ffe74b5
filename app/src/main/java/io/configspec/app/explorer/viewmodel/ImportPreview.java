package io.configspec.app.explorer.viewmodel;

import io.configspec.model.imports.ImportPlan;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.service.DeviceAdoption;
import io.configspec.model.service.ProfileWorkspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an import will change, shown before anything changes (File › Import, drag and drop): per
 * file what it gives or why it is left out, and per imported device whether it reaches the chart
 * of the open scenario, how it can join it, or which configurations stay off and what measurement
 * each lacks. {@link LibraryViewModel#confirm} applies it as one undoable step.
 *
 * @param plan what the one import path ({@code Importers.readAll}) settled
 * @param base the library the preview was made against
 * @param added the files the import adds or replaces, with their JSON and documents
 * @param replaced the library's entries at those paths before (an import of a file already loaded)
 * @param candidate the scenario with the import applied, or empty when it does not load
 * @param failure why the import cannot be applied as a whole (one sentence), or empty
 * @param devices what each imported device gives the open scenario
 */
public record ImportPreview(
    ImportPlan plan,
    ProfileWorkspace base,
    Map<Path, ProfileWorkspace.Entry> added,
    Map<Path, ProfileWorkspace.Entry> replaced,
    Optional<ScenarioLoader.LoadedScenario> candidate,
    Optional<String> failure,
    List<DeviceReach> devices
) {
    public ImportPreview {
        added = Map.copyOf(added);
        replaced = Map.copyOf(replaced);
        devices = List.copyOf(devices);
    }

    /**
     * One imported device against the open scenario.
     *
     * @param deviceId its id
     * @param name its display name
     * @param configurations its (device, drafter, quantisation, target) combinations in the scenario as it is
     * @param adoption how it joins the scenario ({@link DeviceAdoption}) when it has no
     *     configuration there and joining gives it some
     * @param gained the combinations joining gives it (0 without an adoption)
     * @param leftOut its configurations that stay off the chart, each with the missing measurement
     *     and how to get it
     */
    public record DeviceReach(
        String deviceId,
        String name,
        int configurations,
        Optional<DeviceAdoption.Result> adoption,
        int gained,
        List<String> leftOut
    ) {
        public DeviceReach {
            leftOut = List.copyOf(leftOut);
        }

        /** One line for people. */
        public String summary() {
            if (configurations > 0) {
                return (
                    name +
                    ": " +
                    Numbers.count(configurations, "configuration", "configurations") +
                    " on the chart"
                );
            }
            if (adoption.isPresent()) {
                return (
                    name +
                    ": not in the open scenario; adding it puts " +
                    Numbers.count(gained, "configuration", "configurations") +
                    " on the chart. " +
                    adoption.get().note()
                );
            }
            return name + ": stays off the chart of the open scenario";
        }
    }

    /** Whether confirming changes anything. */
    public boolean canApply() {
        return failure.isEmpty() && !added.isEmpty();
    }

    /** Every line of the preview, for the dialog and the status: files, then devices. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        for (ImportPlan.FileOutcome o : plan.outcomes()) {
            String name = o.file().getFileName().toString();
            if (o.leftOut()) {
                out.add("✗ " + name + ": left out. " + o.reason().orElseThrow());
            } else {
                out.add("✓ " + name + " (" + o.format().orElse("?") + "): " + String.join("; ", o.gives()));
            }
        }
        failure.ifPresent(f -> out.add("✗ Nothing can be imported: " + f));
        for (DeviceReach d : devices) {
            out.add("→ " + d.summary());
            d.leftOut().forEach(l -> out.add("   • " + l));
        }
        plan.notes().forEach(n -> out.add("ℹ " + n));
        return out;
    }
}
