package io.configspec.app.explorer.fleet;

import io.configspec.app.explorer.ExplorerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;

/** The "Fleet" tab: many boards sharing one verifier under centralised, SLED and WISP serving. */
public final class FleetView {

    private FleetView() {}

    /** The tab's content (registered in {@code ExplorerViews}). */
    public static Node content(ExplorerContext context) {
        FleetViewModel model = new FleetViewModel(context.executor());
        Path sample = context.home() == null ? null : context.home().resolve("samples/scenarios/fleet.json");
        if (sample != null && Files.isRegularFile(sample)) {
            model.loadScenario(sample);
        }
        return new FleetPane(model, context.window(), context.home());
    }
}
