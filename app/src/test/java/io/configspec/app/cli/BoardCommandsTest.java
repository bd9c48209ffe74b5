package io.configspec.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.testing.SmallSampleFamily;
import io.configspec.model.io.ProfileLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The board commands: agent, twin, profile (exit codes and one-sentence errors). */
class BoardCommandsTest {

    @TempDir
    Path temp;

    private Path tinyConfig() throws Exception {
        Path file = temp.resolve("config.json");
        Files.writeString(
            file,
            """
            {"model_type": "llama", "num_hidden_layers": 2, "hidden_size": 64, "num_attention_heads": 4,
             "num_key_value_heads": 2, "intermediate_size": 128, "vocab_size": 200}
            """
        );
        return file;
    }

    @Test
    void twinWritesAnOnnxModelWithExternalData() throws Exception {
        Path out = temp.resolve("twin");

        CliRun r = CliRun.of(
            "twin",
            "--config",
            tinyConfig().toString(),
            "--precision",
            "int4",
            "--out",
            out.toString(),
            "--max-positions",
            "256"
        );

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.isRegularFile(out.resolve("model.onnx")));
        assertTrue(Files.isRegularFile(out.resolve("model.onnx.data")));
        assertTrue(r.out().contains("Wrote"), r.out());
    }

    @Test
    void anUnknownPresetIsBadInputInOneSentence() {
        CliRun r = CliRun.of(
            "twin",
            "--preset",
            "gpt-9",
            "--precision",
            "int8",
            "--out",
            temp.resolve("x").toString()
        );

        assertRefused(r, "no such preset");
        assertFalse(Files.exists(temp.resolve("x")));
    }

    @Test
    void aBadPrecisionIsBadInput() throws Exception {
        CliRun r = CliRun.of(
            "twin",
            "--config",
            tinyConfig().toString(),
            "--precision",
            "int3",
            "--out",
            temp.resolve("x").toString()
        );

        assertRefused(r, "int3");
    }

    @Test
    void agentRejectsAPortOutOfRange() {
        CliRun r = CliRun.of("agent", "--port", "70000");

        assertRefused(r, "--port");
    }

    @Test
    void agentRejectsAShortTokenFile() throws Exception {
        Path token = temp.resolve("token");
        Files.writeString(token, "short\n");

        CliRun r = CliRun.of("agent", "--port", "0", "--token-file", token.toString());

        assertRefused(r, "at least 16");
    }

    @Test
    void profilingATwinNeedsAPrecision() {
        CliRun r = CliRun.of("profile", "--twin", "qwen2.5-0.5b");

        assertRefused(r, "--precision");
    }

    @ParameterizedTest
    @ValueSource(strings = { "--layers=2", "--precision=int8" })
    void twinOptionsWithADrafterAreRefusedNamingTheTwinOption(String twinOption) {
        Path out = temp.resolve("profiles");

        CliRun r = CliRun.of("profile", "--drafter", "draft-1l-int8", twinOption, "--out", out.toString());

        String sentence = r.assertBadInput();
        assertTrue(
            sentence.contains("--layers and --precision describe an architecture twin and go with --twin"),
            sentence
        );
        assertFalse(sentence.contains("exactly one"), sentence);
        assertFalse(Files.exists(out));
    }

    @Test
    void profilingWithAMissingModelsFolderIsBadInputInOneSentence() {
        Path none = temp.resolve("no-models");
        Path out = temp.resolve("profiles");

        CliRun r = CliRun.of(
            "profile",
            "--drafter",
            "draft-1l-int8",
            "--models",
            none.toString(),
            "--idle-seconds",
            "0",
            "--out",
            out.toString()
        );

        String sentence = r.assertBadInput();
        assertTrue(sentence.startsWith(none + ": models directory does not exist"), sentence);
        assertFalse(Files.exists(out));
    }

    @Test
    void profilingWithoutAPowerSensorWritesAProfileWithoutPowerOrWithTheGivenOne() throws Exception {
        Path models = SmallSampleFamily.generate(temp.resolve("models"));
        Path emptyRoot = Files.createDirectories(temp.resolve("no-sensors"));
        String[] common = quickProfile(models, emptyRoot, "1,2");

        Path withoutPower = temp.resolve("without-power");
        CliRun unpowered = CliRun.of(concat(common, "--out", withoutPower.toString()));
        assertEquals(0, unpowered.exitCode(), unpowered.err());
        assertTrue(unpowered.out().contains("Power: not measured"), unpowered.out());
        String device = Files.readString(withoutPower.resolve("device.json"));
        assertFalse(device.contains("powerWatts"), "no invented watt: " + device);
        assertTrue(
            ProfileLoader.load(List.of(withoutPower))
                .library()
                .devices()
                .iterator()
                .next()
                .drafting()
                .getFirst()
                .powerWatts()
                .isEmpty()
        );

        CliRun refused = CliRun.of(
            concat(common, "--out", temp.resolve("refused").toString(), "--power-watts", "-3")
        );
        assertRefused(refused, "--power-watts must be a positive number of watts");
        assertTrue(Files.notExists(temp.resolve("refused")), "a refused run writes nothing");

        Path out = temp.resolve("measured");
        CliRun given = CliRun.of(
            concat(common, "--out", out.toString(), "--power-watts", "4.5", "--idle-watts", "2.0")
        );
        assertEquals(0, given.exitCode(), given.err());
        assertTrue(Files.readString(out.resolve("device.json")).contains("\"illustrative\""));
        // The measured profiles load as a library together.
        assertEquals(1, ProfileLoader.load(List.of(out)).library().devices().size());
    }

    /**
     * Issue 19: a board measured without power is recommended on goodput and cost; energy leaves
     * it out with one clear line, never a NaN ranking.
     */
    @Test
    void aDeviceWithoutPowerIsRecommendedOnGoodputAndLeftOutOfEnergyWithOneLine() throws Exception {
        Path models = SmallSampleFamily.generate(temp.resolve("models"));
        Path profiles = temp.resolve("profiles");
        Path board = Files.createDirectories(temp.resolve("pi/proc/device-tree")).getParent().getParent();
        Files.writeString(board.resolve("proc/device-tree/model"), "Raspberry Pi 4 Model B Rev 1.4\0");
        CliRun profiled = CliRun.of(
            concat(
                quickProfile(models, board, "1,2,4"),
                "--target",
                SmallSampleFamily.target(),
                "--prompts",
                "2",
                "--out",
                profiles.toString()
            )
        );
        assertEquals(0, profiled.exitCode(), profiled.err());
        String device = ProfileLoader.load(List.of(profiles)).library().devices().iterator().next().id();
        Path scenario = temp.resolve("scenario.json");
        Files.writeString(
            scenario,
            """
            {"schemaVersion": 1, "kind": "scenario", "id": "measured", "name": "Measured board",
             "profiles": ["profiles"], "server": "local-%s", "k": {"min": 1, "max": 4},
             "objectives": ["goodput", "cost", "energy"], "pricing": "gpu-time", "energy": "drafting-only"}
            """.formatted(device)
        );

        CliRun recommend = CliRun.of("recommend", "--scenario", scenario.toString());
        CliRun pareto = CliRun.of("pareto", "--scenario", scenario.toString());

        assertEquals(0, recommend.exitCode(), recommend.err());
        assertTrue(recommend.out().contains("Best goodput: " + device), recommend.out());
        assertFalse(recommend.out().contains("Best energy"), recommend.out());
        assertFalse(recommend.out().contains("NaN"), recommend.out());
        assertTrue(recommend.out().contains("power not measured"), recommend.out());
        String line = "Energy not measured for Raspberry Pi";
        assertEquals(1, recommend.out().split(line, -1).length - 1, recommend.out());
        assertTrue(
            recommend.out().contains("4 configurations are left out of energy objectives"),
            recommend.out()
        );
        assertEquals(0, pareto.exitCode(), pareto.err());
        assertEquals(1, pareto.out().split(line, -1).length - 1, pareto.out());
        assertFalse(pareto.out().contains("NaN"), pareto.out());
    }

    /** Issue 19 item 13: "799.2 ± 1166.5 tokens/s" says the interval is wider than the value. */
    @Test
    void theSummarySaysWhenAnIntervalIsWiderThanTheValue() {
        io.configspec.engine.measure.SampleStatistics round =
            new io.configspec.engine.measure.SampleStatistics(3, 0.0025, 0.001, 0.002);
        io.configspec.engine.measure.ProfilingResult result =
            new io.configspec.engine.measure.ProfilingResult(
                "test",
                java.time.LocalDate.of(2026, 12, 3),
                new io.configspec.engine.sensors.BoardInfo("Test board", "CPU", 2, 1L << 30, "amd64"),
                null,
                "draft-1l-int8",
                "int8",
                "configspec-sample",
                null,
                null,
                Double.NaN,
                0,
                Double.NaN,
                Double.NaN,
                0,
                List.of(
                    new io.configspec.engine.measure.DraftingCell(
                        32,
                        2,
                        round,
                        new io.configspec.engine.measure.SampleStatistics(3, 799.2, 469.6, 1166.5),
                        30
                    ),
                    new io.configspec.engine.measure.DraftingCell(
                        32,
                        4,
                        round,
                        new io.configspec.engine.measure.SampleStatistics(3, 1600, 10, 25),
                        30
                    )
                ),
                new io.configspec.model.measurement.DraftingFit(800, 0, 0),
                List.of(),
                null
            );
        StringWriter text = new StringWriter();

        ProfileCommand.printSummary(new PrintWriter(text), result);

        String out = text.toString();
        assertTrue(out.contains("799.2 ± 1166.5 (!)"), out);
        assertFalse(out.contains("1600.0 ± 25.0 (!)"), out);
        assertTrue(out.contains("1 of 2 intervals are wider than the value itself"), out);
    }

    /**
     * {@code profile} of the small family's drafter on the board under {@code sysfsRoot} at the
     * speculative lengths {@code k}, with the fewest rounds, repetitions, warm-up and idle time.
     */
    private static String[] quickProfile(Path models, Path sysfsRoot, String k) {
        return new String[] {
            "profile",
            "--drafter",
            SmallSampleFamily.DRAFTER,
            "--models",
            models.toString(),
            "--sysfs-root",
            sysfsRoot.toString(),
            "--k",
            k,
            "--rounds",
            "2",
            "--repetitions",
            "2",
            "--warmup",
            "1",
            "--idle-seconds",
            "0.1",
        };
    }

    /** Exit 2 (bad input) with an error that names {@code named}. */
    private static void assertRefused(CliRun run, String named) {
        assertTrue(run.assertBadInput().contains(named), run.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
