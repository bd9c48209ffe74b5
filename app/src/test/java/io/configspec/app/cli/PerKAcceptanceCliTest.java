package io.configspec.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.configspec.model.testing.SampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Acceptance measured per K on the command line (issue 9): the paper scenario's sweep lists the
 * paper's enumeration with the acceptance spread, and a bad per-K table (a K missing, α(K) above 1,
 * a scenario K outside the table) gets exit 2 and one sentence naming the file and the field.
 */
class PerKAcceptanceCliTest {

    private static final String QWEN = "profiles/configspec-paper/alignment/qwen3-32b.json";
    private static final String SCENARIO = "scenarios/configspec-paper.json";

    @TempDir
    Path dir;

    static Stream<Arguments> damages() {
        return Stream.of(
            Arguments.of(
                "a K missing",
                QWEN,
                "{\n          \"k\": 3,",
                "{\n          \"k\": 4,",
                "entries[0].acceptanceByK[1].k",
                "K 3 is missing"
            ),
            Arguments.of(
                "α(K) above 1",
                QWEN,
                "\"acceptanceRate\": 0.5626628714250547,",
                "\"acceptanceRate\": 1.5626628714250547,",
                "entries[0].acceptanceByK[0].acceptanceRate",
                "must be between 0 and 1"
            ),
            Arguments.of(
                "no K",
                QWEN,
                "\"k\": 2,\n          \"acceptanceRate\": 0.5626628714250547,",
                "\"acceptanceRate\": 0.5626628714250547,",
                "entries[0].acceptanceByK[0].k",
                "is missing"
            ),
            Arguments.of(
                "scenario K beyond the table",
                SCENARIO,
                "\"max\": 10",
                "\"max\": 12",
                "k.max",
                "measured for K 2..10 only (" // then the table's file and field, checked below
            )
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damages")
    void badPerKTableIsOneSentenceNamingFileAndField(
        String name,
        String file,
        String from,
        String to,
        String field,
        String expected
    ) throws Exception {
        SampleFiles.copyTo(dir);
        Path damaged = dir.resolve(file);
        String text = Files.readString(damaged);
        assertTrue(text.contains(from), from);
        Files.writeString(damaged, text.replaceFirst(java.util.regex.Pattern.quote(from), to));
        for (String command : new String[] { "sweep", "validate" }) {
            CliRun run = command.equals("sweep")
                ? CliRun.of("sweep", "--scenario", dir.resolve(SCENARIO).toString(), "--format", "json")
                : CliRun.of("validate", dir.resolve(SCENARIO).toString());
            assertEquals(2, run.exitCode(), command + ": " + run.err());
            String sentence = run.err().strip();
            assertEquals(1, sentence.lines().count(), sentence);
            assertTrue(sentence.startsWith(damaged.toString() + ": " + field + " "), sentence);
            assertTrue(sentence.contains(expected), sentence);
            if (field.equals("k.max")) {
                assertTrue(sentence.contains(dir.resolve(QWEN) + ", acceptanceByK"), sentence);
            }
            assertTrue(sentence.endsWith("."), sentence);
            assertFalse(sentence.contains("Exception"), sentence);
            assertEquals("", run.out());
        }
    }

    @Test
    void whatIfBeyondTheMeasuredKIsRefused() {
        CliRun run = CliRun.onPaper("sweep", "--set", "kMax=16");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("kMax is 16"), run.err());
        assertTrue(run.err().contains("measured for K 2..10 only"), run.err());
    }

    @Test
    void sweepListsThePapersEnumerationWithTheAcceptanceSpread() throws Exception {
        JsonNode root = CliRun.paperSweep();
        assertEquals("k", root.get("scenario").get("billing").asText());
        JsonNode rows = root.get("configurations");
        assertEquals(3 * 13 * 9, rows.size());
        for (JsonNode row : rows) {
            assertEquals("per-k", row.get("acceptanceForm").asText());
            double g = row.get("goodputTokensPerSecond").asDouble();
            assertTrue(
                row.get("goodputLow").asDouble() < g && g < row.get("goodputHigh").asDouble(),
                row.toString()
            );
            double c = row.get("tokensPerDollar").asDouble();
            assertTrue(
                row.get("tokensPerDollarLow").asDouble() < c && c < row.get("tokensPerDollarHigh").asDouble()
            );
            // α(K) = (E[N] − 1) / K
            assertEquals(
                row.get("acceptanceRate").asDouble() * row.get("k").asInt() + 1,
                row.get("expectedTokensPerRound").asDouble(),
                1e-12
            );
            boolean pi4 = row.get("device").asText().equals("raspberry-pi-4b-paper");
            // the Raspberry Pi 4B has no published power: its energy is not measured, never invented
            assertEquals(pi4, row.get("tokensPerJoule").isNull(), row.toString());
        }
    }
}
