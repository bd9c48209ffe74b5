package io.configspec.model.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConfigurationColumnTest {

    private static ScenarioEvaluation evaluation;

    @BeforeAll
    static void evaluate() throws Exception {
        evaluation = PaperEvaluations.withKMax(6);
    }

    @Test
    void everyTextColumnIsTheSameForEveryKOfACombination() {
        // the row writer reads text columns once per combination (ConfigurationColumn.Type.TEXT)
        for (ConfigurationColumn column : ConfigurationColumn.ALL) {
            if (column.type() != ConfigurationColumn.Type.TEXT) {
                continue;
            }
            for (int row = 1; row < evaluation.size(); row++) {
                if (evaluation.rows().combinationIndex(row) == evaluation.rows().combinationIndex(row - 1)) {
                    assertEquals(
                        column.value().text(evaluation, row - 1),
                        column.value().text(evaluation, row),
                        column.name() + ", row " + row
                    );
                }
            }
        }
    }

    @Test
    void csvCellsAreTheColumnValuesWrittenAsJavaWritesThem() throws Exception {
        // the reference: every cell formatted on its own (Double.toString, Long.toString,
        // Boolean.toString, RFC 4180 quoting), row by row
        StringBuilder expected = new StringBuilder(String.join(",", ConfigurationColumn.names())).append(
            '\n'
        );
        for (int row = 0; row < evaluation.size(); row++) {
            List<String> cells = new ArrayList<>();
            for (ConfigurationColumn column : ConfigurationColumn.ALL) {
                ConfigurationColumn.Value value = column.value();
                cells.add(
                    switch (column.type()) {
                        case TEXT -> ConfigurationRowWriter.csvText(value.text(evaluation, row));
                        case WHOLE -> Long.toString((long) value.number(evaluation, row));
                        case NUMBER -> {
                            double v = value.number(evaluation, row);
                            yield Double.isFinite(v) ? Double.toString(v) : "";
                        }
                        case FLAG -> Boolean.toString(value.flag(evaluation, row));
                    }
                );
            }
            expected.append(String.join(",", cells)).append('\n');
        }
        StringWriter out = new StringWriter();
        ConfigurationRowWriter.writeAllRows(ConfigurationRowWriter.Format.CSV, out, evaluation);
        assertEquals(expected.toString(), out.toString());
    }
}
