package io.configspec.engine.tokenizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.engine.onnx.ModelLoadException;
import io.configspec.engine.samplemodels.SampleLanguage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuggingFaceTextTokenizerTest {

    @TempDir
    Path dir;

    private Path write(SampleLanguage language, String name) throws Exception {
        return Files.writeString(dir.resolve(name), language.tokenizerJson());
    }

    @Test
    void encodesWordsToTheirIdsAndDecodesBack() throws Exception {
        SampleLanguage language = new SampleLanguage(1, 32, 1000);
        String w3 = language.vocabulary().get(3);
        String w7 = language.vocabulary().get(7);
        try (HuggingFaceTextTokenizer t = HuggingFaceTextTokenizer.load(write(language, "tokenizer.json"))) {
            assertArrayEquals(new int[] { 3, 1, 7 }, t.encode(w3 + ". " + w7));
            assertEquals(w3 + " . " + w7, t.decode(new int[] { 3, 1, 7 }));
            assertEquals(32, t.vocabularySize());
        }
    }

    @Test
    void unknownWordsMapToTheUnknownToken() throws Exception {
        SampleLanguage language = new SampleLanguage(1, 32, 1000);
        try (HuggingFaceTextTokenizer t = HuggingFaceTextTokenizer.load(write(language, "tokenizer.json"))) {
            assertArrayEquals(new int[] { 0 }, t.encode("xylophone"));
        }
    }

    @Test
    void fingerprintsDifferForDifferentVocabularies() throws Exception {
        try (
            HuggingFaceTextTokenizer a = HuggingFaceTextTokenizer.load(
                write(new SampleLanguage(1, 32, 1000), "a.json")
            );
            HuggingFaceTextTokenizer b = HuggingFaceTextTokenizer.load(
                write(new SampleLanguage(2, 32, 1000), "b.json")
            );
            HuggingFaceTextTokenizer c = HuggingFaceTextTokenizer.load(
                write(new SampleLanguage(1, 32, 1000), "c.json")
            )
        ) {
            assertNotEquals(a.vocabularyFingerprint(), b.vocabularyFingerprint());
            assertEquals(a.vocabularyFingerprint(), c.vocabularyFingerprint());
        }
    }

    @Test
    void directoryWithoutTokenizerIsNamed() {
        ModelLoadException e = assertThrows(ModelLoadException.class, () ->
            HuggingFaceTextTokenizer.load(dir)
        );
        assertTrue(e.getMessage().contains("tokenizer.json is missing"), e.getMessage());
    }

    @Test
    void invalidJsonIsRefusedWithOneSentence() throws Exception {
        Path file = Files.writeString(dir.resolve("tokenizer.json"), "{ not json");
        ModelLoadException e = assertThrows(ModelLoadException.class, () ->
            HuggingFaceTextTokenizer.load(file)
        );
        assertTrue(e.getMessage().contains("not a valid Hugging Face tokenizer.json"), e.getMessage());
    }
}
