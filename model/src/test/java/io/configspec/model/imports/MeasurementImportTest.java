package io.configspec.model.imports;

import static io.configspec.model.testing.TextAssertions.assertSomeLineContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.configspec.model.domain.AlignmentProfile;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.Provenance;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileDocument;
import io.configspec.model.io.ProfileException;
import io.configspec.model.io.ProfileLoader;
import io.configspec.model.testing.ImportFixtures;
import io.configspec.model.testing.SampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assembler: the facts of an import's files merged into profiles a library loads. */
class MeasurementImportTest {

    @TempDir
    Path dir;

    private Path fixture(String name) {
        return ImportFixtures.copy(name, dir.resolve("in"));
    }

    private static ImportOptions options(String device, String target, String drafter, String quantization) {
        return new ImportOptions(
            Optional.ofNullable(device),
            Optional.ofNullable(target),
            Optional.ofNullable(drafter),
            Optional.ofNullable(quantization)
        );
    }

    private static <T> List<T> documents(ImportPlan plan, Class<T> type) {
        return plan
            .files()
            .stream()
            .map(ImportPlan.PlannedFile::document)
            .filter(type::isInstance)
            .map(type::cast)
            .toList();
    }

    /** Writes the plan and asserts that the folder loads as a library of that many devices and drafters. */
    private void assertWrittenLibraryHolds(ImportPlan plan, int devices, int drafters) throws Exception {
        Path out = dir.resolve("out");
        plan.write(out);
        var library = ProfileLoader.load(List.of(out)).library();
        assertEquals(devices, library.devices().size());
        assertEquals(drafters, library.drafters().size());
    }

    /** Imports one {@code llama-bench} output, without a library. */
    private static ImportPlan importLlamaBench(Path file, ImportOptions options) throws ProfileException {
        return ImportFixtures.plan(List.of(file), Optional.of("llama-bench"), options, List.of());
    }

    /** Asserts that importing {@code files} (their format detected, no library) is refused; returns why. */
    private static ProfileException refusedImport(List<Path> files, ImportOptions options) {
        return assertThrows(ProfileException.class, () ->
            ImportFixtures.plan(files, Optional.empty(), options, List.of())
        );
    }

    private static DeviceProfile device(ImportPlan plan) {
        List<ProfileDocument.DeviceDocument> devices = documents(plan, ProfileDocument.DeviceDocument.class);
        assertEquals(1, devices.size());
        return devices.getFirst().device();
    }

    /** Issue 10, acceptance 1: the drafting rate is the file's text-generation avg_ts, for each model. */
    @Test
    void llamaBenchJsonFromARaspberryPiGivesTheTextGenerationAvgTsAsDraftingRate() throws Exception {
        Path file = fixture("llama-bench/b5163-raspberry-pi-5.json");
        ImportPlan plan = importLlamaBench(file, ImportOptions.none());
        DeviceProfile device = device(plan);
        JsonNode rows = ProfileCodec.mapper().readTree(file.toFile());
        int textGeneration = 0;
        for (JsonNode row : rows) {
            if (row.path("n_gen").asInt() > 0 && row.path("n_prompt").asInt() == 0) {
                textGeneration++;
                ModelNames.Name name = ModelNames.ofFile(row.path("model_filename").asText());
                DraftingMeasurement d = device
                    .drafting(name.id(), name.quantization().orElseThrow())
                    .orElseThrow();
                assertEquals(row.path("avg_ts").asDouble(), d.tokensPerSecond(), 0.0, name.id());
                Provenance.Measured p = (Provenance.Measured) d.provenance();
                assertEquals("llama-bench build 5163 (8cf427ff)", p.tool());
                assertEquals("b5163-raspberry-pi-5.json", p.source());
                assertEquals(row.path("samples_ts").size(), p.sampleCount());
                assertEquals(row.path("test_time").asText().substring(0, 10), p.date().toString());
            }
        }
        assertEquals(2, textGeneration);
        assertEquals(2, device.drafting().size(), "prompt tests are not drafting rates");
        assertTrue(
            device
                .drafting()
                .stream()
                .allMatch(d -> d.powerWatts().isEmpty()),
            "llama-bench measures no power"
        );
        assertSomeLineContains(plan.notes(), "prefill rate");

        assertWrittenLibraryHolds(plan, 1, 2);
    }

