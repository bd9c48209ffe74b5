package io.configspec.model.qpart;

import java.util.List;

/**
 * The planner's answer.
 *
 * @param problem what was asked
 * @param layers one entry per layer, in order
 * @param partition p: layers 0..p−1 run on the device, the rest on the server (= layer count when
 *     the whole model runs on the device)
 * @param deviceSecondsPerToken predicted compute time per drafted token on the device, s
 * @param secondsPerToken predicted time per drafted token: device compute, plus (with a split) the
 *     round trip, the uplink and the server's compute, plus the shipping time shared over the
 *     channel's amortised tokens, s
 * @param bytesToShip the device's part of the model at its bit-widths (with block scales) plus the
 *     fixed weights at 16 bits, bytes
 * @param totalDegradation Σ of the layers' degradations, ≤ the budget
 */
public record QpartPlan(
    QpartProblem problem,
    List<LayerPlan> layers,
    int partition,
    double deviceSecondsPerToken,
    double secondsPerToken,
    long bytesToShip,
    double totalDegradation
) {
    /**
     * One layer's part of the plan.
     *
     * @param name the layer's name
     * @param onDevice whether it runs on the device (else on the server, unquantised)
     * @param bits its width (16 on the server)
     * @param degradation its predicted degradation (0 on the server)
     * @param deviceSeconds its predicted time per token on the device, s (0 on the server)
     */
    public record LayerPlan(
        String name,
        boolean onDevice,
        int bits,
        double degradation,
        double deviceSeconds
    ) {}

    public QpartPlan {
        layers = List.copyOf(layers);
    }

    /**
     * The total bits of the planned layers' weights: Σ parameters × width, layers on the server
     * counted at 16 (they run unquantised), block scales and the fixed weights left out. The
     * planner never gives fewer of them at a tighter budget (decision 0071).
     */
    public long weightBits() {
        long bits = 0;
        for (int l = 0; l < layers.size(); l++) {
            bits += problem.layers().get(l).parameters() * layers.get(l).bits();
        }
        return bits;
    }

    /**
     * Predicted compute time per token of every layer on the device at the reference width (the
     * unquantised drafter), s: what the plan's speed-up is measured against.
     */
    public double referenceDeviceSecondsPerToken() {
        double seconds = 0;
        for (PlannerLayer layer : problem.layers()) {
            seconds += problem.device().seconds(layer.flopsPerToken(), QuantizationNoise.REFERENCE_BITS);
        }
        return seconds;
    }

    /** The widths in layer order. */
    public int[] bits() {
        return layers.stream().mapToInt(LayerPlan::bits).toArray();
    }

    /** Whether every layer runs on the device. */
    public boolean wholeModelOnDevice() {
        return partition == layers.size();
    }
}
