package io.configspec.app.explorer.viewmodel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.app.cli.ConfigSpecCli;
import io.configspec.app.explorer.Samples;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One way through: the explorer's export and the command line write the same bytes for the same
 * scenario and what-ifs, because both go through the model's row writer.
 */
class ConfigurationExportTest {

    private ExplorerViewModel model;

    @BeforeEach
    void load() {
        model = Samples.loaded(Samples.paperScenario());
        model.whatIf().set("verifySeconds", 0.3);
        model.whatIf().set("alphaScale", 0.9);
        model.whatIf().set("kMax", 6);
    }

    private static byte[] cli(Path out, String command, String format) throws Exception {
        StringWriter err = new StringWriter();
        int code = ConfigSpecCli.execute(
            new String[] {
                command,
                "--scenario",
                Samples.paperScenario().toString(),
                "--set",
                "verifySeconds=0.3",
                "--set",
                "alphaScale=0.9",
                "--set",
                "kMax=6",
                "--format",
                format,
                "--out",
                out.toString(),
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err)
        );
        assertEquals(0, code, err.toString());
        return Files.readAllBytes(out);
    }

    @Test
    void allConfigurationsAsCsvEqualSweepByteForByte(@TempDir Path dir) throws Exception {
        Path window = dir.resolve("window.csv");
        int rows = model.exportConfigurations(ConfigurationExport.Scope.ALL, window).join();
        assertEquals(model.getEvaluation().size(), rows);
        byte[] sweep = cli(dir.resolve("sweep.csv"), "sweep", "csv");
        assertArrayEquals(sweep, Files.readAllBytes(window));
        assertEquals(rows + 1, Files.readAllLines(window).size());
    }

    @Test
    void theFrontAsCsvEqualsParetoByteForByte(@TempDir Path dir) throws Exception {
        Path window = dir.resolve("front.csv");
        model.exportConfigurations(ConfigurationExport.Scope.FRONT, window).join();
        assertArrayEquals(cli(dir.resolve("pareto.csv"), "pareto", "csv"), Files.readAllBytes(window));
    }

    @Test
    void recommendedAsCsvEqualRecommendByteForByte(@TempDir Path dir) throws Exception {
        Path window = dir.resolve("recommended.csv");
        int rows = model.exportConfigurations(ConfigurationExport.Scope.RECOMMENDED, window).join();
        assertEquals(4, rows);
        assertArrayEquals(cli(dir.resolve("recommend.csv"), "recommend", "csv"), Files.readAllBytes(window));
    }

    @Test
    void theSelectedConfigurationIsOneRowWithTheSameColumns(@TempDir Path dir) throws Exception {
        Path window = dir.resolve("selected.json");
        model.selectedRowProperty().set(model.getEvaluation().front()[0]);
        assertEquals(1, model.exportConfigurations(ConfigurationExport.Scope.SELECTED, window).join());
        String json = Files.readString(window);
        assertTrue(json.contains("\"goodputTokensPerSecond\""), json);
        assertTrue(json.contains("\"configurations\""), json);
    }
}
