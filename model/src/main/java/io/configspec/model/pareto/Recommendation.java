package io.configspec.model.pareto;

import io.configspec.model.domain.Configuration;
import io.configspec.model.domain.JsonNamed;

/**
 * One recommended configuration and why.
 *
 * @param kind what it is best at
 * @param row its row in the evaluated space
 * @param configuration its ids (device, drafter, quantisation, target, K)
 * @param reason one line in plain words, with numbers and units
 */
public record Recommendation(Kind kind, int row, Configuration configuration, String reason) {
    /**
     * What a recommendation optimises; {@link #jsonName()} is the name in JSON and on the command
     * line ({@code goodput}, {@code cost}, {@code energy}, {@code balanced}).
     */
    public enum Kind implements JsonNamed {
        GOODPUT,
        COST,
        ENERGY,
        BALANCED,
    }
}
