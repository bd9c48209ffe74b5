package io.configspec.app.explorer;

import java.util.function.Function;
import javafx.scene.Node;

/**
 * An extra view hosted as a tab of the explorer's main window (fleet simulation, board
 * profiling, …). Register it with one line in {@link ExplorerViews#all()}, usually through
 * {@link #of}.
 */
public interface ExplorerView {
    /** Tab title, short. */
    String title();

    /** Builds the view's content; called once, on the FX thread, when its tab is first opened. */
    Node createContent(ExplorerContext context);

    /** A view titled {@code title} whose content {@code content} builds (on the FX thread, once). */
    static ExplorerView of(String title, Function<ExplorerContext, Node> content) {
        record Tab(String title, Function<ExplorerContext, Node> content) implements ExplorerView {
            @Override
            public Node createContent(ExplorerContext context) {
                return content.apply(context);
            }
        }
        return new Tab(title, content);
    }
}
