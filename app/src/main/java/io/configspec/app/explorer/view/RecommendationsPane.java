package io.configspec.app.explorer.view;

import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import io.configspec.app.explorer.viewmodel.RecommendationCard;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.VBox;

/** Recommendation cards (best goodput, cost, energy, balanced) and what moved at the last change. */
public final class RecommendationsPane extends VBox {

    private final VBox cards = new VBox(6);
    private final VBox moved = new VBox(2);

    public RecommendationsPane(ExplorerViewModel model) {
        getStyleClass().add("recommendations-pane");
        setSpacing(6);
        Label title = new Label("Recommendations");
        title.getStyleClass().add("section-title");
        Label movedTitle = new Label("What moved");
        movedTitle.getStyleClass().add("section-subtitle");
        moved.setId("what-moved");
        getChildren().addAll(title, cards, movedTitle, moved);
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
        for (RecommendationCard card : model.recommendations()) {
            VBox box = new VBox(1);
            box
                .getStyleClass()
                .addAll("card", "card-" + card.kind().name().toLowerCase(java.util.Locale.ROOT));
            box.setId("card-" + card.kind().name());
            Label title = new Label(card.kind().title());
            title.getStyleClass().add("card-title");
            Label config = new Label(card.configuration());
            config.getStyleClass().add("card-configuration");
            config.setWrapText(true);
            Label figures = new Label(card.figures());
            figures.getStyleClass().add("card-figures");
            figures.setWrapText(true);
            box.getChildren().addAll(title, config, figures);
            if (!card.change().isEmpty()) {
                Label change = new Label("↻ " + card.change());
                change.getStyleClass().add("card-change");
                change.setWrapText(true);
                box.getChildren().add(change);
            }
            if (card.row() >= 0) {
                Tooltip.install(box, new Tooltip("Click to select it in the chart and the table"));
                box.addEventHandler(MouseEvent.MOUSE_CLICKED, e ->
                    model.selectedRowProperty().set(card.row())
                );
            }
            cards.getChildren().add(box);
        }
    }
}
