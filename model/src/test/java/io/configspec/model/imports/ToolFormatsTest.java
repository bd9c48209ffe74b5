package io.configspec.model.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.imports.ImportedMeasurements.Acceptance;
import io.configspec.model.imports.ImportedMeasurements.DraftingRate;
import io.configspec.model.imports.ImportedMeasurements.Goodput;
import io.configspec.model.imports.ImportedMeasurements.PowerDraw;
import io.configspec.model.io.JsonInput;
import io.configspec.model.io.ProfileException;
import io.configspec.model.testing.ImportFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each tool format on inputs of at least two versions (fixtures: src/test/resources/imports,
 * README there) and on malformed ones: one sentence naming the file, the line and the problem.
 */
class ToolFormatsTest {

    private static ImportedMeasurements measure(Path file, Optional<String> format) throws ProfileException {
        return ((Imported.Measurements) Importers.read(file, format)).facts();
    }

    private static Importer detect(Path file) throws ProfileException {
        return Importers.detect(file, JsonInput.readText(file));
    }

    @TempDir
    Path dir;

    private ImportedMeasurements read(String fixture) throws ProfileException {
        return measure(ImportFixtures.copy(fixture, dir), Optional.empty());
    }

    private ProfileException refused(String fixture) {
        Path file = ImportFixtures.copy(fixture, dir);
        return assertThrows(ProfileException.class, () -> measure(file, Optional.empty()));
    }

