package io.configspec.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.configspec.model.service.ConfigurationColumn;
import io.configspec.model.testing.SampleFiles;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileReader;
import org.apache.arrow.vector.ipc.message.ArrowBlock;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep --format arrow} (issue 21): the Arrow IPC file holds, cell for cell, what {@code
 * sweep --format csv} writes for the same scenario, over more than one record batch. The file is
 * read back here with Arrow Java's own reader; docs/benchmarks.md records it read by another
 * implementation (Arrow's JavaScript library, app/bench/arrow-read-check.mjs).
 */
class ArrowSweepCliTest {

    /** 112 combinations × 600 K = 67,200 rows: two record batches of the streamed sweep. */
    private static final String K_MAX = "kMax=600";

    @TempDir
    Path dir;

    @Test
    void arrowFileHoldsTheCsvRowsCellForCell() throws Exception {
        Path arrow = sweep("arrow");
        Path csv = sweep("csv");

        List<List<String>> lines = new ArrayList<>();
        try (
            MappingIterator<List<String>> it = new CsvMapper()
                .readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(csv.toFile())
        ) {
            it.forEachRemaining(lines::add);
        }
        List<String> header = lines.getFirst();
        List<ConfigurationColumn> columns = ConfigurationColumn.ALL;
        int batches = 0;
        int row = 0;
        try (
            BufferAllocator allocator = new RootAllocator();
            FileChannel channel = FileChannel.open(arrow);
            ArrowFileReader reader = new ArrowFileReader(channel, allocator)
        ) {
            VectorSchemaRoot root = reader.getVectorSchemaRoot();
            List<Field> fields = root.getSchema().getFields();
            assertEquals(header, fields.stream().map(Field::getName).toList());
            assertEquals(
                "tokens/s",
                root.getSchema().findField("goodputTokensPerSecond").getMetadata().get("unit")
            );
            assertEquals(
                Integer.toString(lines.size() - 1),
                root.getSchema().getCustomMetadata().get("configspec.configurations")
            );
            for (ArrowBlock block : reader.getRecordBlocks()) {
                assertTrue(reader.loadRecordBatch(block));
                batches++;
                for (int r = 0; r < root.getRowCount(); r++, row++) {
                    List<String> line = lines.get(row + 1);
                    for (int i = 0; i < columns.size(); i++) {
                        String where = "row " + row + ", " + header.get(i);
                        assertEquals(line.get(i), cell(root.getVector(i), r), where);
                    }
                }
            }
        }
        assertEquals(lines.size() - 1, row);
        assertTrue(batches >= 2, "one record batch only: " + batches);
        assertTrue(row > 65_536, "rows: " + row);
    }

    /** {@code sweep --format FORMAT --out sweep.FORMAT} of the illustrative scenario with K ≤ 600. */
    private Path sweep(String format) {
        Path out = dir.resolve("sweep." + format);
        String scenario = SampleFiles.illustrativeScenario().toString();
        CliRun run = CliRun.of(
            "sweep",
            "--scenario",
            scenario,
            "--set",
            K_MAX,
            "--format",
            format,
            "--out",
            out.toString()
        );
        assertEquals(0, run.exitCode(), run.err());
        assertEquals("", run.out());
        assertTrue(run.err().contains("Wrote " + out), run.err());
        return out;
    }

    /** An Arrow cell as the CSV writes it (numbers as Double.toString, null as an empty cell). */
    private static String cell(FieldVector vector, int r) {
        if (vector.isNull(r)) {
            return "";
        }
        return switch (vector) {
            case VarCharVector text -> new String(text.get(r), java.nio.charset.StandardCharsets.UTF_8);
            case BigIntVector whole -> Long.toString(whole.get(r));
            case Float8Vector number -> Double.toString(number.get(r));
            case BitVector flag -> flag.get(r) == 1 ? "true" : "false";
            default -> throw new AssertionError(vector.getField() + ": unexpected vector");
        };
    }

    @Test
    void arrowWithoutAFileIsRefusedBeforeAnyWork() {
        CliRun run = CliRun.onPaper("sweep", "--format", "arrow");
        assertEquals(2, run.exitCode());
        assertEquals("", run.out());
        assertTrue(
            run.err().contains("--format arrow writes a binary file: give it with --out FILE"),
            run.err()
        );
    }

    @Test
    void onlySweepWritesArrow() throws Exception {
        Path out = dir.resolve("front.arrow");
        CliRun run = CliRun.onPaper("pareto", "--format", "arrow", "--out", out.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--format arrow is not written by this command"), run.err());
        assertFalse(Files.exists(out));
    }
}
