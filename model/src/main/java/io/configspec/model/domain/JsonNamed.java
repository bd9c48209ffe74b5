package io.configspec.model.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * An enum whose constants are spelt in files and on the command line by one rule: the Java name
 * in lower case with hyphens ({@code WHOLE_ROUND} is {@code whole-round}). An enum whose names
 * follow no rule overrides {@link #jsonName()}; {@link #byJsonName} finds a constant either way.
 */
public interface JsonNamed {
    /** The constant's Java name; every enum has it. */
    String name();

    /** The name in files and on the command line, e.g. {@code whole-round}. */
    default String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant of {@code type} whose {@link #jsonName()} is {@code name}, if any. */
    static <E extends Enum<E> & JsonNamed> Optional<E> byJsonName(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (constant.jsonName().equals(name)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
