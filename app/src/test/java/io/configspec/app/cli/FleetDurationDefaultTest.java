package io.configspec.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.concurrent.SynchronousTaskExecutor;
import io.configspec.app.explorer.fleet.FleetViewModel;
import io.configspec.model.fleet.FleetSimulator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One default for the simulated period in both faces (issue 19, item 12): the Fleet tab opened
 * with 60 s and {@code fleet-report} ran 120 s, with different results and no word of why.
 */
class FleetDurationDefaultTest {

    @ParameterizedTest
    @ValueSource(strings = { "fleet", "capacity", "fleet-report" })
    void theFleetTabAndTheCommandsStartFromTheSameSimulatedPeriod(String command) {
        double tab = new FleetViewModel(new SynchronousTaskExecutor()).settings().durationSeconds().get();
        assertEquals(FleetSimulator.DEFAULT_DURATION_SECONDS, tab, 0.0);
        CliRun help = CliRun.of(command, "--help");
        assertEquals(0, help.exitCode(), help.err());
        String oneLine = help.out().replaceAll("\\s+", " ");
        assertTrue(
            oneLine.contains("(default: " + (long) tab + ", as in the explorer's Fleet tab)"),
            oneLine
        );
    }
}
