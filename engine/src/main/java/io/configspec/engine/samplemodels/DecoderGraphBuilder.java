package io.configspec.engine.samplemodels;

import static io.configspec.engine.onnx.OnnxGraphWriter.kvCacheDims;

import io.configspec.engine.onnx.OnnxGraphWriter;
import io.configspec.engine.onnx.OnnxGraphWriter.ElementType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a Llama-style decoder as an ONNX model in the Hugging Face Optimum layout with a KV
 * cache: inputs {@code input_ids}, {@code attention_mask}, {@code position_ids} (int64) and
 * {@code past_key_values.{i}.key|value} (fp32, [batch, kvHeads, past, headDim]); outputs
 * {@code logits} [batch, seq, V] and {@code present.{i}.key|value}.
 *
 * <p>Reusable for any shape (sample family, architecture twins of real drafters): layers, widths,
 * heads, KV heads, vocabulary and {@link Precision} are parameters; weights come from a {@link
 * WeightSource} one tensor at a time and can be streamed to an external data file for models
 * larger than protobuf's 2 GB limit. The model also carries metadata properties
 * ({@code configspec.*}) with its shape, which {@code DecoderModel} reads.
 *
 * <p>Attention mask semantics: a query at position p attends to cache slot j iff j ≤ p and
 * attention_mask[j] = 1, i.e. position ids must equal cache indices (batch 1, no left padding).
 */
public final class DecoderGraphBuilder {

    /** MatMulNBits block size for {@link Precision#INT4}. */
    public static final int INT4_BLOCK = 32;

    private final DecoderArchitecture arch;
    private final Precision precision;
    private final Function<String, Precision> linearPrecision;
    private final String precisionLabel;
    private final WeightSource weights;
    private final Map<String, String> extraMetadata = new LinkedHashMap<>();

    private OnnxGraphWriter g;
    private final Map<String, String[]> quantizedActivations = new HashMap<>();

    public DecoderGraphBuilder(DecoderArchitecture arch, Precision precision, WeightSource weights) {
        this.arch = arch;
        this.precision = precision;
        this.linearPrecision = name -> precision;
        this.precisionLabel = precision.cliName();
        this.weights = weights;
    }

    /**
     * A mixed-precision decoder (a QPART plan): each linear weight ({@link WeightSource} names,
     * e.g. {@code layers.2.mlp.up}, {@code lm_head}) takes the precision {@code linearPrecision}
     * gives it (one of {@link Precision#FP32}, {@link Precision#INT8}, {@link Precision#INT4});
     * the embedding stays fp32. {@code precisionLabel} is written as {@code configspec.precision}.
     */
    public DecoderGraphBuilder(
        DecoderArchitecture arch,
        Function<String, Precision> linearPrecision,
        String precisionLabel,
        WeightSource weights
    ) {
        this.arch = arch;
        this.precision = Precision.FP32;
        this.linearPrecision = linearPrecision;
        this.precisionLabel = precisionLabel;
        this.weights = weights;
    }

    private int adapterRank;

    /**
     * Builds the model with low-rank adapter inputs of rank {@code rank}: {@code adapter.a} [hidden,
     * rank] and {@code adapter.b} [rank, V], whose product applied to the token embedding is added
     * to the logits (logits = head(h) + (x·A)·B), so an adapter runs without merging weights and
     * switching adapters binds other tensors. Zero tensors give the model without adapter.
     */
    public DecoderGraphBuilder adapterRank(int rank) {
        if (rank < 1) {
            throw new IllegalArgumentException("adapter rank must be ≥ 1, was " + rank);
        }
        this.adapterRank = rank;
        return this;
    }

    /** Adds a metadata property written into the model ({@code configspec.role} etc.). */
    public DecoderGraphBuilder metadata(String key, String value) {
        extraMetadata.put(key, value);
        return this;
    }

    /** Writes {@code modelFile} with all weights inline; returns the parameter count. */
    public long writeInline(Path modelFile) throws IOException {
        return write(OnnxGraphWriter.inline("decoder"), modelFile);
    }

    /**
     * Writes {@code modelFile} and streams weights into {@code modelFile + ".data"} beside it;
     * returns the parameter count.
     */
    public long writeWithExternalData(Path modelFile) throws IOException {
        Path data = modelFile.resolveSibling(modelFile.getFileName() + ".data");
        return write(OnnxGraphWriter.withExternalData("decoder", data), modelFile);
    }

    private long write(OnnxGraphWriter writer, Path modelFile) throws IOException {
        g = writer;
        try {
            buildGraph();
            g.write(modelFile);
            return g.parameterCount();
        } finally {
            g.close();
        }
    }

    /** The model as bytes (inline weights), for tests and small graphs. */
    public byte[] toBytes() {
        g = OnnxGraphWriter.inline("decoder");
        buildGraph();
        return g.toBytes();
    }

