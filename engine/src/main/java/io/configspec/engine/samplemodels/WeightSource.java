package io.configspec.engine.samplemodels;

/**
 * Supplies the weights of a decoder to {@link DecoderGraphBuilder}, one tensor at a time, so a
 * builder streaming to external data never holds more than one tensor.
 *
 * <p>Names: {@code embed} [V, d]; {@code layers.L.input_norm.weight|bias} [d];
 * {@code layers.L.attn.q|k|v} [d, heads·headDim | kvHeads·headDim]; {@code layers.L.attn.o}
 * [heads·headDim, d]; {@code layers.L.post_norm.weight|bias} [d]; {@code layers.L.mlp.gate|up}
 * [d, I]; {@code layers.L.mlp.down} [I, d]; {@code final_norm.weight|bias} [d]; {@code lm_head}
 * [d, V]. Linear weights are row-major [in, out] (y = x · W).
 */
@FunctionalInterface
public interface WeightSource {
    /** Returns a fresh row-major array of {@code rows × cols} elements (cols = 1 for vectors). */
    float[] weight(String name, int rows, int cols);
}
