package io.configspec.app.explorer.qpart;

import io.configspec.app.explorer.ExplorerContext;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** The "QPART planner" tab: per-layer bit-widths of a drafter under an acceptance budget. */
public final class QpartView {

    private QpartView() {}

    /** The tab's content (registered in {@code ExplorerViews}). */
    public static Node content(ExplorerContext context) {
        QpartViewModel model = new QpartViewModel(context.executor());
        QpartPane pane = new QpartPane(model, context.window());
        Path drafter = QpartPane.sampleDrafter(context.home());
        if (drafter != null && Files.isDirectory(drafter)) {
            model.inputs().modelDirectory().set(drafter);
        }
        if (context.home() != null) {
            model.inputs().profiles().set(context.home().resolve("samples/profiles"));
            model.loadDevices();
        }
        // Scrolls rather than clipping when even the chart's least height does not fit.
        ScrollPane scroll = new ScrollPane(pane);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        return scroll;
    }
}