    private void buildGraph() {
        quantizedActivations.clear();
        int d = arch.hiddenSize();
        int kvDim = arch.kvHeads() * arch.headDim();
        int qDim = arch.heads() * arch.headDim();

        g.input("input_ids", ElementType.INT64, "batch_size", "sequence_length");
        g.input("attention_mask", ElementType.INT64, "batch_size", "total_sequence_length");
        g.input("position_ids", ElementType.INT64, "batch_size", "sequence_length");
        if (adapterRank > 0) {
            g.input("adapter.a", ElementType.FLOAT, (long) d, (long) adapterRank);
            g.input("adapter.b", ElementType.FLOAT, (long) adapterRank, (long) arch.vocabSize());
        }
        g.output("logits", ElementType.FLOAT, "batch_size", "sequence_length", (long) arch.vocabSize());
        // each layer's cache: its past as an input, the past plus this call's tokens as an output
        Object[] past = kvCacheDims("batch_size", arch.kvHeads(), "past_sequence_length", arch.headDim());
        Object[] present = kvCacheDims("batch_size", arch.kvHeads(), "total_sequence_length", arch.headDim());
        for (int l = 0; l < arch.layers(); l++) {
            for (String kind : List.of("key", "value")) {
                g.input("past_key_values." + l + "." + kind, ElementType.FLOAT, past);
                g.output("present." + l + "." + kind, ElementType.FLOAT, present);
            }
        }

        g.metadata("configspec.num_hidden_layers", Integer.toString(arch.layers()));
        g.metadata("configspec.hidden_size", Integer.toString(d));
        g.metadata("configspec.num_attention_heads", Integer.toString(arch.heads()));
        g.metadata("configspec.num_key_value_heads", Integer.toString(arch.kvHeads()));
        g.metadata("configspec.head_dim", Integer.toString(arch.headDim()));
        g.metadata("configspec.intermediate_size", Integer.toString(arch.intermediateSize()));
        g.metadata("configspec.vocab_size", Integer.toString(arch.vocabSize()));
        g.metadata("configspec.kv_dtype", "float32");
        g.metadata("configspec.precision", precisionLabel);
        extraMetadata.forEach(g::metadata);

        // Embedding (kept fp32 except for fp16 models, as weight-only quantisers do).
        String embed;
        float[] embedValues = weights.weight("embed", arch.vocabSize(), d);
        if (precision == Precision.FP16) {
            embed = g.op(
                "Cast",
                Map.of("to", (long) ElementType.FLOAT.code()),
                g.float16Tensor("embed", embedValues, arch.vocabSize(), d)
            );
        } else {
            embed = g.floatTensor("embed", embedValues, true, arch.vocabSize(), d);
        }
        String h = g.op("Gather", Map.of("axis", 0L), embed, "input_ids");
        String tokenEmbedding = h;

        String mask = null;
        String cos = null;
        String sin = null;
        if (arch.layers() > 0) {
            mask = buildAttentionBias();
            float[][] rope = ropeTables();
            cos = g.floatTensor("rope_cos", rope[0], false, arch.maxPositions(), arch.headDim() / 2);
            sin = g.floatTensor("rope_sin", rope[1], false, arch.maxPositions(), arch.headDim() / 2);
        }
        String qShape = g.int64Constant("shape_q", 0, 0, arch.heads(), arch.headDim());
        String kvShape = g.int64Constant("shape_kv", 0, 0, arch.kvHeads(), arch.headDim());
        String mergeShape = g.int64Constant("shape_merge", 0, 0, qDim);
        String scale = g.floatScalar("attn_scale", (float) (1.0 / Math.sqrt(arch.headDim())));
        int groups = arch.heads() / arch.kvHeads();
        String expandShape = groups > 1 ? g.int64Constant("shape_expand", 1, 1, groups, 1, 1) : null;
        String repeatShape = groups > 1
            ? g.int64Constant("shape_repeat", 0, arch.heads(), -1, arch.headDim())
            : null;

        for (int l = 0; l < arch.layers(); l++) {
            String p = "layers." + l + ".";
            String x = layerNorm(p + "input_norm", h);
            String q = linear(p + "attn.q", x, d, qDim);
            String k = linear(p + "attn.k", x, d, kvDim);
            String v = linear(p + "attn.v", x, d, kvDim);
            q = rotary(q, arch.heads(), cos, sin);
            k = rotary(k, arch.kvHeads(), cos, sin);
            String q4 = headsFirst(q, qShape);
            String k4 = headsFirst(k, kvShape);
            String v4 = headsFirst(v, kvShape);
            String kAll = g.node(
                "Concat",
                List.of("past_key_values." + l + ".key", k4),
                List.of("present." + l + ".key"),
                Map.of("axis", 2L)
            );
            String vAll = g.node(
                "Concat",
                List.of("past_key_values." + l + ".value", v4),
                List.of("present." + l + ".value"),
                Map.of("axis", 2L)
            );
            if (groups > 1) {
                String axes = g.int64Constant("axes_2_l" + l, 2);
                kAll = g.op(
                    "Reshape",
                    g.op("Expand", g.op("Unsqueeze", kAll, axes), expandShape),
                    repeatShape
                );
                vAll = g.op(
                    "Reshape",
                    g.op("Expand", g.op("Unsqueeze", vAll, axes), expandShape),
                    repeatShape
                );
            }
            String kT = g.op("Transpose", Map.of("perm", new long[] { 0, 1, 3, 2 }), kAll);
            String scores = g.op("Add", g.op("Mul", g.op("MatMul", q4, kT), scale), mask);
            String probs = g.op("Softmax", Map.of("axis", -1L), scores);
            String context = g.op("MatMul", probs, vAll);
            String merged = g.op(
                "Reshape",
                g.op("Transpose", Map.of("perm", new long[] { 0, 2, 1, 3 }), context),
                mergeShape
            );
            h = g.op("Add", h, linear(p + "attn.o", merged, qDim, d));

            String x2 = layerNorm(p + "post_norm", h);
            String gate = linear(p + "mlp.gate", x2, d, arch.intermediateSize());
            String up = linear(p + "mlp.up", x2, d, arch.intermediateSize());
            String act = g.op("Mul", g.op("Mul", gate, g.op("Sigmoid", gate)), up);
            h = g.op("Add", h, linear(p + "mlp.down", act, arch.intermediateSize(), d));
        }
        if (arch.finalNorm()) {
            h = layerNorm("final_norm", h);
        }
        if (adapterRank == 0) {
            linearInto("lm_head", h, d, arch.vocabSize(), "logits");
        } else {
            g.metadata("configspec.adapter_rank", Integer.toString(adapterRank));
            String head = linearInto("lm_head", h, d, arch.vocabSize(), "lm_head_out");
            String lowRank = g.op("MatMul", g.op("MatMul", tokenEmbedding, "adapter.a"), "adapter.b");
            g.node("Add", List.of(head, lowRank), List.of("logits"), Map.of());
        }
    }

