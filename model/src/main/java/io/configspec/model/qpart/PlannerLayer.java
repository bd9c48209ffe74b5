package io.configspec.model.qpart;

import io.configspec.model.domain.FieldChecks;

/**
 * One unit the QPART planner gives a bit-width: a transformer block (its seven weight matrices
 * together) or the output head. Layers are listed in execution order; a partition point p runs
 * layers 0..p−1 on the device and the rest on the server.
 *
 * @param name display name, e.g. {@code block 0} or {@code head}
 * @param parameters weights quantised with this layer, &gt; 0
 * @param flopsPerToken floating-point operations per generated token, &gt; 0 (2 per weight of a
 *     matrix–vector product)
 * @param weightRange R: max − min of the layer's weights (the range a uniform quantiser spans), &gt; 0
 * @param sensitivity s ≥ 0: degradation per unit of R²·2^(−2b) (1 when uncalibrated; in acceptance
 *     lost when calibrated, see {@link SensitivityCalibration})
 * @param activationBytesPerToken bytes sent to the server per token when the split follows this
 *     layer (its output activations), ≥ 0
 */
public record PlannerLayer(
    String name,
    long parameters,
    double flopsPerToken,
    double weightRange,
    double sensitivity,
    long activationBytesPerToken
) {
    public PlannerLayer {
        FieldChecks.text("name", name);
        FieldChecks.positive("parameters", parameters);
        FieldChecks.positive("flopsPerToken", flopsPerToken);
        FieldChecks.positive("weightRange", weightRange);
        FieldChecks.nonNegative("sensitivity", sensitivity);
        FieldChecks.nonNegative("activationBytesPerToken", (double) activationBytesPerToken);
    }

    /** The same layer with another sensitivity. */
    public PlannerLayer withSensitivity(double newSensitivity) {
        return new PlannerLayer(
            name,
            parameters,
            flopsPerToken,
            weightRange,
            newSensitivity,
            activationBytesPerToken
        );
    }
}
