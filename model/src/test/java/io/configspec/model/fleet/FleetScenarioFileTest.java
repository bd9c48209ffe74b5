package io.configspec.model.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.io.ProfileException;
import io.configspec.model.testing.SampleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FleetScenarioFileTest {

    static Path sampleFleet() {
        return SampleFiles.root().resolve("scenarios").resolve("fleet.json");
    }

    @Test
    void theSampleFleetReferencesTheSharedProfiles() throws ProfileException {
        FleetScenarioFile.Loaded loaded = FleetScenarioFile.load(sampleFleet());
        FleetScenario s = loaded.scenario();
        assertEquals("fleet", loaded.id());
        assertEquals(3, s.deviceMix().size());
        assertTrue(
            s
                .deviceMix()
                .stream()
                .anyMatch(d -> d.id().equals("raspberry-pi-4b"))
        );
        assertTrue(
            s
                .deviceMix()
                .stream()
                .anyMatch(d -> d.id().equals("jetson-orin-nano"))
        );
        // a100-linear serving qwen2.5-7b, from the server profile
        assertEquals(0.018, s.server().estimator().interceptSeconds(), 1e-12);
        // wifi-lan
        assertEquals(0.02, s.network().rttSeconds(), 1e-12);
        for (FleetDeviceType d : s.deviceMix()) {
            assertNotNull(d.calibration(), d.id() + " has the alignment profile's calibration");
            assertEquals(0.692, d.calibration().meanAcceptance(), 1e-6, "shares reproduce α");
            assertEquals(
                s.bestFixedK(d, s.wispMaxDraftTokens()),
                d.fixedDraftTokens(),
                "SLED K defaults to K*"
            );
        }
        assertTrue(s.autoStopThreshold());
    }

    private static Path write(Path dir, String json) throws IOException {
        Path profiles = SampleFiles.root().resolve("profiles").toAbsolutePath();
        Path file = dir.resolve("fleet.json");
        Files.writeString(file, json.replace("PROFILES", profiles.toString().replace("\\", "/")));
        return file;
    }

    private static final String VALID = """
        {
          "schemaVersion": 1, "kind": "fleet-scenario", "id": "t",
          "profiles": ["PROFILES"],
          "server": "a100-linear", "target": "qwen2.5-7b", "network": "wifi-lan",
          "devices": [ { "device": "DEVICE", "drafter": "qwen2.5-0.5b", "quantization": "q4_k_m", "k": 3 } ],
          "workload": { "promptTokens": { "mean": 100 }, "outputTokens": { "mean": 50 }, "meanThinkSeconds": 1 },
          "sloTpotSeconds": 0.2
        }
        """;

    @Test
    void aMinimalFileUsesDefaults(@TempDir Path dir) throws Exception {
        FleetScenario s = FleetScenarioFile.load(
            write(dir, VALID.replace("DEVICE", "raspberry-pi-5"))
        ).scenario();
        assertEquals(3, s.deviceMix().getFirst().fixedDraftTokens());
        assertEquals(64, s.server().maxBatchSize());
        assertEquals(0.01, s.sledBatchTimeoutSeconds(), 1e-12);
    }

    @Test
    void anUnknownDeviceNamesTheField(@TempDir Path dir) throws Exception {
        ProfileException e = assertThrows(ProfileException.class, () ->
            FleetScenarioFile.load(write(dir, VALID.replace("DEVICE", "toaster")))
        );
        assertEquals("devices[0].device", e.field().orElseThrow());
        assertTrue(e.getMessage().contains("toaster"), e.getMessage());
    }

    @Test
    void aBadNumberNamesItsPath(@TempDir Path dir) throws Exception {
        String json = VALID.replace("DEVICE", "raspberry-pi-5").replace(
            "\"sloTpotSeconds\": 0.2",
            "\"sloTpotSeconds\": -1"
        );
        ProfileException e = assertThrows(ProfileException.class, () ->
            FleetScenarioFile.load(write(dir, json))
        );
        assertEquals("sloTpotSeconds", e.field().orElseThrow());
    }

    @Test
    void malformedJsonGivesTheLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n  \"kind\": \"fleet-scenario\",\n  oops\n}");
        ProfileException e = assertThrows(ProfileException.class, () -> FleetScenarioFile.load(file));
        assertEquals(3, e.line());
    }

    @Test
    void aSingleDeviceScenarioFileIsRejected() {
        ProfileException e = assertThrows(ProfileException.class, () ->
            FleetScenarioFile.load(SampleFiles.paperScenario())
        );
        assertEquals("kind", e.field().orElseThrow());
    }

    static Path wispPaper() {
        return SampleFiles.root().resolve("scenarios").resolve("wisp-paper.json");
    }

    private static final String PER_K = """
        {
          "schemaVersion": 1, "kind": "fleet-scenario", "id": "per-k",
          "profiles": ["PROFILES/configspec-paper", "PROFILES/wisp-paper", "PROFILES/illustrative/networks"],
          "server": "a100-qwen3-32b", "target": "qwen3-32b", "network": "wifi-lan",
          "devices": [ { "device": "jetson-agx-orin-paper", "drafter": "qwen3-0.6b", "quantization": "q4_k_m" KFIELD } ],
          "workload": { "promptTokens": { "mean": 100 }, "outputTokens": { "mean": 200 }, "meanThinkSeconds": 1 },
          "sloTpotSeconds": 0.2,
          "wisp": { "maxDraftTokens": MAXK }
        }
        """;

    private static String perK(String kField, int maxK) {
        return PER_K.replace("KFIELD", kField).replace("MAXK", Integer.toString(maxK));
    }

    @Test
    void theWispPaperSampleDraftsWithTheConfigSpecPapersPerKAcceptance() throws ProfileException {
        FleetScenarioFile.Loaded loaded = FleetScenarioFile.load(wispPaper());
        FleetScenario s = loaded.scenario();
        assertEquals("wisp-paper", loaded.id());
        assertEquals(3, s.deviceMix().size());
        var alignment = loaded
            .profiles()
            .library()
            .alignment("qwen3-0.6b", "q4_k_m", "qwen3-32b")
            .orElseThrow();
        assertTrue(alignment.acceptanceRate().isEmpty(), "the paper's Qwen3 alignment is per K only");
        for (FleetDeviceType d : s.deviceMix()) {
            int k = d.fixedDraftTokens();
            assertTrue(k >= 2 && k <= 10, d.id() + ": SLED's K " + k + " is a measured K");
            assertEquals(
                PerKAcceptance.equivalentAlpha(k, alignment.expectedTokensPerRound(k)),
                d.acceptanceRate(),
                1e-9,
                d.id() + ": α reproduces the measured E[N] at K"
            );
            assertEquals(1, d.calibration().binCount(), d.id() + ": no per-token statistics, one bin");
        }
        // the fastest board (Jetson AGX Orin, 98.63 tokens/s) drafts at least as long as the slowest
        int piK = s.deviceMix().getFirst().fixedDraftTokens();
        int jetsonK = s.deviceMix().getLast().fixedDraftTokens();
        assertTrue(jetsonK >= piK, "Pi 4B K " + piK + ", Jetson K " + jetsonK);
        // Qwen3-32B on an A100: the illustrative linear estimate of the sample's server profile
        assertEquals(0.035, s.server().estimator().interceptSeconds(), 1e-12);
        assertEquals(0.2, s.sloTpotSeconds(), 1e-12);
    }

    @Test
    void perKRoundsYieldTheMeasuredTokensPerRound(@TempDir Path dir) throws Exception {
        FleetScenario s = FleetScenarioFile.load(write(dir, perK(", \"k\": 4", 10))).scenario();
        FleetDeviceType jetson = s.deviceMix().getFirst();
        assertEquals(4, jetson.fixedDraftTokens());
        FleetResult r = FleetSimulator.run(s, FleetPolicy.SLED, 4, 300, 3, () -> false);
        double accepted = r.draftedTokens() - r.wastedDraftTokens();
        double perRound = accepted / r.verificationRounds() + 1;
        // the ConfigSpec artifact: α(4) = 0.43993621133021565 for Qwen3-0.6B Q4_K_M against Qwen3-32B
        double measured = 4 * 0.43993621133021565 + 1;
        assertEquals(measured, perRound, measured * 0.03, "tokens per round at K = 4");
    }

    /** A K outside the per-K table (the device's own, or WISP's budget below the first measured K) names the field. */
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = { ", \"k\": 12 | 12 | devices[0].k | K 2..10", "'' | 1 | wisp.maxDraftTokens | devices[0]" }
    )
    void aKThePerKTableDidNotMeasureNamesTheField(
        String kField,
        int maxK,
        String field,
        String fragment,
        @TempDir Path dir
    ) throws Exception {
        ProfileException e = assertThrows(ProfileException.class, () ->
            FleetScenarioFile.load(write(dir, perK(kField, maxK)))
        );
        assertEquals(field, e.field().orElseThrow());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }

    @Test
    void withoutAKTheBestMeasuredKWithinTheBudgetIsChosen(@TempDir Path dir) throws Exception {
        FleetScenario s = FleetScenarioFile.load(write(dir, perK("", 3))).scenario();
        int k = s.deviceMix().getFirst().fixedDraftTokens();
        assertTrue(k == 2 || k == 3, "K " + k + " within the measured 2..10 and the budget 3");
    }
}