    /** Additive attention bias [batch, 1, seq, total]: 0 where allowed, -1e9 elsewhere. */
    private String buildAttentionBias() {
        String shape = g.op("Shape", "attention_mask");
        String total = g.op("Gather", Map.of("axis", 0L), shape, g.int64Scalar("index_1", 1));
        String keyPositions = g.op("Range", g.int64Scalar("zero", 0), total, g.int64Scalar("one", 1));
        String queryPositions = g.op("Unsqueeze", "position_ids", g.int64Constant("axes_1_3", 1, 3));
        String causal = g.op("LessOrEqual", keyPositions, queryPositions);
        String padding = g.op(
            "Cast",
            Map.of("to", (long) ElementType.BOOL.code()),
            g.op("Unsqueeze", "attention_mask", g.int64Constant("axes_1_2", 1, 2))
        );
        String allowed = g.op("And", causal, padding);
        return g.op(
            "Where",
            allowed,
            g.floatScalar("bias_allowed", 0f),
            g.floatScalar("bias_blocked", -1e9f)
        );
    }

    private float[][] ropeTables() {
        int half = arch.headDim() / 2;
        float[] cos = new float[arch.maxPositions() * half];
        float[] sin = new float[arch.maxPositions() * half];
        for (int pos = 0; pos < arch.maxPositions(); pos++) {
            for (int i = 0; i < half; i++) {
                double inv = Math.pow(arch.ropeTheta(), (-2.0 * i) / arch.headDim());
                cos[pos * half + i] = (float) Math.cos(pos * inv);
                sin[pos * half + i] = (float) Math.sin(pos * inv);
            }
        }
        return new float[][] { cos, sin };
    }

    /** Rotary position embedding of {@code x} ([batch, seq, heads × headDim]) at the position ids. */
    private String rotary(String x, int heads, String cos, String sin) {
        return g.msOp("RotaryEmbedding", Map.of("num_heads", (long) heads), x, "position_ids", cos, sin);
    }

    /** [batch, seq, heads × headDim] reshaped to {@code shape} and transposed to [batch, heads, seq, headDim]. */
    private String headsFirst(String x, String shape) {
        return g.op("Transpose", Map.of("perm", new long[] { 0, 2, 1, 3 }), g.op("Reshape", x, shape));
    }

    private String layerNorm(String name, String x) {
        int d = arch.hiddenSize();
        String w = g.floatTensor(name + ".weight", weights.weight(name + ".weight", d, 1), true, d);
        String b = g.floatTensor(name + ".bias", weights.weight(name + ".bias", d, 1), true, d);
        return g.op("LayerNormalization", Map.of("axis", -1L, "epsilon", 1e-5f), x, w, b);
    }

