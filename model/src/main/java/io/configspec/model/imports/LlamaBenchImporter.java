package io.configspec.model.imports;

import io.configspec.model.imports.ImportedMeasurements.Board;
import io.configspec.model.imports.ImportedMeasurements.DraftingRate;
import io.configspec.model.imports.ImportedMeasurements.ModelRun;
import io.configspec.model.imports.ImportedMeasurements.PrefillRate;
import io.configspec.model.imports.ToolRows.Row;
import io.configspec.model.io.ProfileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * llama.cpp's {@code llama-bench} results (docs/importing.md): its JSON ({@code -o json}), JSON
 * Lines ({@code -o jsonl}), CSV ({@code -o csv}) and default markdown table, of the builds since
 * 2023 (fields read by name, so the columns each build added or dropped do not matter: {@code
 * model_filename}, {@code model_type}, {@code model_size}, {@code model_n_params}, {@code n_prompt},
 * {@code n_gen}, {@code n_depth} (since 2025), {@code avg_ts}, {@code stddev_ts}, {@code
 * samples_ts}, {@code build_commit}, {@code build_number}, {@code cpu_info}, {@code gpu_info},
 * {@code backends} (or the older {@code cuda}/{@code metal}/… flags), {@code test_time}).
 *
 * <p>A text-generation test ({@code n_gen > 0}, {@code n_prompt = 0}) is a drafting rate of its
 * model file; a prompt-processing test ({@code n_prompt > 0}, {@code n_gen = 0}) is a prefill rate,
 * kept apart; a combined {@code pp+tg} test is neither and is left out.
 */
public final class LlamaBenchImporter extends AbstractImporter implements MeasurementImporter {

    /** The boolean backend flags of builds before the {@code backends} field (2023 – late 2024). */
    private static final Map<String, String> BACKEND_FLAGS = flags();

    private static final Pattern MD_TEST = Pattern.compile(
        "^(pp|tg)\\s*(\\d+)(?:\\s*\\+\\s*tg\\s*(\\d+))?(?:\\s*@\\s*d\\s*(\\d+))?$"
    );
    private static final Pattern MD_RATE = Pattern.compile(
        "^([0-9]+(?:\\.[0-9]+)?)\\s*(?:±\\s*([0-9]+(?:\\.[0-9]+)?))?$"
    );
    private static final Pattern MD_BUILD = Pattern.compile("^build:\\s*([0-9a-fA-F]+)\\s*\\((\\d+)\\)");

    public LlamaBenchImporter() {
        super("llama-bench", "llama-bench results (JSON, JSON Lines, CSV or markdown table)");
    }

    @Override
    public boolean detects(Path file, String head) {
        String text = head.stripLeading();
        if ((text.startsWith("[") || text.startsWith("{")) && head.contains("\"avg_ts\"")) {
            return head.contains("\"n_gen\"") || head.contains("\"n_prompt\"");
        }
        List<String> header = ToolRows.csvHeader(text);
        if (header.contains("avg_ts") && header.contains("n_gen") && header.contains("model_type")) {
            return true;
        }
        return markdownHeader(text).isPresent();
    }

    @Override
    public ImportedMeasurements measure(Path file, String text) throws ProfileException {
        String trimmed = text.stripLeading();
        List<Row> rows;
        String build = "";
        if (trimmed.startsWith("[")) {
            rows = ToolRows.jsonObjects(file, text);
        } else if (trimmed.startsWith("{")) {
            boolean lines = trimmed.lines().findFirst().orElse("").strip().endsWith("}");
            rows = lines ? ToolRows.jsonLines(file, text) : ToolRows.jsonObjects(file, text);
        } else if (ToolRows.csvHeader(trimmed).contains("avg_ts")) {
            rows = ToolRows.csv(file, text);
        } else if (markdownHeader(trimmed).isPresent()) {
            Markdown table = markdown(file, text);
            rows = table.rows();
            build = table.build();
        } else {
            throw ProfileException.ofFile(
                file,
                "is not llama-bench output (expected its JSON, JSON Lines, CSV or markdown table: a header with avg_ts, n_gen, or a | model | … | t/s | table)",
                null
            );
        }
        if (rows.isEmpty()) {
            throw ProfileException.ofFile(file, "holds no llama-bench test results", null);
        }
        List<Board> boards = new ArrayList<>();
        List<DraftingRate> drafting = new ArrayList<>();
        List<PrefillRate> prefill = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        Optional<LocalDate> date = Optional.empty();
        String commit = "";
        String number = "";
        for (Row row : rows) {
            Test t = test(row);
            if (t.generated() > 0 && t.prompt() == 0) {
                drafting.add(
                    new DraftingRate(
                        "",
                        t.model(),
                        t.rate(),
                        t.spread(),
                        t.repetitions(),
                        OptionalDouble.empty(),
                        0,
                        t.detail(),
                        row.line()
                    )
                );
            } else if (t.prompt() > 0 && t.generated() == 0) {
                prefill.add(
                    new PrefillRate("", t.model(), t.rate(), (int) t.prompt(), t.detail(), row.line())
                );
            } else if (t.prompt() > 0 && t.generated() > 0) {
                leftOut.add(
                    file.getFileName() +
                        " line " +
                        row.line() +
                        ": the combined test " +
                        t.detail() +
                        " of " +
                        t.model().name().source() +
                        " times prompt processing and generation together, neither a drafting nor a prefill rate: left out (run llama-bench with -n tests for drafting rates)"
                );
            }
            if (boards.isEmpty()) {
                boards.add(board(row));
            }
            if (date.isEmpty()) {
                date = row.text("test_time").flatMap(LlamaBenchImporter::day);
            }
            commit = commit.isEmpty() ? row.text("build_commit").orElse("") : commit;
            number = number.isEmpty() ? row.text("build_number").orElse("") : number;
        }
        if (drafting.isEmpty() && prefill.isEmpty()) {
            throw ProfileException.ofFile(
                file,
                "holds only combined prompt+generation (pg) tests; run llama-bench with -p and -n tests (e.g. -p 512 -n 128)",
                null
            );
        }
        String tool = "llama-bench";
        if (!number.isEmpty()) {
            tool += " build " + number + (commit.isEmpty() ? "" : " (" + commit + ")");
        } else if (!build.isEmpty()) {
            tool += " build " + build;
        } else if (!commit.isEmpty()) {
            tool += " commit " + commit;
        }
        return new ImportedMeasurements(
            file,
            id(),
            tool,
            date,
            boards,
            drafting,
            prefill,
            List.of(),
            List.of(),
            List.of(),
            leftOut
        );
    }

