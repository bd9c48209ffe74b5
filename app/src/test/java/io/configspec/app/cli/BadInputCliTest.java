package io.configspec.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.testing.SampleFiles;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance 3 of issue 2 through the command line: each kind of bad input gives exit code 2, one
 * sentence on standard error naming the file and the field (or line), no stack trace, nothing on
 * standard output, and no file touched.
 */
class BadInputCliTest {

    @TempDir
    Path dir;

    /** A damage to the sample copy: file (relative), text to find, replacement; expected fragment of the message. */
    record Damage(String file, String from, String to, String expected) {}

    static Stream<Arguments> damages() {
        String pi5 = "profiles/illustrative/devices/raspberry-pi-5.json";
        String llama = "profiles/illustrative/alignment/llama3.json";
        String scenario = "scenarios/illustrative-edge.json";
        return Stream.of(
            Arguments.of("malformed JSON", new Damage(pi5, "\"cpu\":", "\"cpu\" ", "line ")),
            Arguments.of(
                "wrong type",
                new Damage(pi5, "\"memoryGiB\": 8", "\"memoryGiB\": \"eight\"", "memoryGiB must be a number")
            ),
            Arguments.of(
                "α above 1",
                new Damage(
                    llama,
                    "\"acceptanceRate\": 0.7,",
                    "\"acceptanceRate\": 1.7,",
                    "acceptanceRate must be between 0 and 1"
                )
            ),
            Arguments.of(
                "α below 0",
                new Damage(
                    llama,
                    "\"acceptanceRate\": 0.7,",
                    "\"acceptanceRate\": -0.7,",
                    "acceptanceRate must be between 0 and 1"
                )
            ),
            Arguments.of(
                "zero throughput",
                new Damage(
                    pi5,
                    "\"tokensPerSecond\": 28",
                    "\"tokensPerSecond\": 0",
                    "tokensPerSecond must be greater than 0"
                )
            ),
            Arguments.of(
                "negative throughput",
                new Damage(
                    pi5,
                    "\"tokensPerSecond\": 28",
                    "\"tokensPerSecond\": -28",
                    "tokensPerSecond must be greater than 0"
                )
            ),
            Arguments.of(
                "NaN as text",
                new Damage(
                    pi5,
                    "\"tokensPerSecond\": 28",
                    "\"tokensPerSecond\": \"NaN\"",
                    "tokensPerSecond must be a number"
                )
            ),
            Arguments.of(
                "NaN literal",
                new Damage(pi5, "\"tokensPerSecond\": 28", "\"tokensPerSecond\": NaN", "line ")
            ),
            Arguments.of(
                "unknown reference",
                new Damage(
                    pi5,
                    "\"drafter\": \"qwen2.5-3b\"",
                    "\"drafter\": \"qwen9\"",
                    "unknown drafter 'qwen9'"
                )
            ),
            Arguments.of(
                "missing field",
                new Damage(
                    pi5,
                    "\"cpu\": \"Broadcom BCM2712, 4 × Cortex-A76 @ 2.4 GHz\",",
                    "",
                    "cpu is missing"
                )
            ),
            Arguments.of(
                "selects nothing",
                new Damage(
                    scenario,
                    "\"server\":",
                    "\"select\": {\"devices\": []}, \"server\":",
                    "selects nothing"
                )
            ),
            Arguments.of(
                "selects no configuration",
                new Damage(
                    scenario,
                    "\"server\":",
                    "\"select\": {\"drafters\": [\"llama3.2-1b\"], \"targets\": [\"qwen2.5-7b\"]}, \"server\":",
                    "selects no configuration"
                )
            )
        );
    }

    private Map<Path, String> snapshot() throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(
                    p,
                    Files.size(p) +
                        ":" +
                        (Files.size(p) < 1_000_000 ? Files.readString(p) : "") +
                        "@" +
                        Files.getLastModifiedTime(p)
                );
            }
        }
        return files;
    }

    private void assertRejected(CliRun run, Path file, String expected) {
        run.assertBadInput();
        String sentence = run.err().strip();
        assertTrue(sentence.startsWith(file.toString()), sentence);
        assertTrue(sentence.contains(expected), sentence);
        assertTrue(sentence.endsWith("."), sentence);
        assertFalse(sentence.contains("Exception"), sentence);
        assertEquals("", run.out());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void sweepRejectsBadInput(String name, Damage damage) throws Exception {
        SampleFiles.copyTo(dir);
        Path file = dir.resolve(damage.file());
        String text = Files.readString(file);
        assertTrue(text.contains(damage.from()), damage.from());
        Files.writeString(file, text.replace(damage.from(), damage.to()));
        Map<Path, String> before = snapshot();
        Path out = dir.resolve("out.json");
        CliRun run = CliRun.of(
            "sweep",
            "--scenario",
            dir.resolve("scenarios/illustrative-edge.json").toString(),
            "--format",
            "json",
            "--out",
            out.toString()
        );
        assertRejected(run, file, damage.expected());
        assertEquals(before, snapshot());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void validateRejectsBadInput(String name, Damage damage) throws Exception {
        SampleFiles.copyTo(dir);
        Path file = dir.resolve(damage.file());
        Files.writeString(file, Files.readString(file).replace(damage.from(), damage.to()));
        Map<Path, String> before = snapshot();
        CliRun run = CliRun.of("validate", dir.resolve("scenarios/illustrative-edge.json").toString());
        assertRejected(run, file, damage.expected());
        assertEquals(before, snapshot());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.configspec.app.cli.BadInputCliTest#hugeFileCommands")
    void fileOver50MegabytesIsRefused(String command) throws Exception {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(50_000_001L); // sparse
        }
        Map<Path, String> before = snapshot();
        CliRun run = command.equals("sweep")
            ? CliRun.of("sweep", "--scenario", big.toString())
            : CliRun.of("validate", big.toString());
        assertRejected(run, big, "larger than the 50 MB limit");
        assertEquals(before, snapshot());
    }

    static Stream<String> hugeFileCommands() {
        return Stream.of("sweep", "validate");
    }
}
