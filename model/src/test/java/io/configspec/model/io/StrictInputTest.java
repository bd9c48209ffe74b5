package io.configspec.model.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.configspec.model.testing.SampleFiles;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 20 items 5–7, the reader's share: strict UTF-8 with one BOM rule, regular files only,
 * unreadable folders and files in one sentence, Jackson's limits restated in words (item 8, the
 * single-file checks, is in {@link ProfileCodecTest#damages()}).
 */
class StrictInputTest {

    @TempDir
    Path dir;

    private Path pi5;
    private String pi5Text;

    @BeforeEach
    void copySamples() throws Exception {
        SampleFiles.copyTo(dir);
        pi5 = dir.resolve("profiles/illustrative/devices/raspberry-pi-5.json");
        pi5Text = Files.readString(pi5);
    }

    private ProfileException readFails(Path file) {
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileCodec.read(file));
        assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().endsWith("."), e.getMessage());
        return e;
    }

    /** The Pi 5 profile with {@code bytes} in place of the first {@code "/} of its id's text. */
    private Path withBytesInId(int... bytes) throws Exception {
        String marker = "\"id\": \"raspberry-pi-5\"";
        int at = pi5Text.indexOf(marker) + "\"id\": \"".length();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(pi5Text.substring(0, at).getBytes(StandardCharsets.UTF_8));
        for (int b : bytes) {
            out.write(b);
        }
        out.write(pi5Text.substring(at).getBytes(StandardCharsets.UTF_8));
        Files.write(pi5, out.toByteArray());
        return pi5;
    }

    @Test
    void anOverlongSlashIsRefusedWithItsByteOffset() throws Exception {
        int offset = pi5Text
            .substring(0, pi5Text.indexOf("raspberry-pi-5\""))
            .getBytes(StandardCharsets.UTF_8)
            .length;
        ProfileException e = readFails(withBytesInId(0xC0, 0xAF));
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
        assertTrue(e.getMessage().contains("byte 0xC0 at byte offset " + offset), e.getMessage());
    }

    @Test
    void anEncodedSurrogateIsRefused() throws Exception {
        assertTrue(readFails(withBytesInId(0xED, 0xA0, 0x80)).getMessage().contains("not valid UTF-8"));
    }

    @Test
    void aCodePointAboveU10FFFFIsRefused() throws Exception {
        assertTrue(readFails(withBytesInId(0xF4, 0x90, 0x80, 0x80)).getMessage().contains("not valid UTF-8"));
    }

    @Test
    void aLoneSurrogateEscapeIsRefusedNamingTheField() throws Exception {
        Files.writeString(pi5, pi5Text.replace("\"id\": \"raspberry-pi-5\"", "\"id\": \"pi\\ud800\""));
        ProfileException e = readFails(pi5);
        assertEquals("id", e.field().orElseThrow());
        assertTrue(e.getMessage().contains("lone surrogate"), e.getMessage());
    }

    @Test
    void aLeadingUtf8ByteOrderMarkIsSkipped() throws Exception {
        byte[] text = pi5Text.getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[text.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bom, 3, text.length);
        Files.write(pi5, bom);
        assertEquals("raspberry-pi-5", ProfileCodec.read(pi5).id());
    }

    @Test
    void aUtf16FileIsRefusedAtOffsetZero() throws Exception {
        Files.write(pi5, ("\uFEFF" + pi5Text).getBytes(StandardCharsets.UTF_16BE));
        assertTrue(readFails(pi5).getMessage().contains("at byte offset 0"));
    }

    @Test
    void aFifoIsRefusedWithoutBlocking() throws Exception {
        Path fifo = dir.resolve("pipe.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        ProfileException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> readFails(fifo));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void aFifoInsideALibraryFolderIsSkipped() throws Exception {
        Path fifo = dir.resolve("profiles/illustrative/networks/pipe.json");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        var loaded = assertTimeoutPreemptively(Duration.ofSeconds(10), () ->
            ProfileLoader.load(List.of(dir.resolve("profiles")))
        );
        assertEquals(2, loaded.library().networks().size());
    }

    @Test
    void anUnreadableFolderIsOneSentence() throws Exception {
        Path networks = dir.resolve("profiles/illustrative/networks");
        Files.setPosixFilePermissions(networks, PosixFilePermissions.fromString("---------"));
        try {
            assumeTrue(!Files.isReadable(networks), "permissions are not enforced for this user (root)");
            ProfileException e = assertThrows(ProfileException.class, () ->
                ProfileLoader.load(List.of(dir.resolve("profiles")))
            );
            assertEquals(networks, e.file());
            assertTrue(e.getMessage().endsWith("cannot be read (permission denied)."), e.getMessage());
        } finally {
            Files.setPosixFilePermissions(networks, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void anUnreadableFileIsOneSentence() throws Exception {
        Files.setPosixFilePermissions(pi5, PosixFilePermissions.fromString("---------"));
        try {
            assumeTrue(!Files.isReadable(pi5), "permissions are not enforced for this user (root)");
            assertTrue(readFails(pi5).getMessage().endsWith("cannot be read (permission denied)."));
        } finally {
            Files.setPosixFilePermissions(pi5, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    @Test
    void aVeryLongNumberNamesLineFieldAndLimit() throws Exception {
        Files.writeString(pi5, pi5Text.replace("\"memoryGiB\": 8", "\"memoryGiB\": 8" + "1".repeat(1200)));
        ProfileException e = readFails(pi5);
        assertTrue(e.line() > 1, e.getMessage());
        assertTrue(e.getMessage().contains("/memoryGiB"), e.getMessage());
        assertTrue(e.getMessage().contains("number longer than 100 digits"), e.getMessage());
        assertFalse(e.getMessage().contains("StreamReadConstraints"), e.getMessage());
    }

    @Test
    void aHugeTextNamesItsFieldAndTheLimit() throws Exception {
        Files.writeString(pi5, pi5Text.replace("\"cpu\": \"", "\"cpu\": \"" + "x".repeat(1_200_000)));
        ProfileException e = readFails(pi5);
        assertTrue(e.getMessage().contains("/cpu"), e.getMessage());
        assertTrue(e.getMessage().contains("text longer than 1,000,000 characters"), e.getMessage());
        assertFalse(e.getMessage().contains("StreamReadConstraints"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = { 65, 100_000 })
    void deepNestingIsRefusedInWords(int depth) throws Exception {
        Files.writeString(pi5, "[".repeat(depth) + "]".repeat(depth));
        ProfileException e = readFails(pi5);
        assertTrue(e.getMessage().contains("more than 64 levels deep"), e.getMessage());
        assertFalse(e.getMessage().contains("StreamReadConstraints"), e.getMessage());
    }
}