    /** One test result, read from any of the four forms. */
    private record Test(
        ModelRun model,
        long prompt,
        long generated,
        double rate,
        OptionalDouble spread,
        int repetitions,
        String detail
    ) {}

    private static Test test(Row row) throws ProfileException {
        long prompt = row.count("n_prompt", -1);
        long generated = row.count("n_gen", -1);
        if (prompt < 0 || generated < 0) {
            throw row.problem(
                (prompt < 0 ? "n_prompt" : "n_gen") + " is missing (not a llama-bench test result)"
            );
        }
        double rate = row.positive("avg_ts");
        OptionalDouble spread = row.number("stddev_ts");
        if (spread.isPresent() && spread.getAsDouble() < 0) {
            throw row.problem("stddev_ts must not be negative but is " + row.text("stddev_ts").orElse(""));
        }
        ModelRun model = model(row);
        long depth = row.count("n_depth", 0);
        StringBuilder detail = new StringBuilder();
        if (prompt > 0 && generated > 0) {
            detail.append("pp").append(prompt).append("+tg").append(generated);
        } else {
            detail.append(generated > 0 ? "tg" + generated : "pp" + prompt);
        }
        if (depth > 0) {
            detail.append(" @ d").append(depth);
        }
        row.text("n_threads").ifPresent(n -> detail.append(", ").append(n).append(" threads"));
        String backend = backend(row);
        if (!backend.isEmpty()) {
            detail.append(", ").append(backend);
        }
        row.text("n_gpu_layers").ifPresent(n -> detail.append(", ngl ").append(n));
        int repetitions = row.arrays().getOrDefault("samples_ts", row.arrays().getOrDefault("samples_ns", 0));
        if (repetitions == 0) {
            detail.append(" (repetitions not stated in the file)");
        }
        return new Test(model, prompt, generated, rate, spread, Math.max(1, repetitions), detail.toString());
    }

    private static ModelRun model(Row row) throws ProfileException {
        Optional<String> type = row.text("model_type");
        Optional<String> fileName = row.text("model_filename");
        ModelNames.Name name;
        if (fileName.isPresent()) {
            name = ModelNames.ofFile(fileName.get());
            if (name.quantization().isEmpty() && type.isPresent()) {
                Optional<String> q = ModelNames.ofLlamaBenchType(type.get()).quantization();
                name = new ModelNames.Name(
                    name.source(),
                    name.id(),
                    q,
                    name.family(),
                    name.nominalParameters()
                );
            }
        } else if (type.isPresent()) {
            name = ModelNames.ofLlamaBenchType(type.get());
        } else {
            throw row.problem("neither model_filename nor model_type is given");
        }
        if (name.id().isEmpty()) {
            throw row.problem("the model name \"" + name.source() + "\" gives no model id");
        }
        long parameters = row.count("model_n_params", 0);
        long bytes = row.count("model_size", 0);
        return new ModelRun(
            name,
            parameters > 0 ? OptionalLong.of(parameters) : OptionalLong.empty(),
            bytes > 0 ? OptionalLong.of(bytes) : OptionalLong.empty()
        );
    }

    private static Board board(Row row) {
        String cpu = row.text("cpu_info").orElse("");
        String gpu = row.text("gpu_info").orElse("");
        return new Board("", "", Optional.empty(), cpu, gpu);
    }

