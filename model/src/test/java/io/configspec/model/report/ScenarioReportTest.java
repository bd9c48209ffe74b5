package io.configspec.model.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.analysis.Objective;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.pareto.Recommendation;
import io.configspec.model.service.ScenarioEvaluation;
import io.configspec.model.testing.SampleFiles;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The report's content; drawing is the renderer's (tested with the real one in app). */
class ScenarioReportTest {

    private static ScenarioEvaluation paper;

    @BeforeAll
    static void load() throws Exception {
        var loaded = ScenarioLoader.load(SampleFiles.paperScenario());
        paper = ScenarioEvaluation.evaluate(loaded, loaded.scenario().whatIf());
    }

    @Test
    void chartsHoldEveryFiniteConfigurationTheFrontAndOneMarkerPerRecommendedPoint() {
        ReportChart chart = ScenarioReport.chartOf(paper, Objective.GOODPUT, Objective.TOKENS_PER_DOLLAR);
        assertEquals(paper.size(), chart.pointCount());
        assertEquals(
            paper.front(List.of(Objective.GOODPUT, Objective.TOKENS_PER_DOLLAR)).length,
            chart.front().size()
        );
        for (int i = 1; i < chart.front().size(); i++) {
            assertTrue(
                chart.front().get(i).x() >= chart.front().get(i - 1).x(),
                "the front is drawn left to right"
            );
        }
        long points = paper.recommendations().stream().map(Recommendation::row).distinct().count();
        assertEquals(points, chart.markers().size());
        String labels = chart
            .markers()
            .stream()
            .map(ReportChart.Marker::label)
            .collect(Collectors.joining(","));
        for (Recommendation r : paper.recommendations()) {
            assertTrue(labels.contains(r.kind().jsonName()), labels);
        }
    }

    @Test
    void thePageEmbedsWhatTheRendererDrawsOnceForEachProjection() {
        List<ReportChart> drawn = new ArrayList<>();
        String html = ScenarioReport.html(
            paper,
            (chart, w, h) -> {
                drawn.add(chart);
                return new ChartRenderer.Image(
                    ChartRenderer.Image.SVG,
                    ("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                        w +
                        "\"><g/></svg>").getBytes(StandardCharsets.UTF_8)
                );
            },
            Instant.parse("2026-12-02T12:00:00Z")
        );
        assertEquals(ScenarioReport.CHART_AXES.size(), drawn.size());
        assertTrue(html.contains("generated 2026-12-02 12:00 UTC"), html.substring(0, 600));
        assertTrue(
            html.contains("<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\"><title>"),
            "inline, no prolog"
        );
        assertTrue(html.contains("<img") == false);
    }

    @Test
    void aPngIsEmbeddedAsADataUri() {
        String html = ScenarioReport.html(
            paper,
            (chart, w, h) ->
                new ChartRenderer.Image(ChartRenderer.Image.PNG, new byte[] { (byte) 0x89, 'P', 'N', 'G' }),
            Instant.EPOCH
        );
        assertTrue(html.contains("src=\"data:image/png;base64,iVBORw==\""), "base64 of the bytes");
    }

    @ParameterizedTest(name = "{0} is shown as {1}")
    @CsvSource(
        {
            "1922517.4, '1,922,517'",
            "123.45, 123.5",
            "5.1064, 5.106",
            "0.7, 0.700",
            "0.00123, 0.00123",
            "NaN, –",
        }
    )
    void numbersHaveAFixedShape(double value, String shown) {
        assertEquals(shown, ScenarioReport.number(value));
    }

    @Test
    void textIsEscapedAndOnlySvgIsInlined() {
        assertEquals("a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;", ScenarioReport.esc("a <b> & \"c\" 'd'"));
        assertThrows(IllegalArgumentException.class, () -> ScenarioReport.inlineSvg("<p>no</p>", "t"));
    }
}
