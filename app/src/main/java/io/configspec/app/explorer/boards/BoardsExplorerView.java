package io.configspec.app.explorer.boards;

import io.configspec.app.explorer.ExplorerContext;
import io.configspec.engine.measure.MeasuredProfiles;
import io.configspec.engine.sensors.SensorSuite;
import io.configspec.model.io.ScenarioLoader;
import java.nio.file.Path;
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
        BoardsViewModel model = new BoardsViewModel(
            context.executor(),
            BoardSettingsStore.userDefault(),
            librarySink(context.model()),
            userConfigDirectory().resolve("measured"),
            () ->
                LocalBoard.start(
                    SensorSuite.detectSystem(),
                    SampleModels.directory(context.home(), cacheDirectory()),
                    cacheDirectory().resolve("twins")
                ),
            () -> {
                ScenarioLoader.LoadedScenario loaded = context.model().loadedProperty().get();
                return loaded == null ? null : loaded.library();
            }
        );
        if (context.window() != null) {
            context.window().addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> model.close());
        }
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(new BoardsView(model));
        scroll.setFitToWidth(true);
        return scroll;
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

    private static Path cacheDirectory() {
        return xdgDirectory("XDG_CACHE_HOME", ".cache");
    }

    private static Path userConfigDirectory() {
        return xdgDirectory("XDG_CONFIG_HOME", ".config");
    }

    /** ConfigSpec's folder under {@code $variable}, or under {@code ~/fallback} when it is unset. */
    private static Path xdgDirectory(String variable, String fallback) {
        String xdg = System.getenv(variable);
        Path base = xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), fallback);
        return base.resolve("configspec");
    }
}
