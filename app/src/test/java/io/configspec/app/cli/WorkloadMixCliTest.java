package io.configspec.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * Issue 22 through the command line: a workload mix with routes is recommended with the routed
 * set's verdict against the single best drafter (acceptance 2's display), and a mix whose weights do
 * not sum to 1 or whose domain has no acceptance is refused with one sentence, exit 2 (acceptance 3).
 */
class WorkloadMixCliTest {

    private static final String SCENARIO = "scenarios/illustrative-workload-mix.json";

    @TempDir
    Path dir;

    @Test
    void recommendSaysWhetherTheRoutedSetBeatsTheSingleBestDrafter() throws Exception {
        Path scenario = SampleFiles.root().resolve(SCENARIO);
        CliRun text = CliRun.of("recommend", "--scenario", scenario.toString());
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("Routed drafting: routed set 0.5b-adapters (adapters, "), text.out());
        assertTrue(text.out().contains("the single best drafter qwen2.5-"), text.out());

        CliRun json = CliRun.of("recommend", "--scenario", scenario.toString(), "--format", "json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode routed = new ObjectMapper().readTree(json.out()).path("routed");
        assertEquals(1, routed.size(), json.out());
        JsonNode r = routed.get(0);
        assertEquals("0.5b-adapters", r.path("route").asText());
        assertTrue(r.path("goodputTokensPerSecond").asDouble() > 0);
        assertEquals(
            r.path("goodputTokensPerSecond").asDouble() >
                r.path("singleBestGoodputTokensPerSecond").asDouble(),
            r.path("beatsSingleBest").asBoolean()
        );
    }

    /** A mix entry of the sample changed one way, and the sentence that must refuse it. */
    static Stream<Arguments> damagedMixes() {
        return Stream.of(
            Arguments.of(
                "weights that do not sum to one",
                "{\"domain\": \"maths\", \"weight\": 0.3}",
                "workload.mix has weights that sum to 1.1, not 1"
            ),
            Arguments.of(
                "a domain without acceptance",
                "{\"domain\": \"poetry\", \"weight\": 0.2}",
                "workload.mix[2].domain is 'poetry', but no alignment entry"
            )
        );
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damagedMixes")
    void aDamagedMixGetsOneSentenceAndExit2(String what, String entry, String sentence) throws Exception {
        Path scenario = damaged("{\"domain\": \"maths\", \"weight\": 0.2}", entry);
        CliRun run = CliRun.of("recommend", "--scenario", scenario.toString());
        assertRefused(run, scenario, sentence);
    }

    private Path damaged(String from, String to) throws Exception {
        SampleFiles.copyTo(dir);
        Path scenario = dir.resolve(SCENARIO);
        String json = Files.readString(scenario).replaceAll(
            "\\{\\s*\"domain\": \"maths\",\\s*\"weight\": 0.2\\s*}",
            from
        );
        assertTrue(json.contains(from), json);
        Files.writeString(scenario, json.replace(from, to));
        return scenario;
    }

    private static void assertRefused(CliRun run, Path file, String expected) {
        run.assertBadInput();
        assertTrue(run.err().contains(file.getFileName().toString()), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertEquals("", run.out());
    }
}
