package io.configspec.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.testing.SampleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a scenario with its profiles: references are checked and the file at fault is named. */
class ScenarioLoaderTest {

    @TempDir
    Path dir;

    private Path scenario;

    @BeforeEach
    void copySamples() {
        SampleFiles.copyTo(dir);
        scenario = dir.resolve("scenarios/illustrative-edge.json");
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " no longer contains " + from);
        Files.writeString(file, text.replace(from, to));
    }

    private ProfileException loadFails() {
        return assertThrows(ProfileException.class, () -> ScenarioLoader.load(scenario));
    }

    private Map<Path, String> snapshot() throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(p, Files.readString(p) + "@" + Files.getLastModifiedTime(p));
            }
        }
        return files;
    }

    @Test
    void loadsThePaperScenarioWithAllSampleProfiles() throws Exception {
        var loaded = ScenarioLoader.load(scenario);
        assertEquals(4, loaded.library().devices().size());
        assertEquals(5, loaded.library().drafters().size());
        assertEquals(4, loaded.library().targets().size());
        assertTrue(loaded.space().combinations().size() > 100);
        assertEquals(
            dir.resolve("profiles/illustrative/devices/raspberry-pi-5.json"),
            loaded.profiles().sources().get("device:raspberry-pi-5")
        );
    }

    @Test
    void deviceReferencingAnUnknownDrafterIsNamedInTheDeviceFile() throws Exception {
        Path pi5 = dir.resolve("profiles/illustrative/devices/raspberry-pi-5.json");
        edit(pi5, "\"drafter\": \"qwen2.5-3b\"", "\"drafter\": \"qwen9-3b\"");
        ProfileException e = loadFails();
        assertEquals(pi5, e.file());
        assertTrue(e.field().orElseThrow().endsWith(".drafter"), e.getMessage());
        assertTrue(e.reason().contains("unknown drafter 'qwen9-3b'"), e.getMessage());
    }

    @Test
    void alignmentReferencingAQuantizationTheDrafterLacksIsNamed() throws Exception {
        Path llama = dir.resolve("profiles/illustrative/alignment/llama3.json");
        edit(llama, "\"quantization\": \"q8_0\"", "\"quantization\": \"q2_k\"");
        ProfileException e = loadFails();
        assertEquals(llama, e.file());
        assertEquals("entries[1].quantization", e.field().orElseThrow());
    }

    @Test
    void alignmentPairingDifferentFamiliesIsRejected() throws Exception {
        Path llama = dir.resolve("profiles/illustrative/alignment/llama3.json");
        edit(llama, "\"target\": \"llama3.1-8b\"", "\"target\": \"qwen2.5-7b\"");
        ProfileException e = loadFails();
        assertEquals("entries[0].target", e.field().orElseThrow());
        assertTrue(e.reason().contains("must share a family"), e.getMessage());
    }

    @Test
    void duplicateIdAcrossFilesNamesBothFiles() throws Exception {
        Path copy = dir.resolve("profiles/illustrative/devices/zz-copy.json");
        Files.copy(dir.resolve("profiles/illustrative/devices/raspberry-pi-5.json"), copy);
        ProfileException e = loadFails();
        assertEquals(copy, e.file());
        assertTrue(e.getMessage().contains("raspberry-pi-5.json"), e.getMessage());
    }

    @Test
    void selectingAnUnknownDeviceNamesTheScenarioField() throws Exception {
        edit(
            scenario,
            "\"server\":",
            "\"select\": {\"devices\": [\"raspberry-pi-5\", \"pi-zero\"]}, \"server\":"
        );
        ProfileException e = loadFails();
        assertEquals(scenario, e.file());
        assertEquals("select.devices[1]", e.field().orElseThrow());
        assertTrue(e.reason().contains("unknown device 'pi-zero'"), e.getMessage());
    }

    @Test
    void repeatedSelectionIsNamed() throws Exception {
        edit(
            scenario,
            "\"server\":",
            "\"select\": {\"targets\": [\"qwen2.5-7b\", \"qwen2.5-7b\"]}, \"server\":"
        );
        ProfileException e = loadFails();
        assertEquals("select.targets[1]", e.field().orElseThrow());
    }

    @Test
    void unknownServerIsNamed() throws Exception {
        edit(scenario, "\"server\": \"paper-fixed-0.5s\"", "\"server\": \"h100\"");
        ProfileException e = loadFails();
        assertEquals("server", e.field().orElseThrow());
    }

    @Test
    void emptySelectionListSelectsNothing() throws Exception {
        edit(scenario, "\"server\":", "\"select\": {\"drafters\": []}, \"server\":");
        ProfileException e = loadFails();
        assertEquals("select.drafters", e.field().orElseThrow());
        assertTrue(e.reason().contains("selects nothing"), e.getMessage());
    }

    @Test
    void selectionWithoutAnyMatchingFamilySelectsNoConfiguration() throws Exception {
        edit(
            scenario,
            "\"server\":",
            "\"select\": {\"drafters\": [\"qwen2.5-0.5b\"], \"targets\": [\"llama3.1-8b\"]}, \"server\":"
        );
        ProfileException e = loadFails();
        assertEquals(scenario, e.file());
        assertEquals("select", e.field().orElseThrow());
        assertTrue(e.reason().contains("selects no configuration"), e.getMessage());
    }

    @Test
    void missingProfilesPathIsNamed() throws Exception {
        edit(scenario, "\"../profiles/illustrative\"", "\"../profiles/illustrative\", \"../nowhere\"");
        ProfileException e = loadFails();
        assertEquals("profiles[1]", e.field().orElseThrow());
    }

    @Test
    void aBadProfileFileNamesThatFileNotTheScenario() throws Exception {
        Path network = dir.resolve("profiles/illustrative/networks/wifi-lan.json");
        edit(network, "\"rttSeconds\": 0.02", "\"rttSeconds\": -1");
        ProfileException e = loadFails();
        assertEquals(network, e.file());
        assertEquals("rttSeconds", e.field().orElseThrow());
    }

    @Test
    void aFailedLoadTouchesNoFile() throws Exception {
        edit(
            dir.resolve("profiles/illustrative/networks/wifi-lan.json"),
            "\"rttSeconds\": 0.02",
            "\"rttSeconds\": \"fast\""
        );
        Map<Path, String> before = snapshot();
        loadFails();
        assertEquals(before, snapshot());
    }

    @Test
    void aBadFileLeavesAPreviouslyLoadedLibraryIntact() throws Exception {
        var first = ProfileLoader.load(List.of(dir.resolve("profiles")));
        int size = first.library().size();
        var device = first.library().device("raspberry-pi-5").orElseThrow();
        edit(
            dir.resolve("profiles/illustrative/devices/raspberry-pi-5.json"),
            "\"tokensPerSecond\": 28",
            "\"tokensPerSecond\": -28"
        );
        assertThrows(ProfileException.class, () -> ProfileLoader.load(List.of(dir.resolve("profiles"))));
        assertEquals(size, first.library().size());
        assertSame(device, first.library().device("raspberry-pi-5").orElseThrow());
    }

    @Test
    void aProfileFileIsNotAScenario() {
        Path pi5 = dir.resolve("profiles/illustrative/devices/raspberry-pi-5.json");
        ProfileException e = assertThrows(ProfileException.class, () -> ScenarioLoader.load(pi5));
        assertEquals("kind", e.field().orElseThrow());
    }

    @Test
    void unknownWhatIfKeyIsNamed() throws Exception {
        edit(scenario, "\"server\":", "\"whatIf\": {\"alphaScael\": 0.9}, \"server\":");
        ProfileException e = loadFails();
        assertEquals("whatIf.alphaScael", e.field().orElseThrow());
    }

    @Test
    void theOtherSampleScenarioLoads() throws Exception {
        var loaded = ScenarioLoader.load(dir.resolve("scenarios/fleet-linear.json"));
        assertTrue(loaded.space().evaluate().size() > 0);
    }
}
