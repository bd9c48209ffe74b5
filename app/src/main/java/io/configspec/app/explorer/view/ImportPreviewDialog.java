package io.configspec.app.explorer.view;

import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import io.configspec.app.explorer.viewmodel.ImportPreview;
import io.configspec.app.explorer.viewmodel.Numbers;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The import preview (File › Import, drag and drop on the library): what each file gives or why it
 * is left out, and for each imported device whether it reaches the open scenario's chart, with a
 * tick box (on by default) that adds it to the scenario when it is not there ({@code
 * DeviceAdoption}, as the Boards tab does after a profiling run); nothing changes until
 * Import. The whole import is one undo step (Ctrl+Z).
 */
public final class ImportPreviewDialog {

    /** The Import button's type, so tests and the keyboard find it. */
    public static final ButtonType IMPORT = new ButtonType("Import", ButtonBar.ButtonData.OK_DONE);

    private ImportPreviewDialog() {}

    /**
     * Reads {@code files} in the background, then shows the preview; Import applies it and adds
     * the ticked devices to the open scenario. Returns at once (UI thread).
     */
    public static void open(ExplorerViewModel model, Window owner, List<Path> files) {
        if (files.isEmpty()) return;
        model.showStatus("Reading " + Numbers.count(files.size(), "file", "files") + " to import …");
        model
            .library()
            .preview(files)
            .whenComplete((preview, error) ->
                model
                    .executor()
                    .runOnUi(() -> {
                        if (error != null) {
                            model.showStatus("Import: " + error.getMessage());
                        } else if (preview != null) {
                            // The "Reading …" line has done its work: the preview now says what happens.
                            model.showStatus(
                                "Import: nothing changes until you press Import in the preview."
                            );
                            show(model, owner, preview);
                        }
                    })
            );
    }

    private static void show(ExplorerViewModel model, Window owner, ImportPreview preview) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Import profiles");
        dialog.setHeaderText(headline(preview));
        Map<String, CheckBox> joins = new LinkedHashMap<>();
        dialog.getDialogPane().setContent(content(preview, joins));
        dialog.getDialogPane().getButtonTypes().addAll(IMPORT, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(IMPORT).setDisable(!preview.canApply());
        dialog.getDialogPane().setPrefWidth(680);
        dialog.setResizable(true);
        dialog
            .resultProperty()
            .addListener((o, was, result) -> {
                if (result == IMPORT) {
                    apply(model, preview, joins);
                } else {
                    model.showStatus("Import cancelled: nothing changed.");
                }
            });
        dialog.show();
    }

    private static String headline(ImportPreview preview) {
        long taken = preview
            .plan()
            .outcomes()
            .stream()
            .filter(o -> !o.leftOut())
            .count();
        long left = preview.plan().outcomes().size() - taken;
        return (
            Numbers.count(taken, "file", "files") +
            (taken == 1 ? " gives " : " give ") +
            Numbers.count(preview.added().size(), "profile", "profiles") +
            (left > 0 ? "; " + Numbers.count(left, "file", "files") + " left out (see why below)" : "") +
            ". Nothing changes until you press Import; Ctrl+Z undoes the whole import."
        );
    }

    /** The preview's lines, wrapped, and a tick box per device that can join the open scenario. */
    static VBox content(ImportPreview preview, Map<String, CheckBox> joins) {
        VBox lines = new VBox(4);
        lines.setId("import-preview");
        lines.setPadding(new Insets(4));
        for (String line : preview.lines()) {
            Label l = new Label(line);
            l.setWrapText(true);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            l.setMaxWidth(640);
            l.setMnemonicParsing(false);
            if (line.startsWith("✗")) l.getStyleClass().add("problem");
            lines.getChildren().add(l);
        }
        for (ImportPreview.DeviceReach d : preview.devices()) {
            if (d.adoption().isEmpty()) continue;
            CheckBox box = new CheckBox(
                "Add " +
                    d.name() +
                    " to the open scenario (" +
                    Numbers.count(d.gained(), "configuration", "configurations") +
                    " on the chart)"
            );
            box.setId("join-" + d.deviceId());
            box.setSelected(true);
            box.setWrapText(true);
            box.setMnemonicParsing(false);
            joins.put(d.deviceId(), box);
            lines.getChildren().add(box);
        }
        ScrollPane scroll = new ScrollPane(lines);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(320);
        VBox root = new VBox(scroll);
        root.setId("import-preview-pane");
        return root;
    }

    private static void apply(ExplorerViewModel model, ImportPreview preview, Map<String, CheckBox> joins) {
        model
            .library()
            .confirm(preview)
            .thenAccept(applied -> {
                if (applied == null) {
                    model.showStatus("Nothing imported: see the library's problem list.");
                    return;
                }
                model.showStatus(
                    "Imported " +
                        Numbers.count(applied.added().size(), "profile", "profiles") +
                        "; Ctrl+Z undoes the import."
                );
                for (ImportPreview.DeviceReach d : applied.devices()) {
                    CheckBox box = joins.get(d.deviceId());
                    if (box != null && box.isSelected() && d.adoption().isPresent()) {
                        model.adoptDevice(d.deviceId());
                    }
                }
            });
    }
}
