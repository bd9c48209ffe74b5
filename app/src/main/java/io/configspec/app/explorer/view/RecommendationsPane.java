package io.configspec.app.explorer.view;

import io.configspec.app.explorer.export.ServingExportActions;
import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import io.configspec.app.explorer.viewmodel.RecommendationCard;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Recommendation cards (best goodput, cost, energy, balanced) side by side, and what moved at the last change. */
public final class RecommendationsPane extends VBox {

    private final GridPane cards = new GridPane();
    private final FlowPane moved = new FlowPane(14, 2);

    public RecommendationsPane(ExplorerViewModel model) {
        getStyleClass().add("recommendations-pane");
        setSpacing(3);
        setPadding(new javafx.geometry.Insets(4, 6, 2, 6));
        moved.setId("what-moved");
        getChildren().addAll(cards, moved);
        model.recommendations().addListener((ListChangeListener<RecommendationCard>) c -> rebuild(model));
        model
            .changes()
            .addListener(
                (ListChangeListener<String>) c -> {
                    moved.getChildren().clear();
                    for (String line : model.changes()) {
                        Label l = new Label(line);
                        l.setWrapText(true);
                        l.getStyleClass().add("moved-line");
                        moved.getChildren().add(l);
                    }
                }
            );
        rebuild(model);
    }

    private void rebuild(ExplorerViewModel model) {
        cards.getChildren().clear();
        cards.getColumnConstraints().clear();
        cards.setHgap(6);
        int column = 0;
        for (RecommendationCard card : model.recommendations()) {
            VBox box = new VBox(0);
            box.setMinWidth(0);
            box.setMaxWidth(Double.MAX_VALUE);
            box
                .getStyleClass()
                .addAll("card", "card-" + card.kind().name().toLowerCase(java.util.Locale.ROOT));
            box.setId("card-" + card.kind().name());
            Label title = new Label(card.kind().title());
            title.getStyleClass().add("card-title");
            Label config = new Label(card.device());
            config.getStyleClass().add("card-configuration");
            Label models = new Label(card.models());
            models.getStyleClass().add("card-models");
            models.setMinWidth(0);
            Label figures = new Label(card.figures());
            figures.getStyleClass().add("card-figures");
            figures.setMinWidth(0);
            config.setMinWidth(0);
            box.getChildren().addAll(title, config, models, figures);
            Tooltip.install(
                box,
                new Tooltip(
                    card.configuration() +
                        "\n" +
                        card.figures() +
                        "\nClick to select it in the chart and the table"
                )
            );
            if (!card.change().isEmpty()) {
                Label change = new Label("↻ " + card.change());
                change.getStyleClass().add("card-change");
                change.setMinWidth(0);
                box.getChildren().add(change);
            }
            if (card.row() >= 0) {
                box.addEventHandler(MouseEvent.MOUSE_CLICKED, e ->
                    model.selectedRowProperty().set(card.row())
                );
                ServingExportActions.installContextMenu(box, model, e -> card.row());
            }
            javafx.scene.layout.ColumnConstraints cc = new javafx.scene.layout.ColumnConstraints();
            cc.setPercentWidth(100.0 / model.recommendations().size());
            cc.setMinWidth(0);
            cards.getColumnConstraints().add(cc);
            cards.add(box, column++, 0);
        }
    }
}
