package io.configspec.model.io;

import io.configspec.model.analysis.ConfigurationSpace;
import io.configspec.model.analysis.Scenario;
import io.configspec.model.domain.AlignmentProfile;
import io.configspec.model.domain.InvalidFieldException;
import io.configspec.model.domain.ProfileLibrary;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads a scenario file, the profiles it names (paths relative to the scenario file's directory)
 * and enumerates its configuration space. Every problem, in the scenario or in a profile, is a
 * {@link ProfileException} naming the file at fault.
 */
public final class ScenarioLoader {

    /**
     * A loaded scenario, ready to evaluate.
     *
     * @param file the scenario file
     * @param scenario its content
     * @param profiles the profile library it loaded, with the source file of each profile
     * @param space its configuration space
     */
    public record LoadedScenario(
        Path file,
        Scenario scenario,
        ProfileLoader.LoadedLibrary profiles,
        ConfigurationSpace space
    ) {
        public ProfileLibrary library() {
            return profiles.library();
        }

        /**
         * The same file and profiles with {@code changed} (another selection, mix or device set):
         * its configuration space enumerated again.
         *
         * @throws io.configspec.model.domain.InvalidFieldException when the library cannot give
         *     {@code changed} a space (an unmeasured domain, nothing selected…)
         */
        public LoadedScenario with(Scenario changed) {
            return new LoadedScenario(file, changed, profiles, ConfigurationSpace.of(library(), changed));
        }
    }

    private ScenarioLoader() {}

    public static LoadedScenario load(Path file) throws ProfileException {
        Scenario scenario = ProfileCodec.read(file, ProfileDocument.ScenarioDocument.class).scenario();
        ProfileLoader.LoadedLibrary profiles = ProfileLoader.loadReferenced(file, scenario.profiles());
        ConfigurationSpace space;
        try {
            space = ConfigurationSpace.of(profiles.library(), scenario);
        } catch (ConfigurationSpace.UnmeasuredKException e) {
            AlignmentProfile a = e.alignment();
            Path table = profiles
                .sources()
                .get("alignment:" + a.drafter() + "/" + a.quantization() + "/" + a.target());
            throw ProfileException.atField(
                file,
                e.field(),
                e.problemAt(
                    table == null
                        ? "the acceptanceByK of its entries for the workload mix's domains"
                        : table + ", acceptanceByK"
                )
            );
        } catch (InvalidFieldException e) {
            throw ProfileException.atField(file, e.field(), e.problem());
        }
        return new LoadedScenario(file, scenario, profiles, space);
    }
}
