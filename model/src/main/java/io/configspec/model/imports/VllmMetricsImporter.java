package io.configspec.model.imports;

import io.configspec.model.imports.ImportedMeasurements.Acceptance;
import io.configspec.model.imports.ImportedMeasurements.ModelRun;
import io.configspec.model.io.ProfileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * vLLM's speculative decoding counters (docs/importing.md), from either its Prometheus {@code
 * /metrics} text or its log:
 *
 * <ul>
 *   <li>V1 engine (vLLM 0.8 and later): counters {@code vllm:spec_decode_num_drafts}, {@code
 *       …_num_draft_tokens}, {@code …_num_accepted_tokens} and {@code
 *       …_num_accepted_tokens_per_pos{position="i"}} (served with {@code _total}); the log line
 *       {@code SpecDecoding metrics: …} in its three wordings (0.8.0: {@code Draft acceptance rate:
 *       63.2%, Accepted: N tokens, Drafted: M tokens}; later with {@code Mean acceptance length},
 *       {@code Per-position acceptance rate: a, b, c} and, since 0.9, {@code Avg Draft acceptance
 *       rate}). Log intervals are summed.
 *   <li>V0 engine (vLLM 0.5–0.7): counters {@code vllm:spec_decode_num_accepted_tokens_total},
 *       {@code …_num_draft_tokens_total}, {@code …_num_emitted_tokens_total} and the gauge {@code
 *       vllm:spec_decode_draft_acceptance_rate}; the log line {@code Speculative metrics: Draft
 *       acceptance rate: 0.650, …, Number of speculative tokens: 5, Number of accepted tokens: …}
 *       (totals since start: the last line counts).
 * </ul>
 *
 * Mean acceptance = accepted / drafted tokens. vLLM counts per position the drafts whose first i+1
 * tokens were all accepted; their ratios give the conditional per-position acceptance α_i the
 * profiles use. The target is the {@code model_name} label or the log's {@code model='…'}; the
 * drafter the log's speculative config, else {@code --drafter}.
 */
public final class VllmMetricsImporter extends AbstractImporter implements MeasurementImporter {

    private static final String V1 = "vllm:spec_decode_num_drafts";
    private static final String DRAFT_TOKENS = "vllm:spec_decode_num_draft_tokens";
    private static final String ACCEPTED = "vllm:spec_decode_num_accepted_tokens";
    private static final String PER_POSITION = "vllm:spec_decode_num_accepted_tokens_per_pos";
    private static final String V0_RATE = "vllm:spec_decode_draft_acceptance_rate";

