package io.configspec.app.explorer.boards;

/** Where the Boards view stands with its agent. */
public enum ConnectionState {
    DISCONNECTED("Not connected"),
    CONNECTING("Connecting…"),
    CONNECTED("Connected"),
    LOST("Connection lost: reconnecting…");

    private final String label;

    ConnectionState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
