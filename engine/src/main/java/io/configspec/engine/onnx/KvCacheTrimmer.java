package io.configspec.engine.onnx;

import static io.configspec.engine.onnx.OnnxGraphWriter.kvCacheDims;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.configspec.engine.onnx.OnnxGraphWriter.ElementType;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rolls a KV cache back to its first {@code keep} positions inside ONNX Runtime: a generated
 * graph of one {@code Slice} per cache tensor, run once per rollback. The copy is a native
 * memcpy rather than a Java round trip through heap buffers, and the result is a set of ordinary
 * ORT tensors that feed straight into the next decoder call.
 */
final class KvCacheTrimmer implements AutoCloseable {

    private final OrtEnvironment environment;
    private final OrtSession.SessionOptions options;
    private final OrtSession session;
    private final int tensors;

    KvCacheTrimmer(OrtEnvironment environment, ModelSignature signature, EngineOptions engineOptions)
        throws OrtException {
        this.environment = environment;
        this.tensors = signature.layers() * 2;
        ElementType type = signature.kvType().equals("float16") ? ElementType.FLOAT16 : ElementType.FLOAT;
        OnnxGraphWriter g = OnnxGraphWriter.inline("kv_trim");
        g.input("keep", ElementType.INT64, 1L);
        String starts = g.int64Constant("starts", 0);
        String axes = g.int64Constant("axes", 2);
        for (int i = 0; i < tensors; i++) {
            g.input(
                "cache." + i,
                type,
                kvCacheDims("batch", signature.kvHeads(), "total", signature.headDim())
            );
            g.output(
                "trimmed." + i,
                type,
                kvCacheDims("batch", signature.kvHeads(), "kept", signature.headDim())
            );
            g.node("Slice", List.of("cache." + i, starts, "keep", axes), List.of("trimmed." + i), Map.of());
        }
        options = new OrtSession.SessionOptions();
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.addConfigEntry("session.intra_op.allow_spinning", engineOptions.allowSpinning() ? "1" : "0");
        session = environment.createSession(g.toBytes(), options);
    }

    /**
     * Returns a result whose outputs {@code trimmed.i} are the first {@code keep} positions of
     * {@code cache[i]} (the caller owns and closes it).
     */
    OrtSession.Result trim(OnnxTensor[] cache, int keep) throws OrtException {
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try (
            OnnxTensor keepTensor = OnnxTensor.createTensor(
                environment,
                LongBuffer.wrap(new long[] { keep }),
                new long[] { 1 }
            )
        ) {
            inputs.put("keep", keepTensor);
            for (int i = 0; i < tensors; i++) {
                inputs.put("cache." + i, cache[i]);
            }
            return session.run(inputs);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException ignored) {
            // nothing more to release
        }
        options.close();
    }
}
