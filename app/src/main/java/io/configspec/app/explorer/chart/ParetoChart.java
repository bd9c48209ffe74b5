package io.configspec.app.explorer.chart;

import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

/**
 * Scatter chart for up to hundreds of thousands of configurations, drawn on one {@link Canvas}
 * (decision 0040). The points are rasterised into an {@code int[]} ARGB buffer (no node, no
 * canvas command per point) and blitted as one image; axes, the connected Pareto front, the
 * selection, the hover tooltip and the legend are vector overlays on top. Hover only recomposes
 * the overlays, it does not re-rasterise the points.
 *
 * <p>Interaction: mouse wheel zooms around the cursor; drag pans; shift-drag (or right-drag)
 * zooms to a box; click selects the nearest point (within 8 px); double-click resets the view.
 * Must be used on the FX thread only.
 */
public final class ParetoChart extends Region {

    private static final double HOVER_RADIUS_PX = 8;
    private static final int GRID_CELL_PX = 16;

    private final Canvas canvas = new Canvas();
    private final ObjectProperty<ChartData> data = new SimpleObjectProperty<>(
        this,
        "data",
        ChartData.empty()
    );
    private final ObjectProperty<AxisScale> xScale = new SimpleObjectProperty<>(
        this,
        "xScale",
        AxisScale.LINEAR
    );
    private final ObjectProperty<AxisScale> yScale = new SimpleObjectProperty<>(
        this,
        "yScale",
        AxisScale.LINEAR
    );
    private final ObjectProperty<ChartTheme> theme = new SimpleObjectProperty<>(
        this,
        "theme",
        ChartTheme.LIGHT
    );
    private final IntegerProperty selectedRow = new SimpleIntegerProperty(this, "selectedRow", -1);
    private final ReadOnlyIntegerWrapper hoveredRow = new ReadOnlyIntegerWrapper(this, "hoveredRow", -1);
    private final BooleanProperty compact = new SimpleBooleanProperty(this, "compact", false);
    private final BooleanProperty showLegend = new SimpleBooleanProperty(this, "showLegend", true);
    private final BooleanProperty connectFront = new SimpleBooleanProperty(this, "connectFront", true);
    private final ReadOnlyLongWrapper framesRendered = new ReadOnlyLongWrapper(this, "framesRendered", 0);

    // Viewport in transformed coordinates (log10 on a log axis).
    private double viewX0 = 0;
    private double viewX1 = 1;
    private double viewY0 = 0;
    private double viewY1 = 1;
    private boolean userViewport;

    private int[] pixels = new int[0];
    private WritableImage pointLayer;
    private float[] screenX = new float[0];
    private float[] screenY = new float[0];
    private PointIndex index = PointIndex.empty();
    private boolean rasterDirty = true;
    private boolean overlayDirty;
    private int[] frontOrder = new int[0];
    private double lastMouseX = Double.NaN;
    private double lastMouseY = Double.NaN;

    // Drag state
    private double pressX;
    private double pressY;
    private boolean boxZoom;
    private boolean dragged;
    /** The plot and viewport when the drag began: a pan moves the view by what it maps the drag to. */
    private PlotArea dragPlot;
    private double boxEndX = Double.NaN;
    private double boxEndY = Double.NaN;

