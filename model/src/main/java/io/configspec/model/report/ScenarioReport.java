package io.configspec.model.report;

import io.configspec.model.analysis.Combination;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.Objective;
import io.configspec.model.analysis.Scenario;
import io.configspec.model.analysis.WhatIf;
import io.configspec.model.domain.AlignmentProfile;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.HasProvenance;
import io.configspec.model.domain.LanguageModel;
import io.configspec.model.domain.NetworkProfile;
import io.configspec.model.domain.ProfileLibrary;
import io.configspec.model.domain.Provenance;
import io.configspec.model.domain.QuantizationVariant;
import io.configspec.model.domain.ServedTarget;
import io.configspec.model.domain.ServerProfile;
import io.configspec.model.export.LlamaCppDialect;
import io.configspec.model.export.ServingConfigurationExport;
import io.configspec.model.export.ServingStack;
import io.configspec.model.io.AtomicFiles;
import io.configspec.model.pareto.Recommendation;
import io.configspec.model.service.ScenarioEvaluation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * One self-contained HTML page about an evaluated scenario: the scenario and the what-if values
 * used, the Pareto charts (embedded images, no network), the recommendations with their reasons
 * and their serving-stack exports, the goodput/cost/energy front, and every profile with its
 * provenance. The one report service: {@code configspec report} and the window's File › Export
 * report both call it. Pure Java; the charts are drawn by the {@link ChartRenderer} given.
 */
public final class ScenarioReport {

    /** Size of each embedded chart, CSS pixels. */
    public static final int CHART_WIDTH = 760;

    public static final int CHART_HEIGHT = 440;

    /** The three projections of the goodput/cost/energy space the report draws. */
    public static final List<List<Objective>> CHART_AXES = List.of(
        List.of(Objective.GOODPUT, Objective.TOKENS_PER_DOLLAR),
        List.of(Objective.GOODPUT, Objective.TOKENS_PER_JOULE),
        List.of(Objective.TOKENS_PER_DOLLAR, Objective.TOKENS_PER_JOULE)
    );

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern(
        "yyyy-MM-dd HH:mm 'UTC'"
    ).withZone(ZoneOffset.UTC);

    private ScenarioReport() {}

    /**
     * Progress of a report being made, and the way to cancel it: called before each step; a call
     * that throws {@link CancellationException} stops the report, and nothing is written.
     */
    @FunctionalInterface
    public interface Progress {
        /** No progress shown, never cancelled. */
        Progress NONE = (done, total, step) -> {};

        /**
         * @param done steps finished
         * @param total steps in all ({@link #STEPS})
         * @param step what comes next, e.g. {@code Drawing the charts}
         * @throws CancellationException to cancel
         */
        void step(int done, int total, String step);
    }

    /** Steps of a written report: sections, three charts, the file. */
    public static final int STEPS = 5 + CHART_AXES.size();

    /** Writes the report of {@code evaluation} to {@code file} atomically. */
    public static void write(
        Path file,
        ScenarioEvaluation evaluation,
        ChartRenderer renderer,
        Instant generatedAt
    ) throws IOException {
        write(file, evaluation, renderer, generatedAt, Progress.NONE);
    }

