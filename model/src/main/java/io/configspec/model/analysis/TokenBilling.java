package io.configspec.model.analysis;

import io.configspec.model.domain.JsonNamed;
import java.util.Optional;

/**
 * How many positions a round bills under token pricing (DESIGN §4): the K drafted tokens the
 * verifier checks (the ConfigSpec paper's analysis, {@code find_optimal_config.py}: "tokens sent
 * per round = K") or K + 1, the target's own bonus position billed too. A scenario choice.
 */
public enum TokenBilling implements JsonNamed {
    /** K billed tokens per round: the drafts sent for verification (the ConfigSpec paper). */
    DRAFTS("k", "K verified drafts billed per round"),
    /** K + 1 billed tokens per round: the drafts and the target's bonus position. */
    DRAFTS_AND_BONUS("k-plus-one", "K + 1 positions (drafts and bonus) billed per round");

    private final String jsonName;
    private final String description;

    TokenBilling(String jsonName, String description) {
        this.jsonName = jsonName;
        this.description = description;
    }

    @Override
    public String jsonName() {
        return jsonName;
    }

    /** One phrase for tables, tooltips and reasons, e.g. "K verified drafts billed per round". */
    public String description() {
        return description;
    }

    /** Tokens billed for a round at speculative length {@code k}. */
    public int billedTokens(int k) {
        return this == DRAFTS ? k : k + 1;
    }

    public static Optional<TokenBilling> fromJsonName(String name) {
        return JsonNamed.byJsonName(TokenBilling.class, name);
    }
}
