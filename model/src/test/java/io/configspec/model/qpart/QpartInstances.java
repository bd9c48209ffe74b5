package io.configspec.model.qpart;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/** Seeded problem instances for the planner's tests. */
final class QpartInstances {

    private QpartInstances() {}

    /**
     * A device whose rates follow the sample family on this machine (fp32 ≈ 350, int8 ≈ 750,
     * int4 ≈ 800 tokens/s of a 1.9 M-parameter drafter), scaled by {@code scale}; 2 and 3 bits
     * a little faster than 4.
     */
    static DeviceThroughput device(double scale) {
        Map<Integer, DeviceThroughput.Rate> rates = new TreeMap<>();
        double flops = 2 * 1.9e6;
        rates.put(16, new DeviceThroughput.Rate(flops * 350 * scale, 16, "test"));
        rates.put(8, new DeviceThroughput.Rate(flops * 750 * scale, 8, "test"));
        rates.put(4, new DeviceThroughput.Rate(flops * 800 * scale, 4, "test"));
        rates.put(3, new DeviceThroughput.Rate(flops * 840 * scale, 3, "test"));
        rates.put(2, new DeviceThroughput.Rate(flops * 880 * scale, 2, "test"));
        return new DeviceThroughput("test-device", new TreeMap<>(rates));
    }

    /** Arbitrary layers: sizes, ranges and sensitivities drawn independently. */
    static List<PlannerLayer> randomLayers(Random random, int count) {
        List<PlannerLayer> layers = new ArrayList<>();
        for (int l = 0; l < count; l++) {
            long parameters = 1_000 + random.nextInt(1_000_000);
            layers.add(
                new PlannerLayer(
                    "layer " + l,
                    parameters,
                    2.0 * parameters,
                    0.1 + random.nextDouble() * 3,
                    random.nextDouble() * random.nextDouble() * 20,
                    256 + random.nextInt(4096)
                )
            );
        }
        return layers;
    }

    /**
     * A decoder's layers: {@code blocks} blocks of one shape (ranges and sensitivities vary, the
     * sensitivity decaying with depth as in the sample family), then an output head.
     */
    static List<PlannerLayer> decoderLayers(
        Random random,
        int blocks,
        long blockParameters,
        long headParameters
    ) {
        List<PlannerLayer> layers = new ArrayList<>();
        for (int l = 0; l < blocks; l++) {
            layers.add(
                new PlannerLayer(
                    "block " + l,
                    blockParameters,
                    2.0 * blockParameters,
                    0.5 + random.nextDouble(),
                    (0.5 + random.nextDouble()) * 3 * Math.pow(0.4 + 0.5 * random.nextDouble(), l),
                    1024
                )
            );
        }
        layers.add(
            new PlannerLayer(
                "head",
                headParameters,
                2.0 * headParameters,
                0.5 + random.nextDouble(),
                2 * random.nextDouble(),
                1024
            )
        );
        return layers;
    }

    static java.util.SortedSet<Integer> allWidths() {
        return new java.util.TreeSet<>(QuantizationNoise.BIT_WIDTHS);
    }
}
