package io.configspec.app.explorer.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.engine.agent.AgentClient;
import io.configspec.engine.agent.AgentException;
import io.configspec.engine.measure.ProfilingRequest;
import io.configspec.engine.onnx.ModelCatalog;
import io.configspec.engine.sensors.CommandRunner;
import io.configspec.engine.sensors.SensorOptions;
import io.configspec.engine.sensors.SensorSuite;
import io.configspec.engine.sensors.SysfsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Profile this machine" runs the same agent as a board, with the same guards: a job naming a
 * model this machine does not have is refused at submission (400, the field named), before
 * anything runs (issue 20).
 */
class LocalBoardTest {

    @Test
    void aJobNamingAMissingModelIsRefusedAtSubmissionNamingTheField(@TempDir Path temp) throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        Path models = SampleModels.directory(home, temp.resolve("cache"));
        String present = ModelCatalog.scan(models).entries().getFirst().name();
        SensorSuite sensors = SensorSuite.detect(
            new SysfsReader(Files.createDirectories(temp.resolve("sys"))),
            CommandRunner.none(),
            SensorOptions.defaults()
        );
        try (
            LocalBoard board = LocalBoard.start(sensors, models, temp.resolve("twins"));
            AgentClient client = new AgentClient(
                board.settings().host(),
                board.settings().port(),
                board.settings().token()
            )
        ) {
            AgentException drafter = assertThrows(AgentException.class, () ->
                client.startJob(ProfilingRequest.forDrafter("no-such-drafter"))
            );
            AgentException target = assertThrows(AgentException.class, () ->
                client.startJob(ProfilingRequest.forDrafter(present).withTarget("no-such-target"))
            );

            assertEquals(400, drafter.status());
            assertTrue(drafter.getMessage().contains("'drafter'"), drafter.getMessage());
            assertTrue(drafter.getMessage().contains("no-such-drafter"), drafter.getMessage());
            assertEquals(400, target.status());
            assertTrue(target.getMessage().contains("'target'"), target.getMessage());
            assertNull(client.info().runningJob(), "nothing was started");
        }
    }
}
