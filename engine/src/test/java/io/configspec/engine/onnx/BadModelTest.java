package io.configspec.engine.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.engine.decoding.ModelPair;
import io.configspec.engine.onnx.OnnxGraphWriter.ElementType;
import io.configspec.engine.samplemodels.Precision;
import io.configspec.engine.samplemodels.SampleFamily;
import io.configspec.engine.testing.SampleFamilyFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance 6 (engine side): every bad input is one clear sentence, never a crash. */
class BadModelTest {

    @TempDir
    Path dir;

    private static void assertOneSentence(ModelLoadException e, String... fragments) {
        String message = e.getMessage();
        assertEquals(1, message.lines().count(), message);
        for (String f : fragments) {
            assertTrue(message.contains(f), "'" + message + "' should mention '" + f + "'");
        }
    }

    private static void assertOpenRefused(Path file, String... fragments) {
        ModelLoadException e = assertThrows(ModelLoadException.class, () ->
            DecoderModel.open(file, EngineOptions.defaults())
        );
        assertOneSentence(e, fragments);
    }

    /** A one-node model passing its input {@code [1, length]} through unchanged. */
    private Path identityModel(String fileName, String input, String output, ElementType type, Object length)
        throws Exception {
        OnnxGraphWriter g = OnnxGraphWriter.inline(fileName);
        g.input(input, type, 1L, length);
        g.output(output, type, 1L, length);
        g.node("Identity", List.of(input), List.of(output), Map.of());
        Path file = dir.resolve(fileName);
        g.write(file);
        return file;
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("nothing.onnx");
        assertOpenRefused(file, "nothing.onnx", "does not exist");
    }

    @Test
    void textFileIsNotOnnx() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.onnx"), "this is not a model\n");
        assertOpenRefused(file, "notes.onnx", "not a loadable ONNX model");
    }

    @Test
    void truncatedModelIsRefused() throws Exception {
        byte[] full = Files.readAllBytes(SampleFamilyFixture.get().target().file());
        Path file = Files.write(dir.resolve("truncated.onnx"), Arrays.copyOf(full, full.length / 3));
        assertOpenRefused(file, "truncated.onnx", "not a loadable ONNX model");
    }

    @Test
    void modelWithoutInputIdsNamesTheMissingInput() throws Exception {
        Path file = identityModel("vision.onnx", "pixels", "logits", ElementType.FLOAT, 3L);
        assertOpenRefused(file, "vision.onnx", "missing input 'input_ids'");
    }

    @Test
    void modelWithoutLogitsNamesTheMissingOutput() throws Exception {
        Path file = identityModel("encoder.onnx", "input_ids", "hidden", ElementType.INT64, "seq");
        assertOpenRefused(file, "missing output 'logits'");
    }

    @Test
    void missingTokenizerIsNamed() throws Exception {
        SampleFamilyFixture family = SampleFamilyFixture.get();
        Path models = dir.resolve("models");
        Path target = models.resolve("target");
        Files.createDirectories(target);
        Files.copy(family.target().file(), target.resolve("model.onnx"));
        ModelCatalog catalog = ModelCatalog.scan(models);
        ModelLoadException e = assertThrows(ModelLoadException.class, () ->
            ModelPair.load(catalog, null, "target", EngineOptions.defaults())
        );
        assertOneSentence(e, "tokenizer.json", "missing");
    }

    @Test
    void drafterWithADifferentVocabularyIsRefused() throws Exception {
        SampleFamilyFixture family = SampleFamilyFixture.get();
        Path models = dir.resolve("models");
        SampleFamily.Spec other = SampleFamily.Spec.defaults().withSeed(99);
        other = new SampleFamily.Spec(
            99,
            128,
            4,
            2,
            16,
            64,
            2,
            List.of(1),
            List.of(Precision.INT8),
            3.0,
            0.4
        );
        SampleFamily.generate(models, other);
        Path target = models.resolve("big-target");
        Files.createDirectories(target);
        Path familyTarget = family.target().file().getParent();
        for (String f : List.of("model.onnx", "tokenizer.json", "config.json")) {
            Files.copy(familyTarget.resolve(f), target.resolve(f));
        }
        ModelCatalog catalog = ModelCatalog.scan(models);
        ModelLoadException e = assertThrows(ModelLoadException.class, () ->
            ModelPair.load(
                catalog,
                SampleFamily.drafterName(1, Precision.INT8),
                "big-target",
                EngineOptions.defaults()
            )
        );
        assertOneSentence(e, "does not share", "vocabulary");
    }

    @Test
    void unknownModelNameListsTheAvailableOnes() throws Exception {
        ModelCatalog catalog = ModelCatalog.scan(SampleFamilyFixture.get().directory());
        ModelLoadException e = assertThrows(ModelLoadException.class, () -> catalog.find("gpt-17"));
        assertOneSentence(
            e,
            "no model named 'gpt-17'",
            SampleFamily.targetName(SampleFamily.Spec.defaults())
        );
    }

    @Test
    void missingModelsDirectoryExplainsHowToGenerate() {
        ModelLoadException e = assertThrows(ModelLoadException.class, () ->
            ModelCatalog.scan(dir.resolve("absent"))
        );
        assertOneSentence(e, "models generate");
    }
}
