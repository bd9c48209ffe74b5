package io.configspec.app.explorer.view;

import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import io.configspec.app.explorer.viewmodel.InputSources;
import io.configspec.model.io.ScenarioLoader;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * A banner under the menu while the numbers on screen rest on illustrative placeholders: how many
 * of the inputs are placeholders, what that means, and how to replace them; the list on hover.
 * Hidden when every input is measured or from the literature (issue 19, item 6).
 */
public final class IllustrativeBanner extends HBox {

    private final ReadOnlyBooleanWrapper active = new ReadOnlyBooleanWrapper(this, "active", false);
    private final Label text = RecommendationsPane.line("", "illustrative-text");

    public IllustrativeBanner(ExplorerViewModel model) {
        setId("illustrative-banner");
        getStyleClass().add("illustrative-banner");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(3, 10, 3, 10));
        setMinWidth(0);
        text.setId("illustrative-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        getChildren().add(text);
        model.loadedProperty().addListener((o, a, b) -> show(b));
        show(model.loadedProperty().get());
    }

    /** Whether the banner is up (some input on screen is illustrative). */
    public ReadOnlyBooleanProperty activeProperty() {
        return active.getReadOnlyProperty();
    }

    private void show(ScenarioLoader.LoadedScenario loaded) {
        InputSources.Census census = loaded == null ? null : InputSources.census(loaded.space());
        boolean on = census != null && census.anyIllustrative();
        setVisible(on);
        setManaged(on);
        active.set(on);
        if (!on) {
            return;
        }
        int n = census.illustrative().size();
        text.setText(
            "○ Illustrative numbers: " +
                n +
                " of the " +
                census.total() +
                " inputs behind these results are placeholders, not measurements; the answers show how the model behaves, not what your hardware does. Replace them: profile a board (Boards tab) or import measured profiles."
        );
        StringBuilder list = new StringBuilder("Illustrative inputs (○):");
        int shown = 0;
        for (String s : census.illustrative()) {
            if (shown++ == 30) {
                list.append("\n… and ").append(n - 30).append(" more");
                break;
            }
            list.append("\n").append(s);
        }
        text.getTooltip().setText(list.toString());
    }
}