    /**
     * Writes the report of {@code evaluation} to {@code file} atomically, telling {@code progress}
     * before each step.
     *
     * @throws CancellationException if {@code progress} cancels; {@code file} is then untouched
     */
    public static void write(
        Path file,
        ScenarioEvaluation evaluation,
        ChartRenderer renderer,
        Instant generatedAt,
        Progress progress
    ) throws IOException {
        String html = html(evaluation, renderer, generatedAt, progress);
        progress.step(STEPS - 1, STEPS, "Writing " + file.getFileName());
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, out -> {
            // The last chance to cancel: an exception here leaves the old file as it was.
            int chunk = 1 << 16;
            for (int at = 0; at < bytes.length; at += chunk) {
                if (at > 0) progress.step(STEPS - 1, STEPS, "Writing " + file.getFileName());
                out.write(bytes, at, Math.min(chunk, bytes.length - at));
            }
        });
        progress.step(STEPS, STEPS, "Written");
    }

    /** The report of {@code evaluation} as one HTML document. */
    public static String html(ScenarioEvaluation evaluation, ChartRenderer renderer, Instant generatedAt) {
        return html(evaluation, renderer, generatedAt, Progress.NONE);
    }

    private static String html(
        ScenarioEvaluation evaluation,
        ChartRenderer renderer,
        Instant generatedAt,
        Progress progress
    ) {
        progress.step(0, STEPS, "Describing the scenario");
        Scenario scenario = evaluation.scenario();
        EvaluatedSpace rows = evaluation.rows();
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.append("<title>").append(esc("ConfigSpec report — " + scenario.name())).append("</title>\n");
        h.append("<style>").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<header><h1>").append(esc(scenario.name())).append("</h1>\n");
        h
            .append("<p class=\"meta\">ConfigSpec report · scenario <code>")
            .append(esc(evaluation.file().toString()))
            .append("</code> · generated ")
            .append(STAMP.format(generatedAt))
            .append("</p>\n");
        if (!scenario.description().isBlank()) {
            h.append("<p>").append(esc(scenario.description())).append("</p>\n");
        }
        int illustrative = countIllustrative(evaluation);
        if (illustrative > 0) {
            h
                .append("<p class=\"warning\">")
                .append(illustrative)
                .append(illustrative == 1 ? " profile record uses" : " profile records use")
                .append(
                    " <b>illustrative</b> numbers (placeholders, not measurements): the predictions below "
                )
                .append("show how the model ranks configurations, not what your hardware does. ")
                .append("Profile your own boards to replace them.</p>\n");
        }
        h
            .append("<nav>")
            .append(
                String.join(
                    " · ",
                    link("scenario", "Scenario"),
                    link("what-if", "What-if values"),
                    link("charts", "Pareto charts"),
                    link("recommendations", "Recommendations"),
                    link("front", "Front"),
                    link("profiles", "Profiles and provenance")
                )
            )
            .append("</nav>\n</header>\n");

        scenarioSection(h, evaluation);
        whatIfSection(h, evaluation.whatIf());
        chartsSection(h, evaluation, renderer, progress);
        progress.step(1 + CHART_AXES.size(), STEPS, "Exporting the recommendations");
        recommendationsSection(h, evaluation);
        progress.step(2 + CHART_AXES.size(), STEPS, "Listing the front and the profiles");
        frontSection(h, evaluation);
        profilesSection(h, evaluation);
        h
            .append("<footer>Provenance of every number: ● measured, ◆ literature, ○ illustrative. ")
            .append(rows.size())
            .append(" configurations evaluated, ")
            .append(rows.feasibleCount())
            .append(" meet the constraints.</footer>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    // ------------------------------------------------------------------ sections

    private static void scenarioSection(StringBuilder h, ScenarioEvaluation evaluation) {
        Scenario s = evaluation.scenario();
        EvaluatedSpace rows = evaluation.rows();
        ProfileLibrary library = evaluation.loaded().library();
        h.append("<section id=\"scenario\"><h2>Scenario</h2>\n<table class=\"kv\">\n");
        kv(h, "Devices", selection(s.devices(), "every device in the profiles"));
        kv(h, "Drafters", selection(s.drafters(), "every drafter in the profiles"));
        kv(h, "Quantisations", selection(s.quantizations(), "every quantisation profiled"));
        kv(h, "Targets", selection(s.targets(), "every target in the profiles"));
        if (!evaluation.filter().keepsAll()) {
            var f = evaluation.filter();
            List<String> parts = new ArrayList<>();
            if (!f.devices().isEmpty()) parts.add("devices " + String.join(", ", f.devices()));
            if (!f.drafters().isEmpty()) parts.add("drafters " + String.join(", ", f.drafters()));
            if (!f.targets().isEmpty()) parts.add("targets " + String.join(", ", f.targets()));
            kv(h, "Only", String.join("; ", parts));
        }
        kv(
            h,
            "Server",
            library.server(s.server()).map(ServerProfile::name).orElse(s.server()) + " (" + s.server() + ")"
        );
        kv(
            h,
            "Network",
            s.network().isEmpty()
                ? "none (no network time)"
                : library.network(s.network().get()).map(NetworkProfile::name).orElse(s.network().get()) +
                  " (" +
                  s.network().get() +
                  ")"
        );
        kv(h, "K", "from " + s.kMin() + " to " + s.kMax() + " (draft tokens per round)");
        kv(
            h,
            "Objectives",
            String.join(
                ", ",
                s
                    .objectives()
                    .stream()
                    .map(o -> o.label() + " (" + o.unit() + ")")
                    .toList()
            )
        );
        kv(
            h,
            "Constraints",
            rows.constraints().isEmpty()
                ? "none"
                : String.join("; ", rows.constraints().stream().map(Object::toString).toList())
        );
        kv(h, "Pricing", rows.pricing().jsonName());
        kv(h, "Energy", rows.energy().jsonName());
        kv(h, "Workload", s.contextTokens() + " context tokens, batch size " + s.batchSize());
        kv(
            h,
            "Configurations",
            rows.size() +
                " evaluated, " +
                rows.feasibleCount() +
                " meet the constraints, " +
                evaluation.paperFront().length +
                " on the goodput/cost/energy front"
        );
        h.append("</table></section>\n");
    }

    private static String selection(List<String> ids, String all) {
        return ids.isEmpty() ? all : String.join(", ", ids);
    }

    private static void whatIfSection(StringBuilder h, WhatIf whatIf) {
        h.append("<section id=\"what-if\"><h2>What-if values used</h2>\n");
        Map<String, Object> settings = whatIf.settings();
        if (settings.isEmpty()) {
            h.append("<p>None: every number is the profiles' own.</p>\n");
        } else {
            h.append(
                "<table><thead><tr><th>Setting</th><th>Value</th><th>Meaning</th></tr></thead><tbody>\n"
            );
            for (Map.Entry<String, Object> e : settings.entrySet()) {
                Object value = e.getValue();
                String shown = value instanceof Number n ? number(n.doubleValue()) : String.valueOf(value);
                h
                    .append("<tr><td><code>")
                    .append(esc(e.getKey()))
                    .append("</code></td><td class=\"num\">")
                    .append(esc(shown))
                    .append("</td><td>")
                    .append(esc(WhatIf.KEYS.getOrDefault(e.getKey(), "")))
                    .append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("</section>\n");
    }

    private static void chartsSection(
        StringBuilder h,
        ScenarioEvaluation evaluation,
        ChartRenderer renderer,
        Progress progress
    ) {
        h.append("<section id=\"charts\"><h2>Pareto charts</h2>\n");
        h.append(
            "<p>Each point is one configuration, coloured by device; the line joins the configurations no other " +
                "feasible one beats on both axes; the labelled points are the recommendations. Configurations that " +
                "violate a constraint are grey.</p>\n"
        );
        for (int c = 0; c < CHART_AXES.size(); c++) {
            List<Objective> axes = CHART_AXES.get(c);
            progress.step(1 + c, STEPS, "Drawing chart " + (c + 1) + " of " + CHART_AXES.size());
            Chart chart = chart(evaluation, axes.get(0), axes.get(1));
            ChartRenderer.Image image = renderer.render(chart.chart(), CHART_WIDTH, CHART_HEIGHT);
            h.append("<figure>");
            if (image.mimeType().equals(ChartRenderer.Image.SVG)) {
                h.append(inlineSvg(new String(image.bytes(), StandardCharsets.UTF_8), chart.chart().title()));
            } else {
                h
                    .append("<img alt=\"")
                    .append(esc(chart.chart().title()))
                    .append("\" width=\"")
                    .append(CHART_WIDTH)
                    .append("\" height=\"")
                    .append(CHART_HEIGHT)
                    .append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(image.bytes()))
                    .append("\">");
            }
            if (chart.leftOut() > 0) {
                h
                    .append("<figcaption>")
                    .append(chart.leftOut())
                    .append(" configuration(s) left out: their ")
                    .append(chart.leftOut() == 1 ? "value is" : "values are")
                    .append(
                        " not a number (e.g. energy on a board whose power is not measured).</figcaption>"
                    );
            }
            h.append("</figure>\n");
        }
        h.append("</section>\n");
    }

    private record Chart(ReportChart chart, int leftOut) {}

    /** The scatter of all configurations on two objectives, by device, with the front and the recommendations. */
    public static ReportChart chartOf(ScenarioEvaluation evaluation, Objective x, Objective y) {
        return chart(evaluation, x, y).chart();
    }

    private static Chart chart(ScenarioEvaluation evaluation, Objective x, Objective y) {
        EvaluatedSpace rows = evaluation.rows();
        Map<String, List<Integer>> byDevice = new LinkedHashMap<>();
        List<Integer> infeasible = new ArrayList<>();
        int leftOut = 0;
        for (int i = 0; i < rows.size(); i++) {
            double xv = rows.value(x, i);
            double yv = rows.value(y, i);
            if (!Double.isFinite(xv) || !Double.isFinite(yv)) {
                leftOut++;
            } else if (!rows.feasible(i)) {
                infeasible.add(i);
            } else {
                byDevice.computeIfAbsent(rows.combination(i).device().name(), d -> new ArrayList<>()).add(i);
            }
        }
        List<ReportChart.Series> series = new ArrayList<>();
        byDevice.forEach((device, list) -> series.add(series(device, list, rows, x, y)));
        if (!infeasible.isEmpty()) {
            series.add(series("Violates a constraint", infeasible, rows, x, y));
        }
        List<ReportChart.Point> front = new ArrayList<>();
        List<Integer> frontRows = new ArrayList<>();
        for (int row : evaluation.front(List.of(x, y))) {
            if (Double.isFinite(rows.value(x, row)) && Double.isFinite(rows.value(y, row))) {
                frontRows.add(row);
            }
        }
        frontRows.sort((a, b) -> Double.compare(rows.value(x, a), rows.value(x, b)));
        for (int row : frontRows) {
            front.add(new ReportChart.Point(rows.value(x, row), rows.value(y, row)));
        }
        // One marker per point: recommendations that fall on the same configuration share it.
        Map<Integer, String> labels = new LinkedHashMap<>();
        for (Recommendation r : evaluation.recommendations()) {
            if (Double.isFinite(rows.value(x, r.row())) && Double.isFinite(rows.value(y, r.row()))) {
                labels.merge(r.row(), r.kind().jsonName(), (a, b) -> a + " + " + b);
            }
        }
        List<ReportChart.Marker> markers = new ArrayList<>();
        labels.forEach((row, label) ->
            markers.add(new ReportChart.Marker(label, rows.value(x, row), rows.value(y, row)))
        );
        String title = y.label() + " against " + x.label().toLowerCase(Locale.ROOT);
        return new Chart(new ReportChart(title, axisTitle(x), axisTitle(y), series, front, markers), leftOut);
    }

    private static ReportChart.Series series(
        String name,
        List<Integer> list,
        EvaluatedSpace rows,
        Objective x,
        Objective y
    ) {
        double[] xs = new double[list.size()];
        double[] ys = new double[list.size()];
        for (int j = 0; j < xs.length; j++) {
            xs[j] = rows.value(x, list.get(j));
            ys[j] = rows.value(y, list.get(j));
        }
        return new ReportChart.Series(name, xs, ys);
    }

    private static String axisTitle(Objective o) {
        return o.label() + " (" + o.unit() + ")";
    }

    private static void recommendationsSection(StringBuilder h, ScenarioEvaluation evaluation) {
        EvaluatedSpace rows = evaluation.rows();
        h.append("<section id=\"recommendations\"><h2>Recommendations</h2>\n");
        if (evaluation.recommendations().isEmpty()) {
            h.append(
                "<p>No configuration meets the constraints, so there is nothing to recommend.</p></section>\n"
            );
            return;
        }
        for (Recommendation r : evaluation.recommendations()) {
            int row = r.row();
            Combination c = rows.combination(row);
            h.append("<article class=\"rec\" id=\"rec-").append(esc(r.kind().jsonName())).append("\">\n");
            h.append("<h3>").append(esc(title(r.kind()))).append("</h3>\n");
            h
                .append("<p class=\"config\">")
                .append(esc(c.device().name()))
                .append(" · ")
                .append(esc(c.drafter().name()))
                .append(' ')
                .append(esc(c.quantization()))
                .append(" → ")
                .append(esc(c.target().name()))
                .append(" · K = ")
                .append(rows.k(row))
                .append("</p>\n");
            h.append("<p class=\"figures\">");
            boolean first = true;
            for (Objective o : Objective.GOODPUT_COST_ENERGY) {
                if (!first) h.append(" · ");
                first = false;
                h
                    .append(esc(o.label()))
                    .append(" <b>")
                    .append(number(rows.value(o, row)))
                    .append("</b> ")
                    .append(esc(o.unit()));
            }
            h.append(" · α ").append(number(rows.acceptanceRate(row)));
            h
                .append(" · E[N] ")
                .append(number(rows.expectedTokensPerRound(row)))
                .append(" tokens/round</p>\n");
            h.append("<p>").append(esc(r.reason())).append("</p>\n");
            List<String> notes = List.of(
                "ConfigSpec " + r.kind().jsonName() + ": " + r.configuration() + ". " + r.reason()
            );
            for (ServingStack stack : ServingStack.values()) {
                h.append("<details><summary>").append(esc(stack.displayName())).append("</summary>");
                try {
                    String text = ServingConfigurationExport.export(
                        rows,
                        row,
                        new ServingConfigurationExport.Options(stack, LlamaCppDialect.newest(), null, null),
                        notes
                    ).text();
                    h.append("<pre>").append(esc(text)).append("</pre>");
                } catch (IllegalArgumentException e) {
                    h
                        .append("<p>")
                        .append(
                            esc(stack.displayName() + " cannot take this configuration: " + e.getMessage())
                        )
                        .append("</p>");
                }
                h.append("</details>\n");
            }
            h.append("</article>\n");
        }
        h.append("</section>\n");
    }

    private static String title(Recommendation.Kind kind) {
        return switch (kind) {
            case GOODPUT -> "Best goodput";
            case COST -> "Best cost (most tokens per dollar)";
            case ENERGY -> "Best energy (most tokens per joule)";
            case BALANCED -> "Balanced (knee of the front)";
        };
    }

    private static void frontSection(StringBuilder h, ScenarioEvaluation evaluation) {
        EvaluatedSpace rows = evaluation.rows();
        int[] front = evaluation.frontBestFirst(Objective.GOODPUT_COST_ENERGY);
        h.append("<section id=\"front\"><h2>Goodput, cost and energy front</h2>\n");
        h
            .append("<p>")
            .append(front.length)
            .append(" feasible configuration(s) that no other beats on all three; best goodput first.</p>\n");
        h.append(
            "<table><thead><tr><th>Device</th><th>Drafter</th><th>Quant.</th><th>Target</th><th>K</th>" +
                "<th>Goodput (tokens/s)</th><th>Tokens per dollar (tokens/$)</th><th>Tokens per joule (tokens/J)</th>" +
                "<th>α</th><th>E[N] (tokens)</th></tr></thead><tbody>\n"
        );
        for (int row : front) {
            Combination c = rows.combination(row);
            h
                .append("<tr><td>")
                .append(esc(c.device().name()))
                .append("</td><td>")
                .append(esc(c.drafter().name()))
                .append("</td><td>")
                .append(esc(c.quantization()))
                .append("</td><td>")
                .append(esc(c.target().name()))
                .append("</td><td class=\"num\">")
                .append(rows.k(row));
            for (Objective o : Objective.GOODPUT_COST_ENERGY) {
                h.append("</td><td class=\"num\">").append(number(rows.value(o, row)));
            }
            h
                .append("</td><td class=\"num\">")
                .append(number(rows.acceptanceRate(row)))
                .append("</td><td class=\"num\">")
                .append(number(rows.expectedTokensPerRound(row)))
                .append("</td></tr>\n");
        }
        h.append("</tbody></table></section>\n");
    }

    private static void profilesSection(StringBuilder h, ScenarioEvaluation evaluation) {
        ProfileLibrary library = evaluation.loaded().library();
        Map<String, Path> sources = evaluation.loaded().profiles().sources();
        Path base = evaluation.file().toAbsolutePath().getParent();
        Function<String, String> file = key -> {
            Path p = sources.get(key);
            if (p == null) return "";
            Path abs = p.toAbsolutePath();
            return base != null && abs.startsWith(base.getRoot())
                ? base.relativize(abs).toString()
                : p.toString();
        };
        h.append("<section id=\"profiles\"><h2>Profiles and provenance</h2>\n");
        h.append(
            "<p>Every profile the scenario loaded, with where its numbers come from. A field listed under " +
                "\"other sources\" has its own provenance.</p>\n"
        );
        h.append("<h3>Devices</h3>\n");
        table(h, "Device", "Numbers", "File", "Provenance");
        for (DeviceProfile d : library.devices()) {
            row(
                h,
                d.name() + " (" + d.id() + ")",
                d.deviceKind().jsonName() +
                    ", " +
                    d.cpu() +
                    (d.gpu().isBlank() ? "" : ", " + d.gpu()) +
                    ", " +
                    (d.memoryGiB().isPresent()
                        ? number(d.memoryGiB().getAsDouble()) + " GiB"
                        : "memory not stated"),
                file.apply("device:" + d.id()),
                d
            );
            for (DraftingMeasurement m : d.drafting()) {
                row(
                    h,
                    "↳ drafting " + m.drafter() + " " + m.quantization(),
                    number(m.tokensPerSecond()) + " tokens/s",
                    "",
                    m
                );
            }
        }
        h.append("</tbody></table>\n<h3>Drafters and targets</h3>\n");
        table(h, "Model", "Numbers", "File", "Provenance");
        List<LanguageModel> models = new ArrayList<>(library.drafters());
        models.addAll(library.targets());
        for (LanguageModel m : models) {
            String role = library.drafter(m.id()).isPresent() ? "drafter" : "target";
            row(
                h,
                m.name() + " (" + m.id() + ", " + role + ")",
                number(m.parameterCount() / 1e9) +
                    " B parameters; " +
                    String.join(", ", m.quantizations().stream().map(QuantizationVariant::name).toList()),
                file.apply(role + ":" + m.id()),
                m
            );
        }
        h.append("</tbody></table>\n<h3>Alignment (acceptance)</h3>\n");
        table(h, "Drafter → target", "Acceptance α", "Prompt set", "Provenance");
        for (AlignmentProfile a : library.alignments()) {
            row(
                h,
                a.drafter() + " " + a.quantization() + " → " + a.target(),
                a.hasAcceptanceByK()
                    ? "α(K) measured at " +
                      a.measuredKRange() +
                      ": " +
                      String.join(
                          ", ",
                          a
                              .acceptanceByK()
                              .stream()
                              .map(
                                  m ->
                                      "α(" +
                                      m.k() +
                                      ") " +
                                      number(m.acceptanceRate()) +
                                      " ± " +
                                      number(m.standardDeviation())
                              )
                              .toList()
                      )
                    : number(a.acceptanceRate().orElseThrow()) +
                      " [" +
                      number(a.acceptanceLow().orElseThrow()) +
                      ", " +
                      number(a.acceptanceHigh().orElseThrow()) +
                      "], n=" +
                      a.sampleCount().orElseThrow(),
                a.promptSet(),
                a
            );
        }
        h.append("</tbody></table>\n<h3>Servers</h3>\n");
        table(h, "Server", "GPU", "File", "Provenance");
        for (ServerProfile s : library.servers()) {
            row(h, s.name() + " (" + s.id() + ")", s.gpu(), file.apply("server:" + s.id()), s);
            for (ServedTarget t : s.targets()) {
                row(
                    h,
                    "↳ serves " + t.target(),
                    (t.targetStepSeconds().isPresent()
                            ? "target step " + number(t.targetStepSeconds().getAsDouble()) + " s"
                            : "target step not stated") +
                        t
                            .dollarsPerMillionVerifiedTokens()
                            .stream()
                            .mapToObj(v -> ", $" + number(v) + " per 1M tokens")
                            .findFirst()
                            .orElse("") +
                        t
                            .dollarsPerGpuHour()
                            .stream()
                            .mapToObj(v -> ", $" + number(v) + " per GPU-hour")
                            .findFirst()
                            .orElse(""),
                    "",
                    t
                );
            }
        }
        h.append("</tbody></table>\n<h3>Networks</h3>\n");
        table(h, "Network", "Numbers", "File", "Provenance");
        for (NetworkProfile n : library.networks()) {
            row(
                h,
                n.name() + " (" + n.id() + ")",
                "RTT " +
                    number(n.rttSeconds()) +
                    " s, up " +
                    number(n.uplinkMegabitsPerSecond()) +
                    " Mbit/s, down " +
                    number(n.downlinkMegabitsPerSecond()) +
                    " Mbit/s",
                file.apply("network:" + n.id()),
                n
            );
        }
        h.append("</tbody></table></section>\n");
    }

    private static void table(StringBuilder h, String... headers) {
        h.append("<table class=\"profiles\"><thead><tr>");
        for (String header : headers) {
            h.append("<th>").append(esc(header)).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
    }

    private static void row(StringBuilder h, String what, String numbers, String file, HasProvenance record) {
        h
            .append("<tr><td>")
            .append(esc(what))
            .append("</td><td>")
            .append(esc(numbers))
            .append("</td><td>")
            .append(file.isEmpty() ? "" : "<code>" + esc(file) + "</code>")
            .append("</td><td>")
            .append(provenance(record.provenance()));
        if (!record.fieldProvenance().isEmpty()) {
            h.append("<br><span class=\"other\">other sources: ");
            List<String> parts = new ArrayList<>();
            record
                .fieldProvenance()
                .forEach((field, p) -> parts.add("<code>" + esc(field) + "</code> " + provenance(p)));
            h.append(String.join("; ", parts)).append("</span>");
        }
        h.append("</td></tr>\n");
    }

    private static String provenance(Provenance p) {
        String badge = switch (p.kind()) {
            case "measured" -> "●";
            case "literature" -> "◆";
            default -> "○";
        };
        return "<span class=\"prov prov-" + esc(p.kind()) + "\">" + badge + " " + esc(p.label()) + "</span>";
    }

    private static int countIllustrative(ScenarioEvaluation evaluation) {
        ProfileLibrary library = evaluation.loaded().library();
        List<HasProvenance> all = new ArrayList<>();
        for (DeviceProfile d : library.devices()) {
            all.add(d);
            all.addAll(d.drafting());
        }
        all.addAll(library.drafters());
        all.addAll(library.targets());
        all.addAll(library.alignments());
        for (ServerProfile s : library.servers()) {
            all.add(s);
            all.addAll(s.targets());
        }
        all.addAll(library.networks());
        int n = 0;
        for (HasProvenance r : all) {
            if (
                r.provenance() instanceof Provenance.Illustrative ||
                r
                    .fieldProvenance()
                    .values()
                    .stream()
                    .anyMatch(p -> p instanceof Provenance.Illustrative)
            ) {
                n++;
            }
        }
        return n;
    }

    // ------------------------------------------------------------------ helpers

    private static void kv(StringBuilder h, String key, String value) {
        h.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    private static String link(String id, String text) {
        return "<a href=\"#" + id + "\">" + esc(text) + "</a>";
    }

    /** An SVG document as an element of the page: its XML prolog and doctype dropped, a title added. */
    static String inlineSvg(String svg, String title) {
        String s = svg.strip();
        if (s.startsWith("<?xml")) {
            s = s.substring(s.indexOf("?>") + 2).strip();
        }
        if (s.startsWith("<!DOCTYPE")) {
            s = s.substring(s.indexOf('>') + 1).strip();
        }
        int open = s.indexOf("<svg");
        int end = open < 0 ? -1 : s.indexOf('>', open);
        if (end < 0) {
            throw new IllegalArgumentException("not an SVG document");
        }
        return s.substring(0, end + 1) + "<title>" + esc(title) + "</title>" + s.substring(end + 1);
    }

    /** HTML text and attribute escaping. */
    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A number as the report writes it: three decimals below 100, thousands grouped, "–" for none. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return "–";
        }
        double a = Math.abs(v);
        String pattern = a >= 1000 ? "#,##0" : a >= 100 ? "0.0" : a == 0 ? "0" : "0.000";
        if (a > 0 && a < 0.01) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT)).format(v);
    }

    private static final String CSS =
        "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;margin:0 auto;" +
        "max-width:1100px;padding:16px 24px;color:#1d2330;line-height:1.45}" +
        "h1{margin:0 0 4px}h2{border-bottom:2px solid #dde3ec;padding-bottom:4px;margin-top:32px}" +
        ".meta{color:#5b6475;margin:0 0 8px}nav{margin:8px 0 0;font-size:95%}" +
        ".warning{background:#fff4d6;border:1px solid #e7c35a;padding:8px 12px;border-radius:6px}" +
        "table{border-collapse:collapse;margin:8px 0;font-size:92%}th,td{border:1px solid #dde3ec;" +
        "padding:4px 8px;text-align:left;vertical-align:top}thead th{background:#f1f4f9}" +
        "table.kv th{background:#f7f9fc;width:160px}td.num{text-align:right;font-variant-numeric:tabular-nums}" +
        "figure{margin:16px 0}figure svg,figure img{max-width:100%;height:auto;border:1px solid #dde3ec;" +
        "border-radius:6px;background:#fff}figcaption{color:#5b6475;font-size:92%}" +
        ".rec{border:1px solid #dde3ec;border-radius:8px;padding:8px 16px;margin:12px 0}" +
        ".rec h3{margin:4px 0}.config{font-weight:600}.figures{color:#333}" +
        "details{margin:4px 0}summary{cursor:pointer;color:#1f5fbf}" +
        "pre{background:#f5f7fa;border:1px solid #dde3ec;padding:8px;overflow-x:auto;font-size:85%;" +
        "white-space:pre-wrap;word-break:break-all}" +
        ".prov-measured{color:#1a7f37}.prov-literature{color:#1f5fbf}.prov-illustrative{color:#8a6d00}" +
        ".other{color:#5b6475;font-size:90%}footer{margin-top:32px;color:#5b6475;font-size:90%}" +
        "@media print{nav{display:none}details{display:block}}";
}
