package io.configspec.app.explorer.validation;

import io.configspec.app.explorer.ExplorerContext;
import javafx.scene.Node;

/** The Validation tab of the main window: predicted against measured goodput and acceptance. */
public final class ValidationExplorerView {

    private ValidationExplorerView() {}

    /** The tab's content (registered in {@code ExplorerViews}). */
    public static Node content(ExplorerContext context) {
        return new ValidationView(
            new ValidationViewModel(context.executor(), () -> context.model().loadedProperty().get())
        );
    }
}