    private static String backend(Row row) {
        Optional<String> backends = row.text("backends").or(() -> row.text("backend"));
        if (backends.isPresent()) {
            return backends.get();
        }
        List<String> on = new ArrayList<>();
        for (Map.Entry<String, String> flag : BACKEND_FLAGS.entrySet()) {
            String v = row.text(flag.getKey()).orElse("");
            if (v.equals("1") || v.equalsIgnoreCase("true")) {
                on.add(flag.getValue());
            }
        }
        return on.isEmpty() && row.has("blas") ? "CPU" : String.join("+", on);
    }

    private static Map<String, String> flags() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("cuda", "CUDA");
        m.put("vulkan", "Vulkan");
        m.put("kompute", "Kompute");
        m.put("metal", "Metal");
        m.put("sycl", "SYCL");
        m.put("opencl", "OpenCL");
        m.put("rpc", "RPC");
        m.put("gpu_blas", "GPU BLAS");
        m.put("blas", "BLAS");
        return m;
    }

    private static Optional<LocalDate> day(String rfc3339) {
        try {
            return Optional.of(LocalDate.parse(rfc3339.substring(0, Math.min(10, rfc3339.length()))));
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- markdown

    private record Markdown(List<Row> rows, String build) {}

    /** The header cells of llama-bench's markdown table, if {@code text} starts with one. */
    private static Optional<List<String>> markdownHeader(String text) {
        for (String line : text.lines().limit(20).toList()) {
            String l = line.strip();
            if (l.startsWith("|")) {
                List<String> cells = cells(l);
                if (
                    !cells.isEmpty() &&
                    cells.getFirst().equals("model") &&
                    cells.contains("t/s") &&
                    cells.contains("test")
                ) {
                    return Optional.of(cells);
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static List<String> cells(String line) {
        String l = line.strip();
        if (l.startsWith("|")) {
            l = l.substring(1);
        }
        if (l.endsWith("|")) {
            l = l.substring(0, l.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (String c : l.split("\\|", -1)) {
            out.add(c.strip());
        }
        return out;
    }

    /**
     * The table as rows with llama-bench's field names: model → {@code model_type}, test → {@code
     * n_prompt}/{@code n_gen}/{@code n_depth}, t/s → {@code avg_ts}/{@code stddev_ts}, threads →
     * {@code n_threads}, ngl → {@code n_gpu_layers}, backend → {@code backends}, size/params as
     * written (rounded, so not used as sizes).
     */
    private static Markdown markdown(Path file, String text) throws ProfileException {
        String[] lines = text.split("\n", -1);
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        String build = "";
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            Matcher b = MD_BUILD.matcher(line);
            if (b.find()) {
                build = b.group(2) + " (" + b.group(1) + ")";
                continue;
            }
            if (!line.startsWith("|")) {
                continue;
            }
            List<String> cells = cells(line);
            if (header == null) {
                header = cells;
                continue;
            }
            if (cells.stream().allMatch(c -> c.matches(":?-+:?"))) {
                continue;
            }
            if (cells.size() != header.size()) {
                throw ProfileException.atLine(
                    file,
                    i + 1,
                    "has " + cells.size() + " cells but the table header has " + header.size()
                );
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < cells.size(); c++) {
                String name = header.get(c);
                String value = cells.get(c);
                switch (name) {
                    case "model" -> row.put("model_type", value);
                    case "threads" -> row.put("n_threads", value);
                    case "ngl" -> row.put("n_gpu_layers", value);
                    case "backend" -> row.put("backends", value);
                    case "test" -> {
                        Matcher m = cell(
                            MD_TEST,
                            value.toLowerCase(Locale.ROOT),
                            file,
                            i + 1,
                            "test \"" +
                                ToolRows.shorten(value) +
                                "\" is not a llama-bench test (ppN, tgN, ppN+tgM, optionally @ dN)"
                        );
                        boolean prompt = m.group(1).equals("pp");
                        row.put("n_prompt", prompt ? m.group(2) : "0");
                        row.put("n_gen", prompt ? (m.group(3) == null ? "0" : m.group(3)) : m.group(2));
                        row.put("n_depth", m.group(4) == null ? "0" : m.group(4));
                    }
                    case "t/s" -> {
                        Matcher m = cell(
                            MD_RATE,
                            value,
                            file,
                            i + 1,
                            "t/s \"" +
                                ToolRows.shorten(value) +
                                "\" is not a rate (expected e.g. 15.29 ± 0.12)"
                        );
                        row.put("avg_ts", m.group(1));
                        if (m.group(2) != null) {
                            row.put("stddev_ts", m.group(2));
                        }
                    }
                    default -> row.put(name, value);
                }
            }
            rows.add(new Row(file, i + 1, row, Map.of()));
        }
        return new Markdown(rows, build);
    }

    /** The match of a markdown table cell against {@code pattern}, or the problem at its line. */
    private static Matcher cell(Pattern pattern, String value, Path file, int line, String problem)
        throws ProfileException {
        Matcher m = pattern.matcher(value);
        if (!m.matches()) {
            throw ProfileException.atLine(file, line, problem);
        }
        return m;
    }
}
