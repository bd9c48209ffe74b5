package io.configspec.app.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.model.analysis.Combination;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.Objective;
import io.configspec.model.domain.Configuration;
import io.configspec.model.domain.Provenance;
import io.configspec.model.io.ProfileCodec;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints configuration rows of an evaluated space as a table, JSON or CSV: shared by {@code
 * sweep}, {@code pareto} and {@code recommend}. JSON field names are a contract for scripts
 * (docs/file-format.md): {@code device, drafter, quantization, target, k, acceptanceRate,
 * draftTokensPerSecond, expectedTokensPerRound, roundTimeSeconds, goodputTokensPerSecond,
 * tokensPerDollar, tokensPerJoule, pareto} and more. Values that cannot be computed are JSON
 * {@code null} and empty in CSV.
 */
public final class ConfigurationRowWriter {

    /** JSON/CSV field names, in order. */
    public static final List<String> FIELDS = List.of(
        "device",
        "drafter",
        "quantization",
        "target",
        "k",
        "acceptanceRate",
        "draftTokensPerSecond",
        "expectedTokensPerRound",
        "wastedDraftTokensPerRound",
        "draftSeconds",
        "networkSeconds",
        "verifySeconds",
        "roundTimeSeconds",
        "goodputTokensPerSecond",
        "timePerTokenSeconds",
        "speedupOverCloudOnly",
        "tokensPerDollar",
        "dollarsPerMillionTokens",
        "tokensPerJoule",
        "joulesPerToken",
        "feasible",
        "pareto",
        "draftingProvenance",
        "alignmentProvenance",
        "acceptanceForm",
        "expectedTokensPerRoundLow",
        "expectedTokensPerRoundHigh",
        "goodputLow",
        "goodputHigh",
        "tokensPerDollarLow",
        "tokensPerDollarHigh",
        "tokensPerJouleLow",
        "tokensPerJouleHigh"
    );

    private ConfigurationRowWriter() {}

    /** The JSON object of one row, with every field of {@link #FIELDS} (provenance as an object). */
    public static ObjectNode rowJson(EvaluatedSpace space, int row, boolean pareto) {
        ObjectNode node = ProfileCodec.mapper().createObjectNode();
        Configuration c = space.configuration(row);
        node.put("device", c.device());
        node.put("drafter", c.drafter());
        node.put("quantization", c.quantization());
        node.put("target", c.target());
        node.put("k", c.k());
        number(node, "acceptanceRate", space.acceptanceRate(row));
        number(node, "draftTokensPerSecond", space.draftTokensPerSecond(row));
        number(node, "expectedTokensPerRound", space.expectedTokensPerRound(row));
        number(node, "wastedDraftTokensPerRound", space.wastedDraftTokensPerRound(row));
        number(node, "draftSeconds", space.draftSeconds(row));
        number(node, "networkSeconds", space.networkSeconds(row));
        number(node, "verifySeconds", space.verifySeconds(row));
        number(node, "roundTimeSeconds", space.roundTimeSeconds(row));
        number(node, "goodputTokensPerSecond", space.goodputTokensPerSecond(row));
        number(node, "timePerTokenSeconds", space.value(Objective.TIME_PER_TOKEN, row));
        number(node, "speedupOverCloudOnly", space.speedupOverCloudOnly(row));
        number(node, "tokensPerDollar", space.tokensPerDollar(row));
        number(node, "dollarsPerMillionTokens", space.value(Objective.DOLLARS_PER_MILLION_TOKENS, row));
        number(node, "tokensPerJoule", space.tokensPerJoule(row));
        number(node, "joulesPerToken", space.value(Objective.JOULES_PER_TOKEN, row));
        node.put("feasible", space.feasible(row));
        node.put("pareto", pareto);
        Combination combination = space.combination(row);
        // The spread the acceptance data carries (α(K) ± 1 s.d., or the constant α's interval):
        // null where no interval is known (per-position curve).
        node.put(
            "acceptanceForm",
            combination.alignment().hasAcceptanceByK()
                ? "per-k"
                : combination.alignment().hasPositionCurve()
                    ? "per-position"
                    : "constant"
        );
        double[] tokens = space.expectedTokensInterval(row);
        number(node, "expectedTokensPerRoundLow", tokens[0]);
        number(node, "expectedTokensPerRoundHigh", tokens[1]);
        interval(node, "goodput", space.interval(Objective.GOODPUT, row));
        interval(node, "tokensPerDollar", space.interval(Objective.TOKENS_PER_DOLLAR, row));
        interval(node, "tokensPerJoule", space.interval(Objective.TOKENS_PER_JOULE, row));
        ObjectNode provenance = node.putObject("provenance");
        provenance.put("drafting", combination.drafting().provenanceOf("tokensPerSecond").label());
        provenance.put("alignment", combination.alignment().provenanceOf("acceptanceRate").label());
        provenance.put("verification", combination.served().provenanceOf("verification").label());
        return node;
    }

    private static void interval(ObjectNode node, String field, double[] bounds) {
        number(node, field + "Low", bounds[0]);
        number(node, field + "High", bounds[1]);
    }

    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    /** The {@code scenario} object of the JSON output. */
    public static ObjectNode scenarioJson(ScenarioOptions.Evaluation evaluation) {
        ObjectNode node = ProfileCodec.mapper().createObjectNode();
        var scenario = evaluation.loaded().scenario();
        node.put("id", scenario.id());
        node.put("name", scenario.name());
        node.put("file", evaluation.loaded().file().toString());
        node.put("pricing", evaluation.space().pricing().jsonName());
        node.put("billing", evaluation.space().billing().jsonName());
        node.put("energy", evaluation.space().energy().jsonName());
        node.put("kMin", evaluation.space().kMin());
        node.put("kMax", evaluation.space().kMin() + evaluation.space().kCount() - 1);
        node.set("whatIf", ProfileCodec.whatIfJson(evaluation.whatIf()));
        return node;
    }

