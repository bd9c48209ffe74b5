package io.configspec.app.explorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxisScaleTest {

    @Test
    void linearTicksUseOneTwoFiveSteps() {
        List<Double> ticks = AxisScale.LINEAR.ticks(0, 10, 5);
        assertEquals(List.of(0.0, 2.0, 4.0, 6.0, 8.0, 10.0), ticks);
    }

    @Test
    void logTicksAreDecadesOverAWideRange() {
        List<Double> ticks = AxisScale.LOG.ticks(-3, 3, 8);
        assertEquals(7, ticks.size());
        assertEquals(0.001, ticks.getFirst(), 1e-15);
        assertEquals(1000, ticks.getLast(), 1e-9);
    }

    @Test
    void logTicksAddTwoAndFiveOverANarrowRange() {
        List<Double> ticks = AxisScale.LOG.ticks(0, 1, 5);
        assertEquals(List.of(1.0, 2.0, 5.0, 10.0), ticks);
    }

    @Test
    void logAxisCannotShowNonPositiveValues() {
        assertTrue(Double.isNaN(AxisScale.LOG.forward(0)));
        assertTrue(Double.isNaN(AxisScale.LOG.forward(-1)));
        assertEquals(2, AxisScale.LOG.forward(100), 1e-12);
        assertEquals(100, AxisScale.LOG.inverse(2), 1e-9);
    }

    @Test
    void emptyOrInvalidRangeHasNoTicks() {
        assertTrue(AxisScale.LINEAR.ticks(1, 1, 5).isEmpty());
        assertTrue(AxisScale.LINEAR.ticks(Double.NaN, 1, 5).isEmpty());
    }

    @Test
    void labelsAreCompact() {
        assertEquals("0", AxisScale.format(0));
        assertEquals("12", AxisScale.format(12));
        assertEquals("0.005", AxisScale.format(0.005));
        assertEquals("15k", AxisScale.format(15_000));
        assertEquals("2.5M", AxisScale.format(2_500_000));
        assertEquals("1e-07", AxisScale.format(1e-7));
    }
}
