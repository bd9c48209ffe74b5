package io.configspec.app.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.explorer.Samples;
import io.configspec.model.analysis.Objective;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.service.ConfigurationFilter;
import io.configspec.model.service.ConfigurationRowWriter;
import io.configspec.model.service.ScenarioEvaluation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, acceptance 2 (and issue 20, acceptance 2): {@code pareto}, {@code recommend} and
 * {@code sweep --format csv} over more than 10 million configurations succeed in a child JVM with a
 * 1 GB heap, and what they print is checked against an in-memory evaluation of the same scenario
 * with K up to {@value #SMALL_K_MAX}.
 *
 * <p>Why the small evaluation is the right answer: every profile of the sample scenario has a
 * constant acceptance rate α ≤ 0.8, so beyond K = {@value #SMALL_K_MAX} E[N] no longer grows
 * (α^300 is below double precision) while round time, price and energy keep growing with K: every
 * row with a larger K is worse on all three objectives than the same combination at K = {@value
 * #SMALL_K_MAX}, so the front, the recommendations and every row's {@code pareto} flag are those of
 * the small space. The large space in memory would need about 1.3 GB (rows and front), more than
 * the child's heap; streamed, it needs a few MB.
 */
class TenMillionConfigurationsTest {

    /** kMax of the large space: 112 combinations × 90,000 K = 10.08 million configurations. */
    private static final int K_MAX = 90_000;

    private static final int SMALL_K_MAX = 300;

    private static Path scenario;
    private static ScenarioEvaluation small;

    @TempDir
    Path dir;

    @BeforeAll
    static void evaluateTheSmallSpace() throws Exception {
        scenario = Samples.root().resolve("scenarios/illustrative-edge.json");
        if (!Files.exists(scenario)) {
            scenario = Samples.paperScenario(); // before the paper's data moved the old scenario
        }
        ScenarioLoader.LoadedScenario loaded = ScenarioLoader.load(scenario);
        small = ScenarioEvaluation.evaluate(
            loaded,
            loaded.scenario().whatIf().with("kMax", Integer.toString(SMALL_K_MAX)),
            ConfigurationFilter.ALL,
            null
        );
        long large = (long) small.space().combinations().size() * (K_MAX - small.rows().kMin() + 1);
        assertTrue(large >= 10_000_000L, "the large space has only " + large + " configurations");
    }

    private Process child(String... args) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(
            List.of(
                java,
                "-Xmx1g",
                "-cp",
                System.getProperty("java.class.path"),
                "io.configspec.app.Main",
                args[0],
                "--scenario",
                scenario.toString(),
                "--set",
                "kMax=" + K_MAX
            )
        );
        command.addAll(List.of(args).subList(1, args.length));
        return new ProcessBuilder(command).redirectError(dir.resolve(args[0] + ".err").toFile()).start();
    }

    private String finish(Process process, String name) throws Exception {
        assertTrue(process.waitFor(20, TimeUnit.MINUTES), name + " did not finish");
        assertEquals(0, process.exitValue(), Files.readString(dir.resolve(name + ".err")));
        return Files.readString(dir.resolve(name + ".err"));
    }

    private String run(String... args) throws Exception {
        Process process = child(args);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        finish(process, args[0]);
        return out;
    }

    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    private static String csv(ScenarioEvaluation evaluation, int[] rows) throws IOException {
        StringWriter out = new StringWriter();
        ConfigurationRowWriter.writeRows(ConfigurationRowWriter.Format.CSV, out, evaluation, rows);
        return out.toString();
    }

    @Test
    void paretoOverTenMillionConfigurationsInOneGigabyte() throws Exception {
        String out = run("pareto", "--format", "csv");
        assertEquals(csv(small, small.frontBestFirst(Objective.GOODPUT_COST_ENERGY)), out);
    }

    @Test
    void recommendOverTenMillionConfigurationsInOneGigabyte() throws Exception {
        String out = run("recommend", "--format", "csv");
        StringWriter expected = new StringWriter();
        ConfigurationRowWriter.writeRecommendations(
            ConfigurationRowWriter.Format.CSV,
            expected,
            small,
            small.recommendations()
        );
        List<String> got = lines(out);
        List<String> want = lines(expected.toString());
        assertEquals(want.size(), got.size(), out);
        assertEquals(small.recommendations().size() + 1, got.size());
        // the configurations and every number agree; a reason may name a runner-up at a larger K
        assertEquals(want.getFirst(), got.getFirst());
        for (int i = 1; i < want.size(); i++) {
            String reason = small.recommendations().get(i - 1).reason();
            boolean quoted = reason.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
            String cell = quoted ? "\"" + reason.replace("\"", "\"\"") + "\"" : reason;
            String row = want.get(i).substring(0, want.get(i).length() - cell.length());
            assertTrue(
                got.get(i).startsWith(row),
                "line " + i + ": " + got.get(i) + "\nexpected to start with " + row
            );
        }
    }

    @Test
    void sweepOfTenMillionConfigurationsStreamsInOneGigabyte() throws Exception {
        // every row of the large space whose K the small space has must be the small space's line
        Map<String, String> expected = new HashMap<>();
        List<String> smallLines = lines(csv(small, allRows(small)));
        String header = smallLines.getFirst();
        for (String line : smallLines.subList(1, smallLines.size())) {
            expected.put(key(line), line);
        }
        Process process = child("sweep", "--format", "csv");
        long count = 0;
        long onFront = 0;
        long matched = 0;
        Set<String> frontKeys = new HashSet<>();
        try (
            BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8),
                1 << 20
            )
        ) {
            assertEquals(header, reader.readLine());
            int paretoColumn = List.of(header.split(",")).indexOf("pareto");
            String line;
            while ((line = reader.readLine()) != null) {
                count++;
                String key = key(line);
                String want = expected.get(key);
                if (want != null) {
                    assertEquals(want, line);
                    matched++;
                }
                if (field(line, paretoColumn).equals("true")) {
                    onFront++;
                    frontKeys.add(key);
                }
            }
        }
        finish(process, "sweep");
        long combinations = small.space().combinations().size();
        assertEquals(combinations * (K_MAX - small.rows().kMin() + 1), count);
        assertEquals(small.size(), matched);
        assertEquals(small.paperFront().length, onFront);
        Set<String> smallFront = new HashSet<>();
        for (int row : small.paperFront()) {
            smallFront.add(key(smallLines.get(row + 1)));
        }
        assertEquals(smallFront, frontKeys);
    }

    private static int[] allRows(ScenarioEvaluation evaluation) {
        int[] rows = new int[evaluation.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        return rows;
    }

    /** device,drafter,quantization,target,k: the first five cells (ids hold no comma). */
    private static String key(String line) {
        int at = -1;
        for (int i = 0; i < 5; i++) {
            at = line.indexOf(',', at + 1);
        }
        return line.substring(0, at);
    }

    /** The cell at {@code column}, for the columns before any quoted cell. */
    private static String field(String line, int column) {
        int start = 0;
        for (int i = 0; i < column; i++) {
            start = line.indexOf(',', start) + 1;
        }
        int end = line.indexOf(',', start);
        return line.substring(start, end < 0 ? line.length() : end);
    }
}
