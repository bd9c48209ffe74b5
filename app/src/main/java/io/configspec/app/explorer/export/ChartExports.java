package io.configspec.app.explorer.export;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.tools.TimeData;
import io.configspec.app.explorer.chart.AxisScale;
import io.configspec.app.explorer.chart.CategoryPalette;
import io.configspec.app.explorer.chart.ChartData;
import io.configspec.app.explorer.chart.ParetoChart;
import io.configspec.app.report.JFreeChartRenderer;
import io.configspec.model.io.AtomicFiles;
import io.configspec.model.report.ReportChart;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.Axis;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.Region;
import javafx.scene.paint.Paint;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * PNG and SVG export of every chart the window shows: the Pareto charts ({@link ParetoChart}),
 * JavaFX's XY charts (line, scatter, area and bar charts: the Fleet view's) and TilesFX
 * sparklines (the Boards view's power). A PNG is what the screen shows (a snapshot); an SVG is
 * the chart's data drawn again as vectors by the report's renderer (JFreeChart through Batik,
 * decision 0025): the same points, series, colours, axis titles and scales, at the fitted view.
 *
 * <p>Three steps, so only the first is on the FX thread: {@link #capture} reads the charts (a
 * snapshot or a copy of their data), {@link Capture#encode} draws and encodes anywhere, {@link
 * #write} writes the file atomically.
 */
public final class ChartExports {

    /** Size of one chart in an SVG, CSS pixels (the window's size of the chart when it is shown). */
    public static final int DEFAULT_WIDTH = 760;

    public static final int DEFAULT_HEIGHT = 440;

    /** The two formats; a format's file name extension is its name in lower case. */
    public enum Format {
        PNG("PNG image"),
        SVG("SVG image (vector)");

        private final String description;

        Format(String description) {
            this.description = description;
        }

        /** File name extension without the dot. */
        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        public String description() {
            return description;
        }

        /** The format a file name asks for by its extension, or {@code null}. */
        public static Format ofFileName(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (lower.endsWith("." + f.extension())) return f;
            }
            return null;
        }
    }

    private ChartExports() {}

    /** Whether {@code node} is a chart this class exports. */
    public static boolean isChart(Node node) {
        return (
            node instanceof ParetoChart ||
            node instanceof XYChart<?, ?> ||
            (node instanceof Tile tile && tile.getSkinType() == Tile.SkinType.SPARK_LINE)
        );
    }

    /** The chart {@code node} belongs to (itself or its nearest chart ancestor), or {@code null}. */
    public static Node chartAround(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (isChart(n)) return n;
        }
        return null;
    }

    /** The charts shown inside {@code root} (visible ones, in layout order), outermost charts only. */
    public static List<Node> chartsIn(Node root) {
        List<Node> found = new ArrayList<>();
        collect(root, found);
        return found;
    }

    private static void collect(Node node, List<Node> found) {
        if (node == null || !node.isVisible()) return;
        if (isChart(node)) {
            found.add(node);
            return;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) collect(child, found);
        }
    }

    /** A short name for a chart, for a file name: its title, or its id. */
    public static String nameOf(Node chart) {
        String title = switch (chart) {
            case XYChart<?, ?> xy -> xy.getTitle();
            case Tile tile -> tile.getTitle();
            case ParetoChart pareto -> paretoTitle(pareto.getData());
            default -> null;
        };
        if (title == null || title.isBlank()) title = chart.getId() == null ? "chart" : chart.getId();
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "chart" : slug;
    }

    // ------------------------------------------------------------------ capture (FX thread)

    /** What was read from the charts on the FX thread; {@link #encode} runs anywhere. */
    public interface Capture {
        /** The encoded image. */
        byte[] encode() throws IOException;
    }

    /**
     * Reads {@code charts} for {@code format}: a snapshot of each (PNG) or a copy of each one's data
     * (SVG). Several charts go side by side, two per row. FX thread only.
     */
    public static Capture capture(List<Node> charts, Format format) {
        if (charts.isEmpty()) throw new IllegalArgumentException("no chart to export");
        int columns = charts.size() == 1 ? 1 : 2;
        if (format == Format.PNG) {
            List<BufferedImage> images = new ArrayList<>();
            for (Node chart : charts) {
                images.add(SwingFXUtils.fromFXImage(chart.snapshot(null, null), null));
            }
            return () -> png(images, columns);
        }
        List<JFreeChart> described = new ArrayList<>();
        for (Node chart : charts) described.add(describe(chart));
        return () -> JFreeChartRenderer.svg(described, columns, DEFAULT_WIDTH, DEFAULT_HEIGHT).bytes();
    }

    /** Writes {@code bytes} to {@code target} atomically (never on the FX thread). */
    public static void write(byte[] bytes, Path target) throws IOException {
        AtomicFiles.write(target, bytes);
    }

    /** {@link #capture} now, then encode and write in {@code work} (off the FX thread). */
    public static Callable<Path> save(List<Node> charts, Format format, Path target) {
        Capture capture = capture(charts, format);
        return () -> {
            write(capture.encode(), target);
            return target;
        };
    }

    private static byte[] png(List<BufferedImage> images, int columns) throws IOException {
        BufferedImage out;
        if (images.size() == 1) {
            out = images.get(0);
        } else {
            int cellW = images.stream().mapToInt(BufferedImage::getWidth).max().orElse(1);
            int cellH = images.stream().mapToInt(BufferedImage::getHeight).max().orElse(1);
            int rows = (images.size() + columns - 1) / columns;
            out = new BufferedImage(cellW * columns, cellH * rows, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = out.createGraphics();
            try {
                g.setColor(Color.WHITE);
                g.fillRect(0, 0, out.getWidth(), out.getHeight());
                for (int i = 0; i < images.size(); i++) {
                    g.drawImage(images.get(i), (i % columns) * cellW, (i / columns) * cellH, null);
                }
            } finally {
                g.dispose();
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(out, "png", bytes)) throw new IOException("no PNG writer in this Java runtime");
        return bytes.toByteArray();
    }

    // ------------------------------------------------------------------ description (FX thread)

    /** The chart's data as a JFreeChart, the SVG's source. FX thread only (reads live chart data). */
    public static JFreeChart describe(Node chart) {
        return switch (chart) {
            case ParetoChart pareto -> pareto(pareto);
            case BarChart<?, ?> bar -> bar(bar);
            case XYChart<?, ?> xy -> xy(xy);
            case Tile tile -> sparkline(tile);
            default -> throw new IllegalArgumentException("not a chart: " + chart);
        };
    }

    /** A Pareto chart as the report describes one: points by category, the front, the selection. */
    public static ReportChart reportChart(ParetoChart chart) {
        ChartData data = chart.getData();
        boolean xLog = chart.xScaleProperty().get() == AxisScale.LOG;
        boolean yLog = chart.yScaleProperty().get() == AxisScale.LOG;
        int categories = data.categoryNames().size();
        int[] counts = new int[categories + 1];
        for (int i = 0; i < data.size(); i++) {
            if (shown(data, i, xLog, yLog)) counts[slot(data, i, categories)]++;
        }
        double[][] xs = new double[categories + 1][];
        double[][] ys = new double[categories + 1][];
        for (int c = 0; c <= categories; c++) {
            xs[c] = new double[counts[c]];
            ys[c] = new double[counts[c]];
        }
        int[] filled = new int[categories + 1];
        for (int i = 0; i < data.size(); i++) {
            if (!shown(data, i, xLog, yLog)) continue;
            int c = slot(data, i, categories);
            xs[c][filled[c]] = data.x()[i];
            ys[c][filled[c]] = data.y()[i];
            filled[c]++;
        }
        List<ReportChart.Series> series = new ArrayList<>();
        for (int c = 0; c < categories; c++) {
            if (counts[c] > 0) series.add(new ReportChart.Series(data.categoryNames().get(c), xs[c], ys[c]));
        }
        if (counts[categories] > 0) {
            series.add(new ReportChart.Series(VIOLATES, xs[categories], ys[categories]));
        }
        int[] front = Arrays.stream(data.front())
            .filter(i -> shown(data, i, xLog, yLog))
            .boxed()
            .sorted((a, b) -> Double.compare(data.x()[a], data.x()[b]))
            .mapToInt(Integer::intValue)
            .toArray();
        List<ReportChart.Point> frontPoints = new ArrayList<>();
        for (int i : front) frontPoints.add(new ReportChart.Point(data.x()[i], data.y()[i]));
        List<ReportChart.Marker> markers = new ArrayList<>();
        int selected = chart.selectedRowProperty().get();
        if (selected >= 0 && selected < data.size() && shown(data, selected, xLog, yLog)) {
            markers.add(new ReportChart.Marker("selected", data.x()[selected], data.y()[selected]));
        }
        return new ReportChart(
            paretoTitle(data),
            data.xTitle(),
            data.yTitle(),
            series,
            frontPoints,
            markers,
            xLog,
            yLog
        );
    }

    /** The report renderer's series name for points that violate a constraint (drawn grey). */
    static final String VIOLATES = "Violates a constraint";

    private static boolean shown(ChartData data, int i, boolean xLog, boolean yLog) {
        return data.drawn(i) && (!xLog || data.x()[i] > 0) && (!yLog || data.y()[i] > 0);
    }

    private static int slot(ChartData data, int i, int categories) {
        boolean dimmed = data.dimmed() != null && data.dimmed()[i];
        int c = data.category()[i];
        return dimmed || c < 0 || c >= categories ? categories : c;
    }

    private static String paretoTitle(ChartData data) {
        if (data.xTitle().isBlank() && data.yTitle().isBlank()) return "Pareto chart";
        return data.yTitle() + " against " + data.xTitle();
    }

    private static JFreeChart pareto(ParetoChart chart) {
        ReportChart report = reportChart(chart);
        JFreeChart drawn = JFreeChartRenderer.chart(report);
        // The window's colours per category (the renderer numbers series by position).
        XYItemRenderer points = ((XYPlot) drawn.getPlot()).getRenderer(0);
        List<String> names = chart.getData().categoryNames();
        for (int s = 0; s < report.series().size(); s++) {
            int category = names.indexOf(report.series().get(s).name());
            if (category >= 0) points.setSeriesPaint(s, awt(CategoryPalette.color(category)));
        }
        return drawn;
    }

    private static JFreeChart xy(XYChart<?, ?> chart) {
        XYSeriesCollection dataset = new XYSeriesCollection();
        List<Color> colours = new ArrayList<>();
        int index = 0;
        for (XYChart.Series<?, ?> series : chart.getData()) {
            String name = series.getName() == null || series.getName().isBlank()
                ? "Series " + (index + 1)
                : series.getName();
            XYSeries xy = new XYSeries(unique(dataset, name), false, true);
            for (XYChart.Data<?, ?> d : series.getData()) {
                if (d.getXValue() instanceof Number x && d.getYValue() instanceof Number y) {
                    xy.add(x.doubleValue(), y.doubleValue(), false);
                }
            }
            dataset.addSeries(xy);
            colours.add(seriesColour(series, index));
            index++;
        }
        boolean lines = !(chart instanceof ScatterChart<?, ?>);
        JFreeChart drawn = ChartFactory.createXYLineChart(
            chart.getTitle(),
            label(chart.getXAxis()),
            label(chart.getYAxis()),
            dataset,
            PlotOrientation.VERTICAL,
            chart.isLegendVisible() && chart.getData().size() > 0,
            false,
            false
        );
        XYPlot plot = drawn.getXYPlot();
        plot.setDomainAxis(JFreeChartRenderer.axis(label(chart.getXAxis())));
        plot.setRangeAxis(JFreeChartRenderer.axis(label(chart.getYAxis())));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(lines, true);
        for (int s = 0; s < colours.size(); s++) {
            renderer.setSeriesPaint(s, colours.get(s));
            renderer.setSeriesShape(s, new java.awt.geom.Ellipse2D.Double(-3, -3, 6, 6));
            renderer.setSeriesStroke(s, new java.awt.BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        return JFreeChartRenderer.styled(drawn);
    }

    private static String unique(XYSeriesCollection dataset, String name) {
        String candidate = name;
        for (int n = 2; dataset.getSeriesIndex(candidate) >= 0; n++) candidate = name + " (" + n + ")";
        return candidate;
    }

    private static JFreeChart bar(BarChart<?, ?> chart) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        List<Color> colours = new ArrayList<>();
        int index = 0;
        boolean categoryOnX = chart.getXAxis() instanceof CategoryAxis;
        for (XYChart.Series<?, ?> series : chart.getData()) {
            String name = series.getName() == null || series.getName().isBlank()
                ? "Series " + (index + 1)
                : series.getName();
            for (XYChart.Data<?, ?> d : series.getData()) {
                Object category = categoryOnX ? d.getXValue() : d.getYValue();
                Object value = categoryOnX ? d.getYValue() : d.getXValue();
                if (value instanceof Number n) dataset.addValue(n, name, String.valueOf(category));
            }
            colours.add(barColour(series, index));
            index++;
        }
        JFreeChart drawn = ChartFactory.createBarChart(
            chart.getTitle(),
            label(categoryOnX ? chart.getXAxis() : chart.getYAxis()),
            label(categoryOnX ? chart.getYAxis() : chart.getXAxis()),
            dataset,
            categoryOnX ? PlotOrientation.VERTICAL : PlotOrientation.HORIZONTAL,
            chart.isLegendVisible() && chart.getData().size() > 0,
            false,
            false
        );
        CategoryPlot plot = drawn.getCategoryPlot();
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int s = 0; s < colours.size(); s++) renderer.setSeriesPaint(s, colours.get(s));
        return JFreeChartRenderer.styled(drawn);
    }

    private static JFreeChart sparkline(Tile tile) {
        XYSeries series = new XYSeries(tile.getTitle() == null ? "value" : tile.getTitle(), false, true);
        List<TimeData> window = new ArrayList<>(tile.getAveragingWindow());
        if (!window.isEmpty()) {
            long first = window.get(0).getTimestamp().toEpochMilli();
            for (TimeData t : window) {
                series.add((t.getTimestamp().toEpochMilli() - first) / 1000.0, t.getValue(), false);
            }
        }
        String unit = tile.getUnit() == null || tile.getUnit().isBlank() ? "" : " (" + tile.getUnit() + ")";
        JFreeChart drawn = ChartFactory.createXYLineChart(
            tile.getTitle(),
            "Time since the first sample shown (s)",
            (tile.getTitle() == null ? "Value" : tile.getTitle()) + unit,
            new XYSeriesCollection(series),
            PlotOrientation.VERTICAL,
            false,
            false,
            false
        );
        XYPlot plot = drawn.getXYPlot();
        plot.setDomainAxis(JFreeChartRenderer.axis(plot.getDomainAxis().getLabel()));
        plot.setRangeAxis(JFreeChartRenderer.axis(plot.getRangeAxis().getLabel()));
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, JFreeChartRenderer.paletteColour(0));
        renderer.setSeriesStroke(0, new java.awt.BasicStroke(2f));
        plot.setRenderer(renderer);
        return JFreeChartRenderer.styled(drawn);
    }

    private static String label(Axis<?> axis) {
        return axis.getLabel() == null ? "" : axis.getLabel();
    }

    /** The colour JavaFX drew a series' line (or first symbol) in, after CSS; the palette otherwise. */
    private static Color seriesColour(XYChart.Series<?, ?> series, int index) {
        if (
            series.getNode() instanceof javafx.scene.shape.Path line &&
            line.getStroke() instanceof javafx.scene.paint.Color c
        ) {
            return awt(c);
        }
        for (XYChart.Data<?, ?> d : series.getData()) {
            Color c = fill(d.getNode());
            if (c != null) return c;
        }
        return JFreeChartRenderer.paletteColour(index);
    }

    private static Color barColour(XYChart.Series<?, ?> series, int index) {
        for (XYChart.Data<?, ?> d : series.getData()) {
            Color c = fill(d.getNode());
            if (c != null) return c;
        }
        return JFreeChartRenderer.paletteColour(index);
    }

    private static Color fill(Node node) {
        if (node instanceof Region region && region.getBackground() != null) {
            for (var f : region.getBackground().getFills()) {
                Paint p = f.getFill();
                if (p instanceof javafx.scene.paint.Color c && c.getOpacity() > 0) {
                    // Symbols have a white inner fill over the series colour: take the outer one.
                    return awt(c);
                }
            }
        }
        return null;
    }

    private static Color awt(javafx.scene.paint.Color c) {
        return new Color(
            (float) c.getRed(),
            (float) c.getGreen(),
            (float) c.getBlue(),
            (float) c.getOpacity()
        );
    }
}
