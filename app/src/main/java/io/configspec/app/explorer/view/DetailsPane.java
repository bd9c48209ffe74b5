package io.configspec.app.explorer.view;

import io.configspec.app.explorer.export.ServingExportActions;
import io.configspec.app.explorer.viewmodel.ConfigurationDetails;
import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import io.configspec.app.explorer.viewmodel.Numbers;
import javafx.geometry.Insets;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Details of the selected configuration: a round's time split, E[N] and goodput against K with
 * K* marked, energy per token, cost per 1M tokens, why it wins or loses, and the provenance of
 * the profile numbers behind it.
 */
public final class DetailsPane extends ScrollPane {

    private final Label title = new Label("Select a configuration in the chart or the table.");
    private final Label verdict = new Label();
    private final HBox split = new HBox();
    private final Label splitLegend = new Label();
    private final GridPane figures = new GridPane();
    private final LineChart<Number, Number> tokensChart = smallChart("K", "E[N] (tokens/round)");
    private final LineChart<Number, Number> goodputChart = smallChart("K", "Goodput (tokens/s)");
    private final VBox provenance = new VBox(1);
    private final HBox charts = new HBox(6);

    public DetailsPane(ExplorerViewModel model) {
        getStyleClass().add("details-pane");
        setId("details-pane");
        setFitToWidth(true);
        title.setId("details-title");
        title.getStyleClass().add("details-title");
        title.setWrapText(true);
        verdict.setId("details-verdict");
        verdict.setWrapText(true);
        verdict.getStyleClass().add("details-verdict");
        split.setId("details-split");
        split.setPrefHeight(18);
        split.setMinHeight(18);
        split.getStyleClass().add("time-split");
        splitLegend.setId("details-split-legend");
        figures.setId("details-figures");
        figures.setHgap(14);
        figures.setVgap(2);
        charts.getChildren().addAll(tokensChart, goodputChart);
        HBox.setHgrow(tokensChart, Priority.ALWAYS);
        HBox.setHgrow(goodputChart, Priority.ALWAYS);
        Label provenanceTitle = new Label("Where the numbers come from");
        provenanceTitle.getStyleClass().add("section-subtitle");
        provenanceTitle.setMnemonicParsing(false);
        javafx.scene.control.Button export = ServingExportActions.button(model);
        export.setMinWidth(Region.USE_PREF_SIZE);
        HBox heading = new HBox(8, title, export);
        HBox.setHgrow(title, Priority.ALWAYS);
        title.setMaxWidth(Double.MAX_VALUE);
        title.setMinWidth(0);
        // Figures and their sources side by side, above the K charts: the provenance is in view
        // without scrolling at 1366 × 768 (issue 19, item 11).
        VBox sources = new VBox(2, provenanceTitle, provenance);
        sources.setId("details-provenance");
        sources.setMinWidth(0);
        HBox.setHgrow(sources, Priority.ALWAYS);
        figures.setMinWidth(Region.USE_PREF_SIZE);
        HBox numbers = new HBox(18, figures, sources);
        VBox content = new VBox(6, heading, verdict, split, splitLegend, numbers, charts);
        content.setMinWidth(0);
        content.setPadding(new Insets(6, 8, 6, 8));
        setContent(content);
        model.detailsProperty().addListener((obs, o, n) -> show(n));
        show(model.detailsProperty().get());
    }

    private static LineChart<Number, Number> smallChart(String x, String y) {
        NumberAxis xAxis = new NumberAxis();
        xAxis.setLabel(x);
        xAxis.setForceZeroInRange(false);
        xAxis.setTickUnit(1);
        xAxis.setMinorTickVisible(false);
        NumberAxis yAxis = new NumberAxis();
        yAxis.setLabel(y);
        yAxis.setForceZeroInRange(false);
        LineChart<Number, Number> chart = new LineChart<>(xAxis, yAxis);
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setPrefHeight(170);
        chart.setMinHeight(140);
        chart.setPrefWidth(260);
        chart.getStyleClass().add("k-chart");
        return chart;
    }

