package io.configspec.app.explorer.export;

import io.configspec.app.explorer.concurrent.TaskExecutor;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Where charts are saved from: right-click on any chart (PNG or SVG), and the File menu's
 * export of the charts in view. One hook for the whole window: {@link #install}.
 */
public final class ChartExportActions {

    public static final String PNG_TEXT = "Save chart as PNG…";
    public static final String SVG_TEXT = "Save chart as SVG…";

    private ChartExportActions() {}

    /**
     * Right-click on any chart inside {@code root} (now or added later: every view's charts)
     * offers {@link #PNG_TEXT} and {@link #SVG_TEXT}.
     *
     * @param status where a sentence about the outcome goes (UI thread)
     */
    public static void install(Node root, TaskExecutor executor, Consumer<String> status) {
        root.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            if (!(e.getTarget() instanceof Node target)) return;
            Node chart = ChartExports.chartAround(target);
            if (chart == null) return;
            ContextMenu menu = new ContextMenu();
            menu.setId("chart-menu");
            menu.getItems().addAll(menuItems(chart, executor, status));
            menu.show(chart, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    /** The two items that save {@code chart}, ids {@code chart-save-png} and {@code chart-save-svg}. */
    public static List<MenuItem> menuItems(Node chart, TaskExecutor executor, Consumer<String> status) {
        MenuItem png = new MenuItem(PNG_TEXT);
        png.setId("chart-save-png");
        png.setOnAction(a ->
            saveAs(List.of(chart), ChartExports.Format.PNG, window(chart), executor, status)
        );
        MenuItem svg = new MenuItem(SVG_TEXT);
        svg.setId("chart-save-svg");
        svg.setOnAction(a ->
            saveAs(List.of(chart), ChartExports.Format.SVG, window(chart), executor, status)
        );
        return List.of(png, svg);
    }

    /**
     * Saves the charts shown in {@code view} (File menu): asks for a file, PNG or SVG by its
     * extension or the filter chosen. Says so in {@code status} when the view has no chart.
     */
    public static void saveChartsIn(Node view, Window owner, TaskExecutor executor, Consumer<String> status) {
        List<Node> charts = view == null ? List.of() : ChartExports.chartsIn(view);
        if (charts.isEmpty()) {
            status.accept("This view shows no chart to export.");
            return;
        }
        saveAs(charts, ChartExports.Format.PNG, owner, executor, status);
    }

    /** Asks for a file and saves {@code charts} in it (see {@link #save}). UI thread. */
    public static void saveAs(
        List<Node> charts,
        ChartExports.Format preferred,
        Window owner,
        TaskExecutor executor,
        Consumer<String> status
    ) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(charts.size() == 1 ? "Save chart" : "Save " + charts.size() + " charts");
        FileChooser.ExtensionFilter first = null;
        for (ChartExports.Format f : preferred == ChartExports.Format.PNG
            ? List.of(ChartExports.Format.PNG, ChartExports.Format.SVG)
            : List.of(ChartExports.Format.SVG, ChartExports.Format.PNG)) {
            FileChooser.ExtensionFilter filter = new FileChooser.ExtensionFilter(
                f.description(),
                "*." + f.extension()
            );
            chooser.getExtensionFilters().add(filter);
            if (first == null) first = filter;
        }
        chooser.setSelectedExtensionFilter(first);
        String name = charts.size() == 1 ? ChartExports.nameOf(charts.get(0)) : "charts";
        chooser.setInitialFileName(name + "." + preferred.extension());
        File file = chooser.showSaveDialog(owner);
        if (file == null) return;
        ChartExports.Format format = ChartExports.Format.ofFileName(file.getName());
        Path target = file.toPath();
        if (format == null) {
            String chosen = chooser.getSelectedExtensionFilter() == null
                ? preferred.extension()
                : chooser.getSelectedExtensionFilter().getExtensions().get(0).substring(2);
            format = ChartExports.Format.ofFileName("x." + chosen);
            target = target.resolveSibling(target.getFileName() + "." + format.extension());
        }
        save(charts, format, target, executor, status);
    }

    /**
     * Saves {@code charts} as {@code format} to {@code target}: reads them now (UI thread), draws,
     * encodes and writes atomically on a worker; {@code status} gets one sentence when done.
     */
    public static CompletableFuture<Path> save(
        List<Node> charts,
        ChartExports.Format format,
        Path target,
        TaskExecutor executor,
        Consumer<String> status
    ) {
        CompletableFuture<Path> done;
        try {
            done = executor.submit(ChartExports.save(charts, format, target));
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        return done.whenComplete((p, err) ->
            executor.runOnUi(() ->
                status.accept(
                    err == null
                        ? (charts.size() == 1 ? "Chart" : charts.size() + " charts") +
                          " saved to " +
                          target.getFileName() +
                          " (" +
                          format.name() +
                          ")."
                        : format.name() + " export failed: " + ReportExport.message(err)
                )
            )
        );
    }

    private static Window window(Node node) {
        return node.getScene() == null ? null : node.getScene().getWindow();
    }
}
