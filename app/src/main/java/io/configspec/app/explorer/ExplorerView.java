package io.configspec.app.explorer;

import javafx.scene.Node;

/**
 * An extra view hosted as a tab of the explorer's main window (fleet simulation, board
 * profiling, …). Register it with one line in {@link ExplorerViews#all()}.
 */
public interface ExplorerView {
    /** Tab title, short. */
    String title();

    /** Builds the view's content; called once, on the FX thread, when its tab is first opened. */
    Node createContent(ExplorerContext context);
}
