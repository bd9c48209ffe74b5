package io.configspec.app.explorer.view;

import io.configspec.app.explorer.viewmodel.WhatIfSlider;
import io.configspec.app.explorer.viewmodel.WhatIfViewModel;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
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
    private static javafx.scene.layout.HBox line(CheckBox on, Label label, javafx.scene.Node value) {
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
        setId("what-if-pane");
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
            TextField value = valueField(s, model);
            Slider slider = new Slider(0, 1, s.toPosition(s.value().get()));
            slider.setId("slider-" + s.key());
            slider.setMaxWidth(Double.MAX_VALUE);
            if (s.integer()) {
                slider.setMinorTickCount(0);
                slider.setSnapToTicks(true);
            }
            GridPane.setHgrow(slider, Priority.ALWAYS);
            boolean[] syncing = { false };
            // The travel follows the slider's range (K: the K measured in the open scenario): one
            // arrow key or track click moves one step, not the whole travel (issue 19, item 2).
            Runnable travel = () -> {
                slider.setBlockIncrement(s.positionStep());
                if (s.integer()) slider.setMajorTickUnit(s.positionStep());
                syncing[0] = true;
                try {
                    slider.setValue(s.toPosition(s.value().get()));
                } finally {
                    syncing[0] = false;
                }
            };
            travel.run();
            s.lowest().addListener((obs, o, n) -> travel.run());
            s.highest().addListener((obs, o, n) -> travel.run());
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
                    if (!value.isFocused()) value.setText(s.displayNumber());
                });
            value.setText(s.displayNumber());
            Label unit = new Label(s.displayUnit());
            s.value().addListener((obs, o, n) -> unit.setText(s.displayUnit()));
            unit.getStyleClass().add("what-if-unit");
            unit.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            javafx.scene.layout.HBox valueAndUnit = new javafx.scene.layout.HBox(2, value, unit);
            valueAndUnit.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
            valueAndUnit.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
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
            javafx.scene.layout.HBox heading;
            if (s.constraint()) {
                CheckBox on = new CheckBox();
                on.setId("on-" + s.key());
                on.selectedProperty().bindBidirectional(s.overridden());
                slider.disableProperty().bind(on.selectedProperty().not());
                heading = line(on, label, valueAndUnit);
            } else {
                heading = line(null, label, valueAndUnit);
            }
            heading.setId("what-if-line-" + s.key());
            // A quantity the open scenario does not have (the network of the paper's setting) has
            // no slider on screen.
            for (javafx.scene.Node n : List.of(heading, slider)) {
                n.visibleProperty().bind(s.applies());
                n.managedProperty().bind(s.applies());
            }
            grid.add(heading, 0, row++, 2, 1);
            grid.add(slider, 0, row++, 2, 1);
            if (s.key().equals("kMax")) {
                Label kRange = new Label();
                kRange.setId("what-if-k-range");
                kRange.getStyleClass().add("hint");
                kRange.setWrapText(true);
                kRange.setMinWidth(0);
                kRange.textProperty().bind(model.kRangeNoteProperty());
                grid.add(kRange, 0, row++, 2, 1);
            }
            if (s.key().equals(WhatIfViewModel.NETWORK_KEYS.getLast())) {
                Label noNetwork = new Label(
                    "No network time in this scenario: no round-trip or bandwidth sliders."
                );
                noNetwork.setId("what-if-no-network");
                noNetwork.getStyleClass().add("hint");
                noNetwork.setWrapText(true);
                noNetwork.setMinWidth(0);
                noNetwork.visibleProperty().bind(s.applies().not());
                noNetwork.managedProperty().bind(s.applies().not());
                grid.add(noNetwork, 0, row++, 2, 1);
            }
        }
        grid.setPadding(new Insets(0, 2, 0, 0));
        getChildren().add(grid);
    }

    /**
     * The value beside a slider: shows it with its unit; click to type an exact value, Enter to
     * apply, Escape to go back. A value outside the slider's range is refused with the range.
     */
    private static TextField valueField(WhatIfSlider s, WhatIfViewModel model) {
        TextField value = new TextField();
        value.getStyleClass().addAll("what-if-value", "what-if-value-field");
        value.setId("value-" + s.key());
        value.setPrefColumnCount(5);
        value.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        value.setAlignment(javafx.geometry.Pos.CENTER_RIGHT);
        Tooltip hint = new Tooltip();
        Runnable hintText = () ->
            hint.setText("Click to type an exact value (" + s.rangeText() + "), Enter to apply");
        hintText.run();
        s.lowest().addListener((obs, o, n) -> hintText.run());
        s.highest().addListener((obs, o, n) -> hintText.run());
        value.setTooltip(hint);
        Runnable revert = () -> {
            value.getStyleClass().remove("invalid");
            value.setTooltip(hint);
            value.setText(s.displayNumber());
        };
        // The whole number is selected when the field gets focus, by Tab or by a click (the click's
        // release would otherwise put the caret where it landed).
        boolean[] selectOnRelease = { false };
        value
            .focusedProperty()
            .addListener((o, was, now) -> {
                if (now) {
                    String plain = s.integer()
                        ? String.valueOf((long) s.value().get())
                        : io.configspec.app.explorer.viewmodel.Numbers.plain(s.value().get()).replace(
                              ",",
                              ""
                          );
                    value.setText(plain);
                    value.selectAll();
                    selectOnRelease[0] = true;
                } else {
                    revert.run();
                }
            });
        value.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_RELEASED, e -> {
            if (selectOnRelease[0]) {
                selectOnRelease[0] = false;
                value.selectAll();
            }
        });
        value.setOnAction(e -> {
            try {
                double v = s.parse(value.getText());
                value.getStyleClass().remove("invalid");
                value.setTooltip(hint);
                model.set(s.key(), v);
                value.setText(s.displayNumber());
                value.getParent().requestFocus();
            } catch (IllegalArgumentException ex) {
                if (!value.getStyleClass().contains("invalid")) value.getStyleClass().add("invalid");
                Tooltip problem = new Tooltip(ex.getMessage());
                value.setTooltip(problem);
                var p = value.localToScreen(0, value.getHeight());
                if (p != null) problem.show(value, p.getX(), p.getY());
            }
        });
        value.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ESCAPE) {
                revert.run();
                value.getParent().requestFocus();
            }
        });
        return value;
    }
}
