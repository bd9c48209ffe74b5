package io.configspec.app.explorer.controls;

import io.configspec.app.explorer.concurrent.BackgroundWork;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;

/**
 * Controls every view makes the same way, each bound to view-model state: a status line, and the
 * cancel button and progress bar of a {@link BackgroundWork}. The node ids are the tests' handles.
 */
public final class BoundControls {

    private BoundControls() {}

    /** A label with {@code id} that shows {@code text}, wrapping long lines. */
    public static Label wrappingLabel(String id, ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.setWrapText(true);
        label.textProperty().bind(text);
        return label;
    }

    /** A "Cancel" button with {@code id}, enabled while {@code work} runs; pressing it runs {@code cancel}. */
    public static Button cancelButton(String id, BackgroundWork work, Runnable cancel) {
        Button button = new Button("Cancel");
        button.setId(id);
        button.disableProperty().bind(work.runningProperty().not());
        button.setOnAction(e -> cancel.run());
        return button;
    }

    /** A progress bar with {@code id}, as wide as its place, showing how far {@code work} is. */
    public static ProgressBar progressBar(String id, BackgroundWork work) {
        ProgressBar bar = new ProgressBar();
        bar.setId(id);
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(work.progressProperty());
        return bar;
    }
}
