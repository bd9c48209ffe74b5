package io.configspec.app.cli;

import io.configspec.model.analysis.SpaceSize;
import io.configspec.model.fleet.FleetScenarioFile;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileDocument;
import io.configspec.model.io.ProfileException;
import io.configspec.model.io.ProfileLoader;
import io.configspec.model.io.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code configspec validate FILE...}: checks profile and scenario files. A scenario is checked
 * with the profiles it names and its configuration space; a directory is checked as one profile
 * library (references between its files included); a single profile file is checked alone.
 * Fleet scenarios ({@code fleet-scenario}) are checked by their own reader. Prints one line per
 * file; exit 2 if any is bad.
 */
@Command(
    name = "validate",
    description = "Check profile and scenario files (a directory is checked as one profile library)."
)
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
        arity = "1..*",
        paramLabel = "FILE",
        description = "Profile or scenario files, or profile directories."
    )
    List<Path> files;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        int bad = 0;
        for (Path file : files) {
            try {
                out.println("ok      " + file + " (" + check(file) + ")");
            } catch (ProfileException e) {
                err.println(e.getMessage());
                bad++;
            }
        }
        out.flush();
        err.flush();
        return bad == 0 ? ConfigSpecCli.OK : ConfigSpecCli.BAD_INPUT;
    }

    private static String check(Path file) throws ProfileException {
        if (Files.isDirectory(file)) {
            var library = ProfileLoader.load(List.of(file)).library();
            return (
                "profile library: " +
                library.devices().size() +
                " devices, " +
                library.drafters().size() +
                " drafters, " +
                library.targets().size() +
                " targets, " +
                library.alignments().size() +
                " alignments, " +
                library.servers().size() +
                " servers, " +
                library.networks().size() +
                " networks"
            );
        }
        ProfileDocument document = ProfileCodec.read(file);
        if (document instanceof ProfileDocument.FleetScenarioDocument) {
            var fleet = FleetScenarioFile.load(file).scenario();
            return "fleet scenario " + document.id() + ": " + fleet.deviceMix().size() + " device kinds";
        }
        if (document instanceof ProfileDocument.ScenarioDocument) {
            var loaded = ScenarioLoader.load(file);
            var size = loaded.space().sizeOf(loaded.scenario().whatIf());
            int omitted = loaded.space().omitted().size();
            return (
                "scenario " +
                document.id() +
                ": " +
                size.configurations() +
                " configurations (about " +
                SpaceSize.inWords(size.totalBytes()) +
                " of memory to evaluate them with their front" +
                (size.fits(SpaceSize.availableHeapBytes())
                    ? ""
                    : "; more than this Java has: pareto, recommend and the explorer would refuse it") +
                ")" +
                (omitted == 0
                    ? ""
                    : "; " +
                      omitted +
                      " combinations skipped for a missing drafting measurement or alignment")
            );
        }
        return document.kind() + " " + document.id();
    }
}
