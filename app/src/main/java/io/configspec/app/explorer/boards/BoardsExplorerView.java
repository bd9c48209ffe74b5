package io.configspec.app.explorer.boards;

import io.configspec.app.explorer.ExplorerContext;
import io.configspec.app.explorer.UserFolders;
import io.configspec.engine.measure.MeasuredProfiles;
import io.configspec.engine.sensors.SensorSuite;
import io.configspec.model.io.ScenarioLoader;
import javafx.scene.Node;
import javafx.stage.WindowEvent;

/**
 * The Boards tab of the main window: measured profiles are imported into the open library at once,
 * so the Pareto view shows them beside the illustrative profiles they replace.
 */
public final class BoardsExplorerView {

    private BoardsExplorerView() {}

    /** The tab's content (registered in {@code ExplorerViews}). */
    public static Node content(ExplorerContext context) {
        BoardsViewModel model = viewModel(context);
        if (context.window() != null) {
            context.window().addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> model.close());
        }
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(new BoardsView(model));
        scroll.setFitToWidth(true);
        return scroll;
    }

    /** The tab's view model, wired to the user's folders ({@link UserFolders#measured()} for its profiles). */
    static BoardsViewModel viewModel(ExplorerContext context) {
        return new BoardsViewModel(
            context.executor(),
            BoardSettingsStore.userDefault(),
            librarySink(context.model()),
            UserFolders.measured(),
            () ->
                LocalBoard.start(
                    SensorSuite.detectSystem(),
                    SampleModels.directory(context.home(), UserFolders.cache()),
                    UserFolders.cache().resolve("twins")
                ),
            () -> {
                ScenarioLoader.LoadedScenario loaded = context.model().loadedProperty().get();
                return loaded == null ? null : loaded.library();
            }
        );
    }

    /**
     * Measured profiles go into the open library and their device into the open scenario, so the
     * board is on the chart in the same session (issue 19).
     */
    static MeasuredProfileSink librarySink(io.configspec.app.explorer.viewmodel.ExplorerViewModel model) {
        return (result, files) ->
            model
                .library()
                .importFiles(files)
                .thenRun(() ->
                    model.adoptDevice(
                        MeasuredProfiles.Options.forBoard(result.board().boardName()).deviceId()
                    )
                );
    }
}
