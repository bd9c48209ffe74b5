package io.configspec.app.explorer.viewmodel;

import io.configspec.model.analysis.Objective;
import io.configspec.model.pareto.Recommendation;

/** The four recommendation cards. */
public enum RecommendationKind {
    BEST_GOODPUT("Best goodput", Objective.GOODPUT, Recommendation.Kind.GOODPUT),
    BEST_COST("Best cost", Objective.TOKENS_PER_DOLLAR, Recommendation.Kind.COST),
    BEST_ENERGY("Best energy", Objective.TOKENS_PER_JOULE, Recommendation.Kind.ENERGY),
    BALANCED("Balanced (knee)", null, Recommendation.Kind.BALANCED);

    private final String title;
    private final Objective objective;
    private final Recommendation.Kind modelKind;

    RecommendationKind(String title, Objective objective, Recommendation.Kind modelKind) {
        this.title = title;
        this.objective = objective;
        this.modelKind = modelKind;
    }

    /** The model's recommendation this card shows. */
    public Recommendation.Kind modelKind() {
        return modelKind;
    }

    public String title() {
        return title;
    }

    /** The card of a model recommendation kind. */
    public static RecommendationKind of(Recommendation.Kind kind) {
        for (RecommendationKind card : values()) {
            if (card.modelKind == kind) {
                return card;
            }
        }
        throw new IllegalArgumentException("no card for " + kind);
    }

    /** The objective this card maximises, null for the balanced card. */
    public Objective objective() {
        return objective;
    }
}
