package io.configspec.app.explorer.boards;

/**
 * The last agent connected to, remembered between sessions.
 *
 * @param host host name or address
 * @param port TCP port
 * @param token bearer token (stored in a file only the user can read)
 */
public record BoardSettings(String host, int port, String token) {
    public static BoardSettings defaults() {
        return new BoardSettings("127.0.0.1", 7878, "");
    }
}
