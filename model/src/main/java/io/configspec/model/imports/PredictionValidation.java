package io.configspec.model.imports;

import com.fasterxml.jackson.databind.JsonNode;
import io.configspec.model.analysis.ConfigurationSpace;
import io.configspec.model.analysis.EnergyMode;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.Objective;
import io.configspec.model.analysis.PricingMode;
import io.configspec.model.analysis.Scenario;
import io.configspec.model.analysis.TokenBilling;
import io.configspec.model.analysis.WhatIf;
import io.configspec.model.domain.Configuration;
import io.configspec.model.domain.InvalidFieldException;
import io.configspec.model.domain.ProfileLibrary;
import io.configspec.model.domain.ServerProfile;
import io.configspec.model.io.JsonInput;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileException;
import io.configspec.model.io.ProfileLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Predicted against measured (docs/importing.md "Predicted against measured"): the goodput and
 * acceptance that runs measured ({@code configspec measure}'s and the board agent's {@code
 * goodput-sweep} reports, imports that carry goodput) next to what the analytical model predicts
 * for the same configuration, the error per configuration and its median and 90th percentile.
 */
public final class PredictionValidation {

    private PredictionValidation() {}

    /**
     * One measured configuration.
     *
     * @param file the report it comes from
     * @param configuration device, drafter, quantisation, target and K
     * @param goodputTokensPerSecond measured goodput, tokens/s
     * @param acceptanceRate measured acceptance at that K, if measured
     * @param expectedTokensPerRound measured tokens per round, if measured
     * @param rounds rounds behind it
     */
    public record MeasuredRun(
        Path file,
        Configuration configuration,
        double goodputTokensPerSecond,
        OptionalDouble acceptanceRate,
        OptionalDouble expectedTokensPerRound,
        int rounds
    ) {}

    /**
     * A measured configuration with the model's prediction.
     *
     * @param measured what was measured
     * @param predictedGoodputTokensPerSecond the model's goodput, tokens/s
     * @param predictedAcceptanceRate the model's α at that K
     * @param goodputError relative error of the prediction, (predicted − measured) / measured
     * @param acceptanceError predicted − measured α (absolute), NaN when α was not measured
     */
    public record Comparison(
        MeasuredRun measured,
        double predictedGoodputTokensPerSecond,
        double predictedAcceptanceRate,
        double goodputError,
        double acceptanceError
    ) {}

    /**
     * All comparisons of a check.
     *
     * @param comparisons one per measured configuration the scenario has
     * @param unmatched measured configurations the scenario does not have, with the reason
     * @param medianGoodputError median of |goodput error|
     * @param p90GoodputError 90th percentile of |goodput error|
     * @param medianAcceptanceError median of |α error| over the runs that measured α, NaN if none
     * @param p90AcceptanceError 90th percentile of |α error|, NaN if none
     */
    public record Report(
        List<Comparison> comparisons,
        List<String> unmatched,
        double medianGoodputError,
        double p90GoodputError,
        double medianAcceptanceError,
        double p90AcceptanceError
    ) {}

    /**
     * The sentence for folders that hold no {@code goodput-sweep} report, as {@code configspec
     * validate-predictions} and the Validation tab say it: the paths as typed, joined with "and"
     * (never a list's brackets), with "holds" or "hold" to match.
     */
    public static String noReportsIn(List<Path> roots) {
        List<String> names = roots.stream().map(Path::toString).toList();
        String joined = names.size() <= 1
            ? String.join("", names)
            : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
        return (
            joined +
            (names.size() == 1 ? " holds" : " hold") +
            " no goodput-sweep report (configspec measure writes one per run)."
        );
    }

    /**
     * The measured runs in the {@code goodput-sweep} reports under {@code roots}. A report names
     * its device ({@code device}); an older one without it belongs to the one device profile in
     * its folder.
     *
     * @throws ProfileException naming the report and field when one cannot be read
     */
    public static List<MeasuredRun> measuredRuns(List<Path> roots) throws ProfileException {
        List<MeasuredRun> runs = new ArrayList<>();
        Map<Path, List<String>> devicesByFolder = new HashMap<>();
        List<Map.Entry<Path, JsonNode>> reports = new ArrayList<>();
        for (Path file : ProfileLoader.expand(roots)) {
            JsonNode tree = JsonInput.readTree(file);
            String kind = ProfileCodec.kindOf(tree).orElse("");
            if (kind.equals("goodput-sweep")) {
                reports.add(Map.entry(file, tree));
            } else if (kind.equals("device")) {
                devicesByFolder
                    .computeIfAbsent(folder(file), f -> new ArrayList<>())
                    .add(tree.path("id").asText());
            }
        }
        for (var report : reports) {
            Path file = report.getKey();
            JsonNode tree = report.getValue();
            String device = tree.path("device").asText("");
            if (device.isEmpty()) {
                List<String> here = devicesByFolder.getOrDefault(folder(file), List.of());
                if (here.size() != 1) {
                    throw ProfileException.atField(
                        file,
                        "device",
                        "is missing and its folder holds " +
                            here.size() +
                            " device profiles, so the measured device is unknown"
                    );
                }
                device = here.getFirst();
            }
            String drafter = text(file, tree, "drafter");
            String quantization = text(file, tree, "quantization");
            String target = text(file, tree, "target");
            JsonNode points = tree.path("points");
            if (!points.isArray() || points.isEmpty()) {
                throw ProfileException.atField(file, "points", "is missing or empty");
            }
            for (int i = 0; i < points.size(); i++) {
                JsonNode p = points.get(i);
                String at = "points[" + i + "].";
                int k = p.path("k").asInt(0);
                if (k < 1) {
                    throw ProfileException.atField(
                        file,
                        at + "k",
                        "must be a whole number ≥ 1 but is " + p.path("k")
                    );
                }
                double goodput = p.path("measuredGoodputTokensPerSecond").asDouble(Double.NaN);
                if (!(goodput > 0) || Double.isInfinite(goodput)) {
                    throw ProfileException.atField(
                        file,
                        at + "measuredGoodputTokensPerSecond",
                        "must be a number greater than 0 but is " + p.path("measuredGoodputTokensPerSecond")
                    );
                }
                runs.add(
                    new MeasuredRun(
                        file,
                        new Configuration(device, drafter, quantization, target, k),
                        goodput,
                        optional(p, "acceptanceRate"),
                        optional(p, "measuredExpectedTokensPerRound"),
                        Math.max(0, p.path("rounds").asInt(0))
                    )
                );
            }
        }
        return runs;
    }