    /**
     * Issue 10, acceptance 1 on a real file: {@code llama-bench -o json} as run on a Raspberry Pi 4B
     * (llama.cpp build 7095, gemma3-270m Q4_K_M, 4 threads), published in github.com/sensura-san/llm-bench
     * {@code results/gemma3-270m-instruct_Q4_K_M_2025-11-22T02-43-13Z.json}. Its three rows are a prompt
     * test (pp512), a text-generation test (tg128) and a combined one (pp512+tg128): only tg128 is a
     * drafting rate.
     */
    @Test
    void aRealLlamaBenchJsonFromARaspberryPi4BGivesItsTg128AvgTsAsTheDraftingRate() throws Exception {
        Path file = fixture("llama-bench/real-b7095-raspberry-pi-4b-gemma3-270m.json");
        ImportPlan plan = importLlamaBench(file, options("raspberry-pi-4b", null, null, null));
        DeviceProfile device = device(plan);
        assertEquals("raspberry-pi-4b", device.id());
        assertEquals(
            1,
            device.drafting().size(),
            "pp512 and pp512+tg128 are not drafting rates: " + device.drafting()
        );
        DraftingMeasurement d = device.drafting().getFirst();
        assertEquals(13.861141, d.tokensPerSecond(), 0.0, "the tg128 row's avg_ts");
        assertEquals("q4_k_m", d.quantization());
        Provenance.Measured p = (Provenance.Measured) d.provenance();
        assertEquals("llama-bench build 7095 (f40a2e5f1)", p.tool());
        assertEquals("real-b7095-raspberry-pi-4b-gemma3-270m.json", p.source());
        assertEquals(5, p.sampleCount());
        assertEquals("2025-11-22", p.date().toString());
        assertSomeLineContains(plan.notes(), "prefill rate", "68.87 tokens/s");
        assertTrue(
            plan
                .notes()
                .stream()
                .anyMatch(n -> n.contains("combined test pp512+tg128") && n.contains("left out")),
            "the pp512+tg128 row is named as left out, not dropped silently: " + plan.notes()
        );

        assertWrittenLibraryHolds(plan, 1, 1);
    }

    @Test
    void aPowerLogOfTheSameBoardGivesEveryDraftingEntryItsPowerWithTheRails() throws Exception {
        ImportPlan plan = ImportFixtures.plan(
            List.of(
                fixture("llama-bench/b9251-jetson-orin-nano.jsonl"),
                fixture("tegrastats/orin-nano-jp6.log")
            ),
            Optional.empty(),
            options("orin-nano-lab", null, null, null),
            List.of()
        );
        DeviceProfile device = device(plan);
        assertEquals("orin-nano-lab", device.id());
        assertEquals(2, device.drafting().size(), "tg128 @ d4096 is left out for the depth-0 test");
        for (DraftingMeasurement d : device.drafting()) {
            assertTrue(d.powerWatts().getAsDouble() > 6.9 && d.powerWatts().getAsDouble() < 7.3);
            Provenance.Measured power = (Provenance.Measured) d.fieldProvenance().get("powerWatts");
            assertEquals("orin-nano-jp6.log", power.source());
            assertTrue(power.note().startsWith("board power while the log ran: VDD_IN"), power.note());
            assertEquals(12, power.sampleCount());
        }
        assertSomeLineContains(plan.notes(), "tg128 @ d4096", "left out");
    }

