package io.configspec.engine.measure;

import java.util.List;

/**
 * Opens the models a {@link ProfilingRequest} names: on a board, models by name from its model
 * directory or twins generated on demand ({@link OnnxModelProvider}); fakes in tests.
 */
public interface ModelProvider {
    /**
     * An opened drafter and how profiles name it.
     *
     * @param id the drafter's model id in profiles ({@code configspec-sample-d2-int8}, {@code twin-qwen2.5-0.5b})
     * @param quantization its precision name ({@code int8}, {@code int4}, {@code fp32})
     * @param family its tokenizer family, or empty
     * @param decoder the decoder; the profiler closes it
     */
    record Drafter(String id, String quantization, String family, TokenDecoder decoder, ModelInfo info) {}

    /**
     * What profiles record about a model.
     *
     * @param id model id
     * @param family tokenizer family, or empty
     * @param precision precision name
     * @param parameters weight elements, or −1 if unknown
     * @param bytesOnDisk size of its files, or −1 if unknown
     */
    record ModelInfo(String id, String family, String precision, long parameters, long bytesOnDisk) {}

    /**
     * Checks that the models a request names are here, before a job is accepted.
     *
     * @throws IllegalArgumentException naming the field ({@code drafter}, {@code target}) and the
     *     models that are available
     */
    default void checkAvailable(ProfilingRequest request) {}

    /** Opens (generating first, for a twin) the drafter; may report progress. */
    Drafter openDrafter(ProfilingRequest request, ProfilingContext context) throws Exception;

    /** Opens a target model by name; the profiler closes it. */
    TokenDecoder openTarget(String name) throws Exception;

    /**
     * The ONNX file of a target, for batched verification timing; null when the provider has no
     * file (verification is then measured at batch 1 only).
     */
    default java.nio.file.Path targetModelFile(String name) throws Exception {
        return null;
    }

    /** ONNX Runtime options the provider opens models with. */
    default io.configspec.engine.onnx.EngineOptions engineOptions() {
        return io.configspec.engine.onnx.EngineOptions.defaults();
    }

    /** Describes a target model by name. */
    ModelInfo describeTarget(String name) throws Exception;

    /** Token ids of {@code count} prompts for acceptance against {@code target}. */
    List<int[]> prompts(String target, int count) throws Exception;
}
