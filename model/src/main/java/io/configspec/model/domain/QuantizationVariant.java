package io.configspec.model.domain;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One quantisation of a model as shipped.
 *
 * @param name quantisation name as used in profiles, e.g. {@code fp16}, {@code q8_0}, {@code q4_k_m}
 * @param bitsPerWeight average bits per weight, &gt; 0; empty when the source does not state it
 * @param sizeOnDiskBytes file size, bytes, &gt; 0; empty when the source does not state it
 */
public record QuantizationVariant(String name, OptionalDouble bitsPerWeight, OptionalLong sizeOnDiskBytes) {
    public QuantizationVariant {
        FieldChecks.text("name", name);
        bitsPerWeight = FieldChecks.present("bitsPerWeight", bitsPerWeight);
        bitsPerWeight.ifPresent(v -> FieldChecks.positive("bitsPerWeight", v));
        sizeOnDiskBytes = FieldChecks.present("sizeOnDiskBytes", sizeOnDiskBytes);
        sizeOnDiskBytes.ifPresent(v -> FieldChecks.positive("sizeOnDiskBytes", v));
    }

    /** A quantisation whose bits per weight and file size are known. */
    public QuantizationVariant(String name, double bitsPerWeight, long sizeOnDiskBytes) {
        this(name, OptionalDouble.of(bitsPerWeight), OptionalLong.of(sizeOnDiskBytes));
    }
}
