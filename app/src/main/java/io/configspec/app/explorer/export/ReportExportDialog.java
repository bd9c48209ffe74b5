package io.configspec.app.explorer.export;

import io.configspec.app.explorer.controls.BoundControls;
import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import io.configspec.app.report.JFreeChartRenderer;
import java.io.File;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File › Export report: asks for a file, then shows the report being written (progress bar,
 * Cancel) in a small window that closes itself when the report is saved; the status line says
 * where. A cancel or a failure stays on screen with its sentence until closed.
 */
public final class ReportExportDialog extends Stage {

    /** The menu text. */
    public static final String TITLE = "Export report…";

    private final ReportExport export;

    ReportExportDialog(Window owner, ReportExport export, String css) {
        this.export = export;
        initOwner(owner);
        initModality(Modality.NONE);
        setTitle("Export report");
        Label message = BoundControls.wrappingLabel("report-message", export.work().messageProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("report-progress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(export.work().progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("report-cancel");
        cancel.setCancelButton(true);
        cancel.visibleProperty().bind(export.work().runningProperty());
        cancel.managedProperty().bind(export.work().runningProperty());
        cancel.setOnAction(e -> export.cancel());
        Button close = new Button("Close");
        close.setId("report-close");
        close.visibleProperty().bind(export.work().runningProperty().not());
        close.managedProperty().bind(export.work().runningProperty().not());
        close.setOnAction(e -> close());
        HBox buttons = new HBox(8, cancel, close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(10, message, bar, buttons);
        VBox.setVgrow(message, Priority.ALWAYS);
        root.setPadding(new Insets(14));
        root.setPrefWidth(420);
        Scene scene = new Scene(root);
        if (css != null) scene.getStylesheets().add(css);
        setScene(scene);
        // Closing the window while the report is written cancels it.
        setOnCloseRequest(e -> export.cancel());
    }

    public ReportExport export() {
        return export;
    }

    /** Asks for a file and writes the window's current evaluation there. UI thread. */
    public static void chooseAndExport(ExplorerViewModel model, Window owner) {
        if (model.getEvaluation() == null) {
            model.showStatus("Open a scenario first: the report is of the evaluated scenario.");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export report");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("HTML report", "*.html"));
        var loaded = model.loadedProperty().get();
        chooser.setInitialFileName(
            (loaded == null ? "configspec" : loaded.scenario().id()).toLowerCase(Locale.ROOT) + "-report.html"
        );
        if (loaded != null && loaded.file().toAbsolutePath().getParent() != null) {
            chooser.setInitialDirectory(loaded.file().toAbsolutePath().getParent().toFile());
        }
        File file = chooser.showSaveDialog(owner);
        if (file == null) return;
        Path target = file.toPath();
        if (!target.getFileName().toString().toLowerCase(Locale.ROOT).matches(".*\\.html?")) {
            target = target.resolveSibling(target.getFileName() + ".html");
        }
        start(model, owner, target);
    }

    /**
     * Writes the report of the window's current evaluation (its what-if values and filters) to
     * {@code file}, showing progress. UI thread.
     *
     * @return the dialog (its {@link #export()} has the progress), or {@code null} when there is no
     *     evaluation (with a status line)
     */
    public static ReportExportDialog start(ExplorerViewModel model, Window owner, Path file) {
        var evaluation = model.getEvaluation();
        if (evaluation == null) {
            model.showStatus("Open a scenario first: the report is of the evaluated scenario.");
            return null;
        }
        ReportExport export = new ReportExport(model.executor(), new JFreeChartRenderer(), Instant::now);
        String css = owner != null && owner.getScene() != null && !owner.getScene().getStylesheets().isEmpty()
            ? owner.getScene().getStylesheets().get(0)
            : null;
        ReportExportDialog dialog = new ReportExportDialog(owner, export, css);
        dialog.show();
        CompletableFuture<Path> done = export.start(evaluation.result(), file);
        done.whenComplete((p, err) ->
            model
                .executor()
                .runOnUi(() -> {
                    model.showStatus(export.work().messageProperty().get());
                    if (err == null) dialog.close();
                })
        );
        return dialog;
    }
}
