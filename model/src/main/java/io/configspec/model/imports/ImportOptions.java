package io.configspec.model.imports;

import java.util.Objects;
import java.util.Optional;

/**
 * What the user adds to an import (the command line's options; docs/importing.md).
 *
 * @param device id of the device profile the measurements become (or, for a power log alone, the
 *     library device whose drafting entries get the measured power); empty: named after the board
 * @param target target model id for acceptance and goodput whose file does not name one (or to
 *     rename the one it names)
 * @param drafter drafter id replacing the one the name rule gives (the files must name one drafter)
 * @param quantization quantisation replacing the one the model file name gives (or giving one
 *     where the name states none)
 */
public record ImportOptions(
    Optional<String> device,
    Optional<String> target,
    Optional<String> drafter,
    Optional<String> quantization
) {
    public ImportOptions {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(drafter, "drafter");
        Objects.requireNonNull(quantization, "quantization");
        device = device.map(String::strip).filter(s -> !s.isEmpty());
        target = target.map(String::strip).filter(s -> !s.isEmpty());
        drafter = drafter.map(String::strip).filter(s -> !s.isEmpty());
        quantization = quantization
            .map(s -> s.strip().toLowerCase(java.util.Locale.ROOT))
            .filter(s -> !s.isEmpty());
    }

    /** No options: every name from the files. */
    public static ImportOptions none() {
        return new ImportOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
