package io.configspec.app.explorer.view;

import io.configspec.app.explorer.chart.ChartData;
import io.configspec.app.explorer.chart.ParetoChart;
import io.configspec.app.explorer.viewmodel.AnalysisService;
import io.configspec.app.explorer.viewmodel.Evaluation;
import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import io.configspec.app.explorer.viewmodel.Numbers;
import io.configspec.model.analysis.Objective;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;

/**
 * Goodput, tokens/$ and tokens/J together: the three pairwise projections of the three-objective
 * front (points on it drawn large and connected), with the selection linked to every other view.
 */
public final class ObjectivesPane extends BorderPane {

    private static final Objective[][] PAIRS = {
        { Objective.GOODPUT, Objective.TOKENS_PER_DOLLAR },
        { Objective.GOODPUT, Objective.TOKENS_PER_JOULE },
        { Objective.TOKENS_PER_DOLLAR, Objective.TOKENS_PER_JOULE },
    };

    private final ParetoChart[] charts = new ParetoChart[PAIRS.length];

    public ObjectivesPane(ExplorerViewModel model) {
        getStyleClass().add("objectives-pane");
        CheckBox log = new CheckBox("log axes");
        log.setId("objectives-log");
        Label note = new Label(
            "Large points: the front over all three objectives (feasible configurations), projected on each pair."
        );
        note.setWrapText(true);
        FlowPane top = new FlowPane(12, 4, log, note);
        top.setPadding(new Insets(4, 6, 4, 6));
        setTop(top);
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(6);
        grid.setPadding(new Insets(4));
        for (int i = 0; i < PAIRS.length; i++) {
            ParetoChart chart = new ParetoChart();
            chart.setId("objectives-chart-" + i);
            chart.compactProperty().set(true);
            chart.connectFrontProperty().set(false);
            chart.setPrefSize(320, 260);
            chart.selectedRowProperty().bindBidirectional(model.selectedRowProperty());
            chart.bindLogScales(log.selectedProperty(), log.selectedProperty());
            charts[i] = chart;
            grid.add(chart, i % 2, i / 2);
        }
        Label legend = new Label();
        legend.setWrapText(true);
        legend.getStyleClass().add("objectives-legend");
        grid.add(legend, 1, 1);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(50);
            rc.setVgrow(Priority.ALWAYS);
            grid.getRowConstraints().add(rc);
        }
        setCenter(grid);
        model.evaluationProperty().addListener((obs, old, now) -> show(now, legend));
        show(model.getEvaluation(), legend);
    }

    private void show(Evaluation evaluation, Label legend) {
        if (evaluation == null) {
            for (ParetoChart chart : charts) chart.setData(ChartData.empty());
            legend.setText("");
            return;
        }
        ChartData main = evaluation.chart();
        var space = evaluation.space();
        for (int i = 0; i < PAIRS.length; i++) {
            Objective x = PAIRS[i][0];
            Objective y = PAIRS[i][1];
            charts[i].setData(
                new ChartData(
                    space.column(x),
                    space.column(y),
                    main.category(),
                    main.categoryNames(),
                    main.dimmed(),
                    null,
                    evaluation.front3(),
                    shortTitle(x),
                    shortTitle(y),
                    main.describer()
                )
            );
        }
        StringBuilder sb = new StringBuilder("Colours: ");
        List<String> names = main.categoryNames();
        sb.append(String.join(", ", names.subList(0, Math.min(12, names.size()))));
        if (names.size() > 12) sb.append(", …");
        sb
            .append("\n\n")
            .append(evaluation.front3().length)
            .append(" configurations are on the three-objective front (of ")
            .append(space.feasibleCount())
            .append(" feasible).");
        for (var o : AnalysisService.PAPER_OBJECTIVES) {
            sb.append("\nHigher is better: ").append(o.label()).append(" (").append(o.unit()).append(")");
        }
        legend.setText(sb.toString());
    }

    /** Axis titles short enough for the small charts. */
    private static String shortTitle(Objective o) {
        return switch (o) {
            case GOODPUT -> "Goodput (tokens/s)";
            case TOKENS_PER_DOLLAR -> "Tokens/$";
            case TOKENS_PER_JOULE -> "Tokens/J";
            default -> Numbers.axisTitle(o);
        };
    }

    public ParetoChart chart(int i) {
        return charts[i];
    }
}
