package io.configspec.app.explorer.viewmodel;

import io.configspec.model.analysis.Objective;

/** The four recommendation cards. */
public enum RecommendationKind {
    BEST_GOODPUT("Best goodput", Objective.GOODPUT),
    BEST_COST("Best cost", Objective.TOKENS_PER_DOLLAR),
    BEST_ENERGY("Best energy", Objective.TOKENS_PER_JOULE),
    BALANCED("Balanced (knee)", null);

    private final String title;
    private final Objective objective;

    RecommendationKind(String title, Objective objective) {
        this.title = title;
        this.objective = objective;
    }

    public String title() {
        return title;
    }

    /** The card of a model recommendation kind. */
    public static RecommendationKind of(io.configspec.model.pareto.Recommendation.Kind kind) {
        return switch (kind) {
            case GOODPUT -> BEST_GOODPUT;
            case COST -> BEST_COST;
            case ENERGY -> BEST_ENERGY;
            case BALANCED -> BALANCED;
        };
    }

    /** The objective this card maximises, null for the balanced card. */
    public Objective objective() {
        return objective;
    }
}
