package io.configspec.engine.tokenizer;

/** Text ↔ token ids for one model family. Implementations are thread-safe. */
public interface TextTokenizer extends AutoCloseable {
    /** Token ids of {@code text}, without special tokens added. */
    int[] encode(String text);

    /** Text of {@code ids} (special tokens skipped). */
    String decode(int[] ids);

    /** Number of entries in the vocabulary (including added tokens). */
    int vocabularySize();

    /**
     * A fingerprint of the vocabulary (token strings and ids); two tokenizers with equal
     * fingerprints map text to the same ids, which speculative decoding requires.
     */
    String vocabularyFingerprint();

    @Override
    void close();
}