    public ParetoChart() {
        getChildren().add(canvas);
        getStyleClass().add("pareto-chart");
        setMinSize(160, 120);
        setPrefSize(640, 440);
        data.addListener((obs, old, now) -> {
            // A what-if change keeps the user's zoom; a change of axes fits the view again.
            if (old == null || now == null || !sameAxes(old, now)) {
                userViewport = false;
            }
            invalidateRaster();
        });
        xScale.addListener((obs, o, n) -> resetView());
        yScale.addListener((obs, o, n) -> resetView());
        theme.addListener((obs, o, n) -> invalidateRaster());
        compact.addListener((obs, o, n) -> invalidateRaster());
        showLegend.addListener((obs, o, n) -> invalidateRaster()); // the legend's strip changes the plot's height
        connectFront.addListener((obs, o, n) -> redrawOverlays());
        selectedRow.addListener((obs, o, n) -> redrawOverlays());
        canvas.addEventHandler(MouseEvent.MOUSE_MOVED, this::onMouseMoved);
        canvas.addEventHandler(MouseEvent.MOUSE_EXITED, e -> {
            lastMouseX = Double.NaN;
            setHovered(-1);
        });
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, this::onMousePressed);
        canvas.addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onMouseDragged);
        canvas.addEventHandler(MouseEvent.MOUSE_RELEASED, this::onMouseReleased);
        canvas.addEventHandler(ScrollEvent.SCROLL, this::onScroll);
    }

    private static boolean sameAxes(ChartData a, ChartData b) {
        return a.xTitle().equals(b.xTitle()) && a.yTitle().equals(b.yTitle());
    }

    // ---------------------------------------------------------------- properties

    public ObjectProperty<ChartData> dataProperty() {
        return data;
    }

    public ChartData getData() {
        return data.get();
    }

    public void setData(ChartData value) {
        data.set(value == null ? ChartData.empty() : value);
    }

    public ObjectProperty<AxisScale> xScaleProperty() {
        return xScale;
    }

    public ObjectProperty<AxisScale> yScaleProperty() {
        return yScale;
    }

    /** Binds the axes' scales to switches: a logarithmic axis while its switch is on, else linear. */
    public void bindLogScales(ObservableBooleanValue xLog, ObservableBooleanValue yLog) {
        xScale.bind(Bindings.when(xLog).then(AxisScale.LOG).otherwise(AxisScale.LINEAR));
        yScale.bind(Bindings.when(yLog).then(AxisScale.LOG).otherwise(AxisScale.LINEAR));
    }

    public ObjectProperty<ChartTheme> themeProperty() {
        return theme;
    }

    /** Selected data row, −1 for none; the chart sets it on click, callers may set it too. */
    public IntegerProperty selectedRowProperty() {
        return selectedRow;
    }

    public ReadOnlyIntegerProperty hoveredRowProperty() {
        return hoveredRow.getReadOnlyProperty();
    }

    /** Smaller margins and fonts, for small multiples. */
    public BooleanProperty compactProperty() {
        return compact;
    }

    /** Whether the front's points are joined by a line (off for projections of a 3-objective front). */
    public BooleanProperty connectFrontProperty() {
        return connectFront;
    }

    public BooleanProperty showLegendProperty() {
        return showLegend;
    }

    /** Count of full frames (points rasterised), for tests and benchmarks. */
    public ReadOnlyLongProperty framesRenderedProperty() {
        return framesRendered.getReadOnlyProperty();
    }

    /** The canvas the chart draws on (for snapshots and PNG export). */
    public Canvas canvas() {
        return canvas;
    }

    /** Fits the view to the data again (after zoom or pan). */
    public void resetView() {
        userViewport = false;
        invalidateRaster();
    }

    /** Whether the user has zoomed or panned away from the fitted view. */
    public boolean isZoomed() {
        return userViewport;
    }

    /** Multiplies the visible range by {@code factor} around the centre (&lt; 1 zooms in). */
    public void zoom(double factor) {
        ensureViewport();
        zoomAround((viewX0 + viewX1) / 2, (viewY0 + viewY1) / 2, factor);
    }

    // ---------------------------------------------------------------- layout & drawing

    @Override
    protected void layoutChildren() {
        double w = Math.floor(getWidth());
        double h = Math.floor(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            rasterDirty = true;
        }
        canvas.relocate(0, 0);
        if (rasterDirty) {
            redrawNow();
        } else if (overlayDirty && pointLayer != null) {
            overlayDirty = false;
            composeOverlays();
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 640;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 440;
    }

    private void invalidateRaster() {
        rasterDirty = true;
        requestLayout();
    }

    private double marginLeft() {
        return compact.get() ? 46 : 70;
    }

    private double marginBottom() {
        return compact.get() ? 34 : 46;
    }

    /**
     * The plot's rectangle and mapping in the current view: inside the margins, below the legend's
     * strip (whose height depends on the plot's width, as the legend wraps to it).
     */
    private PlotArea plotArea() {
        double left = marginLeft();
        double width = Math.max(1, Math.floor(canvas.getWidth() - left - marginRight()));
        double top = legendShown() ? 6 + legendLayout(width).height() + 6 : compact.get() ? 8 : 12;
        double height = Math.max(1, Math.floor(canvas.getHeight() - top - marginBottom()));
        return new PlotArea(
            left,
            top,
            width,
            height,
            xScale.get(),
            yScale.get(),
            viewX0,
            viewX1,
            viewY0,
            viewY1
        );
    }

    private boolean legendShown() {
        return showLegend.get() && !compact.get() && !data.get().categoryNames().isEmpty();
    }

    /** Height of one legend line, px. */
    private static final double LEGEND_LINE = 16;
    /** Gap between legend entries on one line, px. */
    private static final double LEGEND_GAP = 14;

    /**
     * Where each legend entry goes: left to right in a strip above the plot, wrapping onto more
     * lines when the chart is narrow. The legend never lies over the points (whichever corner is
     * emptiest, a full chart has points in all four).
     *
     * @param x left of each entry's swatch, relative to the plot's left edge
     * @param line line of each entry, from 0
     * @param labels the texts, the last possibly "… N more"
     * @param swatches how many labels are categories with a colour (the rest: "… N more")
     * @param height total height of the strip, px
     */
    private record LegendLayout(double[] x, int[] line, List<String> labels, int swatches, double height) {}

    private LegendLayout legendCache;
    private List<String> legendCacheNames;
    private double legendCacheWidth = -1;

    /** The legend's entries wrapped to a plot {@code plotWidth} px wide. */
    private LegendLayout legendLayout(double plotWidth) {
        List<String> names = data.get().categoryNames();
        double width = Math.max(40, plotWidth);
        if (legendCache != null && names == legendCacheNames && width == legendCacheWidth) {
            return legendCache;
        }
        int shown = names.size() > 16 ? 15 : names.size();
        List<String> labels = new java.util.ArrayList<>(names.subList(0, shown));
        if (shown < names.size()) labels.add("… " + (names.size() - shown) + " more");
        Font font = tickFont();
        double[] x = new double[labels.size()];
        int[] line = new int[labels.size()];
        double cursor = 0;
        int current = 0;
        for (int i = 0; i < labels.size(); i++) {
            double entry = 14 + textWidth(labels.get(i), font);
            if (cursor > 0 && cursor + entry > width) {
                current++;
                cursor = 0;
            }
            x[i] = cursor;
            line[i] = current;
            cursor += entry + LEGEND_GAP;
        }
        legendCache = new LegendLayout(x, line, labels, shown, (current + 1) * LEGEND_LINE);
        legendCacheNames = names;
        legendCacheWidth = width;
        return legendCache;
    }

    /**
     * The legend's strip in the canvas's coordinates, or null when no legend is drawn; and the
     * plot area below it. For tests: the two never overlap.
     */
    public javafx.geometry.Rectangle2D[] legendAndPlotArea() {
        PlotArea area = plotArea();
        javafx.geometry.Rectangle2D plot = new javafx.geometry.Rectangle2D(
            area.left(),
            area.top(),
            area.width(),
            area.height()
        );
        if (!legendShown()) {
            return new javafx.geometry.Rectangle2D[] { null, plot };
        }
        return new javafx.geometry.Rectangle2D[] {
            new javafx.geometry.Rectangle2D(
                area.left(),
                6,
                area.width(),
                legendLayout(area.width()).height()
            ),
            plot,
        };
    }

    private double marginRight() {
        return compact.get() ? 8 : 14;
    }

    private Font tickFont() {
        return Font.font("System", compact.get() ? 10 : 11.5);
    }

    private Font titleFont() {
        return Font.font("System", FontWeight.BOLD, compact.get() ? 10.5 : 12.5);
    }

    /**
     * Rasterises all points and draws the whole frame now (the chart otherwise redraws on the next
     * layout pulse after a change). Exposed for the benchmark and tests.
     */
    public void redrawNow() {
        int width = (int) canvas.getWidth();
        int height = (int) canvas.getHeight();
        if (width <= 0 || height <= 0) {
            return;
        }
        ensureViewport();
        rasterise(plotArea(), width, height);
        rasterDirty = false;
        framesRendered.set(framesRendered.get() + 1);
        overlayDirty = false;
        composeOverlays();
    }

    private void ensureViewport() {
        if (userViewport) {
            return;
        }
        ChartData d = data.get();
        AxisScale sx = xScale.get();
        AxisScale sy = yScale.get();
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        double[] x = d.x();
        double[] y = d.y();
        boolean[] hidden = d.hidden();
        for (int i = 0; i < x.length; i++) {
            if (hidden != null && hidden[i]) {
                continue;
            }
            double tx = sx.forward(x[i]);
            double ty = sy.forward(y[i]);
            if (Double.isFinite(tx) && Double.isFinite(ty)) {
                if (tx < minX) minX = tx;
                if (tx > maxX) maxX = tx;
                if (ty < minY) minY = ty;
                if (ty > maxY) maxY = ty;
            }
        }
        if (minX > maxX) {
            minX = 0;
            maxX = 1;
            minY = 0;
            maxY = 1;
        }
        double[] xr = padded(minX, maxX, sx);
        double[] yr = padded(minY, maxY, sy);
        viewX0 = xr[0];
        viewX1 = xr[1];
        viewY0 = yr[0];
        viewY1 = yr[1];
    }

    private static double[] padded(double min, double max, AxisScale scale) {
        double span = max - min;
        if (span <= 0) {
            double half = scale == AxisScale.LOG ? 0.5 : Math.max(Math.abs(min) * 0.1, 1e-9);
            return new double[] { min - half, max + half };
        }
        double pad = span * 0.05;
        double low = min - pad;
        // A linear axis of non-negative quantities starts at 0 when 0 is close, so bars of scale read right.
        if (scale == AxisScale.LINEAR && min >= 0 && low < 0) {
            low = 0;
        }
        return new double[] { low, max + pad };
    }

    private void rasterise(PlotArea plot, int width, int height) {
        ChartData d = data.get();
        ChartTheme t = theme.get();
        int plotW = (int) plot.width();
        int plotH = (int) plot.height();
        if (
            pointLayer == null ||
            (int) pointLayer.getWidth() != plotW ||
            (int) pointLayer.getHeight() != plotH
        ) {
            pointLayer = new WritableImage(plotW, plotH);
            pixels = new int[plotW * plotH];
        }
        Arrays.fill(pixels, 0); // transparent: the grid drawn below shows through
        int n = d.size();
        if (screenX.length != n) {
            screenX = new float[n];
            screenY = new float[n];
        }
        int radius = n > 20_000 ? 1 : n > 2_000 ? 2 : 3;
        Color[] palette = colours(d);
        int[] categoryColours = new int[Math.max(1, palette.length)];
        int[] dimmedColours = new int[categoryColours.length];
        for (int c = 0; c < palette.length; c++) {
            categoryColours[c] = CategoryPalette.argb(palette[c], false, t.plotBackground());
            dimmedColours[c] = CategoryPalette.argb(palette[c], true, t.plotBackground());
        }
        double left = plot.left();
        double top = plot.top();
        double[] x = d.x();
        double[] y = d.y();
        int[] category = d.category();
        boolean[] dimmed = d.dimmed();
        boolean[] hidden = d.hidden();
        // Two passes: faded rows first so the rows that count are never hidden under them.
        for (int pass = 0; pass < 2; pass++) {
            boolean wantDimmed = pass == 0;
            if (wantDimmed && dimmed == null) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                boolean isDimmed = dimmed != null && dimmed[i];
                if (isDimmed != wantDimmed) {
                    continue;
                }
                if (hidden != null && hidden[i]) {
                    screenX[i] = Float.NaN;
                    screenY[i] = Float.NaN;
                    continue;
                }
                double px = plot.x(x[i]);
                double py = plot.y(y[i]);
                if (!plot.contains(px, py)) {
                    screenX[i] = Float.NaN;
                    screenY[i] = Float.NaN;
                    continue;
                }
                screenX[i] = (float) px;
                screenY[i] = (float) py;
                int c = category[i];
                int colour = c >= 0 && c < categoryColours.length
                    ? (isDimmed ? dimmedColours[c] : categoryColours[c])
                    : 0xff808080;
                // the point layer's own pixels start at the plot's corner
                stamp((int) (px - left), (int) (py - top), radius, colour, plotW, plotH);
            }
        }
        pointLayer
            .getPixelWriter()
            .setPixels(0, 0, plotW, plotH, PixelFormat.getIntArgbPreInstance(), pixels, 0, plotW);
        index = PointIndex.build(screenX, screenY, width, height, GRID_CELL_PX);
        frontOrder = sortedFront(d);
    }

    private void stamp(int cx, int cy, int radius, int colour, int w, int h) {
        int r2 = radius * radius + radius;
        int y0 = Math.max(0, cy - radius);
        int y1 = Math.min(h - 1, cy + radius);
        int x0 = Math.max(0, cx - radius);
        int x1 = Math.min(w - 1, cx + radius);
        for (int yy = y0; yy <= y1; yy++) {
            int dy = yy - cy;
            int row = yy * w;
            for (int xx = x0; xx <= x1; xx++) {
                int dx = xx - cx;
                if (dx * dx + dy * dy <= r2) {
                    pixels[row + xx] = colour;
                }
            }
        }
    }

    private static int[] sortedFront(ChartData d) {
        int[] front = d.front();
        Integer[] boxed = new Integer[front.length];
        int count = 0;
        for (int row : front) {
            if (row >= 0 && row < d.size() && d.drawn(row)) {
                boxed[count++] = row;
            }
        }
        Integer[] rows = Arrays.copyOf(boxed, count);
        Arrays.sort(rows, (a, b) -> {
            int c = Double.compare(d.x()[a], d.x()[b]);
            return c != 0 ? c : Double.compare(d.y()[a], d.y()[b]);
        });
        int[] out = new int[count];
        for (int i = 0; i < count; i++) {
            out[i] = rows[i];
        }
        return out;
    }

    /** Recomposes the overlays at the next pulse: a burst of mouse moves costs one compose per frame. */
    private void redrawOverlays() {
        overlayDirty = true;
        requestLayout();
    }

    private void composeOverlays() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        ChartTheme t = theme.get();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        PlotArea plot = plotArea();
        g.setFill(t.background());
        g.fillRect(0, 0, w, h);
        g.setFill(t.plotBackground());
        g.fillRect(plot.left(), plot.top(), plot.width(), plot.height());
        drawAxes(g, t, plot, true);
        g.drawImage(pointLayer, plot.left(), plot.top());
        drawAxes(g, t, plot, false);
        g.save();
        g.beginPath();
        g.rect(plot.left(), plot.top(), plot.width(), plot.height());
        g.clip();
        drawFront(g, t, plot);
        drawMarker(g, selectedRow.get(), t.selection(), 7, 2.5);
        drawMarker(g, hoveredRow.get(), t.text(), 6, 1.5);
        drawBox(g, t);
        g.restore();
        if (showLegend.get() && !compact.get()) {
            drawLegend(g, t, plot);
        }
        drawTooltip(g, t, w, h);
    }

    /**
     * The plot's rectangle on the canvas, px (the point layer's place, inside the axes), with the
     * one mapping between data values and its pixels in a viewport {@code x0…x1} × {@code y0…y1}
     * given in transformed coordinates ({@link AxisScale#forward}: log10 on a log axis): {@link
     * #x}/{@link #y} forward, {@link #transformedX}/{@link #transformedY} back (a value is then
     * {@link AxisScale#inverse} of that). The raster (and so the hit-test index built from it), the
     * axes, the front, the legend, pan, box zoom and wheel zoom all go through it. Canvas y grows
     * downwards; the y axis upwards.
     */
    static final class PlotArea {

        private final double left;
        private final double top;
        private final double width;
        private final double height;
        private final AxisScale xScale;
        private final AxisScale yScale;
        private final double x0;
        private final double x1;
        private final double y0;
        private final double y1;
        /** Pixels per transformed unit, computed once: the raster maps every point with them. */
        private final double xPixels;
        private final double yPixels;

        PlotArea(
            double left,
            double top,
            double width,
            double height,
            AxisScale xScale,
            AxisScale yScale,
            double x0,
            double x1,
            double y0,
            double y1
        ) {
            this.left = left;
            this.top = top;
            this.width = width;
            this.height = height;
            this.xScale = xScale;
            this.yScale = yScale;
            this.x0 = x0;
            this.x1 = x1;
            this.y0 = y0;
            this.y1 = y1;
            this.xPixels = width / (x1 - x0);
            this.yPixels = height / (y1 - y0);
        }

        double left() {
            return left;
        }

        double top() {
            return top;
        }

        double width() {
            return width;
        }

        double height() {
            return height;
        }

        AxisScale xScale() {
            return xScale;
        }

        AxisScale yScale() {
            return yScale;
        }

        /** The viewport's x range, transformed. */
        double x0() {
            return x0;
        }

        double x1() {
            return x1;
        }

        /** The viewport's y range, transformed. */
        double y0() {
            return y0;
        }

        double y1() {
            return y1;
        }

        /** Canvas x of the x-axis value {@code value}; NaN when the axis cannot show it (≤ 0 on a log axis). */
        double x(double value) {
            return left + (xScale.forward(value) - x0) * xPixels;
        }

        /** Canvas y of the y-axis value {@code value}; NaN when the axis cannot show it. */
        double y(double value) {
            return top + (height - (yScale.forward(value) - y0) * yPixels);
        }

        /** Transformed x-axis coordinate at canvas x {@code px}: the inverse of {@link #x} before the scale. */
        double transformedX(double px) {
            return x0 + (px - left) / xPixels;
        }

        /** Transformed y-axis coordinate at canvas y {@code py}. */
        double transformedY(double py) {
            return y0 + (top + height - py) / yPixels;
        }

        /** Whether canvas pixel ({@code px}, {@code py}) lies in the plot (false for NaN). */
        boolean contains(double px, double py) {
            return px >= left && px < left + width && py >= top && py < top + height;
        }
    }

    /** Grid lines (under the points) when {@code grid}, else ticks, labels, frame and titles. */
    private void drawAxes(GraphicsContext g, ChartTheme t, PlotArea plot, boolean grid) {
        ChartData d = data.get();
        double left = plot.left();
        double top = plot.top();
        double plotW = plot.width();
        double plotH = plot.height();
        g.setLineWidth(1);
        g.setFont(tickFont());
        int targetX = Math.max(2, (int) (plotW / (compact.get() ? 70 : 90)));
        int targetY = Math.max(2, (int) (plotH / (compact.get() ? 40 : 55)));
        AxisScale sx = plot.xScale();
        AxisScale sy = plot.yScale();
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (double v : sx.ticks(plot.x0(), plot.x1(), targetX)) {
            double px = plot.x(v);
            if (grid) {
                g.setStroke(t.grid());
                g.strokeLine(snap(px), top, snap(px), top + plotH);
                continue;
            }
            g.setStroke(t.axis());
            g.strokeLine(snap(px), top + plotH, snap(px), top + plotH + 4);
            g.setFill(t.text());
            g.fillText(AxisScale.format(v), px, top + plotH + 6);
        }
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        for (double v : sy.ticks(plot.y0(), plot.y1(), targetY)) {
            double py = plot.y(v);
            if (grid) {
                g.setStroke(t.grid());
                g.strokeLine(left, snap(py), left + plotW, snap(py));
                continue;
            }
            g.setStroke(t.axis());
            g.strokeLine(left - 4, snap(py), left, snap(py));
            g.setFill(t.text());
            g.fillText(AxisScale.format(v), left - 6, py);
        }
        if (grid) {
            return;
        }
        g.setStroke(t.axis());
        g.strokeRect(snap(left), snap(top), plotW, plotH);
        g.setFont(titleFont());
        g.setFill(t.text());
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.BOTTOM);
        String xTitle = d.xTitle() + (sx == AxisScale.LOG ? " · log" : "");
        g.fillText(xTitle, left + plotW / 2, canvas.getHeight() - 3);
        g.save();
        g.translate(compact.get() ? 11 : 14, top + plotH / 2);
        g.rotate(-90);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(d.yTitle() + (sy == AxisScale.LOG ? " · log" : ""), 0, 0);
        g.restore();
    }

    private static double snap(double v) {
        return Math.floor(v) + 0.5;
    }

    private void drawFront(GraphicsContext g, ChartTheme t, PlotArea plot) {
        ChartData d = data.get();
        int m = frontOrder.length;
        if (m == 0) {
            return;
        }
        double[] xs = new double[m];
        double[] ys = new double[m];
        for (int i = 0; i < m; i++) {
            int row = frontOrder[i];
            xs[i] = plot.x(d.x()[row]);
            ys[i] = plot.y(d.y()[row]);
        }
        g.setStroke(t.front());
        if (connectFront.get()) {
            g.setLineWidth(1.6);
            g.strokePolyline(xs, ys, m);
        }
        double r = m > 2_000 ? 1.5 : compact.get() ? 3 : 4;
        g.setLineWidth(1.2);
        for (int i = 0; i < m; i++) {
            int row = frontOrder[i];
            int c = d.category()[row];
            Color[] palette = colours(d);
            g.setFill(c >= 0 && c < palette.length ? palette[c] : Color.GRAY);
            g.fillOval(xs[i] - r, ys[i] - r, 2 * r, 2 * r);
            if (m <= 2_000) {
                g.strokeOval(xs[i] - r, ys[i] - r, 2 * r, 2 * r);
            }
        }
    }

    private ChartData colouredData;
    private Color[] colouredPalette = new Color[0];

    /** The session-stable colour of each of {@code d}'s categories (computed once per frame). */
    private Color[] colours(ChartData d) {
        if (d != colouredData) {
            colouredPalette = CategoryPalette.of(d.categoryNames());
            colouredData = d;
        }
        return colouredPalette;
    }

    private void drawMarker(GraphicsContext g, int row, Color colour, double radius, double width) {
        float x = index.screenX(row);
        float y = index.screenY(row);
        if (Float.isNaN(x) || Float.isNaN(y)) {
            return;
        }
        g.setStroke(colour);
        g.setLineWidth(width);
        g.strokeOval(x - radius, y - radius, 2 * radius, 2 * radius);
    }

    private void drawBox(GraphicsContext g, ChartTheme t) {
        if (!boxZoom || Double.isNaN(boxEndX)) {
            return;
        }
        double x = Math.min(pressX, boxEndX);
        double y = Math.min(pressY, boxEndY);
        g.setFill(t.selection().deriveColor(0, 1, 1, 0.12));
        g.fillRect(x, y, Math.abs(boxEndX - pressX), Math.abs(boxEndY - pressY));
        g.setStroke(t.selection());
        g.setLineWidth(1);
        g.strokeRect(x, y, Math.abs(boxEndX - pressX), Math.abs(boxEndY - pressY));
    }

    /** The legend in its strip above the plot, starting at the plot's left edge, wrapped to its width. */
    private void drawLegend(GraphicsContext g, ChartTheme t, PlotArea plot) {
        double left = plot.left();
        LegendLayout layout = legendLayout(plot.width());
        Color[] colours = colours(data.get());
        g.setFont(tickFont());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i < layout.labels().size(); i++) {
            double x = left + layout.x()[i];
            double cy = 6 + LEGEND_LINE * layout.line()[i] + LEGEND_LINE / 2;
            if (i < layout.swatches() && i < colours.length) {
                g.setFill(colours[i]);
                g.fillOval(x, cy - 4.5, 9, 9);
            }
            g.setFill(t.text());
            g.fillText(layout.labels().get(i), x + 14, cy);
        }
    }

    private void drawTooltip(GraphicsContext g, ChartTheme t, double w, double h) {
        int row = hoveredRow.get();
        if (row < 0 || row >= data.get().size() || Double.isNaN(lastMouseX)) {
            return;
        }
        String[] lines = data.get().describer().apply(row).split("\n");
        Font font = tickFont();
        g.setFont(font);
        double width = 0;
        for (String line : lines) {
            width = Math.max(width, textWidth(line, font));
        }
        double lineH = compact.get() ? 13 : 15;
        double boxW = width + 16;
        double boxH = lines.length * lineH + 10;
        double x = lastMouseX + 14;
        double y = lastMouseY + 14;
        if (x + boxW > w - 2) x = lastMouseX - boxW - 10;
        if (y + boxH > h - 2) y = lastMouseY - boxH - 10;
        x = Math.max(2, x);
        y = Math.max(2, y);
        g.setFill(t.tooltipBackground());
        g.fillRoundRect(x, y, boxW, boxH, 6, 6);
        g.setStroke(t.axis());
        g.setLineWidth(1);
        g.strokeRoundRect(x, y, boxW, boxH, 6, 6);
        g.setFill(t.tooltipText());
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < lines.length; i++) {
            g.fillText(lines[i], x + 8, y + 5 + i * lineH);
        }
    }

    private static final Text MEASURE = new Text();

    private static double textWidth(String s, Font font) {
        MEASURE.setFont(font);
        MEASURE.setText(s);
        return MEASURE.getLayoutBounds().getWidth();
    }

    // ---------------------------------------------------------------- interaction

    private void setHovered(int row) {
        if (hoveredRow.get() != row) {
            hoveredRow.set(row);
        }
        redrawOverlays();
    }

    /** Row under pixel ({@code x}, {@code y}) of the canvas within the hover radius, or −1. */
    public int rowAt(double x, double y) {
        return index.nearest(x, y, HOVER_RADIUS_PX);
    }

    /** Pixel position of a drawn row on the canvas, or null when it is not on screen. */
    public double[] screenPosition(int row) {
        float x = index.screenX(row);
        float y = index.screenY(row);
        return Float.isNaN(x) || Float.isNaN(y) ? null : new double[] { x, y };
    }

    private void onMouseMoved(MouseEvent e) {
        lastMouseX = e.getX();
        lastMouseY = e.getY();
        setHovered(rowAt(e.getX(), e.getY()));
    }

    private void onMousePressed(MouseEvent e) {
        pressX = e.getX();
        pressY = e.getY();
        dragged = false;
        boxZoom = e.isShiftDown() || e.getButton() == MouseButton.SECONDARY;
        ensureViewport();
        dragPlot = plotArea();
        boxEndX = Double.NaN;
        canvas.requestFocus();
    }

    private void onMouseDragged(MouseEvent e) {
        if (Math.abs(e.getX() - pressX) + Math.abs(e.getY() - pressY) < 3 && !dragged) {
            return;
        }
        dragged = true;
        lastMouseX = Double.NaN;
        hoveredRow.set(-1);
        if (boxZoom) {
            boxEndX = e.getX();
            boxEndY = e.getY();
            redrawOverlays();
            return;
        }
        // the view at the press, moved so that what was under the press is under the cursor
        double dx = dragPlot.transformedX(e.getX()) - dragPlot.transformedX(pressX);
        double dy = dragPlot.transformedY(e.getY()) - dragPlot.transformedY(pressY);
        viewX0 = dragPlot.x0() - dx;
        viewX1 = dragPlot.x1() - dx;
        viewY0 = dragPlot.y0() - dy;
        viewY1 = dragPlot.y1() - dy;
        userViewport = true;
        invalidateRaster();
    }

    private void onMouseReleased(MouseEvent e) {
        if (!dragged) {
            if (e.getButton() == MouseButton.PRIMARY) {
                if (e.getClickCount() >= 2) {
                    resetView();
                } else {
                    selectedRow.set(rowAt(e.getX(), e.getY()));
                }
            }
            return;
        }
        if (boxZoom && !Double.isNaN(boxEndX)) {
            PlotArea plot = plotArea();
            double x0 = plot.transformedX(Math.min(pressX, boxEndX));
            double x1 = plot.transformedX(Math.max(pressX, boxEndX));
            double y0 = plot.transformedY(Math.max(pressY, boxEndY));
            double y1 = plot.transformedY(Math.min(pressY, boxEndY));
            if (
                x1 - x0 > 1e-12 &&
                y1 - y0 > 1e-12 &&
                Math.abs(boxEndX - pressX) > 4 &&
                Math.abs(boxEndY - pressY) > 4
            ) {
                viewX0 = x0;
                viewX1 = x1;
                viewY0 = y0;
                viewY1 = y1;
                userViewport = true;
            }
            boxZoom = false;
            boxEndX = Double.NaN;
            invalidateRaster();
        }
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        ensureViewport();
        double factor = e.getDeltaY() > 0 ? 1 / 1.25 : 1.25;
        PlotArea plot = plotArea();
        zoomAround(plot.transformedX(e.getX()), plot.transformedY(e.getY()), factor);
        e.consume();
    }

    private void zoomAround(double cx, double cy, double factor) {
        viewX0 = cx - (cx - viewX0) * factor;
        viewX1 = cx + (viewX1 - cx) * factor;
        viewY0 = cy - (cy - viewY0) * factor;
        viewY1 = cy + (viewY1 - cy) * factor;
        userViewport = true;
        invalidateRaster();
    }
}
