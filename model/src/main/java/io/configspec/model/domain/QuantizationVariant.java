package io.configspec.model.domain;

/**
 * One quantisation of a model as shipped.
 *
 * @param name quantisation name as used in profiles, e.g. {@code fp16}, {@code q8_0}, {@code q4_k_m}
 * @param bitsPerWeight average bits per weight, &gt; 0
 * @param sizeOnDiskBytes file size, bytes, &gt; 0
 */
public record QuantizationVariant(String name, double bitsPerWeight, long sizeOnDiskBytes) {
    public QuantizationVariant {
        FieldChecks.text("name", name);
        FieldChecks.positive("bitsPerWeight", bitsPerWeight);
        FieldChecks.positive("sizeOnDiskBytes", sizeOnDiskBytes);
    }
}
