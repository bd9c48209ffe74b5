package io.configspec.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
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

    /** {@code file} holds {@code content} and is the only file in the folder (no temporary left). */
    private void assertOnlyFileHolds(Path file, String content) throws IOException {
        assertEquals(content, Files.readString(file));
        assertEquals(1, filesIn(dir));
    }

    @Test
    void replacesTheContent() throws Exception {
        Path file = dir.resolve("a.json");
        Files.writeString(file, "old");
        AtomicFiles.writeString(file, "new");
        assertOnlyFileHolds(file, "new");
    }

    @Test
    void aFailedWriteRemovesTheFoldersItMadeButNotThoseThatWereThere() throws Exception {
        Path kept = Files.createDirectory(dir.resolve("kept"));
        Path file = kept.resolve("new/deeper/a.json");
        IOException refused = new IOException("refused before the first byte");
        assertSame(
            refused,
            assertThrows(IOException.class, () ->
                AtomicFiles.write(file, out -> {
                    throw refused;
                })
            )
        );
        assertFalse(Files.exists(kept.resolve("new")), "the folders the write made are gone");
        assertTrue(Files.isDirectory(kept), "the folder that was there stays");
        assertEquals(0, filesIn(kept));

        AtomicFiles.writeString(file, "written");
        assertEquals("written", Files.readString(file), "a write that succeeds keeps the folders it made");
    }

    @Test
    void failedWriteLeavesTheOldFileIntactAndNoTemporaryFile() throws Exception {
        Path file = dir.resolve("a.json");
        Files.writeString(file, "old content");
        IOException producers = new IOException("the producer failed");
        IOException thrown = assertThrows(IOException.class, () ->
            AtomicFiles.write(file, out -> {
                out.write("half of the new".getBytes(StandardCharsets.UTF_8));
                throw producers;
            })
        );
        // the content producer's own exception passes as it is (only the file system's failures
        // are restated as "cannot write FILE: ...", see OutputPathCliTest)
        assertSame(producers, thrown);
        assertOnlyFileHolds(file, "old content");
    }

    @Test
    void createsMissingDirectories() throws Exception {
        Path file = dir.resolve("x/y/z.json");
        AtomicFiles.writeString(file, "{}");
        assertEquals("{}", Files.readString(file));
    }

    /** Runs a command (mkfifo, mknod); false if it is missing or fails (e.g. not root for mknod). */
    private static boolean run(String... command) {
        try {
            return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void assertRefused(Path target, String mentions) {
        OutputPathException e = assertThrows(OutputPathException.class, () ->
            AtomicFiles.writeString(target, "x")
        );
        assertTrue(e.getMessage().contains(target.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(mentions), e.getMessage());
        assertFalse(e.getMessage().contains(".configspec-tmp"), e.getMessage());
    }

    @Test
    void aFolderIsRefusedNamingItAndNothingIsWritten() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("out"));
        assertRefused(folder, "a folder");
        assertEquals(0, filesIn(folder));
        assertEquals(1, filesIn(dir));
    }

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("pipe");
        assumeTrue(run("mkfifo", fifo.toString()), "mkfifo not available");
        assertRefused(fifo, "named pipe");
        assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS));
        assertEquals(1, filesIn(dir));
    }

    @Test
    void aDeviceNodeIsRefusedAndStaysADevice() throws Exception {
        Path device = dir.resolve("d");
        assumeTrue(run("mknod", device.toString(), "c", "1", "3"), "mknod needs root");
        assertRefused(device, "character device");
        assertFalse(Files.isRegularFile(device, LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink() throws Exception {
        Path real = dir.resolve("real.csv");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("real.csv"));

        AtomicFiles.writeString(link, "new");

        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
        assertEquals(2, filesIn(dir));
    }

    @Test
    void aDanglingLinkCreatesItsTarget() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("made.csv"));
        AtomicFiles.writeString(link, "new");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(dir.resolve("made.csv")));
    }

    @Test
    void aLinkToSomethingElseOrALoopIsRefused() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("folder"));
        Path toFolder = Files.createSymbolicLink(dir.resolve("to-folder"), folder);
        Path loop = Files.createSymbolicLink(dir.resolve("loop"), Path.of("loop"));
        assertRefused(toFolder, "a folder");
        assertRefused(loop, "loop");
    }

    @Test
    void anExistingFileKeepsItsPermissions() throws Exception {
        Path file = dir.resolve("shared.csv");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));
        AtomicFiles.writeString(file, "new");
        assertEquals("rw-rw-r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aNewFileGetsTheModeTheUmaskGivesNewFiles() throws Exception {
        Path reference = Files.createFile(dir.resolve("reference")); // created as any program would
        Path file = dir.resolve("new.csv");
        AtomicFiles.writeString(file, "new");
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(file));
    }

    @Test
    void aTemporaryFileLeftByAKilledWriterIsRemovedByTheNextWrite() throws Exception {
        Path file = dir.resolve("out.csv");
        Path stale = dir.resolve(".out.csv.0123456789ab" + AtomicFiles.TEMP_SUFFIX);
        Files.writeString(stale, "half a sweep");
        Path otherFiles = dir.resolve(".other.csv.0123456789ab" + AtomicFiles.TEMP_SUFFIX);
        Files.writeString(otherFiles, "another destination's");

        AtomicFiles.writeString(file, "whole");

        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(otherFiles));
        assertEquals("whole", Files.readString(file));
    }

    @Test
    void aTemporaryFileBeingWrittenIsLeftAlone() throws Exception {
        Path live = dir.resolve(".out.csv.0123456789ab" + AtomicFiles.TEMP_SUFFIX);
        Files.writeString(live, "being written");
        try (
            FileChannel channel = FileChannel.open(live, StandardOpenOption.WRITE);
            FileLock lock = channel.lock()
        ) {
            AtomicFiles.writeString(dir.resolve("out.csv"), "whole");
            assertTrue(Files.exists(live));
        }
        assertEquals(List.of(".out.csv.0123456789ab" + AtomicFiles.TEMP_SUFFIX, "out.csv"), names());
    }

    private List<String> names() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list
                .map(p -> p.getFileName().toString())
                .sorted()
                .toList();
        }
    }
}
