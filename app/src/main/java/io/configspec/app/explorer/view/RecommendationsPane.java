package io.configspec.app.explorer.view;

import io.configspec.app.explorer.export.ServingExportActions;
import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import io.configspec.app.explorer.viewmodel.RecommendationCard;
import java.util.List;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Recommendation cards (best goodput, cost, energy, balanced) side by side, and what moved at the
 * last change. Nothing here can widen the window: every line is one line, ellipsized at the pane's
 * width, with its full text on hover; what moved shows at most {@link #MOVED_LINES} lines and says
 * how many more there are.
 */
public final class RecommendationsPane extends VBox {

    /** Lines of "what moved" shown under the cards; the rest are in the last line's tooltip. */
    static final int MOVED_LINES = 2;

    private final GridPane cards = new GridPane();
    private final VBox moved = new VBox(0);
    private final VBox routed = new VBox(0);

    public RecommendationsPane(ExplorerViewModel model) {
        getStyleClass().add("recommendations-pane");
        setId("recommendations");
        setSpacing(3);
        setPadding(new Insets(4, 6, 2, 6));
        setMinWidth(0);
        cards.setMinWidth(0);
        moved.setId("what-moved");
        moved.setMinWidth(0);
        routed.setId("routed-drafting");
        routed.setMinWidth(0);
        getChildren().addAll(cards, routed, moved);
        model.recommendations().addListener((ListChangeListener<RecommendationCard>) c -> rebuild(model));
        model
            .routedVerdicts()
            .addListener((ListChangeListener<String>) c -> showRouted(model.routedVerdicts()));
        model.changes().addListener((ListChangeListener<String>) c -> showMoved(model.changes()));
        rebuild(model);
    }

    /** A one-line label that ellipsizes at any width and shows its full text on hover. */
    static Label line(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setMinWidth(0);
        label.setMaxWidth(Double.MAX_VALUE);
        label.setWrapText(false);
        label.setTextOverrun(OverrunStyle.ELLIPSIS);
        label.setMnemonicParsing(false);
        Tooltip tip = new Tooltip(text);
        tip.setShowDelay(Duration.millis(300));
        tip.setWrapText(true);
        tip.setMaxWidth(640);
        label.setTooltip(tip);
        return label;
    }

    /** Routed drafting sets against the single best drafter under the workload mix, one line each. */
    private void showRouted(List<String> lines) {
        routed
            .getChildren()
            .setAll(
                lines
                    .stream()
                    .map(text -> line(text, "routed-line"))
                    .toList()
            );
    }

    private void showMoved(List<String> lines) {
        moved.getChildren().clear();
        int shown = Math.min(lines.size(), MOVED_LINES);
        for (int i = 0; i < shown; i++) {
            String text = lines.get(i);
            if (i == shown - 1 && lines.size() > shown) {
                int more = lines.size() - shown;
                Label last = line("↻ " + text + "  (+" + more + " more: hover)", "moved-line");
                last.getTooltip().setText(String.join("\n", lines.subList(i, lines.size())));
                moved.getChildren().add(last);
            } else {
                moved.getChildren().add(line("↻ " + text, "moved-line"));
            }
        }
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
            box.getStyleClass().addAll("card", "card-" + card.kind().name().toLowerCase(Locale.ROOT));
            box.setId("card-" + card.kind().name());
            box
                .getChildren()
                .addAll(
                    line(card.kind().title(), "card-title"),
                    line(card.device(), "card-configuration"),
                    line(card.models(), "card-models"),
                    line(card.figures(), "card-figures")
                );
            if (!card.provenance().isEmpty()) {
                Label sources = line(card.provenance(), "card-provenance");
                sources.getTooltip().setText(card.provenanceDetail());
                box.getChildren().add(sources);
            }
            if (!card.change().isEmpty()) {
                box.getChildren().add(line("↻ " + card.change(), "card-change"));
            }
            Tooltip.install(
                box,
                new Tooltip(
                    card.configuration() +
                        "\n" +
                        card.figures() +
                        "\nClick to select it in the chart and the table"
                )
            );
            if (card.row() >= 0) {
                box.addEventHandler(MouseEvent.MOUSE_CLICKED, e ->
                    model.selectedRowProperty().set(card.row())
                );
                ServingExportActions.installContextMenu(box, model, e -> card.row());
            }
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / model.recommendations().size());
            cc.setMinWidth(0);
            cards.getColumnConstraints().add(cc);
            cards.add(box, column++, 0);
        }
    }
}
