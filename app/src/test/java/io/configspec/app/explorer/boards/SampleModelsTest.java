package io.configspec.app.explorer.boards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.engine.onnx.ModelCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "This machine" finds models to profile on a fresh checkout or install (issue 19). */
class SampleModelsTest {

    @Test
    void aGeneratedFolderInTheCheckoutIsUsedAsItIs(@TempDir Path temp) throws Exception {
        Path bundled = Files.createDirectories(temp.resolve("home/samples/models"));

        assertEquals(bundled, SampleModels.directory(temp.resolve("home"), temp.resolve("cache")));
        assertTrue(Files.notExists(temp.resolve("cache")));
    }

    @Test
    void withoutOneTheSampleFamilyIsGeneratedOnceInTheCache(@TempDir Path temp) throws Exception {
        Path home = Files.createDirectories(temp.resolve("home"));
        Path cache = temp.resolve("cache");

        Path models = SampleModels.directory(home, cache);

        assertEquals(cache.resolve("models"), models);
        assertTrue(ModelCatalog.scan(models).entries().size() >= 2, "target and drafters");
        FileTime written = Files.getLastModifiedTime(models);
        assertEquals(models, SampleModels.directory(home, cache));
        assertEquals(written, Files.getLastModifiedTime(models), "not generated again");
        try (Stream<Path> left = Files.list(cache)) {
            assertEquals(1, left.count(), "no temporary folder left behind");
        }
    }
}
