package io.configspec.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.Provenance;
import io.configspec.model.testing.SampleFiles;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading one file: every kind of bad input gives one sentence naming the file and the field or line. */
class ProfileCodecTest {

    @TempDir
    Path dir;

    private Path pi5;

    @BeforeEach
    void copySamples() {
        SampleFiles.copyTo(dir);
        pi5 = dir.resolve("profiles/illustrative/devices/raspberry-pi-5.json");
    }

    private ProfileException readFails(Path file) {
        return assertThrows(ProfileException.class, () -> ProfileCodec.read(file));
    }

    /** Replaces the first occurrence of {@code from} in the Pi 5 profile. */
    private Path editPi5(String from, String to) throws IOException {
        String text = Files.readString(pi5);
        assertTrue(text.contains(from), "sample no longer contains " + from);
        Files.writeString(
            pi5,
            text.replaceFirst(
                java.util.regex.Pattern.quote(from),
                java.util.regex.Matcher.quoteReplacement(to)
            )
        );
        return pi5;
    }

    /** Samples of kinds this codec reads (fleet-scenario files belong to model.fleet). */
    static boolean ownKind(Path file) {
        try {
            return ProfileCodec.kindOf(JsonInput.readTree(file))
                .filter(ProfileCodec.KINDS::contains)
                .isPresent();
        } catch (ProfileException e) {
            return true;
        }
    }

    /** The sample files of the kinds {@link ProfileCodec} reads (and those it cannot even parse). */
    static List<Path> ownSampleFiles() throws IOException {
        try (Stream<Path> files = Files.walk(SampleFiles.root())) {
            return files
                .filter(p -> p.toString().endsWith(".json"))
                .filter(ProfileCodecTest::ownKind)
                .toList();
        }
    }

    private static void assertOneSentence(ProfileException e) {
        String message = e.getMessage();
        assertTrue(message.endsWith("."), message);
        assertEquals(1, message.lines().count(), message);
        assertTrue(message.startsWith(e.file().toString()), message);
    }

    /** Sample files the damage tables of this and other tests edit, relative to the samples folder. */
    static final String PI5 = "profiles/illustrative/devices/raspberry-pi-5.json";
    static final String LLAMA = "profiles/illustrative/alignment/llama3.json";
    static final String MODELS = "profiles/illustrative/models/models.json";
    static final String PAPER = "scenarios/illustrative-edge.json";