    private String linear(String name, String x, int in, int out) {
        return linearInto(name, x, in, out, name + "_out");
    }

    private String linearInto(String name, String x, int in, int out, String output) {
        float[] w = weights.weight(name, in, out);
        return switch (linearPrecision.apply(name)) {
            case FP32 -> g.node(
                "MatMul",
                List.of(x, g.floatTensor(name, w, true, in, out)),
                List.of(output),
                Map.of()
            );
            case FP16 -> {
                String w16 = g.float16Tensor(name, w, in, out);
                String cast = g.op("Cast", Map.of("to", (long) ElementType.FLOAT.code()), w16);
                yield g.node("MatMul", List.of(x, cast), List.of(output), Map.of());
            }
            case INT8 -> int8Linear(name, x, w, in, out, output);
            case INT4 -> int4Linear(name, x, w, in, out, output);
        };
    }

    private String int8Linear(String name, String x, float[] w, int in, int out, String output) {
        float[] scales = new float[out];
        for (int j = 0; j < out; j++) {
            float max = 0f;
            for (int i = 0; i < in; i++) {
                max = Math.max(max, Math.abs(w[i * out + j]));
            }
            scales[j] = max == 0f ? 1f : max / 127f;
        }
        byte[] q = new byte[in * out];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                q[i * out + j] = (byte) Math.max(-127, Math.min(127, Math.round(w[i * out + j] / scales[j])));
            }
        }
        String wq = g.rawTensor(name + ".qweight", ElementType.INT8, q, (long) in * out, in, out);
        String ws = g.floatTensor(name + ".scale", scales, false, out);
        String wzp = g.rawTensor(name + ".zero_point", ElementType.INT8, new byte[] { 0 }, 0);
        String[] xq = quantizedActivations.computeIfAbsent(x, key -> {
            String base = "dql_" + key;
            g.node(
                "DynamicQuantizeLinear",
                List.of(key),
                List.of(base + "_q", base + "_scale", base + "_zp"),
                Map.of()
            );
            return new String[] { base + "_q", base + "_scale", base + "_zp" };
        });
        String integer = g.op("MatMulInteger", xq[0], wq, xq[2], wzp);
        String asFloat = g.op("Cast", Map.of("to", (long) ElementType.FLOAT.code()), integer);
        String combinedScale = g.op("Mul", xq[1], ws);
        return g.node("Mul", List.of(asFloat, combinedScale), List.of(output), Map.of());
    }

    private String int4Linear(String name, String x, float[] w, int in, int out, String output) {
        int blocks = (in + INT4_BLOCK - 1) / INT4_BLOCK;
        int blobSize = INT4_BLOCK / 2;
        byte[] packed = new byte[out * blocks * blobSize];
        float[] scales = new float[out * blocks];
        for (int n = 0; n < out; n++) {
            for (int b = 0; b < blocks; b++) {
                float max = 0f;
                for (int kk = b * INT4_BLOCK; kk < Math.min(in, (b + 1) * INT4_BLOCK); kk++) {
                    max = Math.max(max, Math.abs(w[kk * out + n]));
                }
                float scale = max == 0f ? 1f : max / 7f;
                scales[n * blocks + b] = scale;
                for (int i = 0; i < INT4_BLOCK; i += 2) {
                    int lo = quant4(w, in, out, b * INT4_BLOCK + i, n, scale);
                    int hi = quant4(w, in, out, b * INT4_BLOCK + i + 1, n, scale);
                    packed[(n * blocks + b) * blobSize + i / 2] = (byte) (lo | (hi << 4));
                }
            }
        }
        String wq = g.rawTensor(
            name + ".qweight",
            ElementType.UINT8,
            packed,
            (long) in * out,
            out,
            blocks,
            blobSize
        );
        ByteBuffer sb = ByteBuffer.allocate(scales.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        sb.asFloatBuffer().put(scales);
        String ws = g.rawTensor(name + ".scales", ElementType.FLOAT, sb.array(), 0, (long) out * blocks);
        return g.node(
            OnnxGraphWriter.MICROSOFT_DOMAIN,
            "MatMulNBits",
            List.of(x, wq, ws),
            List.of(output),
            Map.of("K", (long) in, "N", (long) out, "bits", 4L, "block_size", (long) INT4_BLOCK)
        );
    }

    /** 4-bit code of w[k][n] with the default zero point 8; positions past {@code in} pad with 8. */
    private static int quant4(float[] w, int in, int out, int k, int n, float scale) {
        if (k >= in) {
            return 8;
        }
        int q = Math.round(w[k * out + n] / scale) + 8;
        return Math.max(0, Math.min(15, q));
    }
}
