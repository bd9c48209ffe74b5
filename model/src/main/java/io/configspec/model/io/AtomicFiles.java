package io.configspec.model.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributeView;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Writes files so that readers see either the old content or the complete new one, never a
 * half-written file: the content goes to a temporary file in the destination's directory, is
 * flushed to disk, and is then moved over the destination with {@code ATOMIC_MOVE}.
 *
 * <p>What it replaces (decision 0064):
 *
 * <ul>
 *   <li>only a regular file, or nothing: a directory, device, FIFO or socket at the destination is
 *       refused with an {@link OutputPathException} naming it, before anything is written;
 *   <li>a symbolic link is written through: its final target is replaced (as editors do) and the
 *       link stays; a link to something that is not a regular file is refused like that thing;
 *   <li>an existing file keeps its permissions; a new one gets the usual mode from the umask.
 * </ul>
 *
 * <p>Temporary files are named {@code .NAME.RANDOM.configspec-tmp} and locked while written. If
 * anything fails, the temporary file is deleted and the destination is left as it was; one left
 * by a killed process (its lock died with it) is deleted by the next write to the same destination.
 *
 * <p>This is the one atomic file writer of the project: the command line's {@code --out}, the
 * explorer's saves and exports, profile files and measurements all write through it.
 */
public final class AtomicFiles {

    /** Produces the content of a file. */
    @FunctionalInterface
    public interface ContentWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The end of every temporary file's name. */
    public static final String TEMP_SUFFIX = ".configspec-tmp";

    /** Symbolic links followed at most, as the kernel's ELOOP limit. */
    private static final int MAX_LINKS = 40;

    private static final SecureRandom RANDOM = new SecureRandom();

    private AtomicFiles() {}

    /**
     * Writes {@code target} atomically.
     *
     * @throws OutputPathException if the destination is not a regular file (or a link to one, or
     *     nothing yet), or its folder cannot be made; nothing is written then
     * @throws IOException if writing fails; the destination is unchanged and no temporary file is left
     */
    public static void write(Path target, ContentWriter content) throws IOException {
        Path destination = destination(target);
        Path directory = destination.getParent();
        Path made = createDirectories(target, directory);
        try {
            writeInFolder(target, destination, content);
        } catch (IOException | RuntimeException | Error e) {
            removeMadeFolders(directory, made);
            throw e;
        }
    }