    /**
     * Writes {@code rows} (indices into the evaluated space) in {@code format}.
     *
     * @param pareto per row of the whole space, whether it is on the goodput/cost/energy front
     */
    public static void write(
        OutputFormat format,
        Writer out,
        ScenarioOptions.Evaluation evaluation,
        int[] rows,
        boolean[] pareto
    ) throws IOException {
        switch (format) {
            case json -> writeJson(out, evaluation, rows, pareto);
            case csv -> writeCsv(out, evaluation.space(), rows, pareto);
            case table -> writeTable(out, evaluation, rows, pareto);
        }
        out.flush();
    }

    private static void writeJson(
        Writer out,
        ScenarioOptions.Evaluation evaluation,
        int[] rows,
        boolean[] pareto
    ) throws IOException {
        ObjectNode root = ProfileCodec.mapper().createObjectNode();
        root.set("scenario", scenarioJson(evaluation));
        ArrayNode configurations = root.putArray("configurations");
        for (int row : rows) {
            configurations.add(rowJson(evaluation.space(), row, pareto[row]));
        }
        ProfileCodec.mapper().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(out, root);
        out.write(System.lineSeparator());
    }

    private static void writeCsv(Writer out, EvaluatedSpace space, int[] rows, boolean[] pareto)
        throws IOException {
        out.write(String.join(",", FIELDS));
        out.write("\n");
        for (int row : rows) {
            ObjectNode node = rowJson(space, row, pareto[row]);
            List<String> cells = new ArrayList<>();
            for (String field : FIELDS) {
                String value = switch (field) {
                    case "draftingProvenance" -> node.get("provenance").get("drafting").asText();
                    case "alignmentProvenance" -> node.get("provenance").get("alignment").asText();
                    default -> node.get(field) == null || node.get(field).isNull()
                        ? ""
                        : node.get(field).asText();
                };
                cells.add(csvCell(value));
            }
            out.write(String.join(",", cells));
            out.write("\n");
        }
    }

    private static String csvCell(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static void writeTable(
        Writer out,
        ScenarioOptions.Evaluation evaluation,
        int[] rows,
        boolean[] pareto
    ) throws IOException {
        EvaluatedSpace space = evaluation.space();
        String[] headers = {
            "device",
            "drafter",
            "quant",
            "target",
            "K",
            "α",
            "draft tok/s",
            "E[N] tok",
            "round s",
            "goodput tok/s",
            "tokens/$",
            "tokens/J",
            "front",
            "ok",
            "source",
        };
        List<String[]> cells = new ArrayList<>();
        for (int row : rows) {
            Configuration c = space.configuration(row);
            Combination combination = space.combination(row);
            cells.add(
                new String[] {
                    c.device(),
                    c.drafter(),
                    c.quantization(),
                    c.target(),
                    Integer.toString(c.k()),
                    format("%.3f", space.acceptanceRate(row)),
                    format("%.1f", space.draftTokensPerSecond(row)),
                    format("%.2f", space.expectedTokensPerRound(row)),
                    format("%.3f", space.roundTimeSeconds(row)),
                    format("%.2f", space.goodputTokensPerSecond(row)),
                    format("%.0f", space.tokensPerDollar(row)),
                    format("%.2f", space.tokensPerJoule(row)),
                    pareto[row] ? "*" : "",
                    space.feasible(row) ? "yes" : "no",
                    sourceCode(combination.drafting().provenanceOf("tokensPerSecond")) +
                    "/" +
                    sourceCode(combination.alignment().provenanceOf("acceptanceRate")),
                }
            );
        }
        int[] widths = new int[headers.length];
        for (int i = 0; i < headers.length; i++) {
            widths[i] = headers[i].length();
            for (String[] line : cells) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        var scenario = evaluation.loaded().scenario();
        int front = 0;
        for (int row : rows) {
            front += pareto[row] ? 1 : 0;
        }
        out.write(
            "Scenario " +
                scenario.id() +
                " (" +
                space.pricing().jsonName() +
                " pricing" +
                (space.pricing() == io.configspec.model.analysis.PricingMode.TOKEN
                    ? " billing " + space.billing().description()
                    : "") +
                ", " +
                space.energy().jsonName() +
                " energy): " +
                rows.length +
                " configurations, " +
                front +
                " on the goodput/cost/energy front (*).\n"
        );
        out.write(line(headers, widths));
        for (String[] line : cells) {
            out.write(line(line, widths));
        }
        out.write("source: drafting/alignment provenance, M measured, L literature, I illustrative.\n");
    }

    private static String sourceCode(Provenance provenance) {
        return switch (provenance) {
            case Provenance.Measured m -> "M";
            case Provenance.Literature l -> "L";
            case Provenance.Illustrative i -> "I";
        };
    }

    private static String line(String[] values, int[] widths) {
        StringBuilder builder = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            boolean text = i < 4;
            String padded = text ? pad(values[i], widths[i], false) : pad(values[i], widths[i], true);
            builder.append(padded);
            if (i < values.length - 1) {
                builder.append("  ");
            }
        }
        return builder.toString().stripTrailing() + "\n";
    }

    private static String pad(String value, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - value.length()));
        return right ? spaces + value : value + spaces;
    }

    private static String format(String pattern, double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, pattern, value) : "n/a";
    }
}
