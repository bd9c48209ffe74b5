package io.configspec.app.explorer.viewmodel;

/**
 * One recommendation card.
 *
 * @param kind which card
 * @param row the recommended row, −1 when nothing is feasible
 * @param configuration one-line label of the configuration (or a note that none is feasible)
 * @param device device name without a trailing parenthetical (e.g. memory size)
 * @param models "K=k · drafter quantisation → target"
 * @param figures the three paper objectives with units
 * @param change what moved since the previous evaluation (empty when nothing did)
 * @param provenance one line of input sources with badges, e.g. "drafting ○ · α ○ · T_v ◆ …"
 * @param provenanceDetail one line per input: its quantity and provenance (the card's tooltip)
 */
public record RecommendationCard(
    RecommendationKind kind,
    int row,
    String configuration,
    String device,
    String models,
    String figures,
    String change,
    String provenance,
    String provenanceDetail
) {
    static RecommendationCard of(RecommendationKind kind, Evaluation evaluation, Evaluation previous) {
        int row = evaluation.recommendedRow(kind);
        if (row < 0) {
            // Energy (and the balanced pick, which needs all three objectives) of devices without
            // a power figure is not measured: say so rather than "none feasible".
            boolean noEnergy =
                (kind == RecommendationKind.BEST_ENERGY || kind == RecommendationKind.BALANCED) &&
                java.util.Arrays.stream(
                    evaluation.space().column(io.configspec.model.analysis.Objective.TOKENS_PER_JOULE)
                ).allMatch(Double::isNaN);
            var notMeasured = noEnergy
                ? evaluation.result().energyNotMeasured()
                : java.util.Optional.<String>empty();
            return new RecommendationCard(
                kind,
                -1,
                notMeasured.orElse("No configuration meets the constraints"),
                notMeasured.isPresent() ? "energy not measured" : "none feasible",
                "",
                "",
                "",
                "",
                ""
            );
        }
        var space = evaluation.space();
        StringBuilder figures = new StringBuilder();
        for (var o : AnalysisService.PAPER_OBJECTIVES) {
            if (!figures.isEmpty()) figures.append(" · ");
            figures.append(Numbers.compact(space.value(o, row))).append(' ').append(o.unit());
        }
        String change = "";
        if (previous != null) {
            int before = previous.recommendedRow(kind);
            String was = before < 0 ? "none" : previous.label(before);
            String now = evaluation.label(row);
            if (!was.equals(now)) {
                change = "was " + was;
            }
        }
        var c = space.combination(row);
        String models =
            "K=" +
            space.k(row) +
            " · " +
            c.drafter().name() +
            " " +
            c.quantization() +
            " → " +
            c.target().name();
        return new RecommendationCard(
            kind,
            row,
            evaluation.label(row),
            c.device().name().replaceAll("\\s*\\([^)]*\\)$", ""),
            models,
            figures.toString(),
            change,
            InputSources.counts(evaluation.sources(row)),
            InputSources.detail(evaluation.sources(row))
        );
    }
}
