package io.configspec.app.explorer;

import java.util.List;

/**
 * The extra views of the main window, in tab order. To add one, implement {@link ExplorerView}
 * and add one line to the array below, e.g. {@code new io.configspec.app.explorer.fleet.FleetView(),}
 * (the trailing comma is fine in an array initialiser).
 */
public final class ExplorerViews {

    private ExplorerViews() {}

    public static List<ExplorerView> all() {
        ExplorerView[] views = {
            // one line per extra view
            new io.configspec.app.explorer.fleet.FleetView(),
            new io.configspec.app.explorer.boards.BoardsExplorerView(),
            new io.configspec.app.explorer.validation.ValidationExplorerView(),
            new io.configspec.app.explorer.qpart.QpartView(),
        };
        return List.of(views);
    }
}
