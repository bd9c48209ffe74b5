package io.configspec.model.qpart;

import java.util.List;

/**
 * QPART's accuracy-degradation measure for one layer at one bit-width (Li, Ghafouri, Ji et al.,
 * "QPART: Adaptive Model Quantization and Dynamic Workload Balancing for Accuracy-aware Edge
 * Inference", arXiv:2506.23934, 2025; see docs/model.md): a uniform quantiser of b bits over a
 * range R has a step of about R·2^(−b) and adds noise of power Δ²/12 ∝ R²·2^(−2b); the layer's
 * sensitivity s scales that noise into the degradation of the model's output. Degradations of
 * different layers add (independent noise sources add in power).
 *
 * <p>Bit-widths are {@link #BIT_WIDTHS}. 16 is the reference precision (fp16 weights computed in
 * fp32, the drafter as measured unquantised): its noise, 2^(−32)·R²·s, is below 10^(−9) of the
 * 4-bit figure and is taken as 0, so a budget of 0 keeps every layer at 16 bits.
 */
public final class QuantizationNoise {

    /** The bit-widths a plan may give a layer. */
    public static final List<Integer> BIT_WIDTHS = List.of(2, 3, 4, 8, 16);

    /** The unquantised reference width. */
    public static final int REFERENCE_BITS = 16;

    /** Weights per fp32 scale in block-wise quantisation below 8 bits (MatMulNBits' block). */
    public static final int BLOCK_SIZE = 32;

    private QuantizationNoise() {}

    /** Degradation s·R²·2^(−2b) of {@code layer} at {@code bits}; 0 at the reference width. */
    public static double degradation(PlannerLayer layer, int bits) {
        check(bits);
        if (bits >= REFERENCE_BITS) {
            return 0;
        }
        double range = layer.weightRange();
        return layer.sensitivity() * range * range * Math.scalb(1.0, -2 * bits);
    }

    /** R²·2^(−2b): the noise power at {@code bits} per unit of sensitivity (0 at the reference width). */
    public static double noisePower(double weightRange, int bits) {
        check(bits);
        return bits >= REFERENCE_BITS ? 0 : weightRange * weightRange * Math.scalb(1.0, -2 * bits);
    }

    /**
     * Bits stored per weight at {@code bits}: the codes plus, below 8 bits, one fp32 scale per
     * {@link #BLOCK_SIZE} weights (int8 keeps one scale per output column, negligible).
     */
    public static double storageBitsPerWeight(int bits) {
        check(bits);
        return bits < 8 ? bits + 32.0 / BLOCK_SIZE : bits;
    }

    /** The nearest bit-width to an average {@code bitsPerWeight} (q4_k_m's 4.85 → 4, q8_0's 8.5 → 8, fp32 → 16). */
    public static int nearestWidth(double bitsPerWeight) {
        if (bitsPerWeight < 2.5) {
            return 2;
        }
        if (bitsPerWeight < 3.5) {
            return 3;
        }
        if (bitsPerWeight < 6) {
            return 4;
        }
        if (bitsPerWeight < 12) {
            return 8;
        }
        return 16;
    }

    static void check(int bits) {
        if (!BIT_WIDTHS.contains(bits)) {
            throw new IllegalArgumentException("bit-width must be one of " + BIT_WIDTHS + ", was " + bits);
        }
    }
}
