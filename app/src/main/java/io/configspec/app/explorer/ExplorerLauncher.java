package io.configspec.app.explorer;

import javafx.application.Application;

/**
 * Starts the desktop explorer. Kept apart from {@code io.configspec.app.Main} so that the command
 * line path never loads a JavaFX class.
 */
public final class ExplorerLauncher {

    private ExplorerLauncher() {}

    public static void launch(String[] args) {
        Application.launch(ExplorerApp.class, args);
    }
}
