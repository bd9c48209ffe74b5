package io.configspec.app.explorer.validation;

import io.configspec.app.explorer.controls.BoundControls;
import io.configspec.model.imports.PredictionValidation;
import io.configspec.model.imports.PredictionValidation.Comparison;
import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * Predicted against measured (issue 10): a chart of predicted over measured goodput per
 * configuration with the line of perfect prediction, a table with the error per configuration,
 * and the median and 90th percentile of the errors.
 */
public final class ValidationView extends BorderPane {

    private final ValidationViewModel model;
    private final LineChart<Number, Number> chart;
    private final TableView<Comparison> table = new TableView<>();

    public ValidationView(ValidationViewModel model) {
        this.model = model;
        setId("validation-view");
        Button open = new Button("Open measurements…");
        open.setId("validation-open");
        open.setTooltip(
            new Tooltip(
                "A folder written by configspec measure (or the board agent): its goodput-sweep reports"
            )
        );
        open.disableProperty().bind(model.work().runningProperty());
        open.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Folder with measured goodput (goodput-sweep reports)");
            File dir = chooser.showDialog(getScene() == null ? null : getScene().getWindow());
            if (dir != null) {
                model.open(List.of(dir.toPath()));
            }
        });
        Label status = BoundControls.wrappingLabel("validation-status", model.work().messageProperty());
        Label source = new Label();
        source.setId("validation-source");
        source.textProperty().bind(model.resultProperty().map(ValidationViewModel.Result::source).orElse(""));
        source.setStyle("-fx-opacity: 0.75;");
        open.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.control.TextField path = new javafx.scene.control.TextField();
        path.setId("validation-path");
        path.setPromptText("or paste a folder path and press Enter");
        path.disableProperty().bind(model.work().runningProperty());
        path.setOnAction(e -> {
            String text = path.getText().strip();
            if (!text.isEmpty()) {
                model.open(List.of(java.nio.file.Path.of(text)));
            }
        });
        HBox bar = new HBox(8, open, path);
        HBox.setHgrow(path, Priority.ALWAYS);
        VBox top = new VBox(4, bar, status, source);
        top.setPadding(new Insets(6));
        setTop(top);

        NumberAxis x = new NumberAxis();
        x.setLabel("Measured goodput (tokens/s)");
        x.setForceZeroInRange(true);
        NumberAxis y = new NumberAxis();
        y.setLabel("Predicted goodput (tokens/s)");
        y.setForceZeroInRange(true);
        chart = new LineChart<>(x, y);
        chart.setId("validation-chart");
        chart.setTitle("Predicted against measured goodput");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);

        table.setId("validation-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No measurements opened."));
        table
            .getColumns()
            .add(
                text(
                    "Configuration",
                    c -> {
                        var conf = c.measured().configuration();
                        return (
                            conf.device() +
                            " · " +
                            conf.drafter() +
                            " " +
                            conf.quantization() +
                            " → " +
                            conf.target()
                        );
                    },
                    260
                )
            );
        table.getColumns().add(text("K", c -> String.valueOf(c.measured().configuration().k()), 40));
        table
            .getColumns()
            .add(text("Measured (tokens/s)", c -> fmt("%.2f", c.measured().goodputTokensPerSecond()), 120));
        table
            .getColumns()
            .add(text("Predicted (tokens/s)", c -> fmt("%.2f", c.predictedGoodputTokensPerSecond()), 120));
        table.getColumns().add(text("Error (%)", c -> fmt("%+.1f", 100 * c.goodputError()), 80));
        table
            .getColumns()
            .add(
                text(
                    "α measured",
                    c ->
                        c.measured().acceptanceRate().isPresent()
                            ? fmt("%.3f", c.measured().acceptanceRate().getAsDouble())
                            : "not measured",
                    90
                )
            );
        table.getColumns().add(text("α predicted", c -> fmt("%.3f", c.predictedAcceptanceRate()), 90));
        table
            .getColumns()
            .add(
                text(
                    "Source (measured)",
                    c -> c.measured().file().getFileName() + ", " + c.measured().rounds() + " rounds",
                    200
                )
            );

        SplitPane split = new SplitPane(chart, table);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.55);
        setCenter(split);
        model.resultProperty().addListener((o, was, now) -> show(now == null ? null : now.report()));
        ValidationViewModel.Result shown = model.resultProperty().get();
        show(shown == null ? null : shown.report());
    }

    private static String fmt(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }

    private static TableColumn<Comparison, String> text(
        String title,
        java.util.function.Function<Comparison, String> value,
        double width
    ) {
        TableColumn<Comparison, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }

    private void show(PredictionValidation.Report report) {
        chart.getData().clear();
        if (report == null) {
            table.setItems(FXCollections.observableArrayList());
            return;
        }
        table.setItems(FXCollections.observableArrayList(report.comparisons()));
        double max = 0;
        XYChart.Series<Number, Number> points = new XYChart.Series<>();
        points.setName("configurations (K per point)");
        for (Comparison c : report.comparisons()) {
            double m = c.measured().goodputTokensPerSecond();
            double p = c.predictedGoodputTokensPerSecond();
            max = Math.max(max, Math.max(m, Double.isFinite(p) ? p : 0));
            XYChart.Data<Number, Number> d = new XYChart.Data<>(m, p);
            points.getData().add(d);
        }
        XYChart.Series<Number, Number> diagonal = new XYChart.Series<>();
        diagonal.setName("predicted = measured");
        diagonal.getData().add(new XYChart.Data<>(0, 0));
        diagonal.getData().add(new XYChart.Data<>(max * 1.05, max * 1.05));
        chart.getData().add(diagonal);
        chart.getData().add(points);
        // The diagonal is a line without symbols; the configurations are symbols without a line.
        for (XYChart.Data<Number, Number> d : diagonal.getData()) {
            if (d.getNode() != null) {
                d.getNode().setVisible(false);
            }
        }
        if (points.getNode() != null) {
            points.getNode().setStyle("-fx-stroke: transparent;");
        }
        for (int i = 0; i < points.getData().size(); i++) {
            Comparison c = report.comparisons().get(i);
            var node = points.getData().get(i).getNode();
            if (node != null) {
                var conf = c.measured().configuration();
                Tooltip.install(
                    node,
                    new Tooltip(
                        conf.drafter() +
                            " " +
                            conf.quantization() +
                            " → " +
                            conf.target() +
                            ", K=" +
                            conf.k() +
                            "\nmeasured " +
                            fmt("%.2f", c.measured().goodputTokensPerSecond()) +
                            " tokens/s (measured, " +
                            c.measured().file().getFileName() +
                            ")\npredicted " +
                            fmt("%.2f", c.predictedGoodputTokensPerSecond()) +
                            " tokens/s (model)\nerror " +
                            fmt("%+.1f", 100 * c.goodputError()) +
                            " %"
                    )
                );
            }
        }
    }
}
