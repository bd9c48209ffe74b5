package io.configspec.model.domain;

import java.util.Arrays;
import java.util.Optional;

/** Broad class of an edge device; {@link #jsonName()} is how profile files spell it. */
public enum DeviceKind {
    SINGLE_BOARD_COMPUTER("single-board-computer"),
    EMBEDDED_GPU("embedded-gpu"),
    LAPTOP("laptop"),
    DESKTOP("desktop"),
    PHONE("phone"),
    SERVER("server"),
    OTHER("other");

    private final String jsonName;

    DeviceKind(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }

    /** How a person reads it, e.g. "embedded GPU board". */
    public String label() {
        return switch (this) {
            case SINGLE_BOARD_COMPUTER -> "single-board computer";
            case EMBEDDED_GPU -> "embedded GPU board";
            default -> jsonName;
        };
    }

    public static Optional<DeviceKind> fromJsonName(String name) {
        return Arrays.stream(values())
            .filter(k -> k.jsonName.equals(name))
            .findFirst();
    }
}