    @Test
    void llamaServerCountsGiveAlphaWithAWilsonIntervalOverTheDraftedTokens() throws Exception {
        ImportPlan plan = ImportFixtures.plan(
            List.of(fixture("llama-server/server-b4800.log")),
            Optional.empty(),
            ImportOptions.none(),
            List.of()
        );
        AlignmentProfile a = documents(plan, ProfileDocument.AlignmentDocument.class)
            .getFirst()
            .entries()
            .getFirst();
        assertEquals("qwen2.5-0.5b-instruct", a.drafter());
        assertEquals("q8_0", a.quantization());
        assertEquals("qwen2.5-7b-instruct", a.target());
        long drafted = a.sampleCount().getAsInt();
        double alpha = a.acceptanceRate().getAsDouble();
        assertEquals(319, drafted);
        double[] wilson = ProfileAssembler.wilson(Math.round(alpha * drafted), drafted);
        assertEquals(wilson[0], a.acceptanceLow().getAsDouble(), 1e-12);
        assertEquals(wilson[1], a.acceptanceHigh().getAsDouble(), 1e-12);
        assertTrue(a.acceptanceLow().getAsDouble() < alpha && alpha < a.acceptanceHigh().getAsDouble());
        var targets = documents(plan, ProfileDocument.ModelsDocument.class).getFirst().targets();
        assertEquals("qwen2.5-7b-instruct", targets.getFirst().id());
        assertTrue(
            plan
                .notes()
                .stream()
                .anyMatch(n -> n.contains("validate-predictions"))
        );
        plan.write(dir.resolve("out"));
        assertEquals(1, ProfileLoader.load(List.of(dir.resolve("out"))).library().alignments().size());
    }

    @Test
    void vllmMetricsNeedTheDrafterAndGivePerPositionAcceptance() throws Exception {
        Path metrics = fixture("vllm/metrics-v0.10.txt");
        ProfileException e = refusedImport(List.of(metrics), ImportOptions.none());
        assertTrue(
            e
                .getMessage()
                .endsWith(
                    "metrics-v0.10.txt: line 9: the acceptance figure names no drafter model: give it with --drafter."
                ),
            e.getMessage()
        );
        ImportPlan plan = ImportFixtures.plan(
            List.of(metrics),
            Optional.empty(),
            options(null, null, "qwen3-0.6b", "bf16"),
            List.of()
        );
        AlignmentProfile a = documents(plan, ProfileDocument.AlignmentDocument.class)
            .getFirst()
            .entries()
            .getFirst();
        assertEquals(List.of(3983 / 5120.0, 2941 / 3983.0, 2020 / 2941.0), a.acceptanceByPosition());
        assertEquals(5120 * 3, a.sampleCount().getAsInt());
        assertEquals("bf16", a.quantization());
    }

    @Test
    void aPowerLogAloneUpdatesTheLibraryDeviceItNames() throws Exception {
        Path library = SampleFiles.root().resolve("profiles/illustrative");
        ImportPlan plan = ImportFixtures.plan(
            List.of(fixture("tegrastats/orin-nano-jp6.log")),
            Optional.empty(),
            options("jetson-orin-nano", null, null, null),
            List.of(library)
        );
        DeviceProfile updated = device(plan);
        DeviceProfile before = ProfileLoader.load(List.of(library))
            .library()
            .device("jetson-orin-nano")
            .orElseThrow();
        assertEquals(before.drafting().size(), updated.drafting().size());
        for (int i = 0; i < updated.drafting().size(); i++) {
            assertEquals(
                before.drafting().get(i).tokensPerSecond(),
                updated.drafting().get(i).tokensPerSecond()
            );
            assertEquals(
                "orin-nano-jp6.log",
                ((Provenance.Measured) updated.drafting().get(i).fieldProvenance().get("powerWatts")).source()
            );
        }
    }

    @Test
    void aPowerLogAloneWithoutDeviceIsOneSentence() {
        Path log = fixture("tegrastats/nano-jp4.log");
        ProfileException e = refusedImport(List.of(log), ImportOptions.none());
        assertTrue(
            e.getMessage().startsWith(log + " holds board power only: name the library device"),
            e.getMessage()
        );
    }

