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
}
