package io.configspec.model.qpart;

import io.configspec.model.domain.FieldChecks;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the QPART planner is asked: give each layer a bit-width and choose a partition point so
 * that the predicted time per drafted token is least while the total degradation stays within the
 * budget.
 *
 * @param model the model's name (for output)
 * @param layers the layers in execution order, at least one
 * @param fixedParameters weights outside the planned layers that the device needs whenever it runs
 *     a layer (the embedding), shipped at 16 bits, ≥ 0
 * @param bitWidths the widths a layer may take, a non-empty subset of {@link
 *     QuantizationNoise#BIT_WIDTHS} (e.g. only those an inference engine can build)
 * @param device the device's throughput per width
 * @param channel link and server (for the partition point and shipping)
 * @param budget the largest total degradation allowed, ≥ 0 (in acceptance when the layers'
 *     sensitivities are calibrated)
 */
public record QpartProblem(
    String model,
    List<PlannerLayer> layers,
    long fixedParameters,
    SortedSet<Integer> bitWidths,
    DeviceThroughput device,
    Channel channel,
    double budget
) {
    public QpartProblem {
        FieldChecks.text("model", model);
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a model to plan needs at least one layer");
        }
        FieldChecks.nonNegative("fixedParameters", (double) fixedParameters);
        bitWidths = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(bitWidths));
        if (bitWidths.isEmpty()) {
            throw new IllegalArgumentException("at least one bit-width is needed");
        }
        for (int bits : bitWidths) {
            QuantizationNoise.check(bits);
        }
        FieldChecks.present("device", device);
        FieldChecks.present("channel", channel);
        if (!(budget >= 0) || Double.isInfinite(budget)) {
            throw new IllegalArgumentException("the degradation budget must be a number ≥ 0, was " + budget);
        }
    }

    /** The same problem with another budget. */
    public QpartProblem withBudget(double newBudget) {
        return new QpartProblem(model, layers, fixedParameters, bitWidths, device, channel, newBudget);
    }

    /** The same problem with other layers (e.g. calibrated sensitivities). */
    public QpartProblem withLayers(List<PlannerLayer> newLayers) {
        return new QpartProblem(model, newLayers, fixedParameters, bitWidths, device, channel, budget);
    }
}
