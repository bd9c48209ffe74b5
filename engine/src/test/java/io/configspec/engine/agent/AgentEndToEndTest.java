package io.configspec.engine.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.engine.measure.BoardProfiler;
import io.configspec.engine.measure.MeasuredProfiles;
import io.configspec.engine.measure.OnnxModelProvider;
import io.configspec.engine.measure.ProfilingRequest;
import io.configspec.engine.measure.ProfilingResult;
import io.configspec.engine.net.BearerToken;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.samplemodels.Precision;
import io.configspec.engine.samplemodels.SampleFamily;
import io.configspec.engine.sensors.SensorOptions;
import io.configspec.engine.sensors.SensorSnapshot;
import io.configspec.engine.sensors.SensorSuite;
import io.configspec.engine.sensors.SysfsReader;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.Objective;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.Provenance;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileDocument;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.pareto.ParetoFront;
import io.configspec.model.testing.FileTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance 1: on loopback, an agent on a (fixture) Jetson streams readings, profiles the
 * sample family, and the result becomes a device profile that the core loads and that changes
 * the Pareto front.
 */
class AgentEndToEndTest {

    private static final String TOKEN = "end-to-end-token-0123456789";

    @TempDir
    Path temp;

    @Test
    void streamProfileLoadAndChangeTheFront() throws Exception {
        // A small sample family: a 4-layer target and a 1-layer int8 drafter.
        Path models = temp.resolve("models");
        SampleFamily.Spec spec = SampleFamily.Spec.defaults().withMembers(
            4,
            List.of(1),
            List.of(Precision.INT8)
        );
        SampleFamily.generate(models, spec);
        String drafter = SampleFamily.drafterName(1, Precision.INT8);
        String target = SampleFamily.targetName(spec);

        Path board = copyJetsonFixture();
        SensorSuite suite = SensorSuite.detect(new SysfsReader(board), c -> "", SensorOptions.defaults());
        BoardProfiler profiler = new BoardProfiler(
            new OnnxModelProvider(models, temp.resolve("twins"), EngineOptions.defaults())
        );
        JobRunner runner = (request, context) -> profiler.run(request, context).toJson();

        try (
            BoardAgent agent = BoardAgent.start(
                AgentConfig.loopback(0, BearerToken.of(TOKEN)),
                suite,
                runner
            );
            AgentClient client = new AgentClient("127.0.0.1", agent.port(), TOKEN)
        ) {
            AgentInfo info = client.info();
            assertEquals("NVIDIA Jetson Orin Nano Developer Kit", info.board().boardName());
            assertEquals("jetson-ina3221", info.powerSources().getFirst().id());

            // At least 20 streamed readings.
            List<SensorSnapshot> readings = new CopyOnWriteArrayList<>();
            CountDownLatch ended = new CountDownLatch(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            client.stream(20, 22, readings::add, t -> {
                failure.set(t);
                ended.countDown();
            });
            assertTrue(ended.await(20, TimeUnit.SECONDS));
            assertNull(failure.get());
            assertEquals(22, readings.size());
            assertEquals(5.080 * 1.080, readings.getLast().powerWatts(), 1e-9);

            // A small profiling job with the sample family.
            ProfilingRequest request = ProfilingRequest.forDrafter(drafter)
                .withTarget(target)
                .withKValues(List.of(1, 2, 4))
                .withContextLengths(List.of(16))
                .withRounds(1, 4, 2)
                .withIdleSeconds(0.2)
                .withVerification(List.of(1, 2), 3);
            JobStatus started = client.startJob(request);
            List<Double> progress = new CopyOnWriteArrayList<>();
            JobStatus done = client.awaitJob(
                started.id(),
                Duration.ofSeconds(120),
                Duration.ofMillis(50),
                s -> progress.add(s.progress())
            );
            assertEquals(JobState.SUCCEEDED, done.state(), done.message());
            assertEquals(1.0, progress.getLast());

            ProfilingResult result = ProfilingResult.fromJson(done.result());
            assertEquals(drafter, result.drafter());
            assertEquals("int8", result.quantization());
            assertEquals(3, result.cells().size());
            assertEquals(5.080 * 1.080, result.draftingWatts(), 1e-9);
            assertTrue(
                result.acceptance().pooledAlpha() > 0,
                "the sample drafter agrees with its target sometimes"
            );
            assertEquals(6, result.verification().size(), "K in {1, 2, 4} x batch in {1, 2}");
            assertTrue(
                result
                    .verification()
                    .stream()
                    .allMatch(v -> v.seconds().mean() > 0)
            );

            // The measured profiles load with the shipped library, beside an illustrative board.
            Path measured = temp.resolve("library/measured");
            MeasuredProfiles.write(
                measured,
                List.of(result),
                null,
                MeasuredProfiles.Options.forBoard(result.board().boardName())
            );
            DeviceProfile device = ((ProfileDocument.DeviceDocument) ProfileCodec.read(
                    measured.resolve("device.json")
                )).device();
            assertEquals("nvidia-jetson-orin-nano-developer-kit-measured", device.id());
            assertTrue(device.provenance() instanceof Provenance.Measured);
            assertEquals(5.080 * 1.080, device.idlePowerWatts().orElseThrow(), 1e-9);

            Path illustrative = temp.resolve("library/illustrative");
            Files.createDirectories(illustrative);
            Files.writeString(illustrative.resolve("slow-board.json"), illustrativeBoard(drafter));
            Set<String> frontWithout = frontDevices(
                scenario(
                    "without.json",
                    List.of(
                        "illustrative",
                        "measured/models.json",
                        "measured/alignment.json",
                        "measured/server.json"
                    )
                )
            );
            Set<String> frontWith = frontDevices(scenario("with.json", List.of("illustrative", "measured")));

            assertEquals(Set.of("slow-board"), frontWithout);
            assertNotEquals(frontWithout, frontWith);
            assertTrue(frontWith.contains(device.id()), frontWith.toString());
            assertFalse(agent.jobs().running().isPresent());
        }
    }

    private Path scenario(String name, List<String> profiles) throws Exception {
        Path file = temp.resolve("library").resolve(name);
        String list = profiles
            .stream()
            .map(p -> "\"" + p + "\"")
            .collect(Collectors.joining(", "));
        Files.writeString(
            file,
            """
            {"schemaVersion": 1, "kind": "scenario", "id": "e2e", "name": "end to end",
             "profiles": [%s, "../../../samples/profiles/illustrative/networks"],
             "server": "local-nvidia-jetson-orin-nano-developer-kit-measured", "network": "wifi-lan",
             "k": {"min": 1, "max": 8}, "objectives": ["goodput", "energy"],
             "pricing": "gpu-time", "energy": "drafting-only", "workload": {"contextTokens": 0, "batchSize": 1}}
            """.formatted(list)
        );
        return file;
    }

    private Set<String> frontDevices(Path scenarioFile) throws Exception {
        Path copy = Files.copy(
            scenarioFile,
            scenarioFile.resolveSibling("resolved-" + scenarioFile.getFileName())
        );
        // Profiles are relative to the scenario; the shipped networks live in the repository.
        String text = Files.readString(copy).replace(
            "../../../samples/profiles/illustrative/networks",
            samplesNetworks().toString()
        );
        Files.writeString(copy, text);
        EvaluatedSpace space = ScenarioLoader.load(copy).space().evaluate();
        int[] front = ParetoFront.nonDominated(
            new double[][] { space.column(Objective.GOODPUT), space.column(Objective.TOKENS_PER_JOULE) },
            new boolean[] { true, true }
        );
        Set<String> devices = new TreeSet<>();
        for (int i : front) {
            devices.add(space.configuration(i).device());
        }
        return devices;
    }

    private static Path samplesNetworks() {
        Path here = Path.of("").toAbsolutePath();
        Path candidate = here.resolve("../samples/profiles/illustrative/networks").normalize();
        return Files.isDirectory(candidate)
            ? candidate
            : here.resolve("samples/profiles/illustrative/networks");
    }

    private static String illustrativeBoard(String drafter) {
        return """
        {"schemaVersion": 1, "kind": "device", "id": "slow-board", "name": "A slow, power-hungry board",
         "deviceKind": "other", "cpu": "unknown", "memoryGiB": 4, "idlePowerWatts": 20,
         "provenance": {"kind": "illustrative", "note": "test baseline"},
         "drafting": [{"drafter": "%s", "quantization": "int8", "tokensPerSecond": 0.5, "powerWatts": 60}]}
        """.formatted(drafter);
    }

    private Path copyJetsonFixture() throws Exception {
        Path from = Path.of(getClass().getResource("/boards/jetson-orin-nano").toURI());
        return FileTrees.copy(from, temp.resolve("board"));
    }
}
