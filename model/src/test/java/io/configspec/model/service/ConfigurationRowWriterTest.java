package io.configspec.model.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.configspec.model.analysis.Objective;
import io.configspec.model.analysis.WhatIf;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.testing.SampleFiles;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConfigurationRowWriterTest {

    private static ScenarioEvaluation evaluation;

    @BeforeAll
    static void evaluate() throws Exception {
        evaluation = PaperEvaluations.withKMax(4);
    }

    private static String write(ConfigurationRowWriter.Format format, int[] rows) throws Exception {
        StringWriter out = new StringWriter();
        ConfigurationRowWriter.writeRows(format, out, evaluation, rows);
        return out.toString();
    }

    @Test
    void everyObjectiveHasAColumnWithItsUnit() {
        List<String> names = ConfigurationColumn.names();
        for (Objective objective : Objective.values()) {
            assertTrue(names.contains(objective.columnName()), objective.columnName());
        }
        assertEquals(names.size(), names.stream().distinct().count(), "column names are unique");
    }

    @Test
    void jsonAndCsvHaveTheSameColumnsAndValues() throws Exception {
        int[] rows = { 0, 1, evaluation.size() - 1 };
        JsonNode json = new ObjectMapper().readTree(write(ConfigurationRowWriter.Format.JSON, rows));
        List<String> lines = write(ConfigurationRowWriter.Format.CSV, rows).lines().toList();
        List<String> header = List.of(lines.getFirst().split(","));
        assertEquals(ConfigurationColumn.names(), header);
        for (int r = 0; r < rows.length; r++) {
            JsonNode row = json.get("configurations").get(r);
            List<String> fields = new ArrayList<>();
            row.fieldNames().forEachRemaining(fields::add);
            assertEquals(header, fields);
            String[] cells = csvCells(lines.get(r + 1));
            for (int c = 0; c < header.size(); c++) {
                JsonNode value = row.get(header.get(c));
                String expected = value.isNull()
                    ? ""
                    : value.isNumber() && value.isFloatingPointNumber()
                        ? Double.toString(value.asDouble())
                        : value.asText();
                assertEquals(expected, cells[c], header.get(c));
            }
        }
        assertEquals("tokens/s", json.get("units").get("goodputTokensPerSecond").asText());
        assertFalse(json.get("units").has("device"));
    }

    /**
     * Every row as CSV is formatted in parts by several threads (one per processor, parts of 4,096
     * rows, streamed blocks): the bytes must be those of one thread writing the rows in order, to a
     * writer and to a stream alike.
     */
    @Test
    void everyRowCsvInParallelPartsIsTheOneThreadCsv() throws Exception {
        ScenarioLoader.LoadedScenario loaded = ScenarioLoader.load(SampleFiles.illustrativeScenario());
        WhatIf whatIf = loaded.scenario().whatIf().with("kMax", "120");
        ScenarioEvaluation whole = ScenarioEvaluation.evaluate(loaded, whatIf);
        assertTrue(whole.size() > 3 * 4096, "rows: " + whole.size());
        int[] all = new int[whole.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        StringWriter oneThread = new StringWriter();
        ConfigurationRowWriter.writeRows(ConfigurationRowWriter.Format.CSV, oneThread, whole, all);
        ScenarioEvaluation streamed = ScenarioEvaluation.scan(
            loaded,
            whatIf,
            ConfigurationFilter.ALL,
            List.of(),
            5000 // blocks that end inside a part
        );
        for (ScenarioEvaluation evaluation : List.of(whole, streamed)) {
            StringWriter writer = new StringWriter();
            ConfigurationRowWriter.writeAllRows(ConfigurationRowWriter.Format.CSV, writer, evaluation);
            assertEquals(
                oneThread.toString(),
                writer.toString(),
                "to a writer, streamed " + evaluation.streamed()
            );
            java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
            ConfigurationRowWriter.writeAllRows(ConfigurationRowWriter.Format.CSV, stream, evaluation);
            assertEquals(
                oneThread.toString(),
                stream.toString(java.nio.charset.StandardCharsets.UTF_8),
                "to a stream, streamed " + evaluation.streamed()
            );
        }
    }

    /** The cells of one CSV line (RFC 4180: a cell in double quotes may hold commas and "" for "). */
    private static String[] csvCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cell.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(ch);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }
}
