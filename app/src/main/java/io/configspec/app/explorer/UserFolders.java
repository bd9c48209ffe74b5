package io.configspec.app.explorer;

import java.nio.file.Path;

/** The per-user folders the explorer keeps its files in; each may be moved by a setting. */
public final class UserFolders {

    private UserFolders() {}

    /** Settings: {@code $XDG_CONFIG_HOME/configspec}, else {@code ~/.config/configspec}. */
    public static Path config() {
        return unlessSet(System.getenv("XDG_CONFIG_HOME"), ".config").resolve("configspec");
    }

    /** Caches (downloaded and generated models): {@code $XDG_CACHE_HOME/configspec}, else {@code ~/.cache/configspec}. */
    public static Path cache() {
        return unlessSet(System.getenv("XDG_CACHE_HOME"), ".cache").resolve("configspec");
    }

    /**
     * Workspaces, autosave and recent files: the {@code configspec.userdir} property, else {@code
     * ~/.configspec}. The Boards tab's files follow that property too ({@link #own()}).
     */
    public static Path workspace() {
        return unlessSet(System.getProperty("configspec.userdir"), ".configspec");
    }

    /**
     * What the explorer itself writes apart from workspaces: the Boards tab's measured profiles
     * ({@link #measured()}) and its connection ({@code boards.json}). The {@code
     * configspec.userdir} folder when that property is set (so a session pointed elsewhere writes
     * nothing under the home folder), else {@link #config()}.
     */
    public static Path own() {
        String userDir = System.getProperty("configspec.userdir");
        return userDir != null && !userDir.isBlank() ? Path.of(userDir) : config();
    }

    /** Profiles measured in the explorer's Boards tab: {@code measured} in {@link #own()}. */
    public static Path measured() {
        return own().resolve("measured");
    }

    /** {@code setting} as a path, or {@code underHome} in the user's home folder when it is unset or blank. */
    private static Path unlessSet(String setting, String underHome) {
        return setting != null && !setting.isBlank()
            ? Path.of(setting)
            : Path.of(System.getProperty("user.home"), underHome);
    }
}
