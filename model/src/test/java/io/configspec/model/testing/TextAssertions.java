package io.configspec.model.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

/** Assertions on the lines a model service reports to its user (notes, omissions). */
public final class TextAssertions {

    private TextAssertions() {}

    /** Asserts that at least one of {@code lines} contains every fragment; a failure shows the lines. */
    public static void assertSomeLineContains(List<String> lines, String... fragments) {
        assertTrue(
            lines.stream().anyMatch(line -> Arrays.stream(fragments).allMatch(line::contains)),
            "no line contains all of " + Arrays.toString(fragments) + ": " + lines
        );
    }
}