    /** {@link #write} once the destination's folder exists. */
    private static void writeInFolder(Path target, Path destination, ContentWriter content)
        throws IOException {
        Path directory = destination.getParent();
        removeStaleTemporaries(directory, destination.getFileName().toString());
        BasicFileAttributes existing = attributes(destination);
        String name = destination.getFileName().toString();
        Path temp = null;
        FileChannel channel = null;
        while (channel == null) {
            byte[] random = new byte[6];
            RANDOM.nextBytes(random);
            temp = directory.resolve("." + name + "." + HexFormat.of().formatHex(random) + TEMP_SUFFIX);
            try {
                // no permission attributes: the new file gets 0666 less the umask, like any new file
                channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                // another name
            } catch (java.nio.file.AccessDeniedException e) {
                throw new OutputPathException(target, "its folder " + directory + " is not writable");
            }
        }
        boolean moved = false;
        try {
            try (FileChannel open = channel; FileLock lock = open.lock()) {
                OutputStream out = new BufferedOutputStream(unclosable(Channels.newOutputStream(open)));
                content.writeTo(out);
                out.flush();
                try {
                    open.force(true);
                } catch (IOException e) {
                    throw new DestinationFailure(e);
                }
                if (existing != null) {
                    keepPermissions(destination, temp);
                }
                move(temp, destination);
                moved = true;
            }
            forceDirectory(directory);
        } catch (DestinationFailure e) {
            throw new IOException(
                "cannot write " +
                    target +
                    ": " +
                    reason(e.getCause()) +
                    (existing != null ? "; the file was left as it was." : "; nothing was written."),
                e.getCause()
            );
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Writes {@code content} atomically (see the class comment). */
    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * The path that will be replaced: {@code target} itself, or the final target of the symbolic
     * links it is; checked to be a regular file or nothing.
     */
    static Path destination(Path target) throws IOException {
        Path path = target.toAbsolutePath().normalize();
        for (int links = 0; Files.isSymbolicLink(path); links++) {
            if (links == MAX_LINKS) {
                throw new OutputPathException(target, "it is a loop of symbolic links");
            }
            Path parent = path.getParent();
            path = parent.resolve(Files.readSymbolicLink(path)).normalize();
        }
        BasicFileAttributes attributes = attributes(path);
        if (attributes != null && !attributes.isRegularFile()) {
            throw new OutputPathException(target, "it is " + kind(path, attributes) + ", not a regular file");
        }
        return path;
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** What a non-regular file is, in words (a FIFO, a device…). */
    private static String kind(Path path, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a folder";
        }
        if (attributes.isSymbolicLink()) {
            return "a symbolic link";
        }
        try {
            Object mode = Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            int type = ((Integer) mode) & 0170000;
            return switch (type) {
                case 0010000 -> "a named pipe (FIFO)";
                case 0020000 -> "a character device";
                case 0060000 -> "a block device";
                case 0140000 -> "a socket";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "a special file";
        }
    }

    /**
     * Makes the destination's folder and the folders above it that are missing; returns the
     * highest one it made (null when the folder was there), so that a write that fails or is
     * refused can remove them again and leave nothing behind.
     */
    private static Path createDirectories(Path target, Path directory) throws IOException {
        Path made = null;
        for (
            Path folder = directory;
            folder != null && Files.notExists(folder, LinkOption.NOFOLLOW_LINKS);

        ) {
            made = folder;
            folder = folder.getParent();
        }
        try {
            Files.createDirectories(directory);
            return made;
        } catch (FileAlreadyExistsException e) {
            throw new OutputPathException(target, "its folder " + directory + " is a file");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new OutputPathException(
                target,
                "its folder " + directory + " cannot be created (permission denied)"
            );
        }
    }

    /** Removes the folders {@link #createDirectories} made, from {@code directory} up to {@code made}, while they are empty. */
    private static void removeMadeFolders(Path directory, Path made) {
        for (Path folder = directory; made != null && folder != null; folder = folder.getParent()) {
            try {
                Files.delete(folder);
            } catch (IOException e) {
                return; // not empty any more (another writer), or gone: leave it
            }
            if (folder.equals(made)) {
                return;
            }
        }
    }

    /**
     * Deletes temporary files of {@code name} that no live writer holds: left by a process that
     * was killed. A file locked by a writer (this process or another) is left alone.
     */
    static void removeStaleTemporaries(Path directory, String name) throws IOException {
        String prefix = "." + name + ".";
        try (
            DirectoryStream<Path> temps = Files.newDirectoryStream(directory, p -> {
                String file = p.getFileName().toString();
                return (
                    file.startsWith(prefix) &&
                    file.endsWith(TEMP_SUFFIX) &&
                    file.length() == prefix.length() + 12 + TEMP_SUFFIX.length()
                );
            })
        ) {
            for (Path temp : temps) {
                if (Files.isRegularFile(temp, LinkOption.NOFOLLOW_LINKS) && !lockedByAWriter(temp)) {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }

    private static boolean lockedByAWriter(Path temp) {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            try (FileLock lock = channel.tryLock()) {
                return lock == null;
            }
        } catch (OverlappingFileLockException e) {
            return true; // this process is writing it
        } catch (IOException e) {
            return true; // cannot tell: leave it
        }
    }

    /** Gives {@code temp} the permissions of the file it replaces (POSIX file systems). */
    private static void keepPermissions(Path destination, Path temp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(destination, PosixFileAttributeView.class);
        if (view != null) {
            Files.setPosixFilePermissions(temp, view.readAttributes().permissions());
        }
    }

    private static void move(Path temp, Path destination) throws IOException {
        try {
            Files.move(
                temp,
                destination,
                StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING
            );
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, destination, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes the rename durable (Linux); where a folder cannot be opened, the rename is still atomic. */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not supported here (e.g. Windows): atomicity does not depend on it
        }
    }

    /** Writers such as Jackson close the stream they are given; the channel must stay open for force(). */
    /**
     * The temporary file's own stream: closing it only flushes (the channel is closed by {@link
     * #write}), and a failure of the file system under it (disk full, quota, file size limit, I/O
     * error) becomes a {@link DestinationFailure}, told apart from the content's own exceptions.
     */
    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    out.write(b, off, len);
                } catch (IOException e) {
                    throw new DestinationFailure(e);
                }
            }

            @Override
            public void close() throws IOException {
                flush();
            }

            @Override
            public void flush() throws IOException {
                try {
                    out.flush();
                } catch (IOException e) {
                    throw new DestinationFailure(e);
                }
            }
        };
    }

    /** Writing the temporary file failed in the file system (the content producer did not fail). */
    private static final class DestinationFailure extends IOException {

        DestinationFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** "no space left on device", without the path a file system exception puts in front. */
    private static String reason(IOException e) {
        String why = e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null
            ? fs.getReason()
            : e.getMessage();
        if (why == null || why.isBlank()) {
            return e.getClass().getSimpleName();
        }
        why = why.strip();
        while (why.endsWith(".")) {
            why = why.substring(0, why.length() - 1);
        }
        return Character.toLowerCase(why.charAt(0)) + why.substring(1);
    }
}
