package io.configspec.engine.samplemodels;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Shape of a Llama-style decoder (pre-norm blocks, grouped-query attention with rotary position
 * embeddings, SwiGLU MLP) for {@link DecoderGraphBuilder}.
 *
 * @param layers number of transformer blocks, ≥ 0 (0 = embedding straight into the head)
 * @param hiddenSize residual stream width d
 * @param heads query heads; {@code hiddenSize} need not equal {@code heads × headDim}
 * @param kvHeads key/value heads, divides {@code heads}
 * @param headDim size of one head, even
 * @param intermediateSize MLP width
 * @param vocabSize vocabulary size V
 * @param maxPositions largest position id + 1 (size of the rotary tables)
 * @param finalNorm whether a layer norm precedes the output head
 * @param ropeTheta rotary base frequency
 */
public record DecoderArchitecture(
    int layers,
    int hiddenSize,
    int heads,
    int kvHeads,
    int headDim,
    int intermediateSize,
    int vocabSize,
    int maxPositions,
    boolean finalNorm,
    double ropeTheta
) {
    public DecoderArchitecture {
        if (layers < 0) {
            throw new IllegalArgumentException("layers must be >= 0, was " + layers);
        }
        positive("hiddenSize", hiddenSize);
        positive("heads", heads);
        positive("kvHeads", kvHeads);
        positive("headDim", headDim);
        positive("intermediateSize", intermediateSize);
        positive("vocabSize", vocabSize);
        positive("maxPositions", maxPositions);
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException(
                "heads (" + heads + ") must be a multiple of kvHeads (" + kvHeads + ")"
            );
        }
        if (headDim % 2 != 0) {
            throw new IllegalArgumentException("headDim must be even, was " + headDim);
        }
    }

    private static void positive(String field, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(field + " must be > 0, was " + value);
        }
    }

    /** Same architecture with a different layer count (early-exit drafters). */
    public DecoderArchitecture withLayers(int newLayers) {
        return resized(newLayers, maxPositions);
    }

    /** Same architecture with other layer and position counts (twins of fewer layers or a shorter context). */
    public DecoderArchitecture resized(int newLayers, int newMaxPositions) {
        return new DecoderArchitecture(
            newLayers,
            hiddenSize,
            heads,
            kvHeads,
            headDim,
            intermediateSize,
            vocabSize,
            newMaxPositions,
            finalNorm,
            ropeTheta
        );
    }

    /**
     * Puts the shape fields of a Hugging Face {@code config.json} ({@code num_hidden_layers} to
     * {@code vocab_size}, in the {@code transformers} names) into {@code json}.
     */
    public void putHuggingFaceShape(ObjectNode json) {
        json.put("num_hidden_layers", layers);
        json.put("hidden_size", hiddenSize);
        json.put("num_attention_heads", heads);
        json.put("num_key_value_heads", kvHeads);
        json.put("head_dim", headDim);
        json.put("intermediate_size", intermediateSize);
        json.put("vocab_size", vocabSize);
    }

    /** Weight elements of the model (embedding, blocks, norms, separate head). */
    public long parameterCount() {
        long d = hiddenSize;
        long attention = d * heads * headDim + 2 * d * kvHeads * headDim + (long) heads * headDim * d;
        long mlp = 3 * d * intermediateSize;
        long norms = 4 * d;
        long block = attention + mlp + norms;
        return 2L * vocabSize * d + layers * block + (finalNorm ? 2 * d : 0);
    }
}
