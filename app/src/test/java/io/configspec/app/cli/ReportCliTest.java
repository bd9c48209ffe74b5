package io.configspec.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.domain.ProfileLibrary;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.pareto.Recommendation;
import io.configspec.model.service.ScenarioEvaluation;
import io.configspec.model.testing.SampleFiles;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** {@code configspec report}: one self-contained HTML file that shows the charts offline. */
class ReportCliTest {

    private static List<String> svgs(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<svg[\\s\\S]*?</svg\\s*>").matcher(html);
        while (m.find()) out.add(m.group());
        return out;
    }

    @Test
    void writesOneSelfContainedFileWithTheChartsTheRecommendationsTheirExportsAndEveryProfile(
        @TempDir Path dir
    ) throws Exception {
        Path out = dir.resolve("report.html");
        CliRun run = CliRun.onPaper("report", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().startsWith("Wrote " + out), run.err());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(out), files.toList(), "one file, nothing beside it");
        }
        String html = Files.readString(out, StandardCharsets.UTF_8);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
        for (String remote : List.of(
            "src=\"http",
            "href=\"http",
            "<script",
            "<link",
            "url(http",
            "@import"
        )) {
            assertFalse(html.contains(remote), "no network reference: " + remote);
        }
        List<String> charts = svgs(html);
        assertEquals(3, charts.size(), "three Pareto projections drawn inline");
        for (String svg : charts) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document d = f
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            assertEquals("svg", d.getDocumentElement().getLocalName());
            assertTrue(
                d.getElementsByTagNameNS("*", "path").getLength() +
                        d.getElementsByTagNameNS("*", "circle").getLength() >
                    100,
                "the chart draws the points"
            );
        }

        var loaded = ScenarioLoader.load(SampleFiles.paperScenario());
        ScenarioEvaluation evaluation = ScenarioEvaluation.evaluate(loaded, loaded.scenario().whatIf());
        for (Recommendation r : evaluation.recommendations()) {
            assertTrue(html.contains("id=\"rec-" + r.kind().jsonName() + "\""), r.kind().jsonName());
            assertTrue(html.contains(esc(r.reason())), r.reason());
        }
        for (String stack : List.of(
            "vLLM",
            "llama.cpp (llama-server)",
            "SGLang",
            "TensorRT-LLM (trtllm-serve)",
            "ONNX Runtime GenAI"
        )) {
            assertEquals(
                evaluation.recommendations().size(),
                count(html, "<summary>" + stack + "</summary>"),
                stack
            );
        }
        assertTrue(html.contains("vllm serve "), "the exports are in the page");
        ProfileLibrary library = loaded.library();
        library.devices().forEach(d -> assertTrue(html.contains("(" + d.id() + ")"), d.id()));
        library.drafters().forEach(m -> assertTrue(html.contains("(" + m.id() + ", drafter)"), m.id()));
        library.targets().forEach(m -> assertTrue(html.contains("(" + m.id() + ", target)"), m.id()));
        library.servers().forEach(s -> assertTrue(html.contains("(" + s.id() + ")"), s.id()));
        library.networks().forEach(n -> assertTrue(html.contains("(" + n.id() + ")"), n.id()));
        library
            .alignments()
            .forEach(a ->
                assertTrue(
                    html.contains(esc(a.drafter() + " " + a.quantization() + " → " + a.target())),
                    a.drafter()
                )
            );
        assertTrue(html.contains("illustrative"), "the provenance is shown");
    }

    @Test
    void theWhatIfValuesUsedAreListed(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.html");
        CliRun run = CliRun.onPaper(
            "report",
            "--out",
            out.toString(),
            "--set",
            "alphaScale=0.9",
            "--set",
            "verifySeconds=0.3"
        );
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(out);
        assertTrue(html.contains("<code>alphaScale</code></td><td class=\"num\">0.900</td>"), html);
        assertTrue(html.contains("<code>verifySeconds</code></td><td class=\"num\">0.300</td>"), html);
    }

    @Test
    void badInputIsOneSentenceAndWritesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("report.html");
        Files.writeString(out, "previous report");
        CliRun run = CliRun.of(
            "report",
            "--scenario",
            dir.resolve("missing.json").toString(),
            "--out",
            out.toString()
        );
        run.assertBadInput();
        assertEquals("previous report", Files.readString(out));
        CliRun folder = CliRun.onPaper("report", "--out", dir.toString());
        folder.assertBadInput();
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) n++;
        return n;
    }

    private static String esc(String s) {
        return s
            .replace("&", "&amp;")
            .replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace("\"", "&quot;")
            .replace("'", "&#39;");
    }
}