    private void show(ConfigurationDetails d) {
        figures.getChildren().clear();
        provenance.getChildren().clear();
        tokensChart.getData().clear();
        goodputChart.getData().clear();
        split.getChildren().clear();
        charts.setVisible(d != null);
        charts.setManaged(d != null);
        if (d == null) {
            title.setText("Select a configuration in the chart or the table.");
            verdict.setText("");
            splitLegend.setText("");
            return;
        }
        title.setText(d.title() + (d.feasible() ? "" : "  (violates a constraint)"));
        verdict.setText(d.verdict());
        double total = d.roundSeconds();
        addSegment("drafting", d.draftSeconds(), total);
        addSegment("network", d.networkSeconds(), total);
        addSegment("verification", d.verifySeconds(), total);
        splitLegend.setText(
            "Round " +
                Numbers.seconds(total) +
                " = drafting " +
                Numbers.seconds(d.draftSeconds()) +
                " + network " +
                Numbers.seconds(d.networkSeconds()) +
                " + verification " +
                Numbers.seconds(d.verifySeconds())
        );
        int r = 0;
        r = figure(r, "E[N]", Numbers.plain(d.expectedTokensPerRound()) + " tokens/round");
        r = figure(r, "Goodput", Numbers.plain(d.goodputTokensPerSecond()) + " tokens/s");
        if (!Double.isNaN(d.goodputInterval()[0])) {
            r = figure(r, "Goodput spread", spread(d.goodputInterval(), "", " tokens/s", d.spreadLabel()));
        }
        r = figure(
            r,
            "Energy per token",
            Double.isNaN(d.joulesPerToken())
                ? "not measured (no power figure)"
                : Numbers.plain(d.joulesPerToken()) + " J/token"
        );
        r = figure(r, "Cost per 1M tokens", "$" + Numbers.plain(d.dollarsPerMillionTokens()));
        if (!Double.isNaN(d.dollarsPerMillionTokensInterval()[0])) {
            r = figure(
                r,
                "Cost spread",
                spread(d.dollarsPerMillionTokensInterval(), "$", "", d.spreadLabel())
            );
        }
        r = figure(r, "Billing", d.billing());
        r = figure(
            r,
            d.spreadLabel().startsWith("α(K)") ? "Acceptance α(" + d.k() + ")" : "Acceptance α",
            Numbers.plain(d.acceptanceRate())
        );
        figure(r, "K / K*", d.k() + " / " + d.kStar() + " (highest goodput for this device and drafter)");
        XYChart.Series<Number, Number> en = new XYChart.Series<>();
        XYChart.Series<Number, Number> gp = new XYChart.Series<>();
        XYChart.Series<Number, Number> star = new XYChart.Series<>();
        XYChart.Series<Number, Number> here = new XYChart.Series<>();
        for (int i = 0; i < d.kValues().length; i++) {
            en.getData().add(new XYChart.Data<>(d.kValues()[i], d.expectedTokensByK()[i]));
            gp.getData().add(new XYChart.Data<>(d.kValues()[i], d.goodputByK()[i]));
            if (d.kValues()[i] == d.kStar()) {
                star.getData().add(new XYChart.Data<>(d.kValues()[i], d.goodputByK()[i]));
            }
            if (d.kValues()[i] == d.k()) {
                here.getData().add(new XYChart.Data<>(d.kValues()[i], d.goodputByK()[i]));
            }
        }
        star.setName("K*");
        here.setName("selected K");
        tokensChart.getData().add(en);
        goodputChart.getData().add(gp);
        goodputChart.getData().add(star);
        goodputChart.getData().add(here);
        for (XYChart.Data<Number, Number> p : star.getData()) {
            if (p.getNode() != null) {
                Tooltip.install(p.getNode(), new Tooltip("K* = " + d.kStar()));
                p.getNode().getStyleClass().add("k-star");
            }
        }
        for (XYChart.Data<Number, Number> p : here.getData()) {
            if (p.getNode() != null) {
                p.getNode().getStyleClass().add("k-selected");
            }
        }
        for (String line : d.provenance()) {
            Label l = new Label(line);
            l.setWrapText(true);
            l.setMinWidth(0);
            l.setMnemonicParsing(false);
            l.getStyleClass().add("provenance-line");
            if (line.contains("illustrative")) l.getStyleClass().add("illustrative");
            provenance.getChildren().add(l);
        }
    }

    private void addSegment(String name, double seconds, double total) {
        Region segment = new Region();
        segment.getStyleClass().addAll("segment", "segment-" + name);
        segment.setMinWidth(0);
        segment.prefWidthProperty().bind(split.widthProperty().multiply(total > 0 ? seconds / total : 0));
        Tooltip.install(segment, new Tooltip(name + " " + Numbers.seconds(seconds)));
        split.getChildren().add(segment);
    }

    private int figure(int row, String name, String value) {
        Label n = new Label(name);
        n.getStyleClass().add("figure-name");
        Label v = new Label(value);
        v.getStyleClass().add("figure-value");
        v.setId("figure-" + name.replaceAll("[^A-Za-z]", "").toLowerCase(java.util.Locale.ROOT));
        figures.add(n, 0, row);
        figures.add(v, 1, row);
        return row + 1;
    }

    /** "low–high with LABEL" for an interval. */
    private static String spread(double[] interval, String prefix, String suffix, String label) {
        if (Double.isNaN(interval[0])) {
            return "";
        }
        return (
            prefix +
            Numbers.plain(interval[0]) +
            "–" +
            prefix +
            Numbers.plain(interval[1]) +
            suffix +
            " (" +
            label +
            ")"
        );
    }
}
