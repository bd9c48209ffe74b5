package io.configspec.app.explorer.viewmodel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.app.explorer.concurrent.FxThreadGuard;
import io.configspec.app.explorer.workspace.AtomicFiles;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.Objective;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Exports configurations (the selected one, or the recommended ones) to JSON or CSV with every
 * objective in its unit, the model's intermediate quantities and the provenance of the inputs.
 * The rows are copied into an immutable snapshot on the UI thread; writing happens elsewhere.
 */
public final class ConfigurationExport {

    /** One exported row, values copied out of the evaluation. */
    public record Row(
        String label,
        String device,
        String drafter,
        String quantization,
        String target,
        int k,
        double goodputTokensPerSecond,
        double tokensPerDollar,
        double tokensPerJoule,
        double timePerTokenSeconds,
        double dollarsPerMillionTokens,
        double joulesPerToken,
        double acceptanceRate,
        double expectedTokensPerRound,
        double roundSeconds,
        boolean feasible,
        String draftingProvenance,
        String acceptanceProvenance
    ) {}

    private ConfigurationExport() {}

    /** Snapshot of rows with an optional label each (e.g. "best goodput"). UI thread. */
    public static List<Row> snapshot(Evaluation evaluation, List<Integer> rows, List<String> labels) {
        EvaluatedSpace s = evaluation.space();
        java.util.ArrayList<Row> out = new java.util.ArrayList<>();
        for (int j = 0; j < rows.size(); j++) {
            int i = rows.get(j);
            if (i < 0) continue;
            var c = s.configuration(i);
            var comb = s.combination(i);
            out.add(
                new Row(
                    labels.get(j),
                    c.device(),
                    c.drafter(),
                    c.quantization(),
                    c.target(),
                    c.k(),
                    s.value(Objective.GOODPUT, i),
                    s.value(Objective.TOKENS_PER_DOLLAR, i),
                    s.value(Objective.TOKENS_PER_JOULE, i),
                    s.value(Objective.TIME_PER_TOKEN, i),
                    s.value(Objective.DOLLARS_PER_MILLION_TOKENS, i),
                    s.value(Objective.JOULES_PER_TOKEN, i),
                    s.acceptanceRate(i),
                    s.expectedTokensPerRound(i),
                    s.roundTimeSeconds(i),
                    s.feasible(i),
                    comb.drafting().provenanceOf("tokensPerSecond").label(),
                    comb.alignment().provenanceOf("acceptanceRate").label()
                )
            );
        }
        return List.copyOf(out);
    }

    public static byte[] json(List<Row> rows) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("kind", "configurations");
        root.put(
            "units",
            "goodput tokens/s; tokensPerDollar tokens/$; tokensPerJoule tokens/J; timePerToken s; dollarsPerMillionTokens $; joulesPerToken J; roundSeconds s"
        );
        ArrayNode array = root.putArray("configurations");
        for (Row r : rows) {
            array.add(mapper.valueToTree(r));
        }
        return mapper.writeValueAsBytes(root);
    }

    public static byte[] csv(List<Row> rows) {
        StringBuilder sb = new StringBuilder(
            "label,device,drafter,quantization,target,k,goodput_tokens_per_s,tokens_per_dollar,tokens_per_joule,time_per_token_s,dollars_per_million_tokens,joules_per_token,acceptance_rate,expected_tokens_per_round,round_s,feasible,drafting_provenance,acceptance_provenance\n"
        );
        for (Row r : rows) {
            sb.append(
                String.join(
                    ",",
                    csvText(r.label()),
                    csvText(r.device()),
                    csvText(r.drafter()),
                    csvText(r.quantization()),
                    csvText(r.target()),
                    String.valueOf(r.k())
                )
            );
            for (double v : new double[] {
                r.goodputTokensPerSecond(),
                r.tokensPerDollar(),
                r.tokensPerJoule(),
                r.timePerTokenSeconds(),
                r.dollarsPerMillionTokens(),
                r.joulesPerToken(),
                r.acceptanceRate(),
                r.expectedTokensPerRound(),
                r.roundSeconds(),
            }) {
                sb.append(',').append(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v));
            }
            sb
                .append(',')
                .append(r.feasible())
                .append(',')
                .append(csvText(r.draftingProvenance()))
                .append(',')
                .append(csvText(r.acceptanceProvenance()))
                .append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String csvText(String s) {
        if (s == null) return "";
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    /** Writes rows as JSON or CSV by the file's extension, atomically. Not on the UI thread. */
    public static void write(List<Row> rows, Path file) throws IOException {
        FxThreadGuard.requireBackground("exporting configurations");
        boolean csv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        AtomicFiles.write(file, csv ? csv(rows) : json(rows));
    }
}
