package io.configspec.model.domain;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One quantisation of a model as shipped.
 *
 * @param name quantisation name as used in profiles, e.g. {@code fp16}, {@code q8_0}, {@code q4_k_m}
 * @param bitsPerWeight average bits per weight, &gt; 0; empty when the source does not state it
 * @param sizeOnDiskBytes file size, bytes, &gt; 0; empty when the source does not state it
 * @param ggufFile the GGUF file llama.cpp loads for this quantisation, e.g. {@code
 *     Qwen3-0.6B-Q4_K_M.gguf} (a file name, no folder); empty when the profile names none
 */
public record QuantizationVariant(
    String name,
    OptionalDouble bitsPerWeight,
    OptionalLong sizeOnDiskBytes,
    Optional<String> ggufFile
) {
    public QuantizationVariant {
        FieldChecks.text("name", name);
        bitsPerWeight = FieldChecks.positive("bitsPerWeight", bitsPerWeight);
        sizeOnDiskBytes = FieldChecks.positive("sizeOnDiskBytes", sizeOnDiskBytes);
        ggufFile = ggufFile == null ? Optional.empty() : ggufFile;
        ggufFile.ifPresent(f -> {
            if (
                !f.toLowerCase(java.util.Locale.ROOT).endsWith(".gguf") || f.contains("/") || f.contains("\\")
            ) {
                throw new InvalidFieldException(
                    "ggufFile",
                    "must be a file name ending .gguf, without a folder, but is \"" + f + "\""
                );
            }
        });
    }

    /** A quantisation whose profile names no GGUF file. */
    public QuantizationVariant(String name, OptionalDouble bitsPerWeight, OptionalLong sizeOnDiskBytes) {
        this(name, bitsPerWeight, sizeOnDiskBytes, Optional.empty());
    }

    /** A quantisation whose bits per weight and file size are known. */
    public QuantizationVariant(String name, double bitsPerWeight, long sizeOnDiskBytes) {
        this(name, OptionalDouble.of(bitsPerWeight), OptionalLong.of(sizeOnDiskBytes));
    }
}
