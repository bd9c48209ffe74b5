package io.configspec.app.explorer.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PointIndexTest {

    @Test
    void nearestMatchesBruteForceOnRandomPoints() {
        Random random = new Random(7);
        int n = 20_000;
        float[] xs = new float[n];
        float[] ys = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i % 17 == 0 ? Float.NaN : random.nextFloat() * 800;
            ys[i] = random.nextFloat() * 600;
        }
        PointIndex index = PointIndex.build(xs, ys, 800, 600, 16);
        for (int q = 0; q < 2_000; q++) {
            double x = random.nextDouble() * 800;
            double y = random.nextDouble() * 600;
            assertEquals(bruteForce(xs, ys, x, y, 8), index.nearest(x, y, 8), "query " + x + "," + y);
        }
    }

    @Test
    void nothingWithinRadiusGivesMinusOne() {
        PointIndex index = PointIndex.build(new float[] { 10 }, new float[] { 10 }, 100, 100, 16);
        assertEquals(-1, index.nearest(50, 50, 8));
        assertEquals(0, index.nearest(14, 13, 8));
    }

    private static int bruteForce(float[] xs, float[] ys, double x, double y, double radius) {
        double best = radius * radius;
        int row = -1;
        for (int i = 0; i < xs.length; i++) {
            if (Float.isNaN(xs[i])) {
                continue;
            }
            double d = (xs[i] - x) * (xs[i] - x) + (ys[i] - y) * (ys[i] - y);
            if (d < best || (d == best && row >= 0 && i < row)) {
                best = d;
                row = i;
            }
        }
        return row;
    }
}
