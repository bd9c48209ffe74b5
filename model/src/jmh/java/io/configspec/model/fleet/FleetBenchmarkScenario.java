package io.configspec.model.fleet;

import io.configspec.model.io.ProfileException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads {@code samples/scenarios/fleet.json} from the repository for the fleet benchmarks. */
final class FleetBenchmarkScenario {

    private FleetBenchmarkScenario() {}

    static FleetScenario load() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("samples/scenarios/fleet.json");
            if (Files.isRegularFile(candidate)) {
                try {
                    return FleetScenarioFile.load(candidate).scenario();
                } catch (ProfileException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
            "samples/scenarios/fleet.json not found above " + Path.of("").toAbsolutePath()
        );
    }
}
