package io.configspec.app.cli;

import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.service.ConfigurationColumn;
import io.configspec.model.service.ScenarioEvaluation;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowFileWriter;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Writes every configuration row of an evaluation as an Apache Arrow IPC file (the format pandas
 * calls Feather v2; polars, DuckDB and pyarrow open it), in the columns of {@link
 * ConfigurationColumn#ALL} with the same names as the CSV header: text as UTF-8 strings, {@code k}
 * as a 64-bit integer, numbers as 64-bit floats (a number that cannot be computed, which CSV leaves
 * empty, is null), flags as booleans. Each field carries its unit and description as metadata
 * ({@code unit}, {@code description}), the schema the scenario ({@code configspec.*}). One record
 * batch per block of the streamed evaluation ({@link ScenarioEvaluation#BLOCK_ROWS} rows), so memory
 * stays the same whatever the number of rows. Library and reasons: decision 0027.
 */
final class ArrowRowWriter {

    private ArrowRowWriter() {}

    /** Writes every row of {@code evaluation} to {@code out} (not closed). */
    static void write(OutputStream out, ScenarioEvaluation evaluation) throws IOException {
        List<ConfigurationColumn> columns = ConfigurationColumn.ALL;
        try (
            BufferAllocator allocator = new RootAllocator();
            VectorSchemaRoot root = VectorSchemaRoot.create(schema(evaluation), allocator);
            ArrowFileWriter writer = new ArrowFileWriter(root, null, Channels.newChannel(out))
        ) {
            writer.start();
            List<FieldVector> vectors = root.getFieldVectors();
            int[] lastCombination = new int[columns.size()];
            byte[][] lastText = new byte[columns.size()][];
            java.util.Arrays.fill(lastCombination, -1);
            evaluation.forEachBlock(block -> {
                int n = block.size();
                EvaluatedSpace rows = block.rows();
                for (int c = 0; c < vectors.size(); c++) {
                    ConfigurationColumn column = columns.get(c);
                    ConfigurationColumn.Value value = column.value();
                    switch (vectors.get(c)) {
                        case VarCharVector text -> {
                            text.allocateNew(32L * n, n);
                            for (int r = 0; r < n; r++) {
                                // text columns describe the combination: read and encode once per
                                // combination (ConfigurationColumn.Type.TEXT)
                                int combination = rows.combinationIndex(r);
                                if (combination != lastCombination[c]) {
                                    lastCombination[c] = combination;
                                    lastText[c] = value.text(block, r).getBytes(StandardCharsets.UTF_8);
                                }
                                text.setSafe(r, lastText[c]);
                            }
                        }
                        case BigIntVector whole -> {
                            whole.allocateNew(n);
                            for (int r = 0; r < n; r++) {
                                whole.set(r, (long) value.number(block, r));
                            }
                        }
                        case Float8Vector number -> {
                            number.allocateNew(n);
                            for (int r = 0; r < n; r++) {
                                double v = value.number(block, r);
                                if (Double.isFinite(v)) {
                                    number.set(r, v);
                                } // else null (allocateNew leaves every value null)
                            }
                        }
                        case BitVector flag -> {
                            flag.allocateNew(n);
                            for (int r = 0; r < n; r++) {
                                flag.set(r, value.flag(block, r) ? 1 : 0);
                            }
                        }
                        default -> throw new IllegalStateException(column.name() + ": no Arrow vector");
                    }
                }
                root.setRowCount(n);
                writer.writeBatch();
            });
            writer.end();
        }
    }

    /** The Arrow schema of {@link ConfigurationColumn#ALL}, with units and the scenario as metadata. */
    static Schema schema(ScenarioEvaluation evaluation) {
        List<Field> fields = new ArrayList<>();
        for (ConfigurationColumn column : ConfigurationColumn.ALL) {
            ArrowType type = switch (column.type()) {
                case TEXT -> ArrowType.Utf8.INSTANCE;
                case WHOLE -> new ArrowType.Int(64, true);
                case NUMBER -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
                case FLAG -> ArrowType.Bool.INSTANCE;
            };
            Map<String, String> metadata = new LinkedHashMap<>();
            if (!column.unit().isEmpty()) {
                metadata.put("unit", column.unit());
            }
            metadata.put("description", column.description());
            fields.add(new Field(column.name(), new FieldType(true, type, null, metadata), null));
        }
        EvaluatedSpace space = evaluation.rows();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("configspec.scenario", evaluation.scenario().id());
        metadata.put("configspec.scenarioName", evaluation.scenario().name());
        metadata.put("configspec.pricing", space.pricing().jsonName());
        metadata.put("configspec.billing", space.billing().jsonName());
        metadata.put("configspec.energy", space.energy().jsonName());
        metadata.put("configspec.kMin", Integer.toString(space.kMin()));
        metadata.put("configspec.kMax", Integer.toString(space.kMin() + space.kCount() - 1));
        metadata.put("configspec.whatIf", evaluation.whatIf().settings().toString());
        metadata.put("configspec.configurations", Long.toString(evaluation.configurationCount()));
        return new Schema(fields, metadata);
    }
}
