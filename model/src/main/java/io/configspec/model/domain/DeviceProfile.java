package io.configspec.model.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * An edge device and its drafting measurements.
 *
 * @param id unique id in the profile library, e.g. {@code raspberry-pi-5}
 * @param name display name, e.g. {@code Raspberry Pi 5 (8 GB)}
 * @param deviceKind broad class of device
 * @param cpu CPU description
 * @param gpu GPU description, empty when drafting runs on the CPU only
 * @param memoryGiB memory available to the drafter, GiB, &gt; 0; empty when the source does not state it
 * @param idlePowerWatts board power when idle (waiting for the verifier), W, ≥ 0; empty when not
 *     measured (whole-round energy is then not known for this device)
 * @param drafting one entry per drafter × quantisation, no duplicates
 * @param provenance where the numbers come from
 * @param fieldProvenance per-field overrides
 */
public record DeviceProfile(
    String id,
    String name,
    DeviceKind deviceKind,
    String cpu,
    String gpu,
    OptionalDouble memoryGiB,
    OptionalDouble idlePowerWatts,
    List<DraftingMeasurement> drafting,
    Provenance provenance,
    Map<String, Provenance> fieldProvenance
) implements HasProvenance {
    public DeviceProfile {
        FieldChecks.text("id", id);
        FieldChecks.text("name", name);
        FieldChecks.present("deviceKind", deviceKind);
        FieldChecks.text("cpu", cpu);
        gpu = gpu == null ? "" : gpu;
        memoryGiB = FieldChecks.positive("memoryGiB", memoryGiB);
        idlePowerWatts = FieldChecks.nonNegative("idlePowerWatts", idlePowerWatts);
        drafting = FieldChecks.list("drafting", drafting);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < drafting.size(); i++) {
            DraftingMeasurement m = drafting.get(i);
            if (!seen.add(m.drafter() + "\u0000" + m.quantization())) {
                throw new InvalidFieldException(
                    "drafting[" + i + "]",
                    "repeats drafter '" + m.drafter() + "' with quantization '" + m.quantization() + "'"
                );
            }
        }
        fieldProvenance = FieldChecks.provenance(DeviceProfile.class, provenance, fieldProvenance);
    }

    /** A device whose memory and idle power are known. */
    public DeviceProfile(
        String id,
        String name,
        DeviceKind deviceKind,
        String cpu,
        String gpu,
        double memoryGiB,
        double idlePowerWatts,
        List<DraftingMeasurement> drafting,
        Provenance provenance,
        Map<String, Provenance> fieldProvenance
    ) {
        this(
            id,
            name,
            deviceKind,
            cpu,
            gpu,
            OptionalDouble.of(memoryGiB),
            OptionalDouble.of(idlePowerWatts),
            drafting,
            provenance,
            fieldProvenance
        );
    }

    /** The measurement for one drafter × quantisation, if this device has one. */
    public Optional<DraftingMeasurement> drafting(String drafterId, String quantization) {
        return drafting
            .stream()
            .filter(m -> m.drafter().equals(drafterId) && m.quantization().equals(quantization))
            .findFirst();
    }
}
