package io.configspec.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private long filesIn(Path directory) throws IOException {
        try (Stream<Path> list = Files.list(directory)) {
            return list.count();
        }
    }

    @Test
    void replacesTheContent() throws Exception {
        Path file = dir.resolve("a.json");
        Files.writeString(file, "old");
        AtomicFiles.writeString(file, "new");
        assertEquals("new", Files.readString(file));
        assertEquals(1, filesIn(dir));
    }

    @Test
    void failedWriteLeavesTheOldFileIntactAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("a.json");
        Files.writeString(file, "old content");
        assertThrows(IOException.class, () ->
            AtomicFiles.write(file, out -> {
                out.write("half of the new".getBytes(StandardCharsets.UTF_8));
                throw new IOException("disk full");
            })
        );
        assertEquals("old content", Files.readString(file));
        assertEquals(1, filesIn(dir));
    }

    @Test
    void createsMissingDirectories() throws Exception {
        Path file = dir.resolve("x/y/z.json");
        AtomicFiles.writeString(file, "{}");
        assertEquals("{}", Files.readString(file));
    }
}
