package io.configspec.engine.measure;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.onnx.ModelSignature;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Times one verification pass of a target for a batch of B sequences, each verifying K + 1
 * positions after a context of c tokens: a single ONNX Runtime run with inputs of shape [B, K + 1]
 * and a KV cache of [B, kvHeads, c, headDim] per layer, as a batching verifier runs it. The cache
 * holds zeros: the cost of attention and of the matrix products does not depend on the values.
 * Owns its session; not thread-safe.
 */
final class BatchedVerificationTimer implements AutoCloseable {

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final ModelSignature signature;

    BatchedVerificationTimer(Path modelFile, EngineOptions options) throws Exception {
        try (DecoderModel model = DecoderModel.open(modelFile, options)) {
            this.signature = model.signature();
        }
        if (!signature.hasCache()) {
            throw new IllegalArgumentException(
                modelFile + ": batched verification needs a model with a KV cache"
            );
        }
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        so.setIntraOpNumThreads(options.intraOpThreads());
        so.setInterOpNumThreads(options.interOpThreads());
        so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        this.session = env.createSession(modelFile.toString(), so);
    }

    /** Seconds of one pass, the mean over {@code rounds} passes after {@code warmup} discarded ones. */
    double seconds(int batch, int k, int context, int warmup, int rounds) throws OrtException {
        int positions = k + 1;
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            long[] ids = new long[batch * positions];
            long[] pos = new long[batch * positions];
            for (int b = 0; b < batch; b++) {
                for (int i = 0; i < positions; i++) {
                    ids[b * positions + i] = (7L * (b + i) + 1) % signature.vocabSize();
                    pos[b * positions + i] = context + i;
                }
            }
            inputs.put(
                "input_ids",
                OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] { batch, positions })
            );
            if (signature.hasAttentionMask()) {
                long[] mask = new long[batch * (context + positions)];
                java.util.Arrays.fill(mask, 1L);
                inputs.put(
                    "attention_mask",
                    OnnxTensor.createTensor(
                        env,
                        LongBuffer.wrap(mask),
                        new long[] { batch, context + positions }
                    )
                );
            }
            if (signature.hasPositionIds()) {
                inputs.put(
                    "position_ids",
                    OnnxTensor.createTensor(env, LongBuffer.wrap(pos), new long[] { batch, positions })
                );
            }
            long[] kvShape = { batch, signature.kvHeads(), context, signature.headDim() };
            FloatBuffer zeros = FloatBuffer.allocate(
                batch * signature.kvHeads() * context * signature.headDim()
            );
            for (int l = 0; l < signature.layers(); l++) {
                for (String kind : new String[] { "key", "value" }) {
                    inputs.put(
                        "past_key_values." + l + "." + kind,
                        OnnxTensor.createTensor(env, zeros.duplicate(), kvShape)
                    );
                }
            }
            for (int w = 0; w < warmup; w++) {
                session.run(inputs).close();
            }
            long start = System.nanoTime();
            for (int r = 0; r < rounds; r++) {
                session.run(inputs).close();
            }
            return (System.nanoTime() - start) / 1e9 / rounds;
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            // closing a session does not fail in practice
        }
    }
}
