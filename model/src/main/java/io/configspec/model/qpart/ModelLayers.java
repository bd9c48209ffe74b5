package io.configspec.model.qpart;

import io.configspec.model.domain.FieldChecks;
import java.util.List;
import java.util.Optional;

/**
 * A model as the QPART planner sees it: its layers (from a Hugging Face {@code config.json} or an
 * ONNX model, read by the engine), the weights it always needs, and its sensitivity calibration
 * if one was measured.
 *
 * @param model the model's name
 * @param source where the layers were read from (file or preset), for output
 * @param layers the planner layers in execution order (sensitivity 1 until calibrated)
 * @param fixedParameters weights outside the planned layers (the embedding), ≥ 0
 * @param calibration the measured sensitivities, if any
 */
public record ModelLayers(
    String model,
    String source,
    List<PlannerLayer> layers,
    long fixedParameters,
    Optional<SensitivityCalibration> calibration
) {
    public ModelLayers {
        FieldChecks.text("model", model);
        FieldChecks.text("source", source);
        layers = List.copyOf(layers);
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a model to plan needs at least one layer");
        }
        FieldChecks.present("calibration", calibration);
    }

    /** Σ of the planned layers' parameters plus the fixed ones. */
    public long parameters() {
        return fixedParameters + layers.stream().mapToLong(PlannerLayer::parameters).sum();
    }
}
