package io.configspec.model.measurement;

import io.configspec.model.domain.CalibrationPoint;
import io.configspec.model.domain.DeviceKind;
import io.configspec.model.domain.Provenance;
import io.configspec.model.domain.QuantizationVariant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What one or more measurement runs on one device found, before it becomes profiles: the input of
 * {@link MeasuredProfileWriter}, filled by {@code configspec profile}, the agent's jobs and {@code
 * configspec measure} alike. Power is optional throughout: what was not measured is empty, never a
 * made-up figure.
 *
 * @param device the device as it will be named in the profiles
 * @param drafting one entry per drafter × quantisation measured
 * @param acceptance measured acceptance per drafter × quantisation × target (may be empty)
 * @param verifier the local verifier measured on the device, if any
 * @param drafters drafter models the library lacks (a models profile is written for them)
 * @param targets target models the library lacks
 * @param provenance provenance of the whole measurement (tool, date, samples)
 */
public record BoardMeasurement(
    Device device,
    List<Drafting> drafting,
    List<Acceptance> acceptance,
    Optional<Verifier> verifier,
    List<Model> drafters,
    List<Model> targets,
    Provenance provenance
) {
    public BoardMeasurement {
        drafting = List.copyOf(drafting);
        acceptance = List.copyOf(acceptance);
        drafters = List.copyOf(drafters);
        targets = List.copyOf(targets);
        if (drafting.isEmpty()) {
            throw new IllegalArgumentException("no drafting measurement");
        }
    }

    /**
     * @param id profile id
     * @param name display name
     * @param kind broad class of device
     * @param cpu CPU description
     * @param memoryGiB memory, GiB, or empty when unknown
     * @param idleWatts measured idle power, W, or empty when not measured
     * @param fieldProvenance per-field provenance of the device's own figures (e.g. idle power the
     *     user entered)
     */
    public record Device(
        String id,
        String name,
        DeviceKind kind,
        String cpu,
        OptionalDouble memoryGiB,
        OptionalDouble idleWatts,
        Map<String, Provenance> fieldProvenance
    ) {
        public Device {
            fieldProvenance = Map.copyOf(fieldProvenance);
        }
    }

    /**
     * @param drafter drafter id
     * @param quantization quantisation name
     * @param fit the drafting model fitted to the measured points by {@link DraftingFit#of}
     * @param watts power while drafting, W, or empty when not measured
     * @param provenance where the speed comes from
     * @param fieldProvenance per-field provenance (e.g. power the user entered, figures not measured)
     */
    public record Drafting(
        String drafter,
        String quantization,
        DraftingFit fit,
        OptionalDouble watts,
        Provenance provenance,
        Map<String, Provenance> fieldProvenance
    ) {
        public Drafting {
            java.util.Objects.requireNonNull(fit, "fit");
            fieldProvenance = Map.copyOf(fieldProvenance);
        }
    }

    /**
     * @param alpha measured acceptance rate
     * @param low lower end of its interval
     * @param high upper end of its interval
     * @param positions drafted positions behind it
     * @param promptSet what it was measured on
     * @param byPosition acceptance at draft position 1, 2, … (may be empty)
     * @param calibration confidence calibration (may be empty)
     */
    public record Acceptance(
        String drafter,
        String quantization,
        String target,
        double alpha,
        double low,
        double high,
        int positions,
        String promptSet,
        List<Double> byPosition,
        List<CalibrationPoint> calibration,
        Provenance provenance
    ) {}

    /**
     * The target verified on the device itself.
     *
     * @param serverId server profile id
     * @param name display name
     * @param hardware what verifies (e.g. the CPU)
     * @param target target id
     * @param points measured verification points (fitted by {@link VerificationFit#of})
     * @param targetStepSeconds one target-only decoding step, s, or empty
     * @param dollarsPerGpuHour a price for the verifier, with its (illustrative) provenance note
     * @param priceNote why the price is what it is
     */
    public record Verifier(
        String serverId,
        String name,
        String hardware,
        String target,
        List<VerificationFit.Point> points,
        OptionalDouble targetStepSeconds,
        double dollarsPerGpuHour,
        String priceNote,
        Provenance provenance
    ) {
        public Verifier {
            points = List.copyOf(points);
        }
    }

    /** A model entry for the models profile. */
    public record Model(String id, String family, long parameters, List<QuantizationVariant> quantizations) {
        public Model {
            quantizations = List.copyOf(quantizations);
        }
    }
}
