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

    /** {@code recommend --format json} of the sample with {@code extra} arguments. */
    private static JsonNode recommend(String... extra) throws Exception {
        Path scenario = SampleFiles.root().resolve(SCENARIO);
        java.util.List<String> args = new java.util.ArrayList<>(
            java.util.List.of("recommend", "--scenario", scenario.toString(), "--format", "json")
        );
        args.addAll(java.util.List.of(extra));
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return new ObjectMapper().readTree(run.out());
    }

    /** The explorer's mix sliders on the command line: --mix replaces the file's mix for this run. */
    @Test
    void mixReplacesTheScenariosMixForOneRun() throws Exception {
        JsonNode file = recommend();
        JsonNode sameAsFile = recommend("--mix", "code=0.4,chat=0.4,maths=0.2");
        JsonNode maths = recommend("--mix", "code=0.05,chat=0.05,maths=0.9");

        assertEquals(
            file.path("routed"),
            sameAsFile.path("routed"),
            "the file's own mix gives the file's answer"
        );
        double fileRouted = file.path("routed").get(0).path("goodputTokensPerSecond").asDouble();
        double mathsRouted = maths.path("routed").get(0).path("goodputTokensPerSecond").asDouble();
        assertTrue(Math.abs(fileRouted - mathsRouted) > 1e-6, fileRouted + " vs " + mathsRouted);
    }

    static Stream<Arguments> refusedMixOptions() {
        return Stream.of(
            Arguments.of("code=0.5,chat=0.4", "--mix: workload.mix has weights that sum to 0.9, not 1"),
            Arguments.of(
                "code=0.5,chat=0.3,poetry=0.2",
                "--mix: workload.mix[2].domain is 'poetry', but no alignment entry"
            ),
            Arguments.of("code=half,chat=0.5", "--mix code must be a share from 0 to 1 but is 'half'"),
            Arguments.of("code=1.5", "--mix code must be"),
            Arguments.of("code", "--mix code must look like DOMAIN=SHARE")
        );
    }

    @ParameterizedTest(name = "--mix {0}")
    @MethodSource("refusedMixOptions")
    void aBadMixOptionGetsOneSentenceAndExit2(String mix, String sentence) throws Exception {
        Path scenario = SampleFiles.root().resolve(SCENARIO);
        CliRun run = CliRun.of("recommend", "--scenario", scenario.toString(), "--mix", mix);
        run.assertBadInput();
        assertTrue(run.err().contains(sentence), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertEquals("", run.out());
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
