package io.configspec.app.explorer.fleet;

import io.configspec.app.explorer.controls.BoundControls;
import io.configspec.model.fleet.FleetComparison;
import io.configspec.model.fleet.FleetPolicy;
import io.configspec.model.fleet.FleetSensitivity;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.StringConverter;
import javafx.util.converter.DoubleStringConverter;

/**
 * The Fleet view: controls on the left (scenario, device mix, SLO, sweep size, run and cancel),
 * charts on the right (goodput and SLO attainment against N per policy, capacity per policy, time
 * per token distribution at WISP's capacity), WISP's ratios and the wasted drafting of SLED and
 * WISP, and the sensitivity plot (capacity ratios against one setting the paper leaves open). Binds to a {@link FleetViewModel}; no logic here.
 */
public final class FleetPane extends SplitPane {

    private final FleetViewModel model;
    private final LineChart<Number, Number> goodputChart;
    private final LineChart<Number, Number> attainmentChart;
    private final BarChart<String, Number> capacityChart;
    private final LineChart<Number, Number> latencyChart;
    private final LineChart<Number, Number> sensitivityChart;

    public FleetPane(FleetViewModel model, Window owner, Path home) {
        this.model = model;
        setId("fleet-pane");

        // ---- controls
        Label scenario = new Label();
        scenario.textProperty().bind(Bindings.concat("Scenario: ", model.scenarioNameProperty()));
        scenario.setWrapText(true);
        Button open = new Button("Open…");
        open.setId("fleet-open");
        open.setTooltip(new javafx.scene.control.Tooltip("Open a fleet scenario file"));
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Open fleet scenario");
            chooser
                .getExtensionFilters()
                .add(new FileChooser.ExtensionFilter("Fleet scenario (*.json)", "*.json"));
            if (home != null && home.resolve("samples/scenarios").toFile().isDirectory()) {
                chooser.setInitialDirectory(home.resolve("samples/scenarios").toFile());
            }
            var file = chooser.showOpenDialog(owner);
            if (file != null) {
                model.loadScenario(file.toPath());
            }
        });

        // The bundled fleet scenarios (the illustrative sample fleet, the WISP paper's setting, ...).
        ComboBox<Path> sampleChoice = new ComboBox<>(
            FXCollections.observableArrayList(
                FleetViewModel.sampleScenarios(home == null ? null : home.resolve("samples/scenarios"))
            )
        );
        sampleChoice.setId("fleet-samples");
        sampleChoice.setPromptText("Sample scenario");
        sampleChoice.setMaxWidth(Double.MAX_VALUE);
        sampleChoice.setConverter(
            new StringConverter<>() {
                @Override
                public String toString(Path p) {
                    return p == null ? "" : p.getFileName().toString();
                }

                @Override
                public Path fromString(String text) {
                    return null;
                }
            }
        );
        sampleChoice.setOnAction(e -> {
            if (sampleChoice.getValue() != null) {
                model.loadScenario(sampleChoice.getValue());
            }
        });
        sampleChoice.disableProperty().bind(model.work().runningProperty());

        TableView<FleetViewModel.DeviceShare> mix = new TableView<>(model.deviceMix());
        mix.setId("fleet-mix");
        mix.setEditable(true);
        mix.setPrefHeight(130);
        TableColumn<FleetViewModel.DeviceShare, String> device = new TableColumn<>("Device · drafter");
        device.setCellValueFactory(c ->
            new javafx.beans.property.ReadOnlyStringWrapper(c.getValue().label())
        );
        device.setPrefWidth(180);
        TableColumn<FleetViewModel.DeviceShare, Double> weight = new TableColumn<>("Share");
        weight.setCellValueFactory(c -> c.getValue().weightProperty().asObject());
        weight.setCellFactory(TextFieldTableCell.forTableColumn(new DoubleStringConverter()));
        weight.setOnEditCommit(e -> {
            Double v = e.getNewValue();
            if (v != null && v > 0) {
                e.getRowValue().weightProperty().set(v);
            }
        });
        mix.getColumns().setAll(java.util.List.of(device, weight));
        // The columns share the table's width: no sideways scrolling in a narrow controls column.
        mix.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        weight.setMinWidth(60);
        weight.setMaxWidth(80);

        FleetViewModel.SweepSettings limits = model.settings();
        Spinner<Double> slo = new Spinner<>(1.0, 10_000.0, limits.sloMillis().get(), 10.0);
        slo.setId("fleet-slo");
        slo.setEditable(true);
        slo
            .getValueFactory()
            .valueProperty()
            .addListener((o, a, b) -> limits.sloMillis().set(b));
        limits.sloMillis().addListener((o, a, b) -> slo.getValueFactory().setValue(b.doubleValue()));
        Spinner<Integer> max = new Spinner<>(1, 100_000, limits.maxDevices().get(), 10);
        max.setId("fleet-max-devices");
        max.setEditable(true);
        max
            .getValueFactory()
            .valueProperty()
            .addListener((o, a, b) -> limits.maxDevices().set(b));
        Spinner<Double> duration = new Spinner<>(1.0, 3_600.0, limits.durationSeconds().get(), 10.0);
        duration.setEditable(true);
        duration
            .getValueFactory()
            .valueProperty()
            .addListener((o, a, b) -> limits.durationSeconds().set(b));

        for (Spinner<?> spinner : java.util.List.of(slo, max, duration)) {
            spinner.setPrefWidth(110);
            spinner.setMinWidth(90);
        }
        GridPane settings = new GridPane();
        settings.setHgap(8);
        settings.setVgap(6);
        settings.addRow(0, new Label("TPOT SLO (ms)"), slo);
        settings.addRow(1, new Label("Devices up to"), max);
        settings.addRow(2, new Label("Simulated seconds"), duration);
        duration.setId("fleet-duration");
        duration.setTooltip(
            new javafx.scene.control.Tooltip(
                "Period in which devices start requests. Default " +
                    (long) io.configspec.model.fleet.FleetSimulator.DEFAULT_DURATION_SECONDS +
                    " s, the same as configspec fleet, capacity and fleet-report (--duration), so both give the same numbers."
            )
        );

        Button run = new Button("Run");
        run.setId("fleet-run");
        run.setDefaultButton(true);
        run.disableProperty().bind(model.work().runningProperty());
        run.setOnAction(e -> model.run());
        Button cancel = BoundControls.cancelButton("fleet-cancel", model.work(), model.work()::cancel);
        ProgressBar progress = BoundControls.progressBar("fleet-progress", model.work());
        Label status = BoundControls.wrappingLabel("fleet-status", model.work().messageProperty());

        Label note = provenanceNote(
            "Simulated (discrete-event model of docs/fleet.md) from the profiles the scenario references; " +
                "capacity = most devices with ≥ 95 % of requests within the SLO."
        );

        // Run and its progress first: in view without scrolling at 1366 × 768 (issue 19).
        HBox actions = new HBox(8, open, run, cancel);
        HBox sampleRow = new HBox(8, new Label("Sample"), sampleChoice);
        sampleRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(sampleChoice, javafx.scene.layout.Priority.ALWAYS);
        VBox controls = new VBox(
            8,
            scenario,
            sampleRow,
            actions,
            progress,
            status,
            settings,
            new Label("Device mix (edit the shares)"),
            mix,
            note
        );
        controls.setPadding(new Insets(10));
        // The controls column never gets narrower than its content (the divider stops there), so it
        // never scrolls sideways and hides its own labels (issue 19, seen at 1366 × 768).
        controls.setMinWidth(270);
        ScrollPane controlScroll = new ScrollPane(controls);
        controlScroll.setFitToWidth(true);
        controlScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        controlScroll.setMinWidth(290);

        // ---- charts
        goodputChart = lineChart("Goodput against fleet size", "devices", "goodput (tokens/s, within SLO)");
        goodputChart.setId("fleet-goodput-chart");
        attainmentChart = lineChart(
            "SLO attainment against fleet size",
            "devices",
            "requests within SLO (fraction)"
        );
        attainmentChart.setId("fleet-attainment-chart");
        capacityChart = new BarChart<>(new CategoryAxis(), axis("devices"));
        capacityChart.setId("fleet-capacity-chart");
        capacityChart.setTitle("Capacity per policy");
        capacityChart.setLegendVisible(false);
        capacityChart.setAnimated(false);
        latencyChart = lineChart(
            "Time per token at WISP's capacity (CDF)",
            "time per output token (ms)",
            "fraction of requests"
        );
        latencyChart.setId("fleet-latency-chart");

        Map<FleetPolicy, XYChart.Series<Number, Number>> goodput = new EnumMap<>(FleetPolicy.class);
        Map<FleetPolicy, XYChart.Series<Number, Number>> attainment = new EnumMap<>(FleetPolicy.class);
        Map<FleetPolicy, XYChart.Series<Number, Number>> latency = new EnumMap<>(FleetPolicy.class);
        XYChart.Series<String, Number> capacity = new XYChart.Series<>();
        capacityChart.getData().add(capacity);
        for (FleetPolicy p : FleetPolicy.values()) {
            goodput.put(p, series(p.label(), goodputChart));
            attainment.put(p, series(p.label(), attainmentChart));
            latency.put(p, series(p.label(), latencyChart));
            model
                .curve(p)
                .addListener(
                    (ListChangeListener<FleetViewModel.Point>) change -> {
                        plot(goodput.get(p), model.curve(p), FleetViewModel.Point::goodputTokensPerSecond);
                        plot(attainment.get(p), model.curve(p), FleetViewModel.Point::sloAttainment);
                    }
                );
            model
                .tpotDistribution(p)
                .addListener(
                    (ListChangeListener<Double>) change -> {
                        var samples = model.tpotDistribution(p);
                        var data = new java.util.ArrayList<XYChart.Data<Number, Number>>();
                        for (int i = 0; i < samples.size(); i++) {
                            data.add(new XYChart.Data<>(samples.get(i), (i + 1) / (double) samples.size()));
                        }
                        latency.get(p).getData().setAll(data);
                    }
                );
            model
                .capacityProperty(p)
                .addListener((o, a, b) -> {
                    capacity.getData().removeIf(d -> d.getXValue().equals(p.label()));
                    if (b.intValue() >= 0) {
                        capacity.getData().add(new XYChart.Data<>(p.label(), b.intValue()));
                    }
                });
        }

        // ---- the paper's comparison: ratios and wasted drafting
        // The fleet-report table: its columns line up only in a fixed-width font and unwrapped
        // lines (wrapped at 1366 × 768 they broke every row in two), so a narrow pane scrolls it
        // sideways; the paper's figures under it are prose and wrap.
        Label comparisonTable = new Label();
        comparisonTable.setId("fleet-comparison-table");
        comparisonTable.setWrapText(false);
        comparisonTable.setMinWidth(Region.USE_PREF_SIZE);
        comparisonTable.setStyle("-fx-font-family: monospace;");
        ScrollPane comparisonScroll = new ScrollPane(comparisonTable);
        comparisonScroll.setId("fleet-comparison-scroll");
        comparisonScroll.setFitToHeight(true);
        comparisonScroll.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        comparisonScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.ALWAYS);
        comparisonScroll.getStyleClass().add("edge-to-edge");
        // The scroll bar is always there, so the pane's height always makes room for it: with
        // "as needed" the pane was sized for the rows alone and the bar then covered the last row.
        comparisonScroll.setMinHeight(Region.USE_PREF_SIZE);
        Label paperFigures = provenanceNote("");
        paperFigures.setId("fleet-comparison-paper");
        Runnable showComparison = () -> {
            String text = model.comparisonProperty().get();
            int cut = text.indexOf(FleetComparison.PAPER_FIGURES);
            comparisonTable.setText(cut < 0 ? text : text.substring(0, cut).stripTrailing());
            paperFigures.setText(cut < 0 ? "" : FleetComparison.PAPER_FIGURES);
            comparisonScroll.setVisible(!text.isEmpty());
            comparisonScroll.setManaged(!text.isEmpty());
        };
        model.comparisonProperty().addListener((o, a, b) -> showComparison.run());
        showComparison.run();
        VBox comparison = new VBox(4, comparisonScroll, paperFigures);
        comparison.setId("fleet-comparison");

        // ---- sensitivity: capacity ratios against one setting the paper leaves open
        ComboBox<FleetSensitivity.Knob> knob = new ComboBox<>(
            FXCollections.observableArrayList(FleetSensitivity.Knob.values())
        );
        knob.setId("fleet-sensitivity-knob");
        knob.valueProperty().bindBidirectional(model.sensitivityKnobProperty());
        knob.setConverter(
            new StringConverter<>() {
                @Override
                public String toString(FleetSensitivity.Knob k) {
                    return k == null ? "" : k.label() + " (" + k.unit() + ")";
                }

                @Override
                public FleetSensitivity.Knob fromString(String text) {
                    return null;
                }
            }
        );
        Button sweep = new Button("Run sensitivity");
        sweep.setId("fleet-sensitivity-run");
        sweep.disableProperty().bind(model.work().runningProperty());
        sweep.setOnAction(e -> model.runSensitivity());
        sensitivityChart = lineChart(
            "Capacity ratio against the setting",
            "setting value",
            "capacity ratio (×)"
        );
        sensitivityChart.setId("fleet-sensitivity-chart");
        XYChart.Series<Number, Number> wispOverCentral = series("WISP ÷ centralised", sensitivityChart);
        XYChart.Series<Number, Number> sledOverCentral = series("SLED ÷ centralised", sensitivityChart);
        XYChart.Series<Number, Number> wispOverSled = series("WISP ÷ SLED", sensitivityChart);
        XYChart.Series<Number, Number> paper = series(
            "2× (the paper's WISP ÷ centralised)",
            sensitivityChart
        );
        Runnable redraw = () -> {
            FleetSensitivity.Knob k = model.sensitivityKnobProperty().get();
            var points = model
                .sensitivity()
                .stream()
                .filter(pt -> pt.knob() == k)
                .toList();
            ((NumberAxis) sensitivityChart.getXAxis()).setLabel(
                k == null ? "" : k.label() + " (" + k.unit() + ")"
            );
            wispOverCentral.getData().setAll(ratios(points, FleetPolicy.WISP, FleetPolicy.CENTRALIZED));
            sledOverCentral.getData().setAll(ratios(points, FleetPolicy.SLED, FleetPolicy.CENTRALIZED));
            wispOverSled.getData().setAll(ratios(points, FleetPolicy.WISP, FleetPolicy.SLED));
            paper
                .getData()
                .setAll(
                    points.isEmpty()
                        ? java.util.List.of()
                        : java.util.List.of(
                              new XYChart.Data<>(points.getFirst().value(), 2.0),
                              new XYChart.Data<>(points.getLast().value(), 2.0)
                          )
                );
        };
        model.sensitivity().addListener((ListChangeListener<FleetSensitivity.Point>) change -> redraw.run());
        model.sensitivityKnobProperty().addListener((o, a, b) -> redraw.run());
        Label sensitivitySummary = BoundControls.wrappingLabel(
            "fleet-sensitivity-summary",
            model.sensitivitySummaryProperty()
        );
        Label sensitivityNote = provenanceNote(
            "Simulated: each policy's capacity with one setting varied, the others as in the scenario " +
                "(SLO × ½…2, think time × ¼…4, prompt × ¼…4, batch limit 8…128)."
        );
        VBox sensitivityBox = new VBox(
            6,
            sensitivityRow(knob, sweep),
            sensitivityChart,
            sensitivitySummary,
            sensitivityNote
        );

        VBox charts = new VBox(
            8,
            goodputChart,
            attainmentChart,
            new HBox(8, capacityChart, latencyChart),
            comparison,
            sensitivityBox
        );
        charts.setPadding(new Insets(8));
        ScrollPane chartScroll = new ScrollPane(charts);
        chartScroll.setFitToWidth(true);

        setOrientation(Orientation.HORIZONTAL);
        getItems().addAll(controlScroll, chartScroll);
        setDividerPositions(0.3);
    }

    /** Shows {@code points} in {@code series}: devices on x, {@code y} of each point on y. */
    private static void plot(
        XYChart.Series<Number, Number> series,
        List<FleetViewModel.Point> points,
        ToDoubleFunction<FleetViewModel.Point> y
    ) {
        series
            .getData()
            .setAll(
                points
                    .stream()
                    .map(pt -> new XYChart.Data<Number, Number>(pt.devices(), y.applyAsDouble(pt)))
                    .toList()
            );
    }

    /** A wrapping note saying where the numbers above it come from. */
    private static Label provenanceNote(String text) {
        Label note = new Label(text);
        note.setWrapText(true);
        note.getStyleClass().add("provenance-note");
        return note;
    }

    /**
     * "Sensitivity to [setting] [Run sensitivity]": the label and the button keep their whole text
     * (seen cut to "Sensitivit…" / "Run sensiti…" at 1366 × 768); the setting list takes what is left.
     */
    private static HBox sensitivityRow(ComboBox<FleetSensitivity.Knob> knob, Button sweep) {
        Label label = new Label("Sensitivity to");
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        sweep.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        knob.setMinWidth(120);
        knob.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(knob, javafx.scene.layout.Priority.ALWAYS);
        HBox row = new HBox(8, label, knob, sweep);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private static java.util.List<XYChart.Data<Number, Number>> ratios(
        java.util.List<FleetSensitivity.Point> points,
        FleetPolicy a,
        FleetPolicy b
    ) {
        var data = new java.util.ArrayList<XYChart.Data<Number, Number>>();
        for (FleetSensitivity.Point p : points) {
            double r = p.capacityRatio(a, b);
            if (Double.isFinite(r)) {
                data.add(new XYChart.Data<>(p.value(), r));
            }
        }
        return data;
    }

    private static NumberAxis axis(String label) {
        NumberAxis axis = new NumberAxis();
        axis.setLabel(label);
        axis.setForceZeroInRange(true);
        return axis;
    }

    private static LineChart<Number, Number> lineChart(String title, String x, String y) {
        LineChart<Number, Number> chart = new LineChart<>(axis(x), axis(y));
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setPrefHeight(260);
        return chart;
    }

    private static <X, Y> XYChart.Series<X, Y> series(String name, XYChart<X, Y> chart) {
        XYChart.Series<X, Y> s = new XYChart.Series<>();
        s.setName(name);
        chart.getData().add(s);
        return s;
    }

    public FleetViewModel model() {
        return model;
    }

    LineChart<Number, Number> goodputChart() {
        return goodputChart;
    }

    BarChart<String, Number> capacityChart() {
        return capacityChart;
    }

    LineChart<Number, Number> sensitivityChart() {
        return sensitivityChart;
    }
}
