package io.configspec.app.explorer.qpart;

import io.configspec.app.explorer.controls.BoundControls;
import io.configspec.engine.qpart.PlannedDrafterMeasurement;
import io.configspec.engine.qpart.PlannedDrafterWorkflow;
import io.configspec.model.qpart.QpartPlan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/**
 * The planner panel: drafter folder, device, budget slider (Δα), the plan's bit-width per layer as
 * a bar chart, and predicted against measured acceptance and speed once the planned drafter is
 * built and measured ("Build and measure", with Cancel).
 */
public final class QpartPane extends VBox {

    /** The bar chart's least height, px: room for the axes and bars still readable. */
    static final double CHART_MIN_HEIGHT = 120;

    private final QpartViewModel model;
    private final XYChart.Series<String, Number> bits = new XYChart.Series<>();
    private final Label predictedDrop = new Label("–");
    private final Label measuredDrop = new Label("–");
    private final Label predictedSpeed = new Label("–");
    private final Label measuredSpeed = new Label("–");

    public QpartPane(QpartViewModel model, Window owner) {
        this.model = model;
        setId("qpart-pane");
        setSpacing(8);
        setPadding(new Insets(10));
        QpartViewModel.PlanInputs inputs = model.inputs();

        TextField folder = new TextField();
        folder.setId("qpart-model");
        folder.setPromptText("drafter model folder (sample family, e.g. samples/models/draft-3l-fp32)");
        folder.setEditable(false);
        HBox.setHgrow(folder, Priority.ALWAYS);
        inputs.modelDirectory().addListener((o, a, b) -> folder.setText(b == null ? "" : b.toString()));
        Button choose = new Button("Choose drafter…");
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Drafter model folder (config.json, model.onnx, qpart-calibration.json)");
            var dir = chooser.showDialog(owner);
            if (dir != null) {
                inputs.modelDirectory().set(dir.toPath());
                model.replan();
            }
        });
        ComboBox<String> device = new ComboBox<>(model.devices());
        device.setId("qpart-device");
        device.valueProperty().bindBidirectional(inputs.device());
        device.valueProperty().addListener((o, a, b) -> model.replan());

        Slider budget = new Slider(0, 0.1, inputs.budget().get());
        budget.setId("qpart-budget");
        budget.setMajorTickUnit(0.02);
        budget.setShowTickLabels(true);
        budget.setShowTickMarks(true);
        budget.setBlockIncrement(0.005);
        HBox.setHgrow(budget, Priority.ALWAYS);
        Label budgetValue = new Label();
        budgetValue.textProperty().bind(inputs.budget().asString(Locale.ROOT, "Δα ≤ %.3f (acceptance rate)"));
        budget
            .valueProperty()
            .addListener((o, a, b) -> {
                inputs.budget().set(Math.round(b.doubleValue() * 1000) / 1000.0);
            });
        budget
            .valueChangingProperty()
            .addListener((o, was, now) -> {
                if (!now) {
                    model.replan();
                }
            });
        inputs
            .budget()
            .addListener((o, a, b) -> {
                if (!budget.isValueChanging()) {
                    model.replan();
                }
            });

        CategoryAxis x = new CategoryAxis();
        x.setLabel("planner layer");
        NumberAxis y = new NumberAxis(0, 16, 4);
        y.setLabel("bits");
        BarChart<String, Number> chart = new BarChart<>(x, y);
        chart.setId("qpart-bits-chart");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setTitle("Bit-width per layer (QPART plan)");
        chart.getData().add(bits);
        // The chart alone gives way when the tab is short (1366 × 768 with the explorer's cards and
        // the details pane): the figures, Build/Cancel and the status below it keep their height.
        chart.setMinHeight(CHART_MIN_HEIGHT);
        chart.setPrefHeight(CHART_MIN_HEIGHT * 2);
        VBox.setVgrow(chart, Priority.ALWAYS);

        GridPane figures = new GridPane();
        figures.setHgap(16);
        figures.setVgap(4);
        figures.addRow(0, new Label(""), new Label("predicted"), new Label("measured (this machine)"));
        figures.addRow(1, new Label("acceptance drop Δα"), predictedDrop, measuredDrop);
        figures.addRow(2, new Label("drafting speed"), predictedSpeed, measuredSpeed);

        Button run = new Button("Build and measure");
        run.setId("qpart-build");
        run.disableProperty().bind(model.work().runningProperty().or(model.planProperty().isNull()));
        run.setOnAction(e -> model.buildAndMeasure(prompts()));
        Button cancel = BoundControls.cancelButton("qpart-cancel", model.work(), model.work()::cancel);
        Label status = BoundControls.wrappingLabel("qpart-status", model.work().messageProperty());
        status.setMinHeight(Region.USE_PREF_SIZE);

        // Figures on the left, the actions and their status beside them: one band of three rows
        // instead of five stacked ones, so the buttons stay on screen at 1366 × 768.
        HBox actions = new HBox(8, run, cancel);
        actions.setId("qpart-actions");
        actions.setMinHeight(Region.USE_PREF_SIZE);
        VBox actionsAndStatus = new VBox(6, actions, status);
        HBox.setHgrow(actionsAndStatus, Priority.ALWAYS);
        figures.setMinHeight(Region.USE_PREF_SIZE);
        figures.setMinWidth(Region.USE_PREF_SIZE);
        HBox bottom = new HBox(24, figures, actionsAndStatus);
        bottom.setMinHeight(Region.USE_PREF_SIZE);

        getChildren().addAll(
            new HBox(8, new Label("Drafter"), folder, choose),
            new HBox(8, new Label("Device"), device, new Label("Budget"), budget, budgetValue),
            chart,
            bottom
        );
        model.planProperty().addListener((o, a, b) -> showPlan(b));
        model.builtProperty().addListener((o, a, b) -> showBuilt(b));
    }

    /** The panel's view model. */
    QpartViewModel model() {
        return model;
    }

    private List<String> prompts() {
        return model
            .promptsFile()
            .map(p -> {
                try {
                    return Files.readAllLines(p, StandardCharsets.UTF_8)
                        .stream()
                        .map(String::strip)
                        .filter(s -> !s.isEmpty() && !s.startsWith("#"))
                        .toList();
                } catch (IOException e) {
                    return List.<String>of();
                }
            })
            .filter(l -> !l.isEmpty())
            .orElse(List.of("the", "a"));
    }

    private void showPlan(QpartPlan plan) {
        bits.getData().clear();
        measuredDrop.setText("–");
        measuredSpeed.setText("–");
        if (plan == null) {
            predictedDrop.setText("–");
            predictedSpeed.setText("–");
            return;
        }
        for (QpartPlan.LayerPlan layer : plan.layers()) {
            bits.getData().add(new XYChart.Data<>(layer.name(), layer.bits()));
        }
        predictedDrop.setText(
            String.format(Locale.ROOT, "%.4f (≤ %.4f)", plan.totalDegradation(), plan.problem().budget())
        );
        predictedSpeed.setText(
            String.format(
                Locale.ROOT,
                "%.0f tokens/s (fp32 %.0f)",
                1 / plan.deviceSecondsPerToken(),
                QpartViewModel.referenceTokensPerSecond(plan)
            )
        );
    }

    private void showBuilt(PlannedDrafterWorkflow.Result result) {
        if (result == null || result.measurement() == null) {
            return;
        }
        showPlan(result.plan());
        PlannedDrafterMeasurement m = result.measurement();
        measuredDrop.setText(
            String.format(
                Locale.ROOT,
                "%.4f (α %.4f vs %.4f)",
                m.acceptanceDrop(),
                m.planned().rate(),
                m.reference().rate()
            )
        );
        measuredSpeed.setText(
            String.format(
                Locale.ROOT,
                "%.0f tokens/s (fp32 %.0f, ×%.2f)",
                m.plannedSpeed().tokensPerSecond(),
                m.referenceSpeed().tokensPerSecond(),
                m.speedup()
            )
        );
    }

    /** The sample drafter folder under {@code home}, if generated. */
    static Path sampleDrafter(Path home) {
        return home == null ? null : home.resolve("samples/models/draft-3l-fp32");
    }
}
