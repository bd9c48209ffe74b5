package io.configspec.model.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finding an enum constant by the name a person types, and listing those names, for every enum alike. */
public final class Enums {

    private Enums() {}

    /**
     * The constant among {@code values} whose name ({@code nameOf}) is {@code text}, ignoring case
     * and surrounding blanks, if any.
     */
    public static <E> Optional<E> byName(E[] values, Function<E, String> nameOf, String text) {
        String wanted = text.strip();
        return Arrays.stream(values)
            .filter(v -> nameOf.apply(v).equalsIgnoreCase(wanted))
            .findFirst();
    }

    /** The names of {@code values}, comma-separated in their order, for help and error messages. */
    public static <E> String names(E[] values, Function<E, String> nameOf) {
        return Arrays.stream(values).map(nameOf).collect(Collectors.joining(", "));
    }
}
