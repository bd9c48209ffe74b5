package io.configspec.model.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.model.imports.ImportedMeasurements.Acceptance;
import io.configspec.model.imports.ImportedMeasurements.Goodput;
import io.configspec.model.imports.ImportedMeasurements.ModelRun;
import io.configspec.model.imports.ToolRows.Row;
import io.configspec.model.io.JsonInput;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * llama.cpp's {@code llama-server} with a draft model (docs/importing.md): either completion
 * responses (the {@code /completion} response, an OpenAI-compatible chat or text completion, a
 * JSON array or JSON Lines of them, or a saved {@code data: …} stream), whose {@code timings} carry
 * {@code predicted_n}, {@code predicted_ms}, {@code predicted_per_second}, {@code draft_n} and
 * {@code draft_n_accepted} (speculative decoding in the server, since late 2024), or the server's
 * log, whose {@code print_timing} lines give {@code eval time = … tokens per second} and {@code
 * draft acceptance rate = 0.57143 (   64 accepted /   112 generated)} per request (prefixed with
 * {@code slot print_timing: id  0 | task 0 |} on 2024–2025 builds, a continuation line since).
 *
 * <p>Each request gives an acceptance (accepted / drafted tokens at the K used) and a goodput
 * (generated tokens per second). K is the request's {@code speculative.n_max} where the response
 * states it ({@code generation_settings}), else not known (the acceptance is then pooled without
 * a K); the drafter is named only by the log ({@code loading draft model '…'}), else {@code
 * --drafter}.
 */
public final class LlamaServerImporter extends AbstractImporter implements MeasurementImporter {

    private static final Pattern ACCEPTANCE = Pattern.compile(
        "draft acceptance rate = ([0-9.]+) \\(\\s*(\\d+) accepted /\\s*(\\d+) generated\\)"
    );
    private static final Pattern EVAL = Pattern.compile(
        "(?<!prompt )eval time =\\s*([0-9.]+) ms /\\s*(\\d+) tokens \\(\\s*([0-9.]+) ms per token,\\s*([0-9.]+) tokens per second\\)"
    );
    private static final Pattern DRAFT_MODEL = Pattern.compile("loading draft model '([^']+)'");
    private static final Pattern TARGET_MODEL = Pattern.compile("(?<!draft )loading model '([^']+)'");
    private static final Pattern BUILD = Pattern.compile("\\bbuild: (\\d+) \\(([0-9a-f]+)\\)");
    private static final Pattern FINGERPRINT = Pattern.compile("^b(\\d+)-([0-9a-f]+)$");

    public LlamaServerImporter() {
        super("llama-server", "llama-server completion responses (timings) or its log");
    }

    @Override
    public boolean detects(Path file, String head) {
        if (
            head.contains("\"timings\"") &&
            (head.contains("\"draft_n\"") || head.contains("\"predicted_per_second\""))
        ) {
            return true;
        }
        return (
            head.contains("slot print_timing") ||
            head.contains("draft acceptance rate = ") ||
            head.contains("srv    load_model:") ||
            (head.contains("main: server is listening") || head.contains("main: HTTP server is listening"))
        );
    }

