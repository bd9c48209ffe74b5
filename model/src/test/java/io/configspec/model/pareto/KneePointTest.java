package io.configspec.model.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class KneePointTest {

    @Test
    void picksTheBulgeOfAConvexFront() {
        // (0, 10), (6, 8), (8, 3), (10, 0): (6, 8) rescales to (0.6, 0.8), the closest to (1, 1)
        double[][] columns = { { 0, 6, 8, 10 }, { 10, 8, 3, 0 } };
        int[] front = ParetoFront.nonDominated(columns, new boolean[] { true, true });
        assertEquals(1, KneePoint.select(columns, new boolean[] { true, true }, front));
    }

    @Test
    void isScaleFree() {
        double[][] columns = { { 0, 6000, 8000, 10000 }, { 0.010, 0.008, 0.003, 0 } };
        assertEquals(1, KneePoint.select(columns, new boolean[] { true, true }, new int[] { 0, 1, 2, 3 }));
    }

    @Test
    void readsMinimisedObjectivesTheRightWayRound() {
        // cost minimised: row 2 (9 tokens/s at cost 2) beats row 1 (5 tokens/s at cost 9)
        double[][] columns = { { 10, 5, 9, 0 }, { 10, 9, 2, 0 } };
        assertEquals(2, KneePoint.select(columns, new boolean[] { true, false }, new int[] { 0, 2, 3 }));
    }

    @Test
    void threeObjectivesPickTheMostBalancedPoint() {
        double[][] columns = { { 1, 0, 0, 0.7 }, { 0, 1, 0, 0.6 }, { 0, 0, 1, 0.65 } };
        assertEquals(
            3,
            KneePoint.select(columns, new boolean[] { true, true, true }, new int[] { 0, 1, 2, 3 })
        );
    }

    @Test
    void tiesGoToTheLowestRow() {
        double[][] columns = { { 0, 1, 1, 0 }, { 1, 0, 0, 1 } };
        assertEquals(0, KneePoint.select(columns, new boolean[] { true, true }, new int[] { 3, 2, 1, 0 }));
    }

    @Test
    void singlePointAndEmptyFront() {
        double[][] columns = { { 4 }, { 5 } };
        assertEquals(0, KneePoint.select(columns, new boolean[] { true, true }, new int[] { 0 }));
        assertEquals(-1, KneePoint.select(columns, new boolean[] { true, true }, new int[0]));
    }
}
