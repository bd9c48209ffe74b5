package io.configspec.engine.samplemodels;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A small artificial language generated from a seed: a vocabulary of pronounceable words, a
 * sparse Markov source over it, a corpus sampled from that source, and the corpus's smoothed
 * bigram log-probabilities, which become the sample family's embedding/head (see {@code
 * docs/engine.md}). Everything is deterministic in the seed; nothing is downloaded.
 */
public final class SampleLanguage {

    /** Token 0: unknown word. */
    public static final String UNKNOWN = "[UNK]";
    /** Token 1: sentence end. */
    public static final String PERIOD = ".";
    /** Token 2: comma. */
    public static final String COMMA = ",";

    private static final String[] ONSETS = {
        "b",
        "d",
        "f",
        "g",
        "k",
        "l",
        "m",
        "n",
        "p",
        "r",
        "s",
        "t",
        "v",
        "z",
        "sh",
        "tr",
    };
    private static final String[] VOWELS = { "a", "e", "i", "o", "u", "ai", "ou" };
    private static final int SUCCESSORS = 10;
    private static final double SMOOTHING = 0.05;

    private final int vocabSize;
    private final List<String> vocabulary;
    private final int[][] successors;
    private final double[][] successorWeights;
    private final double[][] logProbabilities;

    /**
     * @param seed generator seed
     * @param vocabSize number of tokens including {@code [UNK]}, "." and "," (≥ 16)
     * @param corpusTokens corpus length used for the bigram statistics
     */
    public SampleLanguage(long seed, int vocabSize, int corpusTokens) {
        if (vocabSize < 16) {
            throw new IllegalArgumentException("vocabSize must be >= 16, was " + vocabSize);
        }
        this.vocabSize = vocabSize;
        SplittableRandom random = new SplittableRandom(seed);
        LinkedHashSet<String> words = new LinkedHashSet<>(List.of(UNKNOWN, PERIOD, COMMA));
        while (words.size() < vocabSize) {
            int syllables = 1 + random.nextInt(3);
            StringBuilder w = new StringBuilder();
            for (int s = 0; s < syllables; s++) {
                w.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
            }
            words.add(w.toString());
        }
        vocabulary = List.copyOf(words);

        // Sparse source: every word has a few successors with Zipf-like weights; "." and ","
        // are frequent successors so the text has sentences.
        successors = new int[vocabSize][SUCCESSORS];
        successorWeights = new double[vocabSize][SUCCESSORS];
        for (int t = 0; t < vocabSize; t++) {
            for (int i = 0; i < SUCCESSORS; i++) {
                int next;
                if (t != 1 && t != 2 && i == 2 + random.nextInt(4)) {
                    next = random.nextDouble() < 0.7 ? 1 : 2;
                } else {
                    next = 3 + random.nextInt(vocabSize - 3);
                }
                successors[t][i] = next;
                successorWeights[t][i] = Math.pow(i + 1, -1.1) * (0.5 + random.nextDouble());
            }
        }
        double[][] counts = new double[vocabSize][vocabSize];
        int previous = 1;
        for (int n = 0; n < corpusTokens; n++) {
            int next = sampleSuccessor(previous, random);
            counts[previous][next] += 1;
            previous = next;
        }
        logProbabilities = new double[vocabSize][vocabSize];
        for (int a = 0; a < vocabSize; a++) {
            double row = 0;
            for (int b = 0; b < vocabSize; b++) {
                row += counts[a][b];
            }
            for (int b = 0; b < vocabSize; b++) {
                double smoothed = b == 0 ? SMOOTHING * 1e-3 : SMOOTHING;
                logProbabilities[a][b] = Math.log((counts[a][b] + smoothed) / (row + SMOOTHING * vocabSize));
            }
        }
    }

    private int sampleSuccessor(int token, SplittableRandom random) {
        double total = 0;
        for (double w : successorWeights[token]) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < SUCCESSORS; i++) {
            u -= successorWeights[token][i];
            if (u <= 0) {
                return successors[token][i];
            }
        }
        return successors[token][SUCCESSORS - 1];
    }

    public int vocabSize() {
        return vocabSize;
    }

    /** Token strings by id. */
    public List<String> vocabulary() {
        return vocabulary;
    }

    /** Smoothed corpus bigram log P(b | a), indexed [a][b]. Do not mutate. */
    public double[][] bigramLogProbabilities() {
        return logProbabilities;
    }

    /**
     * Prompts sampled from the source with their own seed: each starts after a sentence end and
     * has {@code minWords..maxWords} tokens.
     */
    public List<String> prompts(long seed, int count, int minWords, int maxWords) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> prompts = new ArrayList<>();
        while (prompts.size() < count) {
            int words = minWords + random.nextInt(maxWords - minWords + 1);
            StringBuilder text = new StringBuilder();
            int previous = 1;
            for (int i = 0; i < words; i++) {
                int next = sampleSuccessor(previous, random);
                if (i == 0 && next < 3) {
                    i--;
                    continue;
                }
                if (!text.isEmpty()) {
                    text.append(' ');
                }
                text.append(vocabulary.get(next));
                previous = next;
            }
            prompts.add(text.toString());
        }
        return prompts;
    }

    /** A Hugging Face {@code tokenizer.json} (WordLevel model, whitespace pre-tokenizer). */
    public String tokenizerJson() {
        StringBuilder vocab = new StringBuilder();
        for (int i = 0; i < vocabulary.size(); i++) {
            if (i > 0) {
                vocab.append(",\n      ");
            }
            vocab.append('"').append(vocabulary.get(i)).append("\": ").append(i);
        }
        return """
        {
          "version": "1.0",
          "truncation": null,
          "padding": null,
          "added_tokens": [
            {"id": 0, "content": "[UNK]", "single_word": false, "lstrip": false, "rstrip": false, "normalized": false, "special": true}
          ],
          "normalizer": null,
          "pre_tokenizer": {"type": "Whitespace"},
          "post_processor": null,
          "decoder": null,
          "model": {
            "type": "WordLevel",
            "vocab": {
              %s
            },
            "unk_token": "[UNK]"
          }
        }
        """.formatted(vocab);
    }
}
