package io.configspec.app.explorer;

import io.configspec.app.explorer.boards.BoardsExplorerView;
import io.configspec.app.explorer.fleet.FleetView;
import io.configspec.app.explorer.qpart.QpartView;
import io.configspec.app.explorer.validation.ValidationExplorerView;
import java.util.List;

/**
 * The extra views of the main window, in tab order. To add one, add one line to the list below,
 * e.g. {@code ExplorerView.of("Fleet", FleetView::content),} with a static method that builds the
 * tab's content from the {@link ExplorerContext} (the trailing comma is fine in an array
 * initialiser).
 */
public final class ExplorerViews {

    private ExplorerViews() {}

    public static List<ExplorerView> all() {
        ExplorerView[] views = {
            // one line per extra view
            ExplorerView.of("Fleet", FleetView::content),
            ExplorerView.of("Boards", BoardsExplorerView::content),
            ExplorerView.of("Validation", ValidationExplorerView::content),
            ExplorerView.of("QPART planner", QpartView::content),
        };
        return List.of(views);
    }
}
