package io.configspec.engine.samplemodels;

import java.util.SplittableRandom;

/**
 * Seeded random weights with the usual initialisation scales (normal, std 1/√fan-in; norms at
 * 1, biases at 0). Each tensor's values depend only on the seed and the tensor's name, so the
 * same model is produced whatever order tensors are requested in. Used for architecture twins,
 * whose cost matters and whose outputs do not.
 */
public final class RandomWeights implements WeightSource {

    private final long seed;

    public RandomWeights(long seed) {
        this.seed = seed;
    }

    @Override
    public float[] weight(String name, int rows, int cols) {
        float[] values = new float[rows * cols];
        if (name.endsWith(".weight") && cols == 1) {
            java.util.Arrays.fill(values, 1f);
            return values;
        }
        if (name.endsWith(".bias")) {
            return values;
        }
        SplittableRandom random = new SplittableRandom(seed ^ (name.hashCode() * 0x9E3779B97F4A7C15L));
        double std = 1.0 / Math.sqrt(rows);
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (gaussian(random) * std);
        }
        return values;
    }

    static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