    /** A damage to one sample file and what the sentence must say: the field (a pattern) and a fragment of the reason. */
    static Stream<Arguments> damages() {
        String speed = "\"tokensPerSecond\": 28";
        return Stream.of(
            Arguments.of(
                PI5,
                speed,
                "\"tokensPerSecond\": \"NaN\"",
                "drafting\\[8]\\.tokensPerSecond",
                "must be a number"
            ),
            Arguments.of(
                PI5,
                speed,
                "\"tokensPerSecond\": 1e400",
                "drafting\\[8]\\.tokensPerSecond",
                "finite"
            ),
            Arguments.of(
                PI5,
                "\"memoryGiB\": 8",
                "\"memoryGiB\": [8]",
                "memoryGiB",
                "must be a number but is an array"
            ),
            Arguments.of(
                PI5,
                speed,
                "\"tokensPerSecond\": 0",
                "drafting\\[8]\\.tokensPerSecond",
                "greater than 0 but is 0"
            ),
            Arguments.of(PI5, speed, "\"tokensPerSecond\": -3.5", "drafting\\[8]\\.tokensPerSecond", "-3.5"),
            Arguments.of(
                LLAMA,
                "\"acceptanceRate\": 0.7,",
                "\"acceptanceRate\": 1.2,",
                "entries\\[0]\\.acceptanceRate",
                "between 0 and 1 but is 1.2"
            ),
            Arguments.of(
                LLAMA,
                "\"acceptanceLow\": 0.68,",
                "\"acceptanceLow\": -0.1,",
                "entries\\[0]\\.acceptanceLow",
                "between 0 and 1"
            ),
            Arguments.of(
                LLAMA,
                "\"acceptanceLow\": 0.68,",
                "\"acceptanceLow\": 0.71,",
                "entries\\[0]\\.acceptanceLow",
                "must not exceed acceptanceRate"
            ),
            Arguments.of(
                PI5,
                "\"tokensPerSecond\": 14,\n      ",
                "",
                "drafting\\[\\d+]\\.tokensPerSecond",
                "is missing"
            ),
            Arguments.of(
                PI5,
                "\"memoryGiB\": 8",
                "\"memoryGib\": 8, \"memoryGiB\": 8",
                "memoryGib",
                "not a known field"
            ),
            Arguments.of(
                PI5,
                "\"schemaVersion\": 1",
                "\"schemaVersion\": 2",
                "schemaVersion",
                "reads schemaVersion 1"
            ),
            Arguments.of(PI5, "\"kind\": \"device\"", "\"kind\": \"toaster\"", "kind", "must be one of"),
            Arguments.of(
                PI5,
                "\"provenance\": {",
                "\"provenance\": {\"kind\": \"measured\", \"tool\": \"t\", \"date\": \"yesterday\", \"sampleCount\": 3}, \"x-old\": {",
                "provenance\\.date",
                "must be a date like 2026-01-31"
            ),
            Arguments.of(
                PI5,
                "\"fieldProvenance\": {",
                "\"fieldProvenance\": {\"idlePowerWats\": {\"kind\": \"illustrative\"}, ",
                "fieldProvenance\\.idlePowerWats",
                "names no field"
            ),
            Arguments.of(
                MODELS,
                "\"id\": \"qwen2.5-1.5b\"",
                "\"id\": \"qwen2.5-0.5b\"",
                "drafters\\[\\d+]\\.id",
                "repeats drafter 'qwen2.5-0.5b'"
            ),
            Arguments.of(
                LLAMA,
                "\"quantization\": \"q8_0\"",
                "\"quantization\": \"q4_k_m\"",
                "entries\\[\\d+]",
                "repeats"
            ),
            Arguments.of(
                PAPER,
                "\"objectives\": [\n    \"goodput\",\n    \"cost\",\n    \"energy\"\n  ]",
                "\"objectives\": []",
                "objectives",
                "must list at least 1 entry"
            ),
            Arguments.of(
                PAPER,
                "\"server\":",
                "\"select\": {\"targets\": [\"a\", \"a\"]}, \"server\":",
                "select\\.targets\\[1]",
                "repeats"
            ),
            Arguments.of(
                PAPER,
                "\"server\":",
                "\"whatIf\": {\"alphaScael\": 0.9}, \"server\":",
                "whatIf\\.alphaScael",
                "not a known field"
            )
        );
    }