    private static Path folder(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent == null ? Path.of("") : parent;
    }

    private static String text(Path file, JsonNode tree, String field) throws ProfileException {
        String value = tree.path(field).asText("");
        if (value.isBlank()) {
            throw ProfileException.atField(file, field, "is missing");
        }
        return value;
    }

    private static OptionalDouble optional(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isNumber() && Double.isFinite(v.asDouble())
            ? OptionalDouble.of(v.asDouble())
            : OptionalDouble.empty();
    }

    /** The measured runs against the predictions of {@code rows} (an evaluated scenario). */
    public static Report compare(EvaluatedSpace rows, List<MeasuredRun> runs) {
        Map<Configuration, Integer> index = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            index.put(rows.configuration(i), i);
        }
        List<Comparison> comparisons = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (MeasuredRun run : runs) {
            Integer i = index.get(run.configuration());
            if (i == null) {
                unmatched.add(
                    run.configuration() +
                        " (" +
                        run.file().getFileName() +
                        "): the scenario has no such configuration"
                );
                continue;
            }
            double goodput = rows.value(Objective.GOODPUT, i);
            double alpha = rows.acceptanceRate(i);
            comparisons.add(
                new Comparison(
                    run,
                    goodput,
                    alpha,
                    (goodput - run.goodputTokensPerSecond()) / run.goodputTokensPerSecond(),
                    run.acceptanceRate().isPresent() ? alpha - run.acceptanceRate().getAsDouble() : Double.NaN
                )
            );
        }
        double[] g = comparisons
            .stream()
            .mapToDouble(c -> Math.abs(c.goodputError()))
            .sorted()
            .toArray();
        double[] a = comparisons
            .stream()
            .mapToDouble(c -> Math.abs(c.acceptanceError()))
            .filter(Double::isFinite)
            .sorted()
            .toArray();
        return new Report(
            comparisons,
            unmatched,
            percentile(g, 0.5),
            percentile(g, 0.9),
            percentile(a, 0.5),
            percentile(a, 0.9)
        );
    }

    /** Linear-interpolated percentile of sorted values (NaN when empty). */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double at = p * (sorted.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
    }

    /**
     * The predictions for measured runs when no scenario is given: the profiles in {@code roots}
     * (what {@code configspec measure} wrote: device, models, alignment, server) evaluated with
     * their one server, K over the measured range, no network, context 0, batch 1.
     *
     * @throws ProfileException when the profiles do not load or hold no single server
     */
    public static EvaluatedSpace predictionsOf(List<Path> roots, List<MeasuredRun> runs)
        throws ProfileException {
        ProfileLoader.LoadedLibrary loaded = ProfileLoader.load(roots);
        ProfileLibrary library = loaded.library();
        List<ServerProfile> servers = new ArrayList<>(library.servers());
        Path blame = runs.isEmpty() ? roots.getFirst() : runs.getFirst().file();
        if (servers.size() != 1) {
            throw ProfileException.ofFile(
                roots.getFirst(),
                "holds " +
                    servers.size() +
                    " server profiles, so the verifier to predict with is unknown: give --scenario",
                null
            );
        }
        int kMin = runs
            .stream()
            .mapToInt(r -> r.configuration().k())
            .min()
            .orElse(1);
        int kMax = runs
            .stream()
            .mapToInt(r -> r.configuration().k())
            .max()
            .orElse(kMin);
        InvalidFieldException last = null;
        // Goodput does not depend on pricing: the first pricing the server's profile supports is used.
        for (PricingMode pricing : PricingMode.values()) {
            try {
                Scenario scenario = new Scenario(
                    "measured",
                    "Measured profiles",
                    "the measured folder's own profiles",
                    List.of("."),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    servers.getFirst().id(),
                    java.util.Optional.empty(),
                    kMin,
                    kMax,
                    List.of(Objective.GOODPUT),
                    List.of(),
                    WhatIf.NONE,
                    pricing,
                    TokenBilling.DRAFTS_AND_BONUS,
                    EnergyMode.DRAFTING_ONLY,
                    0,
                    1,
                    List.of(),
                    OptionalInt.empty(),
                    List.of()
                );
                return ConfigurationSpace.of(library, scenario).evaluate();
            } catch (InvalidFieldException e) {
                last = e;
            }
        }
        throw ProfileException.ofFile(
            blame,
            "cannot be predicted from its folder's profiles: " + last.getMessage(),
            last
        );
    }
}
