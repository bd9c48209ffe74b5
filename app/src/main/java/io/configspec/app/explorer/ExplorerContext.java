package io.configspec.app.explorer;

import io.configspec.app.explorer.concurrent.TaskExecutor;
import io.configspec.app.explorer.viewmodel.ExplorerViewModel;
import java.nio.file.Path;
import javafx.stage.Window;

/**
 * What an {@link ExplorerView} gets from the main window: the explorer's view model (loaded
 * scenario, evaluation, selection), the executor for background work (never block the FX
 * thread), the owner window for dialogs and the ConfigSpec home folder (samples).
 */
public record ExplorerContext(ExplorerViewModel model, TaskExecutor executor, Window window, Path home) {}