    private static final Pattern SPEC_V1 = Pattern.compile("SpecDecoding metrics: (.*)$");
    private static final Pattern SPEC_V0 = Pattern.compile("Speculative metrics: (.*)$");
    private static final Pattern ACCEPTED_TOKENS = Pattern.compile("\\bAccepted: (\\d+) tokens");
    private static final Pattern DRAFTED_TOKENS = Pattern.compile("\\bDrafted: (\\d+) tokens");
    private static final Pattern MEAN_LENGTH = Pattern.compile("Mean acceptance length: ([0-9.]+)");
    private static final Pattern PER_POSITION_RATES = Pattern.compile(
        "Per-position acceptance rate: ([0-9.]+(?:, [0-9.]+)*)"
    );
    private static final Pattern V0_ACCEPTED = Pattern.compile("Number of accepted tokens: (\\d+)");
    private static final Pattern V0_DRAFT = Pattern.compile("Number of draft tokens: (\\d+)");
    private static final Pattern V0_K = Pattern.compile("Number of speculative tokens: (\\d+)");
    private static final Pattern VERSION = Pattern.compile(
        "(?:vLLM API server version |LLM engine \\(v)([0-9][0-9A-Za-z.+-]*)"
    );
    private static final Pattern ENGINE_CONFIG = Pattern.compile("with config: model='([^']+)'");
    private static final Pattern SPEC_CONFIG = Pattern.compile("SpeculativeConfig\\(([^)]*)\\)");
    private static final Pattern SPEC_MODEL = Pattern.compile("(?:draft_)?model='([^']+)'");
    private static final Pattern SPEC_K = Pattern.compile("num_spec(?:ulative)?_tokens=(\\d+)");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})[ T]\\d{2}:\\d{2}");

    public VllmMetricsImporter() {
        super("vllm-metrics", "vLLM speculative decoding metrics (/metrics text or the server log)");
    }

    @Override
    public boolean detects(Path file, String head) {
        return (
            head.contains("vllm:spec_decode_") ||
            head.contains("SpecDecoding metrics:") ||
            head.contains("Speculative metrics: Draft acceptance rate") ||
            (head.contains("vllm") && head.contains("SpeculativeConfig("))
        );
    }

    @Override
    public ImportedMeasurements measure(Path file, String text) throws ProfileException {
        boolean prometheus =
            text
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .findFirst()
                .map(
                    l ->
                        l.startsWith("#") ||
                        l.startsWith("vllm:") ||
                        l.matches("^[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*)?\\s+\\S+.*")
                )
                .orElse(false) &&
            text.contains("vllm:");
        return prometheus ? metrics(file, text) : log(file, text);
    }

    // ---------------------------------------------------------------- /metrics

    private ImportedMeasurements metrics(Path file, String text) throws ProfileException {
        List<PrometheusText.Sample> samples = PrometheusText.parse(file, text);
        double drafts = 0;
        double draftTokens = 0;
        double accepted = 0;
        double v0Rate = Double.NaN;
        boolean sawDrafts = false;
        boolean sawDraftTokens = false;
        boolean sawAccepted = false;
        TreeMap<Integer, Double> perPosition = new TreeMap<>();
        String target = null;
        int line = 0;
        for (PrometheusText.Sample s : samples) {
            String name = s.name().endsWith("_total")
                ? s.name().substring(0, s.name().length() - 6)
                : s.name();
            if (!name.startsWith("vllm:spec_decode")) {
                continue;
            }
            if (!(s.value() >= 0) || Double.isInfinite(s.value())) {
                throw ProfileException.atLine(
                    file,
                    s.line(),
                    s.name() + " must be a count ≥ 0 but is " + s.value()
                );
            }
            if (target == null && s.labels().containsKey("model_name")) {
                target = s.labels().get("model_name");
            }
            line = line == 0 ? s.line() : line;
            switch (name) {
                case V1 -> {
                    drafts += s.value();
                    sawDrafts = true;
                }
                case DRAFT_TOKENS -> {
                    draftTokens += s.value();
                    sawDraftTokens = true;
                }
                case ACCEPTED -> {
                    accepted += s.value();
                    sawAccepted = true;
                }
                case PER_POSITION -> {
                    String position = s.labels().get("position");
                    int p;
                    try {
                        p = Integer.parseInt(position == null ? "" : position);
                    } catch (NumberFormatException e) {
                        throw ProfileException.atLine(
                            file,
                            s.line(),
                            s.name() + " has no whole-number position label"
                        );
                    }
                    perPosition.merge(p, s.value(), Double::sum);
                }
                case V0_RATE -> v0Rate = s.value();
                default -> {}
            }
        }
        if (!sawDraftTokens || !sawAccepted) {
            throw ProfileException.ofFile(
                file,
                "has no vllm:spec_decode_num_draft_tokens and vllm:spec_decode_num_accepted_tokens counters: was vLLM started with a speculative config?",
                null
            );
        }
        if (draftTokens <= 0) {
            throw ProfileException.ofFile(
                file,
                "counts no drafted tokens yet (vllm:spec_decode_num_draft_tokens is 0): send requests first",
                null
            );
        }
        if (accepted > draftTokens) {
            throw ProfileException.ofFile(
                file,
                "counts more accepted (" +
                    (long) accepted +
                    ") than drafted tokens (" +
                    (long) draftTokens +
                    ")",
                null
            );
        }
        OptionalInt k = OptionalInt.empty();
        List<Double> byPosition = List.of();
        if (sawDrafts && drafts > 0) {
            double perDraft = draftTokens / drafts;
            if (Math.abs(perDraft - Math.rint(perDraft)) < 1e-9) {
                k = OptionalInt.of((int) Math.rint(perDraft));
            } else if (!perPosition.isEmpty()) {
                k = OptionalInt.of(perPosition.lastKey() + 1);
            }
            byPosition = conditional(perPosition, drafts);
        }
        String detail =
            (sawDrafts ? "vLLM V1 /metrics" : "vLLM V0 /metrics") +
            ": accepted / drafted tokens" +
            (Double.isNaN(v0Rate) ? "" : " (gauge " + v0Rate + ")");
        Optional<ModelRun> targetRun = Optional.ofNullable(target).map(t ->
            ModelRun.named(ModelNames.ofFile(t))
        );
        Acceptance a = new Acceptance(
            Optional.empty(),
            targetRun,
            k,
            accepted / draftTokens,
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalLong.of((long) draftTokens),
            OptionalLong.of((long) accepted),
            byPosition,
            detail,
            line
        );
        return ImportedMeasurements.acceptance(
            file,
            id(),
            "vLLM (/metrics; version not stated)",
            Optional.empty(),
            List.of(a),
            List.of()
        );
    }

    /** α_i = (drafts with i+1 accepted) / (drafts with i accepted), while the denominator is positive. */
    private static List<Double> conditional(TreeMap<Integer, Double> cumulative, double drafts) {
        List<Double> out = new ArrayList<>();
        double previous = drafts;
        for (int p = 0; cumulative.containsKey(p); p++) {
            double count = cumulative.get(p);
            if (!(previous > 0)) {
                break;
            }
            out.add(Math.max(0, Math.min(1, count / previous)));
            previous = count;
        }
        return out;
    }

    // ---------------------------------------------------------------- log

    private ImportedMeasurements log(Path file, String text) throws ProfileException {
        String[] lines = text.split("\n", -1);
        String version = "";
        Optional<ModelRun> target = Optional.empty();
        Optional<ModelRun> drafter = Optional.empty();
        OptionalInt k = OptionalInt.empty();
        Optional<LocalDate> date = Optional.empty();
        long accepted = 0;
        long drafted = 0;
        double drafts = 0;
        TreeMap<Integer, Double> cumulative = new TreeMap<>();
        boolean perPositionComplete = true;
        boolean v1 = false;
        long v0Accepted = -1;
        long v0Drafted = -1;
        int firstLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher m;
            if (version.isEmpty() && (m = VERSION.matcher(line)).find()) {
                version = m.group(1);
            }
            if ((m = ENGINE_CONFIG.matcher(line)).find()) {
                target = Optional.of(ModelRun.named(ModelNames.ofFile(m.group(1))));
            }
            if ((m = SPEC_CONFIG.matcher(line)).find()) {
                String config = m.group(1);
                Matcher model = SPEC_MODEL.matcher(config);
                if (model.find()) {
                    drafter = Optional.of(ModelRun.named(ModelNames.ofFile(model.group(1))));
                }
                Matcher spec = SPEC_K.matcher(config);
                if (spec.find()) {
                    k = OptionalInt.of(Integer.parseInt(spec.group(1)));
                }
            }
            if (date.isEmpty()) {
                Matcher d = ISO_DATE.matcher(line);
                if (d.find()) {
                    try {
                        date = Optional.of(LocalDate.parse(d.group(1)));
                    } catch (DateTimeParseException e) {
                        // not a date after all
                    }
                }
            }
            if ((m = SPEC_V1.matcher(line)).find()) {
                v1 = true;
                firstLine = firstLine == 0 ? i + 1 : firstLine;
                String body = m.group(1);
                Counts counts = counts(file, i + 1, body, V1_COUNTS);
                long lineAccepted = counts.accepted();
                long lineDrafted = counts.drafted();
                accepted += lineAccepted;
                drafted += lineDrafted;
                Matcher length = MEAN_LENGTH.matcher(body);
                Matcher rates = PER_POSITION_RATES.matcher(body);
                if (length.find() && rates.find() && lineAccepted > 0) {
                    double meanLength = Double.parseDouble(length.group(1));
                    double lineDrafts = meanLength > 1 ? lineAccepted / (meanLength - 1) : 0;
                    String[] values = rates.group(1).split(",\\s*");
                    for (int p = 0; p < values.length; p++) {
                        cumulative.merge(p, Double.parseDouble(values[p]) * lineDrafts, Double::sum);
                    }
                    drafts += lineDrafts;
                } else if (lineDrafted > 0) {
                    perPositionComplete = false;
                }
            } else if ((m = SPEC_V0.matcher(line)).find()) {
                firstLine = firstLine == 0 ? i + 1 : firstLine;
                String body = m.group(1);
                Counts counts = counts(file, i + 1, body, V0_COUNTS);
                v0Accepted = counts.accepted();
                v0Drafted = counts.drafted();
                Matcher spec = V0_K.matcher(body);
                if (spec.find()) {
                    k = OptionalInt.of(Integer.parseInt(spec.group(1)));
                }
            }
        }
        if (!v1 && v0Drafted < 0) {
            throw ProfileException.ofFile(
                file,
                "holds no 'SpecDecoding metrics' or 'Speculative metrics' line (vLLM logs them every few seconds while it serves)",
                null
            );
        }
        if (!v1) {
            accepted = v0Accepted;
            drafted = v0Drafted;
        }
        if (drafted == 0) {
            throw ProfileException.ofFile(
                file,
                "counts no drafted tokens: send requests before saving the log",
                null
            );
        }
        List<Double> byPosition = v1 && perPositionComplete && drafts > 0
            ? conditional(cumulative, drafts)
            : List.of();
        Acceptance a = Acceptance.counted(
            drafter,
            target,
            k,
            drafted,
            accepted,
            byPosition,
            (v1 ? "vLLM log (V1 SpecDecoding metrics)" : "vLLM log (V0 Speculative metrics)") +
                ": accepted / drafted tokens",
            firstLine
        );
        String tool = version.isEmpty() ? "vLLM (version not stated)" : "vLLM " + version;
        return ImportedMeasurements.acceptance(file, id(), tool, date, List.of(a), List.of());
    }

    /** The patterns of a metrics line's accepted and drafted token counts, and what names them. */
    private record Counted(Pattern accepted, Pattern drafted, String draftedName, String missing) {}

    private static final Counted V1_COUNTS = new Counted(
        ACCEPTED_TOKENS,
        DRAFTED_TOKENS,
        "drafted",
        "the SpecDecoding metrics line has no 'Accepted: N tokens, Drafted: M tokens'"
    );
    private static final Counted V0_COUNTS = new Counted(
        V0_ACCEPTED,
        V0_DRAFT,
        "draft",
        "the Speculative metrics line has no 'Number of accepted tokens' and 'Number of draft tokens'"
    );

    /** Accepted and drafted tokens of one metrics line. */
    private record Counts(long accepted, long drafted) {}

    /** The counts {@code body} (line {@code line}) states; accepted tokens may not exceed drafted ones. */
    private static Counts counts(Path file, int line, String body, Counted counted) throws ProfileException {
        Matcher a = counted.accepted().matcher(body);
        Matcher d = counted.drafted().matcher(body);
        if (!a.find() || !d.find()) {
            throw ProfileException.atLine(file, line, counted.missing());
        }
        Counts counts = new Counts(Long.parseLong(a.group(1)), Long.parseLong(d.group(1)));
        if (counts.accepted() > counts.drafted()) {
            throw ProfileException.atLine(
                file,
                line,
                "accepted tokens (" +
                    counts.accepted() +
                    ") exceed " +
                    counted.draftedName() +
                    " tokens (" +
                    counts.drafted() +
                    ")"
            );
        }
        return counts;
    }
}
