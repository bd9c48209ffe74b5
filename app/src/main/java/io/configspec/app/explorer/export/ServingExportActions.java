package io.configspec.app.explorer.export;

import io.configspec.app.explorer.viewmodel.Evaluation;
import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import java.util.function.ToIntFunction;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ContextMenuEvent;
import javafx.stage.Window;

/**
 * Where the export dialog is opened from: a button for the selected configuration, and a context
 * menu on anything that shows configurations (a chart point, a table row, a recommendation card).
 * These are the only hooks other views need.
 */
public final class ServingExportActions {

    /** The text of every way in. */
    public static final String TITLE = "Export for serving…";

    private ServingExportActions() {}

    /**
     * Opens the export dialog for row {@code row} of the current evaluation. UI thread.
     *
     * @return the dialog, or {@code null} (with a status line) when there is nothing to export
     */
    public static ServingExportDialog open(ExplorerViewModel model, int row, Window owner) {
        Evaluation evaluation = model.getEvaluation();
        if (evaluation == null || row < 0 || row >= evaluation.size()) {
            model.showStatus("Select a configuration first (click a point, a table row or a card).");
            return null;
        }
        ServingExportViewModel vm = new ServingExportViewModel(
            evaluation.space(),
            row,
            ExportNotes.of(evaluation, row),
            model.executor()
        );
        String css = owner != null && owner.getScene() != null && !owner.getScene().getStylesheets().isEmpty()
            ? owner.getScene().getStylesheets().get(0)
            : null;
        ServingExportDialog dialog = new ServingExportDialog(owner, evaluation.label(row), vm, css);
        dialog.show();
        return dialog;
    }

    /** A button that opens the dialog for the selected configuration; disabled when none is selected. */
    public static Button button(ExplorerViewModel model) {
        Button b = new Button(TITLE);
        b.setId("export-for-serving");
        b.setTooltip(
            new Tooltip(
                "The selected configuration as a vLLM, llama.cpp, SGLang, TensorRT-LLM or ONNX Runtime GenAI setup"
            )
        );
        b.disableProperty().bind(model.selectedRowProperty().lessThan(0));
        b.setOnAction(e ->
            open(
                model,
                model.selectedRowProperty().get(),
                b.getScene() == null ? null : b.getScene().getWindow()
            )
        );
        return b;
    }

    /**
     * Right-click on {@code node} selects the configuration under the pointer and offers the
     * export dialog for it.
     *
     * @param rowAt the row under the pointer of a context-menu event, or −1 for none
     */
    public static void installContextMenu(
        Node node,
        ExplorerViewModel model,
        ToIntFunction<ContextMenuEvent> rowAt
    ) {
        node.addEventHandler(ContextMenuEvent.CONTEXT_MENU_REQUESTED, e -> {
            int row = rowAt.applyAsInt(e);
            if (row < 0) {
                return;
            }
            model.selectedRowProperty().set(row);
            MenuItem export = new MenuItem(TITLE);
            export.setId("export-for-serving-menu");
            ContextMenu menu = new ContextMenu(export);
            Node chart = ChartExports.chartAround(node);
            if (chart != null) {
                menu.getItems().add(new SeparatorMenuItem());
                menu
                    .getItems()
                    .addAll(ChartExportActions.menuItems(chart, model.executor(), model::showStatus));
            }
            export.setOnAction(a ->
                open(model, row, node.getScene() == null ? null : node.getScene().getWindow())
            );
            menu.show(node, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }
}
