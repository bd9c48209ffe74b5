package io.configspec.app.explorer.boards;

import io.configspec.engine.agent.AgentConfig;
import io.configspec.engine.agent.BoardAgent;
import io.configspec.engine.agent.JobRunner;
import io.configspec.engine.measure.DraftingCell;
import io.configspec.engine.measure.ModelProvider;
import io.configspec.engine.measure.ProfilingContext;
import io.configspec.engine.measure.ProfilingRequest;
import io.configspec.engine.measure.ProfilingResult;
import io.configspec.engine.measure.SampleStatistics;
import io.configspec.engine.net.BearerToken;
import io.configspec.engine.sensors.CommandRunner;
import io.configspec.engine.sensors.SensorOptions;
import io.configspec.engine.sensors.SensorSuite;
import io.configspec.engine.sensors.SysfsReader;
import io.configspec.model.measurement.DraftingFit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Boards the Boards tab's tests profile: a sysfs tree as a board's kernel shows it (read through
 * the real sensor detection), and the small measurement a test's agent job returns.
 */
final class FakeBoards {

    private FakeBoards() {}

    /**
     * Writes a board's thermal zone ({@code cpu-thermal} at {@code milliCelsius}) and its
     * device-tree model name under {@code root}; returns {@code root}.
     */
    static Path board(Path root, String modelName, String milliCelsius) throws IOException {
        Path zone = Files.createDirectories(root.resolve("sys/class/thermal/thermal_zone0"));
        Files.writeString(zone.resolve("type"), "cpu-thermal\n");
        Files.writeString(zone.resolve("temp"), milliCelsius + "\n");
        Files.createDirectories(root.resolve("proc/device-tree"));
        Files.writeString(root.resolve("proc/device-tree/model"), modelName + "\0");
        return root;
    }

    /** Adds CPU 0's current frequency, kHz, to the board under {@code root}. */
    static void cpuFrequency(Path root, String kiloHertz) throws IOException {
        Path cpu = Files.createDirectories(root.resolve("sys/devices/system/cpu/cpu0/cpufreq"));
        Files.writeString(cpu.resolve("scaling_cur_freq"), kiloHertz + "\n");
    }

    /** A real agent on loopback {@code port} (0: any) for the board under {@code root}, running {@code jobs}. */
    static BoardAgent agent(Path root, int port, String token, JobRunner jobs) throws IOException {
        return BoardAgent.start(AgentConfig.loopback(port, BearerToken.of(token)), sensors(root), jobs);
    }

    /** The sensors the real detection finds on the board under {@code root}. */
    static SensorSuite sensors(Path root) {
        return SensorSuite.detect(new SysfsReader(root), CommandRunner.none(), SensorOptions.defaults());
    }

    /**
     * A small measurement of the requested drafter (int8, 1 M parameters): one cell at context 32
     * and K 2 drafting 40 tokens/s, with the board's power as given ({@code powerSource} null and
     * NaN watts: the board has no power sensor).
     */
    static ProfilingResult measurement(
        ProfilingRequest request,
        ProfilingContext context,
        LocalDate date,
        String powerSource,
        double idleWatts,
        int idleSamples,
        double draftingWatts,
        double joulesPerToken
    ) {
        SampleStatistics round = new SampleStatistics(3, 0.05, 0.001, 0.002);
        SampleStatistics rate = new SampleStatistics(3, 40, 1, 2);
        return new ProfilingResult(
            "test",
            date,
            context.sensors().suite().boardInfo(),
            powerSource,
            request.drafterLabel(),
            "int8",
            "configspec-sample",
            new ModelProvider.ModelInfo(
                request.drafterLabel(),
                "configspec-sample",
                "int8",
                1_000_000,
                2_000_000
            ),
            null,
            idleWatts,
            idleSamples,
            draftingWatts,
            joulesPerToken,
            20,
            List.of(new DraftingCell(32, 2, round, rate, 18)),
            new DraftingFit(40, 0, 0),
            List.of(),
            null
        );
    }
}
