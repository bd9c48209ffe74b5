package io.configspec.model.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.configspec.model.analysis.Combination;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.domain.Configuration;
import io.configspec.model.domain.Provenance;
import io.configspec.model.pareto.Recommendation;
import io.configspec.model.workload.RoutedComparison;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes configuration rows of a {@link ScenarioEvaluation} as text for people, JSON or CSV, in
 * the columns of {@link ConfigurationColumn#ALL}: the one writer behind {@code sweep}, {@code
 * pareto}, {@code recommend}, {@code export} and the explorer's export, so the same rows give the
 * same bytes whoever writes them.
 *
 * <p>JSON: {@code {"scenario": {…}, "units": {column: unit}, "configurations": [row…]}}, or for
 * recommendations {@code "recommendations": [{"objective", "configuration": row, "reason"}]}. CSV:
 * a header of the column names, then one line per row (recommendations add a first {@code
 * recommendation} and a last {@code reason} column). Numbers are written in full precision
 * ({@link Double#toString(double)}); a number that cannot be computed is JSON {@code null} and an
 * empty CSV cell. Lines end with {@code \n}. Rows are written as they are produced, so the memory
 * used does not grow with the number of rows (text excepted: its columns are aligned).
 */
public final class ConfigurationRowWriter {

    /** Output formats of configuration rows. */
    public enum Format {
        /** Aligned columns with units, for people. */
        TEXT,
        /** The JSON contract for scripts. */
        JSON,
        /** One header line with the column names, then one line per row. */
        CSV,
    }

    private static final JsonFactory JSON = JsonFactory.builder()
        .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET)
        .build();

    private ConfigurationRowWriter() {}

    /**
     * Writes {@code rows} (indices into {@code evaluation}, in the order given).
     *
     * @throws IOException from {@code out}
     */
    public static void writeRows(Format format, Writer out, ScenarioEvaluation evaluation, int[] rows)
        throws IOException {
        switch (format) {
            case JSON -> writeJson(out, evaluation, held(evaluation, rows), null);
            case CSV -> writeCsv(out, evaluation, held(evaluation, rows), null);
            case TEXT -> writeTable(out, evaluation, rows);
        }
        out.flush();
    }

    /**
     * Writes every row of {@code evaluation}. JSON and CSV rows of a streamed evaluation ({@link
     * ScenarioEvaluation#scan}) are evaluated and written block by block, so memory stays the same
     * whatever the number of rows; text holds every row to align its columns.
     */
    public static void writeAllRows(Format format, Writer out, ScenarioEvaluation evaluation)
        throws IOException {
        if (format != Format.TEXT) {
            if (format == Format.JSON) {
                writeJson(out, evaluation, everyRow(evaluation), null);
            } else {
                writeEveryRowCsv(new CsvLines(null, out), evaluation);
            }
            out.flush();
            return;
        }
        if (evaluation.streamed()) {
            throw new IllegalArgumentException("text needs every row held: evaluate the space, not scan it");
        }
        int[] rows = new int[evaluation.size()];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i;
        }
        writeRows(format, out, evaluation, rows);
    }

    /**
     * {@link #writeAllRows(Format, Writer, ScenarioEvaluation)} to a stream, UTF-8: CSV goes to the
     * stream as bytes, with no character encoder between (what {@code sweep --out} uses).
     */
    public static void writeAllRows(Format format, OutputStream out, ScenarioEvaluation evaluation)
        throws IOException {
        if (format == Format.CSV) {
            writeEveryRowCsv(new CsvLines(out, null), evaluation);
            out.flush();
            return;
        }
        Writer writer = new java.io.BufferedWriter(
            new OutputStreamWriter(out, StandardCharsets.UTF_8),
            1 << 16
        );
        writeAllRows(format, writer, evaluation);
        writer.flush();
    }

    private static RowSource everyRow(ScenarioEvaluation evaluation) {
        return visitor ->
            evaluation.forEachBlock(block -> {
                for (int row = 0, n = block.size(); row < n; row++) {
                    visitor.row(block, row);
                }
            });
    }

    /** Rows handed to a writer one at a time, each with the evaluation (or block) that holds it. */
    @FunctionalInterface
    private interface RowSource {
        void forEach(RowVisitor visitor) throws IOException;
    }

    @FunctionalInterface
    private interface RowVisitor {
        void row(ScenarioEvaluation evaluation, int row) throws IOException;
    }

    private static RowSource held(ScenarioEvaluation evaluation, int[] rows) {
        return visitor -> {
            for (int row : rows) {
                visitor.row(evaluation, row);
            }
        };
    }

    /** Writes recommendations (their rows, what they are best at, and why). */
    public static void writeRecommendations(
        Format format,
        Writer out,
        ScenarioEvaluation evaluation,
        List<Recommendation> recommendations
    ) throws IOException {
        int[] rows = recommendations.stream().mapToInt(Recommendation::row).toArray();
        switch (format) {
            case JSON -> writeJson(out, evaluation, held(evaluation, rows), recommendations);
            case CSV -> writeCsv(out, evaluation, held(evaluation, rows), recommendations);
            case TEXT -> writeRecommendationText(out, evaluation, recommendations);
        }
        out.flush();
    }

    // ---------------------------------------------------------------- JSON

    private static void writeJson(
        Writer out,
        ScenarioEvaluation evaluation,
        RowSource rows,
        List<Recommendation> recommendations
    ) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeFieldName("scenario");
            writeScenario(json, evaluation);
            json.writeObjectFieldStart("units");
            for (ConfigurationColumn column : ConfigurationColumn.ALL) {
                if (!column.unit().isEmpty()) {
                    json.writeStringField(column.name(), column.unit());
                }
            }
            json.writeEndObject();
            if (recommendations == null) {
                json.writeArrayFieldStart("configurations");
                rows.forEach((holder, row) -> writeRow(json, holder, row));
            } else {
                json.writeArrayFieldStart("recommendations");
                for (Recommendation r : recommendations) {
                    json.writeStartObject();
                    json.writeStringField("objective", r.kind().jsonName());
                    json.writeFieldName("configuration");
                    writeRow(json, evaluation, r.row());
                    json.writeStringField("reason", r.reason());
                    json.writeEndObject();
                }
            }
            json.writeEndArray();
            if (recommendations != null && !evaluation.scenario().routes().isEmpty()) {
                json.writeArrayFieldStart("routed");
                for (RoutedComparison routed : evaluation.routedComparisons()) {
                    writeRouted(json, routed);
                }
                json.writeEndArray();
            }
            json.writeEndObject();
        }
        out.write("\n");
    }

    /** One routed set against the single best drafter (units: tokens/s, tokens/$, switches/token, bytes). */
    private static void writeRouted(JsonGenerator json, RoutedComparison routed) throws IOException {
        json.writeStartObject();
        json.writeStringField("route", routed.route().id());
        json.writeStringField("kind", routed.route().kind().jsonName());
        json.writeStringField("device", routed.device());
        json.writeStringField("quantization", routed.quantization());
        json.writeStringField("target", routed.target());
        json.writeNumberField("k", routed.k());
        json.writeNumberField("goodputTokensPerSecond", routed.goodputTokensPerSecond());
        json.writeNumberField("tokensPerDollar", routed.tokensPerDollar());
        json.writeNumberField("switchesPerToken", routed.switchesPerToken());
        json.writeNumberField("memoryBytes", routed.route().memoryBytes());
        json.writeStringField("singleBest", routed.singleBest().toString());
        json.writeNumberField("singleBestGoodputTokensPerSecond", routed.singleBestGoodputTokensPerSecond());
        json.writeBooleanField("beatsSingleBest", routed.beatsSingleBest());
        json.writeStringField("provenance", "predicted by the analytical model from the profiles' figures");
        json.writeStringField("verdict", routed.verdict());
        json.writeEndObject();
    }

    private static void writeScenario(JsonGenerator json, ScenarioEvaluation evaluation) throws IOException {
        EvaluatedSpace space = evaluation.rows();
        json.writeStartObject();
        json.writeStringField("id", evaluation.scenario().id());
        json.writeStringField("name", evaluation.scenario().name());
        json.writeStringField("file", evaluation.file().toString());
        json.writeStringField("pricing", space.pricing().jsonName());
        json.writeStringField("billing", space.billing().jsonName());
        json.writeStringField("energy", space.energy().jsonName());
        json.writeNumberField("kMin", space.kMin());
        json.writeNumberField("kMax", space.kMin() + space.kCount() - 1);
        json.writeObjectFieldStart("whatIf");
        for (Map.Entry<String, Object> setting : evaluation.whatIf().settings().entrySet()) {
            json.writeFieldName(setting.getKey());
            switch (setting.getValue()) {
                case Integer i -> json.writeNumber(i);
                case Double d -> json.writeNumber(d);
                default -> json.writeString(setting.getValue().toString());
            }
        }
        json.writeEndObject();
        ConfigurationFilter filter = evaluation.filter();
        if (!filter.keepsAll()) {
            json.writeObjectFieldStart("filter");
            writeTexts(json, "devices", filter.devices());
            writeTexts(json, "drafters", filter.drafters());
            writeTexts(json, "targets", filter.targets());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writeTexts(JsonGenerator json, String name, List<String> values) throws IOException {
        if (!values.isEmpty()) {
            json.writeArrayFieldStart(name);
            for (String v : values) {
                json.writeString(v);
            }
            json.writeEndArray();
        }
    }

    private static void writeRow(JsonGenerator json, ScenarioEvaluation evaluation, int row)
        throws IOException {
        json.writeStartObject();
        for (ConfigurationColumn column : ConfigurationColumn.ALL) {
            json.writeFieldName(column.name());
            ConfigurationColumn.Value value = column.value();
            switch (column.type()) {
                case TEXT -> json.writeString(value.text(evaluation, row));
                case WHOLE -> json.writeNumber((long) value.number(evaluation, row));
                case NUMBER -> {
                    double v = value.number(evaluation, row);
                    if (Double.isFinite(v)) {
                        json.writeNumber(v);
                    } else {
                        json.writeNull();
                    }
                }
                case FLAG -> json.writeBoolean(value.flag(evaluation, row));
            }
        }
        json.writeEndObject();
    }

    // ---------------------------------------------------------------- CSV

    private static void writeCsv(
        Writer out,
        ScenarioEvaluation evaluation,
        RowSource rows,
        List<Recommendation> recommendations
    ) throws IOException {
        writeCsv(new CsvLines(null, out), evaluation, rows, recommendations);
    }

    private static void writeCsv(
        CsvLines lines,
        ScenarioEvaluation evaluation,
        RowSource rows,
        List<Recommendation> recommendations
    ) throws IOException {
        lines.put(csvHeader(recommendations != null));
        CsvCells cells = new CsvCells();
        int[] index = { 0 };
        rows.forEach((holder, row) -> {
            int i = index[0]++;
            if (recommendations != null) {
                lines.put(recommendations.get(i).kind().jsonName() + ",");
            }
            cells.row(lines, holder, row);
            if (recommendations != null) {
                lines.put(COMMA);
                lines.put(csvText(recommendations.get(i).reason()));
            }
            lines.put(NEWLINE);
            lines.lineEnded();
        });
        lines.flush();
    }

    private static String csvHeader(boolean recommendations) {
        return (
            (recommendations ? "recommendation," : "") +
            String.join(",", ConfigurationColumn.names()) +
            (recommendations ? ",reason" : "") +
            "\n"
        );
    }

    /** Rows per part of a block formatted by one thread. */
    private static final int PART_ROWS = 4096;

    /**
     * Every row of {@code evaluation} as CSV, block by block ({@link
     * ScenarioEvaluation#forEachBlock}); each block's rows are formatted in parts of {@link
     * #PART_ROWS} rows by one thread per processor, and the parts are written in order, so the
     * bytes are those of a single thread (each part's cells start from a fresh {@link CsvCells},
     * which only skips work, never changes a cell). Formatting, not evaluation, is most of the
     * time of a sweep (docs/benchmarks.md).
     */
    private static void writeEveryRowCsv(CsvLines lines, ScenarioEvaluation evaluation) throws IOException {
        int threads = Runtime.getRuntime().availableProcessors();
        if (threads < 2) {
            writeCsv(lines, evaluation, everyRow(evaluation), null);
            return;
        }
        lines.put(csvHeader(false));
        lines.flush();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "csv-rows");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CsvPart> parts = new ArrayList<>();
            List<Future<CsvPart>> formatted = new ArrayList<>();
            evaluation.forEachBlock(block -> {
                formatted.clear();
                for (int from = 0, p = 0, n = block.size(); from < n; from += PART_ROWS, p++) {
                    if (p == parts.size()) {
                        parts.add(new CsvPart(lines));
                    }
                    CsvPart part = parts.get(p);
                    int start = from;
                    int end = Math.min(n, from + PART_ROWS);
                    formatted.add(pool.submit(() -> part.format(block, start, end)));
                }
                // in order; the block's arrays are reused by the next block, so all parts end here
                for (Future<CsvPart> part : formatted) {
                    done(part).lines.flush();
                }
            });
        } finally {
            pool.shutdownNow();
        }
    }

    private static CsvPart done(Future<CsvPart> part) throws IOException {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while writing CSV rows");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IOException(e.getCause());
        }
    }

    /** One thread's part of a block: its own line buffer (written out by the caller) and cells. */
    private static final class CsvPart {

        final CsvLines lines;
        private final CsvCells cells = new CsvCells();

        CsvPart(CsvLines output) {
            lines = new CsvLines(output.stream, output.writer);
        }

        CsvPart format(ScenarioEvaluation block, int from, int to) {
            for (int row = from; row < to; row++) {
                cells.row(lines, block, row);
                lines.put(NEWLINE);
            }
            return this;
        }
    }

    private static final byte COMMA = ',';
    private static final byte NEWLINE = '\n';
    private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

    /**
     * CSV bytes (UTF-8) collected in one reused array and handed on in chunks of about 64 KB: to a
     * stream as they are, or to a writer decoded, one chunk at a time (chunks end at line ends, so
     * no character is split). No object per row or per cell.
     */
    private static final class CsvLines {

        private static final int CHUNK = 1 << 16;
        private static final int WRITE_PIECE = 1 << 18;

        private byte[] bytes = new byte[CHUNK + 8192];
        private int length;
        private final OutputStream stream;
        private final Writer writer;

        CsvLines(OutputStream stream, Writer writer) {
            this.stream = stream;
            this.writer = writer;
        }

        private void room(int more) {
            if (length + more > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
            }
        }

        void put(byte b) {
            room(1);
            bytes[length++] = b;
        }

        void put(byte[] b) {
            put(b, b.length);
        }

        void put(byte[] b, int count) {
            room(count);
            System.arraycopy(b, 0, bytes, length, count);
            length += count;
        }

        void put(String text) {
            put(text.getBytes(StandardCharsets.UTF_8));
        }

        void lineEnded() throws IOException {
            if (length >= CHUNK) {
                flush();
            }
        }

        void flush() throws IOException {
            if (stream != null) {
                // in pieces: a file channel's stream copies a heap array through a temporary direct
                // buffer of the array's size, a fresh mapping (page faults) whenever a larger one is
                // needed; a part of a block is megabytes
                for (int at = 0; at < length; at += WRITE_PIECE) {
                    stream.write(bytes, at, Math.min(WRITE_PIECE, length - at));
                }
            } else {
                writer.write(new String(bytes, 0, length, StandardCharsets.UTF_8));
            }
            length = 0;
        }
    }

    /**
     * One row's cells. Text cells are read, escaped and encoded once per combination; a number that
     * repeats the previous row's (the per-combination numbers, for every K of a combination) is
     * copied from the previous row's digits instead of being formatted again. Digits are those of
     * {@link Double#toString(double)} ({@link StringBuilder#append(double)} writes them without
     * making a string).
     */
    private static final class CsvCells {

        private static final ConfigurationColumn[] COLUMNS = ConfigurationColumn.ALL.toArray(
            ConfigurationColumn[]::new
        );

        private final int[] lastCombination;
        private final byte[][] lastEscaped;
        private final long[] lastBits;
        private final byte[][] lastDigits;
        private final int[] lastLength;
        private final StringBuilder scratch = new StringBuilder(32);

        CsvCells() {
            int columns = COLUMNS.length;
            lastCombination = new int[columns];
            java.util.Arrays.fill(lastCombination, -1);
            lastEscaped = new byte[columns][];
            lastBits = new long[columns];
            lastDigits = new byte[columns][32];
            lastLength = new int[columns];
            java.util.Arrays.fill(lastLength, -1);
        }

        /** The cells of one row, comma-separated, without the line end. */
        void row(CsvLines line, ScenarioEvaluation evaluation, int row) {
            int combination = evaluation.rows().combinationIndex(row);
            for (int c = 0; c < COLUMNS.length; c++) {
                if (c > 0) {
                    line.put(COMMA);
                }
                append(line, c, COLUMNS[c], evaluation, row, combination);
            }
        }

        private void append(
            CsvLines line,
            int c,
            ConfigurationColumn column,
            ScenarioEvaluation evaluation,
            int row,
            int combination
        ) {
            ConfigurationColumn.Value value = column.value();
            switch (column.type()) {
                case TEXT -> {
                    // text columns describe the combination (ConfigurationColumn.Type.TEXT): read,
                    // escape and encode them once per combination, not once per K
                    if (combination != lastCombination[c]) {
                        lastCombination[c] = combination;
                        lastEscaped[c] = csvText(value.text(evaluation, row)).getBytes(
                            StandardCharsets.UTF_8
                        );
                    }
                    line.put(lastEscaped[c]);
                }
                case WHOLE -> {
                    scratch.setLength(0);
                    scratch.append((long) value.number(evaluation, row));
                    putAscii(line, scratch);
                }
                case NUMBER -> {
                    double v = value.number(evaluation, row);
                    if (!Double.isFinite(v)) {
                        return;
                    }
                    long bits = Double.doubleToRawLongBits(v);
                    if (lastLength[c] < 0 || bits != lastBits[c]) {
                        scratch.setLength(0);
                        scratch.append(v); // the digits of Double.toString(v), written in place
                        int length = scratch.length();
                        byte[] digits = lastDigits[c];
                        for (int i = 0; i < length; i++) {
                            digits[i] = (byte) scratch.charAt(i);
                        }
                        lastLength[c] = length;
                        lastBits[c] = bits;
                    }
                    line.put(lastDigits[c], lastLength[c]);
                }
                case FLAG -> line.put(value.flag(evaluation, row) ? TRUE : FALSE);
            }
        }

        private static void putAscii(CsvLines line, StringBuilder digits) {
            for (int i = 0, n = digits.length(); i < n; i++) {
                line.put((byte) digits.charAt(i));
            }
        }
    }

    /** A CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break. */
    static String csvText(String value) {
        if (
            value.indexOf(',') >= 0 ||
            value.indexOf('"') >= 0 ||
            value.indexOf('\n') >= 0 ||
            value.indexOf('\r') >= 0
        ) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    // ---------------------------------------------------------------- text

    private static void writeTable(Writer out, ScenarioEvaluation evaluation, int[] rows) throws IOException {
        EvaluatedSpace space = evaluation.rows();
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
        List<String[]> cells = new ArrayList<>(rows.length);
        int front = 0;
        for (int row : rows) {
            Configuration c = space.configuration(row);
            Combination combination = space.combination(row);
            boolean onFront = evaluation.onPaperFront(row);
            front += onFront ? 1 : 0;
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
                    onFront ? "*" : "",
                    space.feasible(row) ? "yes" : "no",
                    sourceCode(combination.draftingSource()) +
                    "/" +
                    sourceCode(combination.acceptanceSource()),
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
        out.write(
            "Scenario " +
                evaluation.scenario().id() +
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

    private static void writeRecommendationText(
        Writer out,
        ScenarioEvaluation evaluation,
        List<Recommendation> recommendations
    ) throws IOException {
        EvaluatedSpace space = evaluation.rows();
        out.write(
            "Scenario " +
                evaluation.scenario().id() +
                ": " +
                evaluation.feasibleCount() +
                " of " +
                evaluation.configurationCount() +
                " configurations meet the constraints.\n"
        );
        boolean illustrative = false;
        for (Recommendation r : recommendations) {
            out.write("\n" + title(r.kind()) + ": " + r.configuration() + "\n  " + r.reason() + "\n");
            Combination combination = space.combination(r.row());
            out.write(
                "  Figures from: drafting speed " +
                    source(combination.draftingSource()) +
                    ", power " +
                    (combination.drafting().powerWatts().isPresent()
                        ? source(combination.powerSource())
                        : "not measured") +
                    ", α " +
                    source(combination.acceptanceSource()) +
                    ", verification " +
                    source(combination.verificationSource()) +
                    ".\n"
            );
            illustrative |= combination.illustrative();
        }
        for (RoutedComparison routed : evaluation.routedComparisons()) {
            out.write("\nRouted drafting: " + routed.verdict() + ".\n");
        }
        var notMeasured = evaluation.energyNotMeasured();
        if (notMeasured.isPresent()) {
            out.write("\n" + notMeasured.get() + "\n");
        }
        if (illustrative) {
            out.write(
                "\nIllustrative figures are placeholders, not measurements: measure your board with" +
                    " 'configspec profile' or 'configspec measure' before relying on them.\n"
            );
        }
    }

    /** The title of a recommendation for people, e.g. "Best goodput". */
    public static String title(Recommendation.Kind kind) {
        return switch (kind) {
            case GOODPUT -> "Best goodput";
            case COST -> "Best cost";
            case ENERGY -> "Best energy";
            case BALANCED -> "Balanced";
        };
    }

    /** A provenance in a few words: the kind, with the source or tool where it has one. */
    private static String source(Provenance provenance) {
        return provenance instanceof Provenance.Illustrative ? provenance.kind() : provenance.label();
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
            String spaces = " ".repeat(Math.max(0, widths[i] - values[i].length()));
            builder.append(text ? values[i] + spaces : spaces + values[i]);
            if (i < values.length - 1) {
                builder.append("  ");
            }
        }
        return builder.toString().stripTrailing() + "\n";
    }

    private static String format(String pattern, double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, pattern, value) : "n/a";
    }
}
