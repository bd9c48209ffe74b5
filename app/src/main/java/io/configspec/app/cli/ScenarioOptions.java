package io.configspec.app.cli;

import io.configspec.model.analysis.Objective;
import io.configspec.model.analysis.WhatIf;
import io.configspec.model.domain.DomainShare;
import io.configspec.model.domain.InvalidFieldException;
import io.configspec.model.io.ProfileException;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.service.ConfigurationFilter;
import io.configspec.model.service.ScenarioEvaluation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --scenario FILE}, {@code --set KEY=VALUE}, {@code --mix DOMAIN=SHARE,…} and the filters
 * {@code --device}, {@code --drafter} and {@code --target}: shared by every command that evaluates
 * a scenario ({@code sweep}, {@code pareto}, {@code recommend}, {@code export}, {@code report}).
 * Use as a picocli {@code @Mixin}.
 */
public final class ScenarioOptions {

    @Option(
        names = "--scenario",
        required = true,
        paramLabel = "FILE",
        description = "Scenario file (JSON); its profile paths are relative to it."
    )
    Path scenario;

    /** Repeatable, kept in the order given: a later value of a key replaces an earlier one. */
    @Option(
        names = "--set",
        paramLabel = "KEY=VALUE",
        description = "What-if override, repeatable (a later value of a key wins), e.g. verifySeconds=0.3, " +
            "alphaScale=0.9, rttSeconds=0.05, dollarsPerMillionTokens=0.5, kMin=1, kMax=12, pricing=gpu-time, " +
            "energy=whole-round, minGoodput=3, maxDollarsPerMillionTokens=1 (all keys: docs/file-format.md)."
    )
    List<String> settings = new ArrayList<>();

    @Option(
        names = "--device",
        paramLabel = "ID",
        split = ",",
        description = "Only configurations on these devices (ids, comma-separated or repeated)."
    )
    List<String> devices = new ArrayList<>();

    @Option(
        names = "--drafter",
        paramLabel = "ID",
        split = ",",
        description = "Only configurations with these drafters (ids)."
    )
    List<String> drafters = new ArrayList<>();

    @Option(
        names = "--target",
        paramLabel = "ID",
        split = ",",
        description = "Only configurations with these targets (ids)."
    )
    List<String> targets = new ArrayList<>();

    @Option(
        names = "--mix",
        paramLabel = "DOMAIN=SHARE",
        split = ",",
        description = "Workload mix in place of the scenario's: each domain's share of output tokens, summing to 1, " +
            "e.g. code=0.6,chat=0.3,maths=0.1 (every domain needs acceptance measured on it)."
    )
    List<String> mix = new ArrayList<>();

    /** The scenario file given. */
    public Path scenarioFile() {
        return scenario;
    }

    /** Loads the scenario and its profiles, with the {@code --mix} given (the space enumerated for it). */
    public ScenarioLoader.LoadedScenario load() throws ProfileException {
        ScenarioLoader.LoadedScenario loaded = ScenarioLoader.load(scenario);
        if (mix.isEmpty()) {
            return loaded;
        }
        List<DomainShare> shares = new ArrayList<>();
        for (String entry : mix) {
            int equals = entry.indexOf('=');
            if (equals <= 0) {
                throw new UserInputException(
                    "--mix " + entry + " must look like DOMAIN=SHARE (e.g. code=0.6)"
                );
            }
            String domain = entry.substring(0, equals).strip();
            String share = entry.substring(equals + 1).strip();
            try {
                shares.add(new DomainShare(domain, Double.parseDouble(share)));
            } catch (NumberFormatException e) {
                throw new UserInputException(
                    "--mix " + domain + " must be a share from 0 to 1 but is '" + share + "'"
                );
            } catch (InvalidFieldException e) {
                throw new UserInputException("--mix " + domain + " " + e.problem());
            }
        }
        try {
            return loaded.with(loaded.scenario().withMix(shares));
        } catch (InvalidFieldException e) {
            throw new UserInputException("--mix: " + e.field() + " " + e.problem());
        }
    }

    /**
     * The scenario's saved what-if with every {@code --set} applied in order.
     *
     * @throws UserInputException naming the key when it is unknown or its value invalid
     */
    public WhatIf whatIf(ScenarioLoader.LoadedScenario loaded) {
        WhatIf whatIf = loaded.scenario().whatIf();
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            if (equals <= 0) {
                throw new UserInputException("--set " + setting + " must look like KEY=VALUE");
            }
            try {
                whatIf = whatIf.with(setting.substring(0, equals).strip(), setting.substring(equals + 1));
            } catch (InvalidFieldException e) {
                throw new UserInputException("--set " + e.field() + " " + e.problem());
            }
        }
        return whatIf;
    }

    /** The {@code --device}, {@code --drafter} and {@code --target} filter. */
    public ConfigurationFilter filter() {
        return new ConfigurationFilter(devices, drafters, targets);
    }

    /** Loads, applies {@code --set} and the filters, and evaluates: what most commands need. */
    public ScenarioEvaluation evaluate() throws ProfileException {
        ScenarioLoader.LoadedScenario loaded = load();
        WhatIf whatIf = whatIf(loaded);
        return userInput(() -> ScenarioEvaluation.evaluate(loaded, whatIf, filter(), null));
    }

    /**
     * Like {@link #evaluate()}, streamed ({@link ScenarioEvaluation#scan}): memory follows the
     * fronts, not the space, so a space of any size is answered.
     *
     * @param fronts the fronts (lists of objectives) the command asks for besides goodput/cost/energy
     */
    public ScenarioEvaluation scan(List<List<Objective>> fronts) throws ProfileException {
        ScenarioLoader.LoadedScenario loaded = load();
        WhatIf whatIf = whatIf(loaded);
        return userInput(() -> ScenarioEvaluation.scan(loaded, whatIf, filter(), fronts));
    }

    private static ScenarioEvaluation userInput(java.util.function.Supplier<ScenarioEvaluation> evaluation) {
        try {
            return evaluation.get();
        } catch (InvalidFieldException e) {
            String field = e.field();
            throw new UserInputException(
                (field.startsWith("--") ? field : "--set " + field) + " " + e.problem()
            );
        }
    }
}
