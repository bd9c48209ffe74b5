package io.configspec.engine.onnx;

import java.util.List;

/**
 * What a decoder model's inputs, outputs and metadata say about it.
 *
 * @param layers transformer layers with a KV cache entry (0 when the model has no cache)
 * @param kvHeads key/value heads per layer (0 without cache)
 * @param headDim size of one head (0 without cache)
 * @param kvType element type of the KV cache: {@code float32} or {@code float16}
 * @param vocabSize logits width, or -1 if the model does not say (known after the first run)
 * @param hasCache whether the model takes {@code past_key_values.*} inputs
 * @param hasAttentionMask whether it takes {@code attention_mask}
 * @param hasPositionIds whether it takes {@code position_ids}
 * @param inputNames all input names, in model order
 */
public record ModelSignature(
    int layers,
    int kvHeads,
    int headDim,
    String kvType,
    int vocabSize,
    boolean hasCache,
    boolean hasAttentionMask,
    boolean hasPositionIds,
    List<String> inputNames
) {
    public ModelSignature {
        inputNames = List.copyOf(inputNames);
    }
}
