package io.configspec.app.cli;

import io.configspec.model.analysis.SpaceSize;
import io.configspec.model.io.OutputPathException;
import io.configspec.model.service.ScenarioEvaluation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The room a sweep's output file needs, known before anything is written: a sweep of a large
 * space writes gigabytes, and a disk that fills half-way costs the user the whole run. The size is
 * estimated by writing a sample of the space's rows, spread evenly from its first row to its last,
 * through the format's own writer (so it follows that writer's bytes, whatever the format), and
 * scaling it to every row; a destination whose file system has fewer bytes free is refused before
 * the first byte.
 */
final class OutputRoom {

    /** Rows written to measure a format's bytes per row: enough to average out digits and names. */
    static final int SAMPLE_ROWS = 1024;

    /** Bytes this process may still write on the file system holding {@code folder}. */
    @FunctionalInterface
    interface UsableSpace {
        long bytes(Path folder) throws IOException;
    }

    /** The file system's own figure ({@link java.nio.file.FileStore#getUsableSpace()}). */
    static final UsableSpace FILE_STORE = folder -> Files.getFileStore(folder).getUsableSpace();

    /** Writes every row of an evaluation as the command writes its output. */
    @FunctionalInterface
    interface RowsWriter {
        void write(OutputStream out, ScenarioEvaluation evaluation) throws IOException;
    }

    private OutputRoom() {}

    /**
     * About how many bytes {@code writer} writes for every configuration of {@code evaluation}:
     * what it writes around no rows (header, envelope, schema) plus the configurations times the
     * mean bytes of {@link #SAMPLE_ROWS} rows spread evenly over the space. Costs the evaluation
     * of those rows only.
     */
    static long estimateBytes(ScenarioEvaluation evaluation, RowsWriter writer) throws IOException {
        long rows = evaluation.configurationCount();
        int n = (int) Math.min(rows, SAMPLE_ROWS);
        long[] sample = new long[n];
        for (int i = 1; i < n; i++) {
            // ascending strictly: rows - 1 >= n - 1, so each step is at least one row
            sample[i] = Math.round(((double) i * (rows - 1)) / (n - 1));
        }
        long around = bytesWritten(writer, evaluation.sample(new long[0]));
        if (n == 0) {
            return around;
        }
        long sampled = bytesWritten(writer, evaluation.sample(sample)) - around;
        return around + Math.round(((double) sampled / n) * rows);
    }

    /**
     * Refuses {@code out} when the file system holding it has fewer than {@code bytes} free. The
     * whole file is needed even when it replaces one: the old file stays until the new one is
     * complete (written atomically). Called as the atomic write begins, when the folder exists. A
     * place whose free space cannot be read is left to the writer,
     * which names what is wrong with it.
     *
     * @param what the output in words, for the sentence ({@code "the sweep's 1,000 configurations as csv"})
     * @throws OutputPathException one sentence: the file, the bytes needed and the bytes free
     */
    static void require(Path out, long bytes, String what, UsableSpace usable) throws OutputPathException {
        Path folder = out.toAbsolutePath().getParent(); // made by the atomic write before it asks
        long free;
        try {
            free = usable.bytes(folder);
        } catch (IOException e) {
            return;
        }
        if (bytes > free) {
            throw new OutputPathException(
                out,
                String.format(
                    Locale.ROOT,
                    "%s need about %,d bytes%s but its file system has %,d bytes%s free, so nothing was written; free some room, write elsewhere or narrow the sweep (--set kMax, --device, --drafter, --target)",
                    what,
                    bytes,
                    inWords(bytes),
                    free,
                    inWords(free)
                )
            );
        }
    }

    /** " (112.2 GB)", " (850 MB)"; nothing under a megabyte, where the bytes say it. */
    private static String inWords(long bytes) {
        return bytes >= 1_000_000 ? " (" + SpaceSize.inWords(bytes) + ")" : "";
    }

    private static long bytesWritten(RowsWriter writer, ScenarioEvaluation evaluation) throws IOException {
        CountingStream counter = new CountingStream();
        writer.write(counter, evaluation);
        return counter.count;
    }

    /** Counts the bytes written to it and keeps none. */
    private static final class CountingStream extends OutputStream {

        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}
