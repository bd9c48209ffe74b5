package io.configspec.app.explorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

/** Category colours stay with their category; K uses a sequential map (issue 19, item 11). */
class CategoryPaletteTest {

    @Test
    void aDeviceKeepsItsColourWhenAnotherDeviceIsLeftOut() {
        List<String> all = List.of("Test Jetson", "Test laptop", "Test Pi 4", "Test Pi 5");
        Color[] before = CategoryPalette.of(all);
        Color[] after = CategoryPalette.of(List.of("Test Jetson", "Test Pi 4", "Test Pi 5"));
        assertEquals(before[2], after[1]);
        assertEquals(before[3], after[2]);
        assertNotEquals(before[2], before[3]);
    }

    @Test
    void speculativeLengthsUseOneSequentialMapSoKTwoAndKFourteenDiffer() {
        Color k2 = CategoryPalette.of("K=2");
        Color k14 = CategoryPalette.of("K=14");
        assertNotEquals(k2, k14);
        double previous = -1;
        for (int k = 1; k <= 16; k++) {
            // viridis grows lighter with K: brightness never falls
            double brightness = CategoryPalette.of("K=" + k).getBrightness();
            assertEquals(true, brightness >= previous - 1e-9, "K=" + k);
            previous = brightness;
        }
        assertEquals(CategoryPalette.of("K=4"), CategoryPalette.of(List.of("K=2", "K=3", "K=4"))[2]);
        assertEquals(CategoryPalette.of("K=4"), CategoryPalette.of(List.of("K=4", "K=5"))[0]);
    }
}
