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

    /**
     * A sub-language of a language with domains: a share of the vocabulary whose words follow only
     * each other, each with {@code successors} successors weighted ∝ rank^−{@code zipfExponent}
     * (few, steep successors make text that a small drafter predicts well, like code; many, flat
     * ones make text it predicts badly, like chat).
     *
     * @param name the domain's name (e.g. {@code code})
     * @param successors successors per word, ≥ 2
     * @param zipfExponent how steeply successor weights fall with rank, &gt; 0
     */
    public record Domain(String name, int successors, double zipfExponent) {
        public Domain {
            if (name == null || name.isBlank() || successors < 2 || !(zipfExponent > 0)) {
                throw new IllegalArgumentException(
                    "a domain needs a name, ≥ 2 successors and a positive exponent: " +
                        name +
                        ", " +
                        successors +
                        ", " +
                        zipfExponent
                );
            }
        }
    }

    private final int vocabSize;
    private final List<String> vocabulary;
    private final int[][] successors;
    private final double[][] successorWeights;
    private final double[][] logProbabilities;
    private final List<Domain> domains;
    /** First token of each domain's share of the vocabulary, and one past the last. */
    private final int[] domainStart;

    /**
     * @param seed generator seed
     * @param vocabSize number of tokens including {@code [UNK]}, "." and "," (≥ 16)
     * @param corpusTokens corpus length used for the bigram statistics
     */
    public SampleLanguage(long seed, int vocabSize, int corpusTokens) {
        this(seed, vocabSize, corpusTokens, List.of());
    }

    /**
     * A language of {@code domains.size()} sub-languages on disjoint shares of the vocabulary (the
     * words after "[UNK]", "." and ","), none leading into another: text stays in its domain, and
     * the corpus has an equal share of each. With no domains, the language of {@link
     * #SampleLanguage(long, int, int)}.
     */
    public static SampleLanguage withDomains(
        long seed,
        int vocabSize,
        int corpusTokens,
        List<Domain> domains
    ) {
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("withDomains needs at least one domain");
        }
        return new SampleLanguage(seed, vocabSize, corpusTokens, domains);
    }

    private SampleLanguage(long seed, int vocabSize, int corpusTokens, List<Domain> domains) {
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
        this.domains = List.copyOf(domains);
        domainStart = new int[domains.size() + 1];
        for (int d = 0; d <= domains.size(); d++) {
            domainStart[d] = 3 + (int) (((long) (vocabSize - 3) * d) / Math.max(1, domains.size()));
        }
        if (!domains.isEmpty()) {
            successors = new int[vocabSize][];
            successorWeights = new double[vocabSize][];
            for (int t = 0; t < vocabSize; t++) {
                int d = t < 3 ? 0 : domainOf(t);
                Domain domain = domains.get(d);
                int width = domainStart[d + 1] - domainStart[d];
                successors[t] = new int[domain.successors()];
                successorWeights[t] = new double[domain.successors()];
                for (int i = 0; i < domain.successors(); i++) {
                    successors[t][i] = domainStart[d] + random.nextInt(width);
                    successorWeights[t][i] =
                        Math.pow(i + 1, -domain.zipfExponent()) * (0.5 + random.nextDouble());
                }
            }
            double[][] counts = new double[vocabSize][vocabSize];
            for (int d = 0; d < domains.size(); d++) {
                int previous = domainStart[d] + random.nextInt(domainStart[d + 1] - domainStart[d]);
                for (int n = 0; n < corpusTokens / domains.size(); n++) {
                    int next = sampleSuccessor(previous, random);
                    counts[previous][next] += 1;
                    previous = next;
                }
            }
            logProbabilities = logProbabilities(counts, vocabSize);
            return;
        }

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
        logProbabilities = logProbabilities(counts, vocabSize);
    }

    private static double[][] logProbabilities(double[][] counts, int vocabSize) {
        double[][] logProbabilities = new double[vocabSize][vocabSize];
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
        return logProbabilities;
    }

    /** The domains of a language made by {@link #withDomains}; empty otherwise. */
    public List<Domain> domains() {
        return domains;
    }

    /** Index in {@link #domains()} of the domain word {@code token} belongs to (tokens ≥ 3). */
    public int domainOf(int token) {
        for (int d = 0; d < domains.size(); d++) {
            if (token < domainStart[d + 1]) {
                return d;
            }
        }
        throw new IllegalArgumentException("token " + token + " is in no domain");
    }

    /**
     * Prompts of one domain, sampled from its sub-language with their own seed: each starts at a
     * random word of the domain and has {@code minWords..maxWords} words.
     */
    public List<String> prompts(String domain, long seed, int count, int minWords, int maxWords) {
        int d = -1;
        for (int i = 0; i < domains.size(); i++) {
            if (domains.get(i).name().equals(domain)) {
                d = i;
            }
        }
        if (d < 0) {
            throw new IllegalArgumentException("no domain '" + domain + "' (domains: " + domains + ")");
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<String> prompts = new ArrayList<>();
        while (prompts.size() < count) {
            int words = minWords + random.nextInt(maxWords - minWords + 1);
            int previous = domainStart[d] + random.nextInt(domainStart[d + 1] - domainStart[d]);
            StringBuilder text = new StringBuilder(vocabulary.get(previous));
            for (int i = 1; i < words; i++) {
                previous = sampleSuccessor(previous, random);
                text.append(' ').append(vocabulary.get(previous));
            }
            prompts.add(text.toString());
        }
        return prompts;
    }

    private int sampleSuccessor(int token, SplittableRandom random) {
        double total = 0;
        for (double w : successorWeights[token]) {
            total += w;
        }
        double u = random.nextDouble() * total;
        int width = successorWeights[token].length;
        for (int i = 0; i < width; i++) {
            u -= successorWeights[token][i];
            if (u <= 0) {
                return successors[token][i];
            }
        }
        return successors[token][width - 1];
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
