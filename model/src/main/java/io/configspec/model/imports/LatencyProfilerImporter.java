package io.configspec.model.imports;

import io.configspec.model.domain.DeviceKind;
import io.configspec.model.imports.ImportedMeasurements.Acceptance;
import io.configspec.model.imports.ImportedMeasurements.Board;
import io.configspec.model.imports.ImportedMeasurements.DraftingRate;
import io.configspec.model.imports.ImportedMeasurements.ModelRun;
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
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The CSV files of the ConfigSpec authors' profiler (github.com/leexcape/Llamacpp-Latency-Profiler,
 * {@code results/}; docs/importing.md), two kinds told apart by their header:
 *
 * <ul>
 *   <li>a model profile ({@code device, model_name, tok_s_avg, tok_s_min, tok_s_max, pm_method,
 *       pm_interval_s, pm_samples, power_avg_w, power_min_w, power_max_w, …}, one row per GGUF
 *       file): the decode rate of each model on each board and the board power while it ran;
 *   <li>an acceptance sweep ({@code target_model, draft_model, spec_len, mean_acceptance_rate,
 *       std_acceptance_rate, min_acceptance_rate, max_acceptance_rate}): α(K) per drafter and
 *       target at each speculative length K, measured per drafter (no quantisation).
 * </ul>
 */
public final class LatencyProfilerImporter extends AbstractImporter implements MeasurementImporter {

    private static final Pattern DATE_IN_NAME = Pattern.compile(
        "(\\d{4}-\\d{2}-\\d{2})_\\d{2}-\\d{2}-\\d{2}"
    );

    public LatencyProfilerImporter() {
        super(
            "llamacpp-latency-profiler",
            "ConfigSpec profiler CSV (Llamacpp-Latency-Profiler: model profile or acceptance sweep)"
        );
    }

    @Override
    public boolean detects(Path file, String head) {
        List<String> header = ToolRows.csvHeader(head.stripLeading());
        return (
            header.containsAll(List.of("device", "model_name", "tok_s_avg")) ||
            header.containsAll(List.of("target_model", "draft_model", "spec_len", "mean_acceptance_rate"))
        );
    }

    @Override
    public ImportedMeasurements measure(Path file, String text) throws ProfileException {
        List<String> header = ToolRows.csvHeader(text.stripLeading());
        if (header.contains("tok_s_avg")) {
            return profile(file, text, header);
        }
        if (header.contains("mean_acceptance_rate")) {
            return acceptance(file, text, header);
        }
        throw ProfileException.ofFile(
            file,
            "is not a ConfigSpec profiler CSV: its header has neither device, model_name, tok_s_avg (model profile) nor target_model, draft_model, spec_len, mean_acceptance_rate (acceptance sweep)",
            null
        );
    }

    private ImportedMeasurements profile(Path file, String text, List<String> header)
        throws ProfileException {
        for (String required : List.of("device", "model_name", "tok_s_avg")) {
            if (!header.contains(required)) {
                throw ProfileException.ofFile(file, "has no " + required + " column", null);
            }
        }
        List<Row> rows = ToolRows.csv(file, text);
        if (rows.isEmpty()) {
            throw ProfileException.ofFile(file, "has a header but no rows", null);
        }
        Map<String, Board> boards = new LinkedHashMap<>();
        List<DraftingRate> drafting = new ArrayList<>();
        Optional<LocalDate> date = Optional.empty();
        for (Row row : rows) {
            String device = row.required("device");
            String model = row.required("model_name");
            double rate = row.positive("tok_s_avg");
            OptionalDouble min = bound(row, "tok_s_min", rate, true);
            OptionalDouble max = bound(row, "tok_s_max", rate, false);
            OptionalDouble power = row.number("power_avg_w");
            if (power.isPresent() && !(power.getAsDouble() > 0)) {
                throw row.problem(
                    "power_avg_w must be greater than 0 but is " + row.text("power_avg_w").orElse("")
                );
            }
            int powerSamples = (int) Math.min(Integer.MAX_VALUE, row.count("pm_samples", 0));
            boards.computeIfAbsent(device, LatencyProfilerImporter::board);
            ModelNames.Name name = ModelNames.ofFile(model);
            if (name.id().isEmpty()) {
                throw row.problem("model_name \"" + model + "\" gives no model id");
            }
            StringBuilder detail = new StringBuilder("tok_s_avg");
            if (min.isPresent() && max.isPresent()) {
                detail
                    .append(" (min ")
                    .append(row.text("tok_s_min").get())
                    .append(", max ")
                    .append(row.text("tok_s_max").get())
                    .append(" tok/s; runs not stated)");
            } else {
                detail.append(" (runs not stated)");
            }
            if (power.isPresent()) {
                detail
                    .append("; power_avg_w ")
                    .append(
                        row
                            .text("pm_method")
                            .map(m -> "by " + m + ", ")
                            .orElse("")
                    );
                detail.append(powerSamples).append(" readings");
                row.text("pm_interval_s").ifPresent(s -> detail.append(" every ").append(s).append(" s"));
                if (row.has("power_min_w") && row.has("power_max_w")) {
                    detail
                        .append(", min ")
                        .append(row.text("power_min_w").get())
                        .append(" W, max ")
                        .append(row.text("power_max_w").get())
                        .append(" W");
                }
            }
            drafting.add(
                new DraftingRate(
                    device,
                    ModelRun.named(name),
                    rate,
                    OptionalDouble.empty(),
                    1,
                    power,
                    Math.max(1, powerSamples),
                    detail.toString(),
                    row.line()
                )
            );
            if (date.isEmpty()) {
                date = row.text("saved_path").flatMap(LatencyProfilerImporter::dateIn);
            }
        }
        if (date.isEmpty()) {
            date = dateIn(file.getFileName().toString());
        }
        return ImportedMeasurements.drafting(
            file,
            id(),
            "Llamacpp-Latency-Profiler",
            date,
            List.copyOf(boards.values()),
            drafting
        );
    }

