package io.configspec.model.io;

import static io.configspec.model.io.ProfileCodecTest.LLAMA;
import static io.configspec.model.io.ProfileCodecTest.PAPER;
import static io.configspec.model.io.ProfileCodecTest.PI5;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    /** A damage, the file it is made in, and the file, field (a pattern) and reason the sentence must name. */
    static Stream<Arguments> damages() {
        String server = "\"server\":";
        return Stream.of(
            Arguments.of(
                PI5,
                "\"drafter\": \"qwen2.5-3b\"",
                "\"drafter\": \"qwen9-3b\"",
                PI5,
                ".*\\.drafter",
                "unknown drafter 'qwen9-3b'"
            ),
            Arguments.of(
                LLAMA,
                "\"quantization\": \"q8_0\"",
                "\"quantization\": \"q2_k\"",
                LLAMA,
                "entries\\[1]\\.quantization",
                "q2_k"
            ),
            Arguments.of(
                LLAMA,
                "\"target\": \"llama3.1-8b\"",
                "\"target\": \"qwen2.5-7b\"",
                LLAMA,
                "entries\\[0]\\.target",
                "must share a family"
            ),
            Arguments.of(
                PAPER,
                server,
                "\"select\": {\"devices\": [\"raspberry-pi-5\", \"pi-zero\"]}, " + server,
                PAPER,
                "select\\.devices\\[1]",
                "unknown device 'pi-zero'"
            ),
            Arguments.of(
                PAPER,
                server,
                "\"select\": {\"targets\": [\"qwen2.5-7b\", \"qwen2.5-7b\"]}, " + server,
                PAPER,
                "select\\.targets\\[1]",
                "repeats"
            ),
            Arguments.of(
                PAPER,
                "\"server\": \"paper-fixed-0.5s\"",
                "\"server\": \"h100\"",
                PAPER,
                "server",
                "h100"
            ),
            Arguments.of(
                PAPER,
                server,
                "\"select\": {\"drafters\": []}, " + server,
                PAPER,
                "select\\.drafters",
                "selects nothing"
            ),
            Arguments.of(
                PAPER,
                server,
                "\"select\": {\"drafters\": [\"qwen2.5-0.5b\"], \"targets\": [\"llama3.1-8b\"]}, " + server,
                PAPER,
                "select",
                "selects no configuration"
            ),
            Arguments.of(
                PAPER,
                "\"../profiles/illustrative\"",
                "\"../profiles/illustrative\", \"../nowhere\"",
                PAPER,
                "profiles\\[1]",
                "does not exist"
            ),
            Arguments.of(
                "profiles/illustrative/networks/wifi-lan.json",
                "\"rttSeconds\": 0.02",
                "\"rttSeconds\": -1",
                "profiles/illustrative/networks/wifi-lan.json",
                "rttSeconds",
                "0 or more"
            ),
            Arguments.of(
                PAPER,
                server,
                "\"whatIf\": {\"alphaScael\": 0.9}, " + server,
                PAPER,
                "whatIf\\.alphaScael",
                "not a known field"
            )
        );
    }

    @ParameterizedTest
    @MethodSource("damages")
    void eachDamageNamesTheFileAtFault(
        String edited,
        String from,
        String to,
        String blamed,
        String field,
        String reason
    ) throws Exception {
        edit(dir.resolve(edited), from, to);
        ProfileException e = loadFails();
        assertEquals(dir.resolve(blamed), e.file(), e.getMessage());
        assertTrue(e.field().orElseThrow().matches(field), e.getMessage());
        assertTrue(e.reason().contains(reason), e.getMessage());
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
    void theOtherSampleScenarioLoads() throws Exception {
        var loaded = ScenarioLoader.load(dir.resolve("scenarios/fleet-linear.json"));
        assertTrue(loaded.space().evaluate().size() > 0);
    }
}
