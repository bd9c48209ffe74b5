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

    public static Optional<DeviceKind> fromJsonName(String name) {
        return Arrays.stream(values())
            .filter(k -> k.jsonName.equals(name))
            .findFirst();
    }
}
