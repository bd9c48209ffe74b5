package io.configspec.app.explorer.viewmodel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The configurations table's filter (issue 19, item 10). */
class TableFilterTest {

    private static final TableFilter.Row PI4_QWEN = TableFilter.Row.of(
        "Raspberry Pi 4 Model B (8 GB)",
        "raspberry-pi-4b",
        "Qwen2.5 0.5B Instruct",
        "qwen2.5-0.5b-instruct",
        "q4_k_m",
        "Qwen2.5 7B Instruct",
        "qwen2.5-7b-instruct"
    );
    private static final TableFilter.Row PI5_QWEN = TableFilter.Row.of(
        "Raspberry Pi 5 (8 GB)",
        "raspberry-pi-5",
        "Qwen2.5 0.5B Instruct",
        "qwen2.5-0.5b-instruct",
        "q8_0",
        "Qwen2.5 7B Instruct",
        "qwen2.5-7b-instruct"
    );

    @Test
    void piFiveWithKFourFindsOnlyThePiFiveAtKFour() {
        TableFilter f = TableFilter.parse("pi 5 k=4");
        assertTrue(f.matches(PI5_QWEN, 4));
        assertFalse(f.matches(PI5_QWEN, 5));
        assertFalse(f.matches(PI4_QWEN, 4), "Qwen2.5's '5' does not make a Pi 4 a Pi 5");
    }

    @Test
    void raspberryPiFiveDoesNotMatchAPiFour() {
        assertFalse(TableFilter.parse("raspberry pi 5").matches(PI4_QWEN, 3));
        assertTrue(TableFilter.parse("Raspberry Pi 5").matches(PI5_QWEN, 3));
        assertTrue(TableFilter.parse("pi 4").matches(PI4_QWEN, 3), "the Pi 4's id says 4b");
    }

    @Test
    void wordsMatchAnywhereInNamesAndIdsAndNumbersStartAWord() {
        assertTrue(TableFilter.parse("rasp q8_0").matches(PI5_QWEN, 2));
        assertTrue(TableFilter.parse("0.5").matches(PI5_QWEN, 2));
        assertTrue(TableFilter.parse("qwen2.5 7b").matches(PI5_QWEN, 2));
        assertFalse(TableFilter.parse("llama").matches(PI5_QWEN, 2));
        assertFalse(TableFilter.parse("k=four").matches(PI5_QWEN, 4), "an unreadable K matches nothing");
        assertTrue(TableFilter.parse("  ").isEmpty());
        assertEquals(true, TableFilter.parse(null).matches(PI4_QWEN, 9));
    }
}