    @Test
    void oneDeviceIdForTwoBoardsIsRefused() {
        List<Path> files = List.of(
            fixture("latency-profiler/rpi5-profile-19models.csv"),
            fixture("latency-profiler/jetson-profile-19models.csv")
        );
        ProfileException e = refusedImport(files, options("my-board", null, null, null));
        assertTrue(
            e
                .getMessage()
                .contains(
                    "describe 2 boards (raspberry_pi_5, jetson_agx_orin) but --device names one device"
                ),
            e.getMessage()
        );
    }

    @Test
    void aModelWithoutQuantisationInItsNameNeedsTheOption() throws Exception {
        Path csv = dir.resolve("in").resolve("profile-noquant.csv");
        Files.createDirectories(csv.getParent());
        String original = Files.readString(fixture("latency-profiler/rpi5-profile-19models.csv"));
        Files.writeString(csv, original.replace("Qwen3-0.6B-Q4_K_M.gguf", "Qwen3-0.6B.gguf"));
        ProfileException e = refusedImport(List.of(csv), ImportOptions.none());
        assertTrue(
            e
                .getMessage()
                .endsWith(
                    "profile-noquant.csv: line 2: model Qwen3-0.6B.gguf states no quantisation: give it with --quantization (e.g. q4_k_m)."
                ),
            e.getMessage()
        );
    }

    @Test
    void aBrokenFileAmongGoodOnesPlansNothing() {
        List<Path> files = List.of(
            fixture("llama-bench/b5163-raspberry-pi-5.json"),
            fixture("jtop/broken-power.csv")
        );
        ProfileException e = refusedImport(files, ImportOptions.none());
        assertTrue(e.getMessage().contains("broken-power.csv: line 6: "), e.getMessage());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void everyPlannedFileIsValidAgainstItsSchemaAndLoadsAsOneLibrary() throws Exception {
        Path out = dir.resolve("all");
        ImportOptions qwen05 = options(null, null, "qwen2.5-0.5b-instruct", "q8_0");
        ImportOptions qwen3 = options(null, "qwen3-32b", "qwen3-0.6b", "bf16");
        for (var batch : List.of(
            java.util.Map.entry(List.of("llama-bench/b4589-raspberry-pi-5.md"), ImportOptions.none()),
            java.util.Map.entry(List.of("llama-bench/b1500-raspberry-pi-5.md"), ImportOptions.none()),
            java.util.Map.entry(List.of("llama-bench/b1956-raspberry-pi-4b.csv"), ImportOptions.none()),
            java.util.Map.entry(List.of("llama-server/completions-b4800.jsonl"), qwen05),
            java.util.Map.entry(
                List.of("llama-server/chat-b6500.json"),
                options(null, null, "qwen3-0.6b", "q4_k_m")
            ),
            java.util.Map.entry(List.of("llama-server/server-b6500.log"), ImportOptions.none()),
            java.util.Map.entry(List.of("vllm/metrics-v0.6.txt"), qwen3),
            java.util.Map.entry(List.of("vllm/server-v0.6.log"), options(null, null, null, "bf16")),
            java.util.Map.entry(List.of("vllm/server-v0.8.log"), options(null, null, null, "bf16")),
            java.util.Map.entry(
                List.of("jtop/jtop-4.2-orin-nano.csv", "llama-bench/b9251-jetson-orin-nano.jsonl"),
                ImportOptions.none()
            ),
            java.util.Map.entry(
                List.of("jtop/jtop-3.1-xavier-nx.csv", "llama-bench/b4589-raspberry-pi-5.md"),
                ImportOptions.none()
            )
        )) {
            ImportPlan plan = ImportFixtures.plan(
                batch.getKey().stream().map(this::fixture).toList(),
                Optional.empty(),
                batch.getValue(),
                List.of()
            );
            Path target = out.resolve(batch.getKey().getFirst().replace('/', '-'));
            for (Path written : plan.write(target)) {
                ProfileCodec.read(written);
            }
            ProfileLoader.load(List.of(target));
        }
    }
}