    @Override
    public ImportedMeasurements measure(Path file, String text) throws ProfileException {
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed.startsWith("data:")) {
            return responses(file, text);
        }
        return log(file, text);
    }

    // ---------------------------------------------------------------- responses

    private ImportedMeasurements responses(Path file, String text) throws ProfileException {
        List<Row> rows = new ArrayList<>();
        List<ObjectNode> objects = new ArrayList<>();
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("data:")) {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (!line.startsWith("data:")) {
                    continue;
                }
                String json = line.substring(5).strip();
                if (json.equals("[DONE]")) {
                    continue;
                }
                ObjectNode object = object(file, i + 1, json);
                if (object.has("timings")) {
                    objects.add(object);
                    rows.add(new Row(file, i + 1, java.util.Map.of(), java.util.Map.of()));
                }
            }
        } else if (trimmed.startsWith("[") || !trimmed.lines().findFirst().orElse("").strip().endsWith("}")) {
            JsonNode tree = JsonInput.readTree(file, text);
            List<Row> located = ToolRows.jsonObjects(file, text);
            List<JsonNode> all = new ArrayList<>();
            if (tree.isArray()) {
                tree.forEach(all::add);
            } else {
                all.add(tree);
            }
            for (int i = 0; i < all.size(); i++) {
                objects.add((ObjectNode) all.get(i));
                rows.add(located.get(i));
            }
        } else {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                objects.add(object(file, i + 1, lines[i]));
                rows.add(new Row(file, i + 1, java.util.Map.of(), java.util.Map.of()));
            }
        }
        List<Acceptance> acceptance = new ArrayList<>();
        List<Goodput> goodput = new ArrayList<>();
        String tool = "llama-server";
        Optional<LocalDate> date = Optional.empty();
        for (int i = 0; i < objects.size(); i++) {
            ObjectNode o = objects.get(i);
            int line = rows.get(i).line();
            JsonNode timings = o.get("timings");
            if (timings == null || !timings.isObject()) {
                throw ProfileException.atLine(
                    file,
                    line,
                    "the response has no timings object (is it a llama-server completion response?)"
                );
            }
            Row t = ToolRows.row(file, line, (ObjectNode) timings);
            if (!t.has("draft_n")) {
                throw t.problem(
                    "timings has no draft_n: the server ran without a draft model (start llama-server with --model-draft)"
                );
            }
            long drafted = t.count("draft_n", 0);
            long accepted = t.count("draft_n_accepted", -1);
            if (accepted < 0) {
                throw t.problem("timings.draft_n_accepted is missing");
            }
            if (accepted > drafted) {
                throw t.problem(
                    "timings.draft_n_accepted (" + accepted + ") exceeds draft_n (" + drafted + ")"
                );
            }
            long generated = t.count("predicted_n", 0);
            double milliseconds = t.requiredNumber("predicted_ms");
            double perSecond = t
                .number("predicted_per_second")
                .orElse(milliseconds > 0 ? (generated * 1000.0) / milliseconds : 0);
            if (!(perSecond > 0) || generated == 0) {
                throw t.problem(
                    "timings must show generated tokens (predicted_n > 0, predicted_per_second > 0)"
                );
            }
            Optional<ModelRun> target = text(o, "model").map(m -> ModelRun.named(ModelNames.ofFile(m)));
            OptionalInt k = OptionalInt.empty();
            JsonNode settings = o.get("generation_settings");
            if (
                settings != null &&
                settings.has("speculative.n_max") &&
                settings.get("speculative.n_max").canConvertToInt()
            ) {
                int n = settings.get("speculative.n_max").asInt();
                if (n > 0) {
                    k = OptionalInt.of(n);
                }
            }
            if (drafted > 0) {
                acceptance.add(
                    Acceptance.counted(
                        Optional.empty(),
                        target,
                        k,
                        drafted,
                        accepted,
                        List.of(),
                        "completion response: draft_n_accepted / draft_n",
                        line
                    )
                );
            }
            goodput.add(
                new Goodput(
                    Optional.empty(),
                    target,
                    k,
                    perSecond,
                    generated,
                    milliseconds / 1000.0,
                    OptionalLong.of(drafted),
                    OptionalLong.of(accepted),
                    line
                )
            );
            Optional<String> fingerprint = text(o, "system_fingerprint");
            if (fingerprint.isPresent()) {
                Matcher m = FINGERPRINT.matcher(fingerprint.get());
                tool = m.matches()
                    ? "llama-server build " + m.group(1) + " (" + m.group(2) + ")"
                    : "llama-server " + fingerprint.get();
            }
            if (date.isEmpty() && o.has("created") && o.get("created").canConvertToLong()) {
                date = Optional.of(
                    LocalDate.ofInstant(Instant.ofEpochSecond(o.get("created").asLong()), ZoneOffset.UTC)
                );
            }
        }
        if (goodput.isEmpty()) {
            throw ProfileException.ofFile(file, "holds no completion response with timings", null);
        }
        return ImportedMeasurements.acceptance(file, id(), tool, date, acceptance, goodput);
    }

    private static ObjectNode object(Path file, int line, String json) throws ProfileException {
        try {
            JsonNode node = ProfileCodec.mapper().readTree(json);
            if (node instanceof ObjectNode o) {
                return o;
            }
        } catch (JsonProcessingException e) {
            throw ProfileException.atLine(
                file,
                line,
                "is not a JSON object: " + ToolRows.firstLine(e.getOriginalMessage())
            );
        }
        throw ProfileException.atLine(file, line, "is not a JSON object");
    }

    private static Optional<String> text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v != null && v.isTextual() && !v.asText().isBlank()
            ? Optional.of(v.asText())
            : Optional.empty();
    }

    // ---------------------------------------------------------------- log

    private ImportedMeasurements log(Path file, String text) throws ProfileException {
        String[] lines = text.split("\n", -1);
        Optional<ModelRun> drafter = Optional.empty();
        Optional<ModelRun> target = Optional.empty();
        String tool = "llama-server";
        List<Acceptance> acceptance = new ArrayList<>();
        List<Goodput> goodput = new ArrayList<>();
        Matcher lastEval = null;
        int lastEvalLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher m;
            if ((m = BUILD.matcher(line)).find() && tool.equals("llama-server")) {
                tool = "llama-server build " + m.group(1) + " (" + m.group(2) + ")";
            }
            if ((m = DRAFT_MODEL.matcher(line)).find()) {
                drafter = Optional.of(ModelRun.named(ModelNames.ofFile(m.group(1))));
                continue;
            }
            if ((m = TARGET_MODEL.matcher(line)).find()) {
                target = Optional.of(ModelRun.named(ModelNames.ofFile(m.group(1))));
                continue;
            }
            if ((m = EVAL.matcher(line)).find()) {
                lastEval = m;
                lastEvalLine = i + 1;
                continue;
            }
            if (line.contains("draft acceptance rate")) {
                m = ACCEPTANCE.matcher(line);
                if (!m.find()) {
                    throw ProfileException.atLine(
                        file,
                        i + 1,
                        "the draft acceptance line is not in llama-server's form (draft acceptance rate = R (A accepted / D generated))"
                    );
                }
                long accepted = Long.parseLong(m.group(2));
                long drafted = Long.parseLong(m.group(3));
                if (accepted > drafted) {
                    throw ProfileException.atLine(
                        file,
                        i + 1,
                        "accepted tokens (" + accepted + ") exceed generated draft tokens (" + drafted + ")"
                    );
                }
                if (drafted == 0) {
                    continue;
                }
                acceptance.add(
                    Acceptance.counted(
                        drafter,
                        target,
                        OptionalInt.empty(),
                        drafted,
                        accepted,
                        List.of(),
                        "server log: draft acceptance rate",
                        i + 1
                    )
                );
                if (lastEval != null && i + 1 - lastEvalLine <= 4) {
                    double ms = Double.parseDouble(lastEval.group(1));
                    long tokens = Long.parseLong(lastEval.group(2));
                    double perSecond = Double.parseDouble(lastEval.group(4));
                    if (perSecond > 0 && tokens > 0) {
                        goodput.add(
                            new Goodput(
                                drafter,
                                target,
                                OptionalInt.empty(),
                                perSecond,
                                tokens,
                                ms / 1000.0,
                                OptionalLong.of(drafted),
                                OptionalLong.of(accepted),
                                lastEvalLine
                            )
                        );
                    }
                }
                lastEval = null;
            }
        }
        if (acceptance.isEmpty()) {
            throw ProfileException.ofFile(
                file,
                "holds no 'draft acceptance rate' line: was the server run with a draft model (--model-draft) and did it finish a request?",
                null
            );
        }
        return ImportedMeasurements.acceptance(file, id(), tool, Optional.empty(), acceptance, goodput);
    }
}
