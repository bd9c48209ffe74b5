package io.configspec.app.explorer.view;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** Asks what to do with unsaved changes when the window closes. */
final class QuitDialog {

    enum Choice {
        SAVE,
        DISCARD,
        CANCEL,
    }

    static final ButtonType SAVE = new ButtonType("Save workspace…", ButtonBar.ButtonData.YES);
    static final ButtonType DISCARD = new ButtonType("Quit without saving", ButtonBar.ButtonData.NO);
    static final ButtonType CANCEL = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);

    private QuitDialog() {}

    static Choice ask(Window owner) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", SAVE, DISCARD, CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save the workspace before quitting?");
        alert.setContentText(
            "The what-ifs, profile edits and imports of this session are not saved in a workspace file."
        );
        alert.getDialogPane().setId("quit-dialog");
        ButtonType answer = alert.showAndWait().orElse(CANCEL);
        if (answer == SAVE) return Choice.SAVE;
        if (answer == DISCARD) return Choice.DISCARD;
        return Choice.CANCEL;
    }
}
