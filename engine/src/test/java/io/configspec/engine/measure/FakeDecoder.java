package io.configspec.engine.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * A decoder whose greedy next token is a fixed function of the previous token: a tiny
 * deterministic "language" for testing the profiler's loops without a model.
 */
final class FakeDecoder implements TokenDecoder {

    private final int vocab;
    private final IntUnaryOperator next;
    private final List<Integer> cache = new ArrayList<>();
    int forwards;
    boolean closed;

    FakeDecoder(int vocab, IntUnaryOperator next) {
        this.vocab = vocab;
        this.next = next;
    }

    /** The target's rule: t → (7t + 3) mod V. */
    static int targetRule(int token, int vocab) {
        return (7 * token + 3) % vocab;
    }

    @Override
    public float[][] forward(int[] newTokens) {
        forwards++;
        float[][] logits = new float[newTokens.length][vocab];
        for (int i = 0; i < newTokens.length; i++) {
            cache.add(newTokens[i]);
            logits[i][next.applyAsInt(newTokens[i])] = 1f;
        }
        return logits;
    }

    @Override
    public void truncate(int length) {
        if (length > cache.size()) {
            throw new IllegalStateException("truncate to " + length + " beyond cache of " + cache.size());
        }
        cache.subList(length, cache.size()).clear();
    }

    @Override
    public void reset() {
        cache.clear();
    }

    @Override
    public int length() {
        return cache.size();
    }

    List<Integer> cache() {
        return cache;
    }

    @Override
    public int vocabSize() {
        return vocab;
    }

    @Override
    public void close() {
        closed = true;
    }
}