    /** Asserts that the fixture is refused with a message containing {@code fragment}. */
    private void assertRefusedSaying(String fixture, String fragment) {
        ProfileException e = refused(fixture);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    /** Asserts that the fixture is refused with a message ending in {@code ending}. */
    private void assertRefusedEndingWith(String fixture, String ending) {
        ProfileException e = refused(fixture);
        assertTrue(e.getMessage().endsWith(ending), e.getMessage());
    }

    private static DraftingRate drafting(ImportedMeasurements m, String id, String quantization) {
        return m
            .drafting()
            .stream()
            .filter(
                d ->
                    d.model().name().id().equals(id) &&
                    d.model().name().quantization().orElse("").equals(quantization)
            )
            .findFirst()
            .orElseThrow(() ->
                new AssertionError("no drafting rate for " + id + " " + quantization + " in " + m.drafting())
            );
    }

    @ParameterizedTest(name = "{0} is detected as {1}")
    @CsvSource(
        {
            "llama-bench/b5163-raspberry-pi-5.json, llama-bench",
            "llama-bench/b9251-jetson-orin-nano.jsonl, llama-bench",
            "llama-bench/b1956-raspberry-pi-4b.csv, llama-bench",
            "llama-bench/b1500-raspberry-pi-5.md, llama-bench",
            "llama-bench/b4589-raspberry-pi-5.md, llama-bench",
            "llama-server/completions-b4800.jsonl, llama-server",
            "llama-server/chat-b6500.json, llama-server",
            "llama-server/server-b4800.log, llama-server",
            "llama-server/server-b6500.log, llama-server",
            "vllm/metrics-v0.10.txt, vllm-metrics",
            "vllm/metrics-v0.6.txt, vllm-metrics",
            "vllm/server-v0.6.log, vllm-metrics",
            "vllm/server-v0.8.log, vllm-metrics",
            "vllm/server-v0.10.log, vllm-metrics",
            "tegrastats/orin-nano-jp6.log, tegrastats",
            "tegrastats/nano-jp4.log, tegrastats",
            "tegrastats/agx-orin-jp7.log, tegrastats",
            "jtop/jtop-4.2-orin-nano.csv, jtop",
            "jtop/jtop-3.1-xavier-nx.csv, jtop",
            "latency-profiler/rpi5-profile-19models.csv, llamacpp-latency-profiler",
            "latency-profiler/profile_results_2026-01-20_10-15-00.csv, llamacpp-latency-profiler",
        }
    )
    void everyFixtureIsDetectedAsItsOwnFormatOnly(String fixture, String format) throws ProfileException {
        assertEquals(format, detect(ImportFixtures.copy(fixture, dir)).id());
    }

    @Test
    void aFileOfNoKnownFormatIsOneSentenceNamingTheFormats() throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "groceries: milk, eggs\n");
        ProfileException e = assertThrows(ProfileException.class, () ->
            Importers.detect(file, JsonInput.readText(file))
        );
        assertTrue(e.getMessage().startsWith(file + " is in no format"), e.getMessage());
        assertTrue(
            e
                .getMessage()
                .contains(
                    "llama-bench, llama-server, vllm-metrics, tegrastats, jtop, llamacpp-latency-profiler"
                )
        );
    }

    @Nested
    class LlamaBench {

        @Test
        void json2025TextGenerationIsTheDraftingRateAndPromptTestsArePrefill() throws ProfileException {
            ImportedMeasurements m = read("llama-bench/b5163-raspberry-pi-5.json");
            assertEquals("llama-bench build 5163 (8cf427ff)", m.tool());
            assertEquals(Optional.of(LocalDate.of(2025, 4, 26)), m.date());
            assertEquals(2, m.drafting().size());
            assertEquals(2, m.prefill().size());
            DraftingRate qwen = drafting(m, "qwen3-0.6b", "q4_k_m");
            assertEquals(18.267002, qwen.tokensPerSecond(), 0);
            assertEquals(5, qwen.samples());
            assertEquals(596049920L, qwen.model().parameters().getAsLong());
            assertEquals(403582976L, qwen.model().bytesOnDisk().getAsLong());
            assertTrue(qwen.detail().startsWith("tg128, 4 threads, CPU"), qwen.detail());
            assertEquals(11.3711, drafting(m, "llama-3.2-1b-instruct", "q4_k_m").tokensPerSecond(), 0);
            assertEquals(63.307515, m.prefill().getFirst().tokensPerSecond(), 0);
            assertEquals("Cortex-A76", m.boards().getFirst().cpu());
        }

        @Test
        void jsonLinesOfTheCurrentBuildKeepTheContextDepthInTheDetail() throws ProfileException {
            ImportedMeasurements m = read("llama-bench/b9251-jetson-orin-nano.jsonl");
            assertEquals("llama-bench build 9251 (e2b129e1b)", m.tool());
            assertEquals(3, m.drafting().size());
            assertEquals(2, m.prefill().size());
            assertTrue(
                m.drafting().get(1).detail().startsWith("tg128 @ d4096"),
                m.drafting().get(1).detail()
            );
            assertEquals("q8_0", m.drafting().get(2).model().name().quantization().orElseThrow());
            assertEquals("Orin", m.boards().getFirst().gpu());
        }

        @Test
        void csvOfEarly2024WithBackendFlags() throws ProfileException {
            ImportedMeasurements m = read("llama-bench/b1956-raspberry-pi-4b.csv");
            assertEquals("llama-bench build 1956 (0068da7f)", m.tool());
            assertEquals(2, m.drafting().size());
            DraftingRate q4 = drafting(m, "tinyllama-1.1b-chat-v1.0", "q4_0");
            assertEquals(6.523659, q4.tokensPerSecond(), 0);
            assertTrue(q4.detail().contains("repetitions not stated"), q4.detail());
            assertEquals(Optional.of(LocalDate.of(2024, 1, 23)), m.date());
        }

        @Test
        void markdownOf2023NamesModelsByTypeOnly() throws ProfileException {
            ImportedMeasurements m = read("llama-bench/b1500-raspberry-pi-5.md");
            assertEquals("llama-bench", m.tool());
            DraftingRate d = drafting(m, "llama-1b", "q4_0");
            assertEquals(16.08, d.tokensPerSecond(), 0);
            assertEquals(0.05, d.standardDeviation().getAsDouble(), 0);
            assertEquals(37.61, m.prefill().getFirst().tokensPerSecond(), 0);
        }

        @Test
        void markdownOf2025ReadsDepthFooterAndLeavesCombinedTestsOut() throws ProfileException {
            ImportedMeasurements m = read("llama-bench/b4589-raspberry-pi-5.md");
            assertEquals("llama-bench build 4589 (3e1d2930)", m.tool());
            assertEquals(2, m.drafting().size(), "tg128 and tg128 @ d512; pp512+tg128 is neither");
            assertEquals(1, m.prefill().size());
            assertEquals(18.04, drafting(m, "qwen3-0.6b", "q4_k_m").tokensPerSecond(), 0);
        }

        @Test
        void truncatedJsonNamesTheLine() {
            assertRefusedSaying("llama-bench/broken-truncated.json", "broken-truncated.json: line ");
        }

        @Test
        void aNegativeRateNamesLineAndField() {
            assertRefusedEndingWith(
                "llama-bench/broken-negative-rate.json",
                "broken-negative-rate.json: line 41: avg_ts must be greater than 0 but is -18.267002."
            );
        }

        @Test
        void aMarkdownRateThatIsNotANumberNamesTheLine() {
            assertRefusedEndingWith(
                "llama-bench/broken-row.md",
                "broken-row.md: line 3: t/s \"fast\" is not a rate (expected e.g. 15.29 ± 0.12)."
            );
        }

        @Test
        void aCsvRowWithACellMissingNamesTheLine() {
            assertRefusedSaying(
                "llama-bench/broken-missing-column.csv",
                "broken-missing-column.csv: line 3: "
            );
        }
    }

    @Nested
    class LlamaServer {

        @Test
        void completionResponsesGiveAcceptanceAtTheirNMaxAndGoodput() throws ProfileException {
            ImportedMeasurements m = read("llama-server/completions-b4800.jsonl");
            assertEquals(3, m.acceptance().size());
            Acceptance first = m.acceptance().getFirst();
            assertEquals(96 / 148.0, first.acceptanceRate(), 1e-12);
            assertEquals(16, first.k().getAsInt());
            assertEquals("qwen2.5-7b-instruct", first.target().orElseThrow().name().id());
            Goodput g = m.goodput().getFirst();
            assertEquals(128, g.generatedTokens());
            assertEquals(128 / 5.803412, g.tokensPerSecond(), 1e-4);
        }

        @Test
        void chatCompletionNamesTheBuildAndDay() throws ProfileException {
            ImportedMeasurements m = read("llama-server/chat-b6500.json");
            assertEquals("llama-server build 6500 (3c1b5e2d)", m.tool());
            assertEquals(Optional.of(LocalDate.of(2026, 1, 9)), m.date());
            assertEquals(204 / 301.0, m.acceptance().getFirst().acceptanceRate(), 1e-12);
            assertEquals(25.933105, m.goodput().getFirst().tokensPerSecond(), 0);
        }

        @Test
        void logOf2025PairsEachAcceptanceWithItsEvalTime() throws ProfileException {
            ImportedMeasurements m = read("llama-server/server-b4800.log");
            assertEquals("llama-server build 4800 (5bbe6a9f)", m.tool());
            assertEquals(2, m.acceptance().size());
            assertEquals(2, m.goodput().size());
            assertEquals(
                "qwen2.5-0.5b-instruct",
                m.acceptance().getFirst().drafter().orElseThrow().name().id()
            );
            assertEquals(
                "q8_0",
                m.acceptance().getFirst().drafter().orElseThrow().name().quantization().orElseThrow()
            );
            assertEquals(22.06, m.goodput().getFirst().tokensPerSecond(), 0);
            assertEquals(92 / 171.0, m.acceptance().get(1).acceptanceRate(), 1e-12);
        }

        @Test
        void newerLogWithContinuationLines() throws ProfileException {
            ImportedMeasurements m = read("llama-server/server-b6500.log");
            assertEquals(1, m.acceptance().size());
            assertEquals("qwen3-0.6b", m.acceptance().getFirst().drafter().orElseThrow().name().id());
            assertEquals("qwen3-8b", m.acceptance().getFirst().target().orElseThrow().name().id());
            assertEquals(25.93, m.goodput().getFirst().tokensPerSecond(), 0);
        }

        @Test
        void aResponseWithoutDraftCountsSaysTheDraftModelWasOff() {
            assertRefusedSaying(
                "llama-server/broken-no-draft.json",
                "broken-no-draft.json: line 1: timings has no draft_n: the server ran without a draft model"
            );
        }

        @Test
        void aGarbledAcceptanceLineIsNamed() {
            assertRefusedSaying(
                "llama-server/broken-acceptance-line.log",
                "broken-acceptance-line.log: line 19: the draft acceptance line is not in llama-server's form"
            );
        }
    }

    @Nested
    class Vllm {

        @Test
        void v1MetricsGiveMeanKAndConditionalPerPositionAcceptance() throws ProfileException {
            ImportedMeasurements m = read("vllm/metrics-v0.10.txt");
            Acceptance a = m.acceptance().getFirst();
            assertEquals((3983 + 2941 + 2020) / (5120.0 * 3), a.acceptanceRate(), 1e-12);
            assertEquals(3, a.k().getAsInt());
            assertEquals(List.of(3983 / 5120.0, 2941 / 3983.0, 2020 / 2941.0), a.byPosition());
            assertEquals("qwen3-32b", a.target().orElseThrow().name().id());
        }

        @Test
        void v0MetricsGiveTheMeanOnly() throws ProfileException {
            Acceptance a = read("vllm/metrics-v0.6.txt").acceptance().getFirst();
            assertEquals(11030 / 18000.0, a.acceptanceRate(), 1e-12);
            assertTrue(a.k().isEmpty());
            assertTrue(a.byPosition().isEmpty());
            assertEquals("llama-3.1-70b-instruct", a.target().orElseThrow().name().id());
        }

        @Test
        void v0LogCountsTheLastTotals() throws ProfileException {
            ImportedMeasurements m = read("vllm/server-v0.6.log");
            Acceptance a = m.acceptance().getFirst();
            assertEquals("vLLM 0.6.1.post2", m.tool());
            assertEquals(11030 / 18000.0, a.acceptanceRate(), 1e-12);
            assertEquals(5, a.k().getAsInt());
            assertEquals("llama-3.2-1b-instruct", a.drafter().orElseThrow().name().id());
        }

        @Test
        void earlyV1LogSumsItsIntervals() throws ProfileException {
            ImportedMeasurements m = read("vllm/server-v0.8.log");
            Acceptance a = m.acceptance().getFirst();
            assertEquals("vLLM 0.8.1", m.tool());
            assertEquals((862 + 793) / (1800.0 + 1760.0), a.acceptanceRate(), 1e-12);
            assertEquals(4, a.k().getAsInt());
            assertEquals("qwen3-1.7b", a.drafter().orElseThrow().name().id());
            assertTrue(a.byPosition().isEmpty());
        }

        @Test
        void currentLogWeightsPerPositionRatesByDrafts() throws ProfileException {
            Acceptance a = read("vllm/server-v0.10.log").acceptance().getFirst();
            assertEquals((3905 + 2804) / (6780.0 + 4806.0), a.acceptanceRate(), 1e-12);
            assertEquals(3, a.byPosition().size());
            double d1 = 3905 / 1.73;
            double d2 = 2804 / 1.75;
            double r0 = (0.779 * d1 + 0.783 * d2) / (d1 + d2);
            assertEquals(r0, a.byPosition().getFirst(), 1e-9);
        }

        @Test
        void aMalformedLabelIsNamed() {
            assertRefusedSaying(
                "vllm/broken-label.txt",
                "broken-label.txt: line 19: has a malformed label set in vllm:spec_decode_num_accepted_tokens_per_pos_total"
            );
        }

        @Test
        void moreAcceptedThanDraftedIsNamed() {
            assertRefusedSaying(
                "vllm/broken-accepted-exceeds.log",
                "broken-accepted-exceeds.log: line 6: accepted tokens (5804) exceed drafted tokens (4806)"
            );
        }
    }

    @Nested
    class Power {

        @Test
        void tegrastatsOfJetPack6UsesTheInputRail() throws ProfileException {
            ImportedMeasurements m = read("tegrastats/orin-nano-jp6.log");
            PowerDraw p = m.power().getFirst();
            assertEquals(12, p.samples());
            assertTrue(p.meanWatts() > 6.9 && p.meanWatts() < 7.3, "mean " + p.meanWatts());
            assertTrue(
                p.rails().startsWith("VDD_IN (board input; also logged: VDD_CPU_GPU_CV, VDD_SOC)"),
                p.rails()
            );
            assertEquals(Optional.of(LocalDate.of(2025, 1, 14)), m.date());
        }

        @Test
        void tegrastatsOfJetPack4ReadsUnitlessMilliwatts() throws ProfileException {
            PowerDraw p = read("tegrastats/nano-jp4.log").power().getFirst();
            assertEquals(10, p.samples());
            assertTrue(p.meanWatts() > 4.9 && p.meanWatts() < 5.3, "mean " + p.meanWatts());
            assertTrue(p.rails().startsWith("POM_5V_IN"), p.rails());
        }

        @Test
        void tegrastatsWithoutAnInputRailSumsTheRailsAndSaysSo() throws ProfileException {
            PowerDraw p = read("tegrastats/agx-orin-jp7.log").power().getFirst();
            assertTrue(p.meanWatts() > 20 && p.meanWatts() < 22, "mean " + p.meanWatts());
            assertEquals("sum of VDD_GPU_SOC + VDD_CPU_CV + VIN_SYS_5V0 (no board input rail)", p.rails());
        }

        @Test
        void aTruncatedTegrastatsLineIsNamed() {
            assertRefusedSaying(
                "tegrastats/broken-truncated.log",
                "broken-truncated.log: line 4: has no power rail reading"
            );
        }

        @Test
        void jtop4ReadsPowerTotInMilliwatts() throws ProfileException {
            ImportedMeasurements m = read("jtop/jtop-4.2-orin-nano.csv");
            PowerDraw p = m.power().getFirst();
            assertEquals(15, p.samples());
            assertTrue(p.meanWatts() > 9.8 && p.meanWatts() < 10.2, "mean " + p.meanWatts());
            assertEquals("jtop Power TOT (rails VDD_CPU_GPU_CV, VDD_SOC)", p.rails());
            assertEquals("jetson-stats (jtop 4 or later)", m.tool());
        }

        @Test
        void jtop3ReadsPowerCur() throws ProfileException {
            ImportedMeasurements m = read("jtop/jtop-3.1-xavier-nx.csv");
            assertTrue(m.power().getFirst().meanWatts() > 11.8 && m.power().getFirst().meanWatts() < 12.2);
            assertEquals(Optional.of(LocalDate.of(2023, 5, 9)), m.date());
        }

        @Test
        void aJtopRowWithoutANumberIsNamed() {
            assertRefusedSaying(
                "jtop/broken-power.csv",
                "broken-power.csv: line 6: Power TOT must be a number but is \"n/a\""
            );
        }
    }

    @Nested
    class LatencyProfiler {

        @Test
        void modelProfileGivesRateAndPowerPerBoardAndModel() throws ProfileException {
            ImportedMeasurements m = read("latency-profiler/rpi5-profile-19models.csv");
            assertEquals("Raspberry Pi 5", m.boards().getFirst().name());
            DraftingRate d = drafting(m, "qwen3-0.6b", "q4_k_m");
            assertEquals("raspberry_pi_5", d.board());
            assertEquals(16.02, d.tokensPerSecond(), 0);
            assertEquals(7.92, d.powerWatts().getAsDouble(), 0);
            assertEquals(70, d.powerSamples());
            assertEquals("llama-3.1-8b-instruct", m.drafting().get(2).model().name().id());
            assertEquals(Optional.of(LocalDate.of(2026, 1, 12)), m.date());
        }

        @Test
        void jetsonProfileIsAnEmbeddedGpuBoard() throws ProfileException {
            ImportedMeasurements m = read("latency-profiler/jetson-profile-19models.csv");
            assertEquals("Jetson AGX Orin", m.boards().getFirst().name());
            assertEquals(
                io.configspec.model.domain.DeviceKind.EMBEDDED_GPU,
                m.boards().getFirst().kind().orElseThrow()
            );
        }

        @Test
        void acceptanceSweepGivesAlphaPerK() throws ProfileException {
            ImportedMeasurements m = read("latency-profiler/profile_results_2026-01-20_10-15-00.csv");
            assertEquals(10, m.acceptance().size());
            Acceptance a = m.acceptance().getFirst();
            assertEquals(2, a.k().getAsInt());
            assertEquals("qwen3-0.6b", a.drafter().orElseThrow().name().id());
            assertTrue(a.drafter().orElseThrow().name().quantization().isEmpty());
            assertEquals("qwen3-32b", a.target().orElseThrow().name().id());
            assertEquals(0.57, a.acceptanceRate(), 1e-12);
            assertEquals(Optional.of(LocalDate.of(2026, 1, 20)), m.date());
        }

        @Test
        void anAcceptanceAboveOneIsNamed() {
            assertRefusedEndingWith(
                "latency-profiler/broken-acceptance-above-one.csv",
                "broken-acceptance-above-one.csv: line 4: mean_acceptance_rate must be in [0, 1] but is 1.37."
            );
        }

        @Test
        void aMissingSpeedIsNamed() {
            assertRefusedEndingWith(
                "latency-profiler/broken-missing-speed.csv",
                "broken-missing-speed.csv: line 3: tok_s_avg is missing."
            );
        }
    }
}
