package io.configspec.engine.tokenizer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.configspec.engine.onnx.ModelLoadException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Hugging Face {@code tokenizer.json} run by the Rust {@code tokenizers} library through DJL
 * (decision 0030). The native library ships inside the DJL jar and is extracted to the DJL cache
 * on first use; nothing is downloaded. Owns native memory: close it.
 */
public final class HuggingFaceTextTokenizer implements TextTokenizer {

    private final HuggingFaceTokenizer tokenizer;
    private final int vocabularySize;
    private final String fingerprint;

    private HuggingFaceTextTokenizer(HuggingFaceTokenizer tokenizer, int vocabularySize, String fingerprint) {
        this.tokenizer = tokenizer;
        this.vocabularySize = vocabularySize;
        this.fingerprint = fingerprint;
    }

    /**
     * Loads {@code tokenizer.json} (a file, or a model directory containing one).
     *
     * @throws ModelLoadException if it is missing or not a valid tokenizer file
     */
    public static HuggingFaceTextTokenizer load(Path fileOrDirectory) throws ModelLoadException {
        Path file = Files.isDirectory(fileOrDirectory)
            ? fileOrDirectory.resolve("tokenizer.json")
            : fileOrDirectory;
        if (!Files.isRegularFile(file)) {
            throw new ModelLoadException(file, "tokenizer file tokenizer.json is missing");
        }
        Map<String, Integer> vocabulary;
        try {
            vocabulary = readVocabulary(file);
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(
                file,
                "not a valid Hugging Face tokenizer.json (" + firstLine(e.getMessage()) + ")",
                e
            );
        }
        try {
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                .optTokenizerPath(file)
                .optAddSpecialTokens(false)
                .build();
            return new HuggingFaceTextTokenizer(tokenizer, vocabulary.size(), fingerprint(vocabulary));
        } catch (IOException | RuntimeException e) {
            throw new ModelLoadException(
                file,
                "tokenizer cannot be loaded (" + firstLine(e.getMessage()) + ")",
                e
            );
        }
    }

    private static Map<String, Integer> readVocabulary(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        Map<String, Integer> vocabulary = new TreeMap<>();
        JsonNode vocab = root.path("model").path("vocab");
        if (vocab.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                vocabulary.put(e.getKey(), e.getValue().asInt());
            }
        } else if (vocab.isArray()) {
            // Unigram models: [[piece, score], ...], ids are positions.
            for (int i = 0; i < vocab.size(); i++) {
                vocabulary.put(vocab.get(i).get(0).asText(), i);
            }
        } else {
            throw new IOException("no model.vocab");
        }
        for (JsonNode added : root.path("added_tokens")) {
            vocabulary.put(added.path("content").asText(), added.path("id").asInt());
        }
        return vocabulary;
    }

    private static String fingerprint(Map<String, Integer> vocabulary) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, Integer> e : vocabulary.entrySet()) {
                digest.update(e.getKey().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(Integer.toString(e.getValue()).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) '\n');
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int[] encode(String text) {
        Encoding encoding = tokenizer.encode(text, false, false);
        long[] ids = encoding.getIds();
        int[] out = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            out[i] = (int) ids[i];
        }
        return out;
    }

    @Override
    public String decode(int[] ids) {
        long[] longs = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            longs[i] = ids[i];
        }
        return tokenizer.decode(longs, true);
    }

    @Override
    public int vocabularySize() {
        return vocabularySize;
    }

    @Override
    public String vocabularyFingerprint() {
        return fingerprint;
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    private static String firstLine(String message) {
        return message == null ? "no detail" : message.strip().lines().findFirst().orElse("no detail");
    }
}
