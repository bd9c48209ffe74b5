package io.configspec.model.domain;

/**
 * Broad class of an edge device; {@link #jsonName()} is how profile files spell it, e.g. {@code
 * single-board-computer}.
 */
public enum DeviceKind implements JsonNamed {
    SINGLE_BOARD_COMPUTER,
    EMBEDDED_GPU,
    LAPTOP,
    DESKTOP,
    PHONE,
    SERVER,
    OTHER;

    /** How a person reads it, e.g. "embedded GPU board". */
    public String label() {
        return switch (this) {
            case SINGLE_BOARD_COMPUTER -> "single-board computer";
            case EMBEDDED_GPU -> "embedded GPU board";
            default -> jsonName();
        };
    }
}
