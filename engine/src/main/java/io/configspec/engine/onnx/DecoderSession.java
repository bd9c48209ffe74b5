package io.configspec.engine.onnx;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The decoding state of one sequence on a {@link DecoderModel}: the tokens consumed so far and,
 * for models with a cache, their KV cache held as ONNX Runtime tensors.
 *
 * <p>{@link #forward(int[])} appends tokens and returns their logits; {@link #truncate(int)}
 * rolls the state back to a prefix (speculative decoding's rejection). Position ids equal cache
 * indices (batch 1, no padding). Not thread-safe; close it before its model.
 *
 * <p>Time spent inside ONNX Runtime calls is accumulated in {@link #onnxNanos()} so callers can
 * tell engine overhead from model time.
 */
public final class DecoderSession implements AutoCloseable {

    private final DecoderModel model;
    private final ModelSignature signature;
    private final List<String> pastNames = new ArrayList<>();
    private final List<String> presentNames = new ArrayList<>();
    private final OnnxTensor[] past;
    private OrtSession.Result cacheOwner;
    private OnnxTensor[] emptyPast;
    private int[] tokens = new int[64];
    private int length;
    private long onnxNanos;
    private int vocabSize;

    DecoderSession(DecoderModel model) {
        this.model = model;
        this.signature = model.signature();
        this.vocabSize = signature.vocabSize();
        for (int l = 0; l < signature.layers(); l++) {
            pastNames.add("past_key_values." + l + ".key");
            pastNames.add("past_key_values." + l + ".value");
            presentNames.add("present." + l + ".key");
            presentNames.add("present." + l + ".value");
        }
        past = new OnnxTensor[pastNames.size()];
    }

    /** Number of tokens in the state (the next token's position). */
    public int length() {
        return length;
    }

    /** Tokens consumed so far (a copy). */
    public int[] tokens() {
        return Arrays.copyOf(tokens, length);
    }

    /** Nanoseconds spent inside ONNX Runtime calls on this session (decoder and cache trimming). */
    public long onnxNanos() {
        return onnxNanos;
    }

    public DecoderModel model() {
        return model;
    }

    /**
     * Appends {@code newTokens} (at least one) and returns their logits, one row of V floats per
     * appended token: row i is the distribution of the token after {@code newTokens[i]}.
     */
    public float[][] forward(int[] newTokens) throws OrtException {
        if (newTokens.length == 0) {
            throw new IllegalArgumentException("forward needs at least one token");
        }
        int[] inputTokens;
        int firstPosition;
        if (signature.hasCache()) {
            inputTokens = newTokens;
            firstPosition = length;
        } else {
            inputTokens = Arrays.copyOf(tokens, length + newTokens.length);
            System.arraycopy(newTokens, 0, inputTokens, length, newTokens.length);
            firstPosition = 0;
        }
        int seq = inputTokens.length;
        int total = firstPosition + seq;
        long[] ids = new long[seq];
        long[] positions = new long[seq];
        for (int i = 0; i < seq; i++) {
            ids[i] = inputTokens[i];
            positions[i] = firstPosition + i;
        }
        long[] mask = new long[total];
        Arrays.fill(mask, 1L);

        var env = model.environment();
        List<OnnxTensor> created = new ArrayList<>(4);
        Map<String, OnnxTensor> inputs = new HashMap<>();
        OrtSession.Result result;
        try {
            putTokenRow(env, "input_ids", ids, inputs, created);
            if (signature.hasAttentionMask()) {
                putTokenRow(env, "attention_mask", mask, inputs, created);
            }
            if (signature.hasPositionIds()) {
                putTokenRow(env, "position_ids", positions, inputs, created);
            }
            if (signature.inputNames().contains("use_cache_branch")) {
                OnnxTensor branch = OnnxTensor.createTensor(env, new boolean[] { length > 0 });
                created.add(branch);
                inputs.put("use_cache_branch", branch);
            }
            if (signature.inputNames().contains(DecoderModel.ADAPTER_A)) {
                OnnxTensor[] adapter = model.adapterTensors();
                inputs.put(DecoderModel.ADAPTER_A, adapter[0]);
                inputs.put(DecoderModel.ADAPTER_B, adapter[1]);
            }
            if (signature.hasCache()) {
                OnnxTensor[] source = length == 0 ? emptyPast() : past;
                for (int i = 0; i < source.length; i++) {
                    inputs.put(pastNames.get(i), source[i]);
                }
            }
            long start = System.nanoTime();
            result = model.session().run(inputs);
            onnxNanos += System.nanoTime() - start;
        } finally {
            for (OnnxTensor t : created) {
                t.close();
            }
        }

        float[][] logits;
        try {
            OnnxValue value = result.get("logits").orElseThrow();
            FloatBuffer all = ((OnnxTensor) value).getFloatBuffer();
            long[] shape = ((OnnxTensor) value).getInfo().getShape();
            vocabSize = (int) shape[shape.length - 1];
            logits = new float[newTokens.length][vocabSize];
            int skip = seq - newTokens.length;
            for (int i = 0; i < newTokens.length; i++) {
                all.position((skip + i) * vocabSize);
                all.get(logits[i]);
            }
        } catch (RuntimeException e) {
            result.close();
            throw e;
        }
        if (signature.hasCache()) {
            for (int i = 0; i < past.length; i++) {
                past[i] = (OnnxTensor) result.get(presentNames.get(i)).orElseThrow();
            }
            replaceCacheOwner(result);
        } else {
            result.close();
        }
        appendTokens(newTokens);
        return logits;
    }

    /** Rolls the state back to its first {@code newLength} tokens (0 ≤ newLength ≤ length). */
    public void truncate(int newLength) throws OrtException {
        if (newLength < 0 || newLength > length) {
            throw new IllegalArgumentException("cannot truncate " + length + " tokens to " + newLength);
        }
        if (newLength == length) {
            return;
        }
        if (signature.hasCache()) {
            if (newLength == 0) {
                replaceCacheOwner(null);
                Arrays.fill(past, null);
            } else {
                long start = System.nanoTime();
                OrtSession.Result trimmed = model.trimmer().trim(past, newLength);
                onnxNanos += System.nanoTime() - start;
                for (int i = 0; i < past.length; i++) {
                    past[i] = (OnnxTensor) trimmed.get("trimmed." + i).orElseThrow();
                }
                replaceCacheOwner(trimmed);
            }
        }
        length = newLength;
    }

    /** Empties the state. */
    public void reset() throws OrtException {
        truncate(0);
    }

    /** Vocabulary size seen in the logits (or declared by the model before the first call). */
    public int vocabSize() {
        return vocabSize;
    }

    /** Adds {@code values} as a [1, n] int64 input, recorded in {@code created} to be closed after the run. */
    private static void putTokenRow(
        OrtEnvironment env,
        String name,
        long[] values,
        Map<String, OnnxTensor> inputs,
        List<OnnxTensor> created
    ) throws OrtException {
        OnnxTensor tensor = OnnxTensor.createTensor(
            env,
            LongBuffer.wrap(values),
            new long[] { 1, values.length }
        );
        created.add(tensor);
        inputs.put(name, tensor);
    }

    private void appendTokens(int[] newTokens) {
        if (length + newTokens.length > tokens.length) {
            tokens = Arrays.copyOf(tokens, Math.max(tokens.length * 2, length + newTokens.length));
        }
        System.arraycopy(newTokens, 0, tokens, length, newTokens.length);
        length += newTokens.length;
    }

    private void replaceCacheOwner(OrtSession.Result next) {
        if (cacheOwner != null) {
            cacheOwner.close();
        }
        cacheOwner = next;
    }

    private OnnxTensor[] emptyPast() throws OrtException {
        if (emptyPast == null) {
            emptyPast = new OnnxTensor[past.length];
            long[] shape = { 1, signature.kvHeads(), 0, signature.headDim() };
            for (int i = 0; i < emptyPast.length; i++) {
                if (signature.kvType().equals("float16")) {
                    emptyPast[i] = OnnxTensor.createTensor(
                        model.environment(),
                        ByteBuffer.allocateDirect(0).order(ByteOrder.nativeOrder()),
                        shape,
                        OnnxJavaType.FLOAT16
                    );
                } else {
                    emptyPast[i] = OnnxTensor.createTensor(
                        model.environment(),
                        FloatBuffer.allocate(0),
                        shape
                    );
                }
            }
        }
        return emptyPast;
    }

    @Override
    public void close() {
        replaceCacheOwner(null);
        if (emptyPast != null) {
            for (OnnxTensor t : emptyPast) {
                t.close();
            }
            emptyPast = null;
        }
    }
}