    private ImportedMeasurements acceptance(Path file, String text, List<String> header)
        throws ProfileException {
        for (String required : List.of("target_model", "draft_model", "spec_len", "mean_acceptance_rate")) {
            if (!header.contains(required)) {
                throw ProfileException.ofFile(file, "has no " + required + " column", null);
            }
        }
        List<Row> rows = ToolRows.csv(file, text);
        if (rows.isEmpty()) {
            throw ProfileException.ofFile(file, "has a header but no rows", null);
        }
        List<Acceptance> acceptance = new ArrayList<>();
        for (Row row : rows) {
            String target = row.required("target_model");
            String drafter = row.required("draft_model");
            long k = row.count("spec_len", -1);
            if (k < 1) {
                throw row.problem(
                    "spec_len must be a whole number ≥ 1 but is " + row.text("spec_len").orElse("missing")
                );
            }
            double mean = probability(row, "mean_acceptance_rate").orElseThrow(() ->
                row.problem("mean_acceptance_rate is missing")
            );
            OptionalDouble sd = probability(row, "std_acceptance_rate");
            OptionalDouble min = probability(row, "min_acceptance_rate");
            OptionalDouble max = probability(row, "max_acceptance_rate");
            if (min.isPresent() && min.getAsDouble() > mean) {
                throw row.problem("min_acceptance_rate exceeds mean_acceptance_rate");
            }
            if (max.isPresent() && max.getAsDouble() < mean) {
                throw row.problem("max_acceptance_rate is below mean_acceptance_rate");
            }
            acceptance.add(
                new Acceptance(
                    Optional.of(ModelRun.named(ModelNames.ofFile(drafter))),
                    Optional.of(ModelRun.named(ModelNames.ofFile(target))),
                    OptionalInt.of((int) k),
                    mean,
                    sd,
                    min,
                    max,
                    OptionalLong.empty(),
                    OptionalLong.empty(),
                    List.of(),
                    "α(K) over prompts (mean_acceptance_rate, std_acceptance_rate; sample count not stated); measured per drafter, not per quantisation",
                    row.line()
                )
            );
        }
        return ImportedMeasurements.acceptance(
            file,
            id(),
            "Llamacpp-Latency-Profiler",
            dateIn(file.getFileName().toString()),
            acceptance,
            List.of()
        );
    }

    private static OptionalDouble probability(Row row, String field) throws ProfileException {
        OptionalDouble v = row.number(field);
        if (v.isPresent() && (v.getAsDouble() < 0 || v.getAsDouble() > 1)) {
            throw row.problem(field + " must be in [0, 1] but is " + row.text(field).orElse(""));
        }
        return v;
    }

    /** A board the profiler names, e.g. {@code raspberry_pi_5} → Raspberry Pi 5, a single-board computer. */
    /**
     * The row's {@code column}, a minimum ({@code tok_s_min}) that must not exceed tok_s_avg or a
     * maximum ({@code tok_s_max}) that must not be below it.
     */
    private static OptionalDouble bound(Row row, String column, double rate, boolean minimum)
        throws ProfileException {
        OptionalDouble value = row.number(column);
        if (value.isPresent() && (minimum ? value.getAsDouble() > rate : value.getAsDouble() < rate)) {
            throw row.problem(
                column +
                    " (" +
                    row.text(column).orElse("") +
                    (minimum ? ") exceeds tok_s_avg (" : ") is below tok_s_avg (") +
                    row.text("tok_s_avg").orElse("") +
                    ")"
            );
        }
        return value;
    }

    private static Board board(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        StringBuilder name = new StringBuilder();
        for (String word : lower.split("[_\\s-]+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!name.isEmpty()) {
                name.append(' ');
            }
            name.append(
                switch (word) {
                    case "pi" -> "Pi";
                    case "agx" -> "AGX";
                    default -> Character.toUpperCase(word.charAt(0)) + word.substring(1);
                }
            );
        }
        Optional<DeviceKind> kind = lower.contains("raspberry") || lower.startsWith("rpi")
            ? Optional.of(DeviceKind.SINGLE_BOARD_COMPUTER)
            : lower.contains("jetson")
                ? Optional.of(DeviceKind.EMBEDDED_GPU)
                : Optional.empty();
        return new Board(key, name.toString(), kind, "", "");
    }

    private static Optional<LocalDate> dateIn(String text) {
        Matcher m = DATE_IN_NAME.matcher(text);
        if (m.find()) {
            try {
                return Optional.of(LocalDate.parse(m.group(1)));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
