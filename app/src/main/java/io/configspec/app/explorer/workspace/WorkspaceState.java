package io.configspec.app.explorer.workspace;

import io.configspec.model.domain.DomainShare;
import io.configspec.model.domain.FieldChecks;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to reopen the explorer as the user left it: the scenario, imported and
 * edited profiles, what-if values, chart settings, selection, table settings and window layout.
 * Saved as JSON ({@code .cswork}); also the content of the autosave used for crash recovery.
 *
 * @param schemaVersion file format version, {@value #SCHEMA_VERSION}
 * @param scenarioFile scenario file the workspace starts from (absolute path), or null
 * @param importedFiles profile files imported on top of the scenario's library (absolute paths)
 * @param editedProfiles edited profile documents not yet saved to their files: path → JSON text
 * @param whatIf slider values by slider key (see {@code WhatIfSlider})
 * @param xAxis objective CLI name on the horizontal axis
 * @param yAxis objective CLI name on the vertical axis
 * @param xLog whether the horizontal axis is logarithmic
 * @param yLog whether the vertical axis is logarithmic
 * @param colourBy what colours the points: device, drafter, quantization or k
 * @param selected selected configuration as "device|drafter|quantization|target|k", or null
 * @param paretoOnly table shows only the front
 * @param filter table filter text
 * @param darkTheme dark theme on
 * @param window window x, y, width, height (empty when unknown)
 * @param dividers split pane divider positions, left to right
 * @param scenarioEdits the scenario as changed in the explorer (selection, workload mix), or null
 *     for the scenario as its file says (workspaces written before it had this field)
 */
public record WorkspaceState(
    int schemaVersion,
    String scenarioFile,
    List<String> importedFiles,
    Map<String, String> editedProfiles,
    Map<String, Double> whatIf,
    String xAxis,
    String yAxis,
    boolean xLog,
    boolean yLog,
    String colourBy,
    String selected,
    boolean paretoOnly,
    String filter,
    boolean darkTheme,
    List<Double> window,
    List<Double> dividers,
    ScenarioEdits scenarioEdits
) {
    public static final int SCHEMA_VERSION = 1;

    /**
     * What the Scenario tab changed: which devices, drafters, quantisations and targets take part
     * (empty = all) and the workload mix (empty = the scenario has none).
     */
    public record ScenarioEdits(
        List<String> devices,
        List<String> drafters,
        List<String> quantizations,
        List<String> targets,
        List<DomainShare> mix
    ) {
        public ScenarioEdits {
            devices = FieldChecks.list("scenarioEdits.devices", devices);
            drafters = FieldChecks.list("scenarioEdits.drafters", drafters);
            quantizations = FieldChecks.list("scenarioEdits.quantizations", quantizations);
            targets = FieldChecks.list("scenarioEdits.targets", targets);
            mix = FieldChecks.list("scenarioEdits.mix", mix);
        }
    }

    public WorkspaceState {
        importedFiles = FieldChecks.list("importedFiles", importedFiles);
        editedProfiles = editedProfiles == null ? Map.of() : Map.copyOf(editedProfiles);
        whatIf = whatIf == null ? Map.of() : Map.copyOf(whatIf);
        window = FieldChecks.list("window", window);
        dividers = FieldChecks.list("dividers", dividers);
        filter = filter == null ? "" : filter;
    }
}
