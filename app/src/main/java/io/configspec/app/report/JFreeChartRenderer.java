package io.configspec.app.report;

import io.configspec.model.report.ChartRenderer;
import io.configspec.model.report.ReportChart;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.w3c.dom.Document;

/**
 * Draws {@link ReportChart}s with JFreeChart: as SVG through Batik's {@code SVGGraphics2D}, or as
 * PNG when a chart has more than {@link #SVG_POINT_LIMIT} points (an SVG of a hundred thousand
 * circles is tens of megabytes). Java2D only: needs no display ({@code java.awt.headless}).
 * Decision 0025.
 */
public final class JFreeChartRenderer implements ChartRenderer {

    /** Above this many points a chart is drawn as PNG. */
    public static final int SVG_POINT_LIMIT = 20_000;

    /** Tableau 10, the explorer's category colours, so a report looks like the window. */
    private static final Color[] PALETTE = {
        new Color(0x4e79a7),
        new Color(0xf28e2b),
        new Color(0xe15759),
        new Color(0x76b7b2),
        new Color(0x59a14f),
        new Color(0xedc948),
        new Color(0xb07aa1),
        new Color(0xff9da7),
        new Color(0x9c755f),
        new Color(0xbab0ac),
    };

    private static final Color INFEASIBLE = new Color(0xc8ccd4);
    private static final Color FRONT = new Color(0x1d2330);
    private static final Color MARKER = new Color(0xc0392b);
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    static {
        // Rotated labels (the y axis title) as text, not glyph outlines: an SVG that says what it
        // shows (searchable, smaller). JFreeChart's workaround dates from Java 1.4 on Windows.
        TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private final boolean preferPng;

    /** SVG up to {@link #SVG_POINT_LIMIT} points, PNG above. */
    public JFreeChartRenderer() {
        this(false);
    }

    /** @param preferPng always PNG (e.g. for a chart the user saves as PNG) */
    public JFreeChartRenderer(boolean preferPng) {
        this.preferPng = preferPng;
    }

    @Override
    public Image render(ReportChart chart, int widthPixels, int heightPixels) {
        JFreeChart drawn = chart(chart);
        return preferPng || chart.pointCount() > SVG_POINT_LIMIT
            ? png(drawn, widthPixels, heightPixels)
            : svg(drawn, widthPixels, heightPixels);
    }

    /** The JFreeChart of {@code chart}: one scatter series per category, the front as a line, labelled markers. */
    public static JFreeChart chart(ReportChart chart) {
        XYSeriesCollection points = new XYSeriesCollection();
        XYLineAndShapeRenderer pointRenderer = new XYLineAndShapeRenderer(false, true);
        for (int s = 0; s < chart.series().size(); s++) {
            ReportChart.Series series = chart.series().get(s);
            XYSeries xy = new XYSeries(series.name(), false, true);
            for (int i = 0; i < series.x().length; i++) {
                xy.add(series.x()[i], series.y()[i], false);
            }
            points.addSeries(xy);
            boolean infeasible = series.name().startsWith("Violates");
            pointRenderer.setSeriesPaint(s, infeasible ? INFEASIBLE : PALETTE[s % PALETTE.length]);
            pointRenderer.setSeriesShape(s, new Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        pointRenderer.setDrawOutlines(false); // one path per point, not two
        ValueAxis x = chart.xLog() ? logAxis(chart.xLabel()) : axis(chart.xLabel());
        ValueAxis y = chart.yLog() ? logAxis(chart.yLabel()) : axis(chart.yLabel());
        XYPlot plot = new XYPlot(points, x, y, pointRenderer);
        plot.setBackgroundPaint(new Color(0xfafbfd));
        plot.setDomainGridlinePaint(new Color(0xe3e7ee));
        plot.setRangeGridlinePaint(new Color(0xe3e7ee));
        plot.setOutlinePaint(new Color(0xb8c0cc));
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.FORWARD);

        if (!chart.front().isEmpty()) {
            XYSeries front = new XYSeries("Pareto front", false, true);
            for (ReportChart.Point p : chart.front()) {
                front.add(p.x(), p.y(), false);
            }
            XYLineAndShapeRenderer frontRenderer = new XYLineAndShapeRenderer(true, true);
            frontRenderer.setSeriesPaint(0, FRONT);
            frontRenderer.setSeriesStroke(0, new BasicStroke(1.5f));
            frontRenderer.setSeriesShape(0, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            frontRenderer.setSeriesShapesFilled(0, false);
            plot.setDataset(1, new XYSeriesCollection(front));
            plot.setRenderer(1, frontRenderer);
        }
        if (!chart.markers().isEmpty()) {
            double[] xRange = xRange(chart);
            XYSeries recommended = new XYSeries("Recommended", false, true);
            for (ReportChart.Marker m : chart.markers()) {
                recommended.add(m.x(), m.y(), false);
                // Labels of points near the right edge go to their left, so they are not cut off.
                boolean right = m.x() > xRange[0] + 0.7 * (xRange[1] - xRange[0]);
                XYTextAnnotation label = new XYTextAnnotation(
                    right ? m.label() + "  " : "  " + m.label(),
                    m.x(),
                    m.y()
                );
                label.setFont(FONT.deriveFont(Font.BOLD));
                label.setPaint(MARKER);
                label.setTextAnchor(right ? TextAnchor.BOTTOM_RIGHT : TextAnchor.BOTTOM_LEFT);
                plot.addAnnotation(label);
            }
            XYLineAndShapeRenderer markerRenderer = new XYLineAndShapeRenderer(false, true);
            markerRenderer.setSeriesPaint(0, MARKER);
            markerRenderer.setSeriesStroke(0, new BasicStroke(2f));
            markerRenderer.setSeriesShape(0, new Ellipse2D.Double(-6, -6, 12, 12));
            markerRenderer.setSeriesShapesFilled(0, false);
            markerRenderer.setUseOutlinePaint(false);
            markerRenderer.setDrawOutlines(true);
            plot.setDataset(2, new XYSeriesCollection(recommended));
            plot.setRenderer(2, markerRenderer);
        }
        JFreeChart result = new JFreeChart(chart.title(), FONT.deriveFont(Font.BOLD, 14f), plot, true);
        result.setBackgroundPaint(Color.WHITE);
        result.setAntiAlias(true);
        result.setTextAntiAlias(true);
        LegendTitle legend = result.getLegend();
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(FONT);
        return result;
    }

    private static double[] xRange(ReportChart chart) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ReportChart.Series s : chart.series()) {
            for (double v : s.x()) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        for (ReportChart.Marker m : chart.markers()) {
            min = Math.min(min, m.x());
            max = Math.max(max, m.x());
        }
        return new double[] { min, max };
    }

    /** A value axis in the report's fonts that does not force zero into its range. */
    public static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setLabelFont(FONT.deriveFont(Font.BOLD));
        axis.setTickLabelFont(FONT);
        return axis;
    }

    private static LogAxis logAxis(String label) {
        LogAxis axis = new LogAxis(label);
        axis.setLabelFont(FONT.deriveFont(Font.BOLD));
        axis.setTickLabelFont(FONT);
        axis.setSmallestValue(Double.MIN_NORMAL);
        return axis;
    }

    /** Gives {@code chart} the report's look: white background, fonts, legend below. */
    public static JFreeChart styled(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        if (chart.getTitle() != null) {
            chart.getTitle().setFont(FONT.deriveFont(Font.BOLD, 14f));
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setItemFont(FONT);
        }
        if (chart.getPlot() instanceof XYPlot xy) {
            xy.setBackgroundPaint(new Color(0xfafbfd));
            xy.setDomainGridlinePaint(new Color(0xe3e7ee));
            xy.setRangeGridlinePaint(new Color(0xe3e7ee));
            xy.setOutlinePaint(new Color(0xb8c0cc));
        } else if (chart.getPlot() instanceof org.jfree.chart.plot.CategoryPlot category) {
            category.setBackgroundPaint(new Color(0xfafbfd));
            category.setRangeGridlinePaint(new Color(0xe3e7ee));
            category.setOutlinePaint(new Color(0xb8c0cc));
        }
        return chart;
    }

    /** The {@link #PALETTE} colour of series {@code i}. */
    public static Color paletteColour(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    /** {@code chart} as an SVG document (UTF-8). */
    public static Image svg(JFreeChart chart, int width, int height) {
        return svg(java.util.List.of(chart), 1, width, height);
    }

    /**
     * Several charts in one SVG document, in a grid of {@code columns} columns, each cell {@code
     * cellWidth} × {@code cellHeight} CSS pixels (UTF-8).
     */
    public static Image svg(java.util.List<JFreeChart> charts, int columns, int cellWidth, int cellHeight) {
        if (charts.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("at least one chart and one column");
        }
        int rows = (charts.size() + columns - 1) / columns;
        int width = cellWidth * Math.min(columns, charts.size());
        int height = cellHeight * rows;
        Document document;
        try {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot make an empty document", e);
        }
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setPrecision(2); // two decimals of a CSS pixel: a third of the file size
        context.setComment(null);
        SVGGraphics2D g = new SVGGraphics2D(context, false);
        g.setFont(FONT);
        g.setSVGCanvasSize(new Dimension(width, height));
        for (int i = 0; i < charts.size(); i++) {
            Rectangle cell = new Rectangle(
                (i % columns) * cellWidth,
                (i / columns) * cellHeight,
                cellWidth,
                cellHeight
            );
            charts.get(i).draw(g, cell);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            g.stream(out, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String svg = bytes.toString(StandardCharsets.UTF_8);
        // No DOCTYPE (it names a DTD on the network, which nothing needs); a viewBox lets a page
        // scale the chart to its column.
        svg = svg.replaceFirst("<!DOCTYPE[^>]*>\\s*", "");
        svg = svg.replaceFirst("<svg ", "<svg viewBox=\"0 0 " + width + " " + height + "\" ");
        return new Image(Image.SVG, svg.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code chart} as a PNG at twice the size (sharp on high-density screens). */
    public static Image png(JFreeChart chart, int width, int height) {
        BufferedImage image = new BufferedImage(width * 2, height * 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.scale(2, 2);
            chart.draw(g, new Rectangle(0, 0, width, height));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", bytes)) {
                throw new IOException("no PNG writer in this Java runtime");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Image(Image.PNG, bytes.toByteArray());
    }
}
