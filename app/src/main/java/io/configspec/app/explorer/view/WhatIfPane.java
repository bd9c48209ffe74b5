package io.configspec.app.explorer.view;

import io.configspec.app.explorer.viewmodel.WhatIfSlider;
import io.configspec.app.explorer.viewmodel.WhatIfViewModel;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The what-if sliders. A slider shows the profile's value until moved; a moved slider is shown
 * in bold and overrides the profiles for every configuration. Constraint sliders have a switch.
 */
public final class WhatIfPane extends VBox {

    /** One header line: [switch] label (shrinks with an ellipsis) … value (never shrinks). */
    private static javafx.scene.layout.HBox line(CheckBox on, Label label, Label value) {
        javafx.scene.layout.Region gap = new javafx.scene.layout.Region();
        javafx.scene.layout.HBox.setHgrow(gap, Priority.ALWAYS);
        javafx.scene.layout.HBox box = on == null
            ? new javafx.scene.layout.HBox(4, label, gap, value)
            : new javafx.scene.layout.HBox(4, on, label, gap, value);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }

    public WhatIfPane(WhatIfViewModel model) {
        getStyleClass().add("what-if-pane");
        setSpacing(4);
        Label title = new Label("What if…");
        title.getStyleClass().add("section-title");
        Button reset = new Button("Reset");
        reset.setId("reset-what-if");
        reset.setTooltip(new Tooltip("Back to the scenario's and profiles' values (Ctrl+R)"));
        reset.setOnAction(e -> model.reset());
        BorderPane header = new BorderPane();
        header.setLeft(title);
        header.setRight(reset);
        getChildren().add(header);
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(2);
        int row = 0;
        boolean constraintsHeader = false;
        for (WhatIfSlider s : model.sliders()) {
            if (s.constraint() && !constraintsHeader) {
                Label c = new Label("Constraints");
                c.getStyleClass().add("section-subtitle");
                grid.add(c, 0, row++, 2, 1);
                constraintsHeader = true;
            }
            Label label = new Label(s.label());
            label.setMinWidth(0);
            label.getStyleClass().add("what-if-label");
            Label value = new Label();
            value.getStyleClass().add("what-if-value");
            value.setId("value-" + s.key());
            value.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Slider slider = new Slider(0, 1, s.toPosition(s.value().get()));
            slider.setId("slider-" + s.key());
            slider.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(slider, Priority.ALWAYS);
            boolean[] syncing = { false };
            slider
                .valueProperty()
                .addListener((obs, o, n) -> {
                    if (!syncing[0]) {
                        s.value().set(s.fromPosition(n.doubleValue()));
                    }
                });
            s
                .value()
                .addListener((obs, o, n) -> {
                    syncing[0] = true;
                    try {
                        slider.setValue(s.toPosition(n.doubleValue()));
                    } finally {
                        syncing[0] = false;
                    }
                    value.setText(s.display());
                });
            value.setText(s.display());
            Runnable style = () -> {
                boolean on = s.overridden().get();
                label.getStyleClass().remove("overridden");
                if (on) label.getStyleClass().add("overridden");
                label.setTooltip(
                    new Tooltip(
                        on
                            ? "Overrides the profiles (" + s.key() + ")"
                            : "Profile or scenario value (" + s.key() + ")"
                    )
                );
            };
            s.overridden().addListener((obs, o, n) -> style.run());
            style.run();
            if (s.constraint()) {
                CheckBox on = new CheckBox();
                on.setId("on-" + s.key());
                on.selectedProperty().bindBidirectional(s.overridden());
                slider.disableProperty().bind(on.selectedProperty().not());
                grid.add(line(on, label, value), 0, row++, 2, 1);
            } else {
                grid.add(line(null, label, value), 0, row++, 2, 1);
            }
            grid.add(slider, 0, row++, 2, 1);
        }
        grid.setPadding(new Insets(0, 2, 0, 0));
        getChildren().add(grid);
    }
}
