package io.configspec.app.explorer.view;

import io.configspec.app.explorer.chart.ParetoChart;
import io.configspec.app.explorer.export.ServingExportActions;
import io.configspec.app.explorer.viewmodel.ColourBy;
import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import io.configspec.model.analysis.Objective;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.util.StringConverter;

/** The main Pareto chart with its axis, scale and colour controls. */
public final class ChartPane extends BorderPane {

    private final ParetoChart chart = new ParetoChart();

    public ChartPane(ExplorerViewModel model) {
        getStyleClass().add("chart-pane");
        ExplorerViewModel.ViewSettings view = model.viewSettings();
        ComboBox<Objective> x = objectiveBox("x-objective");
        ComboBox<Objective> y = objectiveBox("y-objective");
        x.valueProperty().bindBidirectional(view.xObjective());
        y.valueProperty().bindBidirectional(view.yObjective());
        CheckBox xLog = new CheckBox("log");
        xLog.setId("x-log");
        xLog.selectedProperty().bindBidirectional(view.xLog());
        CheckBox yLog = new CheckBox("log");
        yLog.setId("y-log");
        yLog.selectedProperty().bindBidirectional(view.yLog());
        ComboBox<ColourBy> colour = new ComboBox<>();
        colour.setId("colour-by");
        colour.getItems().setAll(ColourBy.values());
        colour.valueProperty().bindBidirectional(view.colourBy());
        colour.setPrefWidth(130);
        x.setPrefWidth(200);
        y.setPrefWidth(200);
        Button reset = new Button("Fit");
        reset.setId("reset-view");
        reset.setTooltip(
            new Tooltip(
                "Fit the chart to the data again (Ctrl+0). Wheel zooms, drag pans, Shift+drag zooms to a box."
            )
        );
        reset.setOnAction(e -> chart.resetView());
        FlowPane controls = new FlowPane(
            8,
            4,
            new Label("X"),
            x,
            xLog,
            new Label("  Y"),
            y,
            yLog,
            new Label("  Colour"),
            colour,
            reset
        );
        controls.setAlignment(Pos.CENTER_LEFT);
        controls.setPadding(new Insets(4, 6, 4, 6));
        controls.getStyleClass().add("chart-controls");
        setTop(controls);
        chart.setId("pareto-chart");
        chart.dataProperty().bind(model.chartDataProperty());
        chart.bindLogScales(view.xLog(), view.yLog());
        chart.selectedRowProperty().bindBidirectional(model.selectedRowProperty());
        ServingExportActions.installContextMenu(chart.canvas(), model, e -> chart.rowAt(e.getX(), e.getY()));
        setCenter(chart);
    }

    public ParetoChart chart() {
        return chart;
    }

    static ComboBox<Objective> objectiveBox(String id) {
        ComboBox<Objective> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(Objective.values());
        box.setConverter(
            new StringConverter<>() {
                @Override
                public String toString(Objective o) {
                    return o == null ? "" : o.label() + " (" + o.unit() + ")";
                }

                @Override
                public Objective fromString(String s) {
                    return null;
                }
            }
        );
        return box;
    }
}
