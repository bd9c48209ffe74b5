package io.configspec.app.cli;

import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.WhatIf;
import io.configspec.model.domain.InvalidFieldException;
import io.configspec.model.io.ProfileException;
import io.configspec.model.io.ScenarioLoader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --scenario FILE} and {@code --set KEY=VALUE}: shared by every command that evaluates a
 * scenario ({@code sweep}, {@code pareto}, {@code recommend}). Use as a picocli {@code @Mixin}.
 */
public final class ScenarioOptions {

    @Option(
        names = "--scenario",
        required = true,
        paramLabel = "FILE",
        description = "Scenario file (JSON); its profile paths are relative to it."
    )
    Path scenario;

    @Option(
        names = "--set",
        paramLabel = "KEY=VALUE",
        description = "What-if override, repeatable, e.g. verifySeconds=0.3, alphaScale=0.9, rttSeconds=0.05, " +
            "dollarsPerMillionTokens=0.5, kMin=1, kMax=12, pricing=gpu-time, energy=whole-round, " +
            "minGoodput=3, maxDollarsPerMillionTokens=1 (all keys: docs/file-format.md)."
    )
    Map<String, String> settings = new LinkedHashMap<>();

    /** The scenario file given. */
    public Path scenarioFile() {
        return scenario;
    }

    /** Loads the scenario and its profiles. */
    public ScenarioLoader.LoadedScenario load() throws ProfileException {
        return ScenarioLoader.load(scenario);
    }

    /**
     * The scenario's saved what-if with every {@code --set} applied in order.
     *
     * @throws UserInputException naming the key when it is unknown or its value invalid
     */
    public WhatIf whatIf(ScenarioLoader.LoadedScenario loaded) {
        WhatIf whatIf = loaded.scenario().whatIf();
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            try {
                whatIf = whatIf.with(setting.getKey(), setting.getValue());
            } catch (InvalidFieldException e) {
                throw new UserInputException("--set " + e.field() + " " + e.problem());
            }
        }
        return whatIf;
    }

    /** Loads, applies {@code --set} and evaluates: what most commands need. */
    public Evaluation evaluate() throws ProfileException {
        ScenarioLoader.LoadedScenario loaded = load();
        WhatIf whatIf = whatIf(loaded);
        EvaluatedSpace space;
        try {
            space = loaded.space().evaluate(whatIf);
        } catch (InvalidFieldException e) {
            throw new UserInputException("--set " + e.field() + " " + e.problem());
        }
        return new Evaluation(loaded, whatIf, space);
    }

    /** A loaded and evaluated scenario. */
    public record Evaluation(ScenarioLoader.LoadedScenario loaded, WhatIf whatIf, EvaluatedSpace space) {}
}
