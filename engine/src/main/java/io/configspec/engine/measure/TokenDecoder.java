package io.configspec.engine.measure;

/**
 * A decoder with a KV cache, as the profiler drives it: feed tokens, get logits, roll back. The
 * engine's ONNX Runtime sessions implement it through {@link OnnxTokenDecoder}; tests use fakes.
 * Not thread-safe.
 */
public interface TokenDecoder extends AutoCloseable {
    /** Runs the new tokens after the cached ones; returns one row of logits per new token. */
    float[][] forward(int[] newTokens) throws Exception;

    /** Drops cached tokens beyond {@code length} (rollback after rejected drafts). */
    void truncate(int length) throws Exception;

    /** Empties the cache. */
    void reset() throws Exception;

    /** Tokens in the cache. */
    int length();

    int vocabSize();

    /** The index of the largest logit (greedy decoding; the first on ties). */
    static int argmax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }

    @Override
    void close();
}
