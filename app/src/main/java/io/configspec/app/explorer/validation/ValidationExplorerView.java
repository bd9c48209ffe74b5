package io.configspec.app.explorer.validation;

import io.configspec.app.explorer.ExplorerContext;
import io.configspec.app.explorer.ExplorerView;
import javafx.scene.Node;

/** The Validation tab of the main window: predicted against measured goodput and acceptance. */
public final class ValidationExplorerView implements ExplorerView {

    @Override
    public String title() {
        return "Validation";
    }

    @Override
    public Node createContent(ExplorerContext context) {
        return new ValidationView(
            new ValidationViewModel(context.executor(), () -> context.model().loadedProperty().get())
        );
    }
}
