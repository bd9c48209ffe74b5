package io.configspec.model.qpart;

import io.configspec.model.domain.FieldChecks;
import io.configspec.model.domain.InvalidFieldException;
import io.configspec.model.domain.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Per-layer sensitivities measured as acceptance lost: the drafter was run against its target
 * once unquantised (α_ref) and once per layer and width with only that layer quantised (α_{l,b});
 * the drop y = max(0, α_ref − α_{l,b}) is fitted to QPART's measure y = s_l·R_l²·2^(−2b) as the
 * largest ratio, s_l = max_b y_b / x_b, x_b = R_l²·2^(−2b) (an upper bound at every measured width,
 * see {@link #fit}). With calibrated
 * sensitivities a layer's degradation is the acceptance it is predicted to cost, so the planner's
 * budget reads "acceptance may drop by at most Δα" (drops of different layers are taken to add).
 * Stored as {@code qpart-calibration.json} beside the drafter's {@code model.onnx}
 * ({@link SensitivityCalibrationFile}, schema {@code docs/schema/qpart-calibration.schema.json}).
 *
 * @param model the drafter calibrated (its model directory's name)
 * @param target the target the acceptance was measured against
 * @param promptSet the prompts used
 * @param k the speculative length of the runs
 * @param referenceAcceptance α_ref of the unquantised drafter, in [0, 1]
 * @param provenance how it was measured (tool, date, rounds)
 * @param layers one entry per planner layer, in order, distinct names
 */
public record SensitivityCalibration(
    String model,
    String target,
    String promptSet,
    int k,
    double referenceAcceptance,
    Provenance provenance,
    List<Layer> layers
) {
    /**
     * One layer's measurements and fitted sensitivity.
     *
     * @param name the planner layer's name
     * @param weightRange R of the layer as built, &gt; 0
     * @param measurements α with only this layer quantised, per width
     * @param sensitivity the fitted s, ≥ 0
     */
    public record Layer(String name, double weightRange, List<Measurement> measurements, double sensitivity) {
        public Layer {
            FieldChecks.text("name", name);
            FieldChecks.positive("weightRange", weightRange);
            measurements = FieldChecks.list("measurements", measurements);
            FieldChecks.nonNegative("sensitivity", sensitivity);
        }
    }

    /**
     * Acceptance with one layer at {@code bits}.
     *
     * @param bits the width, one of {@link QuantizationNoise#BIT_WIDTHS} below 16
     * @param acceptanceRate α measured, in [0, 1]
     */
    public record Measurement(int bits, double acceptanceRate) {
        public Measurement {
            if (!QuantizationNoise.BIT_WIDTHS.contains(bits) || bits >= QuantizationNoise.REFERENCE_BITS) {
                throw new InvalidFieldException("bits", "must be 2, 3, 4 or 8 but is " + bits);
            }
            FieldChecks.probability("acceptanceRate", acceptanceRate);
        }
    }

    public SensitivityCalibration {
        FieldChecks.text("model", model);
        FieldChecks.text("target", target);
        FieldChecks.text("promptSet", promptSet);
        FieldChecks.positive("k", k);
        FieldChecks.probability("referenceAcceptance", referenceAcceptance);
        FieldChecks.present("provenance", provenance);
        layers = FieldChecks.list("layers", layers);
        FieldChecks.distinct("layers", layers, "name", "", Layer::name);
    }

    /**
     * s = max over the measurements of y / x (x = R²·2^(−2b), y = the drop, floored at 0); 0
     * without any. The largest ratio makes s·x an upper bound of every measured drop: a
     * least-squares fit through the origin follows the widest drop (4 bits) and predicts almost
     * nothing at 8 bits, where the measured drop is mostly the run-time activation quantisation of
     * {@code MatMulInteger}, which the weight-noise measure does not see (docs/model.md).
     */
    public static double fit(double referenceAcceptance, double weightRange, List<Measurement> measurements) {
        double s = 0;
        for (Measurement m : measurements) {
            double x = QuantizationNoise.noisePower(weightRange, m.bits());
            double y = Math.max(0, referenceAcceptance - m.acceptanceRate());
            if (x > 0) {
                s = Math.max(s, y / x);
            }
        }
        return s;
    }

    /** A layer with its sensitivity fitted from its measurements. */
    public static Layer fitted(
        double referenceAcceptance,
        String name,
        double weightRange,
        List<Measurement> measurements
    ) {
        return new Layer(
            name,
            weightRange,
            measurements,
            fit(referenceAcceptance, weightRange, measurements)
        );
    }

    /** The calibration of the layer called {@code name}, if any. */
    public Optional<Layer> layer(String name) {
        return layers
            .stream()
            .filter(l -> l.name().equals(name))
            .findFirst();
    }

    /**
     * {@code layers} with the calibrated sensitivities (and the calibration's ranges, which the
     * sensitivities were fitted against).
     *
     * @throws QpartInputException when a layer has no calibration
     */
    public List<PlannerLayer> apply(List<PlannerLayer> layers) throws QpartInputException {
        List<PlannerLayer> calibrated = new ArrayList<>();
        for (PlannerLayer layer : layers) {
            Layer c = layer(layer.name()).orElseThrow(() ->
                new QpartInputException(
                    "the calibration of " +
                        model +
                        " has no layer '" +
                        layer.name() +
                        "' (it has " +
                        String.join(", ", this.layers.stream().map(Layer::name).toList()) +
                        ")"
                )
            );
            calibrated.add(
                new PlannerLayer(
                    layer.name(),
                    layer.parameters(),
                    layer.flopsPerToken(),
                    c.weightRange(),
                    c.sensitivity(),
                    layer.activationBytesPerToken()
                )
            );
        }
        return calibrated;
    }
}
