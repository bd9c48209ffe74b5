package io.configspec.model.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The stop-prediction rates for people: a drafter the target always agrees with (the engine's
 * draft-3l-fp32 sample pair on a short run) predicts no stop and has no rejection; its rates are
 * said in words with their counts, never "NaN".
 */
class StopPredictionCountsTest {

    @Test
    void noStopAndNoRejectionIsSaidInWordsNotNaN() {
        StopPredictionCounts c = StopPredictionCounts.NONE;
        for (int i = 0; i < 5; i++) {
            c = c.plus(new boolean[] { false, false, false }, 3, 3);
        }
        assertTrue(Double.isNaN(c.falseStopRate()));
        String text = c.describe();
        assertFalse(text.contains("NaN"), text);
        assertEquals(
            "false stops n/a (no stop predicted in 5 rounds), missed stops n/a (no token rejected in 5 rounds)",
            text
        );
    }

    @Test
    void ratesCarryTheirCounts() {
        StopPredictionCounts c = StopPredictionCounts.NONE
            // stopped at token 2, which the target accepted: a false stop
            .plus(new boolean[] { false, true }, 2, 2)
            // stopped at token 2, rejected there: a right stop
            .plus(new boolean[] { false, true }, 2, 1)
            // token 1 rejected but not flagged: a missed stop
            .plus(new boolean[] { false, false, false }, 3, 0);
        assertEquals(0.5, c.falseStopRate(), 1e-12);
        assertEquals(0.5, c.missedStopRate(), 1e-12);
        assertEquals("false stops 50.0 % of 2 stops, missed stops 50.0 % of 2 rejections", c.describe());
    }
}