    @ParameterizedTest
    @MethodSource("damages")
    void eachDamageIsOneSentenceNamingTheField(
        String file,
        String from,
        String to,
        String field,
        String reason
    ) throws Exception {
        Path damaged = dir.resolve(file);
        String text = Files.readString(damaged);
        assertTrue(text.contains(from), "sample no longer contains " + from);
        Files.writeString(damaged, text.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to)));
        ProfileException e = readFails(damaged);
        assertOneSentence(e);
        assertTrue(e.field().orElseThrow().matches(field), e.getMessage());
        assertTrue(e.reason().contains(reason), e.getMessage());
        assertTrue(e.getMessage().contains("(at " + e.pointer().orElseThrow() + ")"), e.getMessage());
    }

    @Test
    void everySampleFileReads() throws Exception {
        for (Path file : ProfileCodecTest.ownSampleFiles()) {
            ProfileCodec.read(file);
        }
    }

    /**
     * Malformed, truncated and empty content: one sentence saying what the parser found (and, where
     * it has one, the line and column), without the parser's source references.
     */
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
            "\"cpu\": | \"cpu\"  | 2 | not valid JSON",
            "\"tokensPerSecond\": 28 | \"tokensPerSecond\": NaN | 1 | not valid JSON",
            " | {\"schemaVersion\": 1, \"kind\": \"device\" | 0 | Unexpected end-of-input",
            " | '' | 0 | is empty",
        }
    )
    void malformedJsonIsOneSentenceNamingThePosition(String from, String to, int line, String fragment)
        throws Exception {
        if (from == null) {
            Files.writeString(pi5, to);
        } else {
            editPi5(from, to);
        }
        ProfileException e = readFails(pi5);
        assertOneSentence(e);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        assertFalse(e.getMessage().contains("Source"), e.getMessage());
        if (line > 0) {
            assertTrue(e.line() >= line, e.getMessage());
            assertTrue(e.getMessage().contains("line " + e.line() + ", column "), e.getMessage());
        }
    }

    @Test
    void topLevelArrayIsRejected() throws Exception {
        Files.writeString(pi5, "[1, 2]");
        assertTrue(readFails(pi5).getMessage().contains("must contain a JSON object"));
    }

    @Test
    void duplicateKeyIsMalformed() throws Exception {
        editPi5("\"memoryGiB\": 8", "\"memoryGiB\": 8, \"memoryGiB\": 9");
        ProfileException e = readFails(pi5);
        assertTrue(e.line() > 0, e.getMessage());
        assertTrue(e.getMessage().contains("memoryGiB"), e.getMessage());
    }

    @Test
    void fileOver50MegabytesIsRefusedBeforeReading() throws Exception {
        Path big = dir.resolve("big.json");
        try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(JsonInput.MAX_FILE_BYTES + 1); // sparse: no 50 MB written
        }
        ProfileException e = readFails(big);
        assertOneSentence(e);
        assertTrue(e.getMessage().contains("larger than the 50 MB limit"), e.getMessage());
    }

    @Test
    void missingFileIsNamed() {
        ProfileException e = readFails(dir.resolve("nope.json"));
        assertTrue(e.getMessage().endsWith("nope.json does not exist."), e.getMessage());
    }

    @Test
    void fieldProvenanceOfADefaultedOptionalFieldSurvivesARoundTrip() throws Exception {
        var measured = new Provenance.Measured("profiler 1", java.time.LocalDate.of(2026, 1, 2), 30);
        writtenAndRead(
            measured,
            java.util.Map.of("contextSlowdownPerThousandTokens", measured, "roundOverheadSeconds", measured)
        );
    }

    /**
     * A measured device with one drafting entry whose optional fields (context slowdown, round
     * overhead) are 0, written and read back: it must read back equal.
     */
    private DeviceProfile writtenAndRead(
        Provenance provenance,
        java.util.Map<String, Provenance> fieldProvenance
    ) throws Exception {
        var drafting = new io.configspec.model.domain.DraftingMeasurement(
            "d",
            "int8",
            40,
            0,
            0,
            5,
            provenance,
            fieldProvenance
        );
        var device = new DeviceProfile(
            "d",
            "D",
            io.configspec.model.domain.DeviceKind.LAPTOP,
            "cpu",
            "",
            8,
            2,
            java.util.List.of(drafting),
            provenance,
            java.util.Map.of()
        );
        Path file = dir.resolve("device-d.json");
        ProfileCodec.write(file, new ProfileDocument.DeviceDocument(device));
        DeviceProfile read = ((ProfileDocument.DeviceDocument) ProfileCodec.read(file)).device();
        assertEquals(device, read);
        return read;
    }

    @Test
    void aDevicesKindTakesAFieldProvenanceUnderTheFilesName() throws Exception {
        Path file = dir.resolve(PI5);
        Files.writeString(
            file,
            Files.readString(file).replace(
                "\"fieldProvenance\": {",
                "\"fieldProvenance\": {\"deviceKind\": {\"kind\": \"literature\", \"source\": \"vendor page\"}, "
            )
        );
        DeviceProfile device = ((ProfileDocument.DeviceDocument) ProfileCodec.read(file)).device();
        assertEquals(new Provenance.Literature("vendor page"), device.provenanceOf("deviceKind"));
        Path written = dir.resolve("device-written.json");
        ProfileCodec.write(written, new ProfileDocument.DeviceDocument(device));
        assertEquals(device, ((ProfileDocument.DeviceDocument) ProfileCodec.read(written)).device());
        assertTrue(Files.readString(written).contains("\"deviceKind\" : {"), Files.readString(written));
    }

    @Test
    void fieldProvenanceIsWrittenInTheRecordsFieldOrderWhateverOrderItWasGivenIn() throws Exception {
        var measured = new Provenance.Measured("profiler 1", java.time.LocalDate.of(2026, 1, 2), 30);
        var paper = new Provenance.Literature("paper");
        String first = null;
        for (List<String> order : List.of(
            List.of("powerWatts", "tokensPerSecond", "roundOverheadSeconds"),
            List.of("roundOverheadSeconds", "powerWatts", "tokensPerSecond"),
            List.of("tokensPerSecond", "roundOverheadSeconds", "powerWatts")
        )) {
            var given = new java.util.LinkedHashMap<String, Provenance>();
            order.forEach(field -> given.put(field, field.equals("powerWatts") ? paper : measured));
            writtenAndRead(measured, given);
            String text = Files.readString(dir.resolve("device-d.json"));
            assertTrue(
                text.indexOf("\"tokensPerSecond\" : {") < text.indexOf("\"roundOverheadSeconds\" : {") &&
                    text.indexOf("\"roundOverheadSeconds\" : {") < text.indexOf("\"powerWatts\" : {"),
                text
            );
            if (first == null) {
                first = text;
            }
            assertEquals(first, text, "the same profile must be written byte for byte the same");
        }
    }

    @Test
    void drafterEntriesInheritTheDeviceProvenanceUnlessOverridden() throws Exception {
        DeviceProfile device = ((ProfileDocument.DeviceDocument) ProfileCodec.read(
                dir.resolve("profiles/illustrative/devices/raspberry-pi-4b.json")
            )).device();
        assertEquals(device.provenance(), device.drafting().getFirst().provenance());
        var literature = device
            .drafting("qwen2.5-3b", "q4_k_m")
            .orElseThrow()
            .provenanceOf("tokensPerSecond");
        assertTrue(literature instanceof Provenance.Literature, literature.toString());
        assertTrue(device.provenanceOf("idlePowerWatts") instanceof Provenance.Literature);
        assertTrue(device.provenanceOf("memoryGiB") instanceof Provenance.Illustrative);
    }

    @Test
    void everyKindSurvivesAWriteReadRoundTrip() throws Exception {
        for (Path file : ProfileCodecTest.ownSampleFiles()) {
            ProfileDocument original = ProfileCodec.read(file);
            Path copy = dir.resolve("roundtrip-" + file.getFileName());
            ProfileCodec.write(copy, original);
            assertEquals(original, ProfileCodec.read(copy), file.toString());
        }
    }

    @Test
    void zeroOptionalFieldWithItsOwnProvenanceSurvivesARoundTrip() throws Exception {
        var notMeasured = new Provenance.Illustrative("not measured");
        var measured = new Provenance.Measured("configspec test", java.time.LocalDate.of(2026, 11, 21), 12);
        var read = writtenAndRead(
            measured,
            java.util.Map.of("contextSlowdownPerThousandTokens", notMeasured)
        );
        assertEquals(
            notMeasured,
            read.drafting().getFirst().provenanceOf("contextSlowdownPerThousandTokens")
        );
    }
}
