package io.configspec.app.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.report.ChartRenderer;
import io.configspec.model.report.ReportChart;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class JFreeChartRendererTest {

    private static ReportChart chart(int points) {
        Random random = new Random(7);
        double[] x = new double[points];
        double[] y = new double[points];
        for (int i = 0; i < points; i++) {
            x[i] = random.nextDouble() * 5;
            y[i] = random.nextDouble() * 4e6;
        }
        return new ReportChart(
            "Tokens per dollar against goodput",
            "Goodput (tokens/s)",
            "Tokens per dollar (tokens/$)",
            List.of(new ReportChart.Series("Raspberry Pi 5 (8 GB)", x, y)),
            List.of(new ReportChart.Point(1, 4e6), new ReportChart.Point(5, 1e6)),
            List.of(new ReportChart.Marker("goodput", 5, 1e6))
        );
    }

    @Test
    void aChartOfModerateSizeIsAnSvgDocumentWithItsTitlesAndAViewBox() throws Exception {
        ChartRenderer.Image image = new JFreeChartRenderer().render(chart(300), 760, 440);
        assertEquals(ChartRenderer.Image.SVG, image.mimeType());
        String svg = new String(image.bytes(), StandardCharsets.UTF_8);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(image.bytes()));
        assertEquals("svg", d.getDocumentElement().getLocalName());
        assertEquals("0 0 760 440", d.getDocumentElement().getAttribute("viewBox"));
        // (The rotated y-axis title is drawn as glyph outlines, not text.)
        for (String text : List.of(
            "Goodput (tokens/s)",
            "Raspberry Pi 5 (8 GB)",
            "Pareto front",
            "goodput"
        )) {
            assertTrue(svg.contains(text), text);
        }
    }

    @Test
    void aChartWithTooManyPointsIsAPngAtTwiceTheSize() throws Exception {
        ChartRenderer.Image image = new JFreeChartRenderer().render(
            chart(JFreeChartRenderer.SVG_POINT_LIMIT + 1),
            760,
            440
        );
        assertEquals(ChartRenderer.Image.PNG, image.mimeType());
        byte[] signature = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
        assertArrayEquals(signature, Arrays.copyOf(image.bytes(), 8));
        var png = ImageIO.read(new ByteArrayInputStream(image.bytes()));
        assertEquals(1520, png.getWidth());
        assertEquals(880, png.getHeight());
    }
}
