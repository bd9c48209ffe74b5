package io.configspec.engine.samplemodels;

import java.util.Locale;

/**
 * Weight precision of a generated decoder. Activations and the KV cache stay fp32 in every case.
 *
 * <ul>
 *   <li>{@link #FP32}: plain {@code MatMul}.
 *   <li>{@link #FP16}: fp16 weights on disk, {@code Cast} to fp32 before the {@code MatMul} (fp16
 *       arithmetic is slow on CPUs; this is the usual "fp16 weights" deployment).
 *   <li>{@link #INT8}: symmetric per-output-channel int8 weights, activations quantised at run time
 *       ({@code DynamicQuantizeLinear} + {@code MatMulInteger}, fused by ONNX Runtime).
 *   <li>{@link #INT4}: symmetric 4-bit weights in blocks of 32 ({@code com.microsoft.MatMulNBits}).
 * </ul>
 */
public enum Precision {
    FP32,
    FP16,
    INT8,
    INT4;

    /** Lower-case name used in file names, manifests and profiles ({@code fp32}, {@code int4}). */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Storage bits per weight, for sizes on disk: the nominal width, and 5 for {@link #INT4} (4-bit
     * codes plus one fp32 scale per block of 32).
     */
    public double bitsPerWeight() {
        return switch (this) {
            case FP32 -> 32;
            case FP16 -> 16;
            case INT8 -> 8;
            case INT4 -> 5;
        };
    }

    /** Bits per weight of a precision name; 16 for a name this enum does not know. */
    public static double bitsPerWeight(String precision) {
        try {
            return parse(precision).bitsPerWeight();
        } catch (IllegalArgumentException e) {
            return 16;
        }
    }

    /** Parses {@link #cliName()} (case-insensitive); {@code q4}/{@code q8} are accepted too. */
    public static Precision parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "fp32", "float32", "f32" -> FP32;
            case "fp16", "float16", "f16" -> FP16;
            case "int8", "q8" -> INT8;
            case "int4", "q4" -> INT4;
            default -> throw new IllegalArgumentException(
                "unknown precision '" + text + "' (expected fp32, fp16, int8 or int4)"
            );
        };
    }
}
