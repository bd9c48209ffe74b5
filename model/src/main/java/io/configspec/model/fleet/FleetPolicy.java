package io.configspec.model.fleet;

import io.configspec.model.domain.JsonNamed;
import java.util.Locale;

/** How a fleet shares its verification server (DESIGN §5). */
public enum FleetPolicy implements JsonNamed {
    /** No drafting: the server decodes every token for every device, continuous batching. */
    CENTRALIZED("Centralised"),
    /** SLED: fixed K per device, first-come-first-served batching up to a size or a timeout. */
    SLED("SLED"),
    /** WISP: dynamic drafting plus the SLO-aware batch scheduler. */
    WISP("WISP");

    private final String label;

    FleetPolicy(String label) {
        this.label = label;
    }

    /** Name on the command line and in JSON ({@code centralized}, {@code sled}, {@code wisp}). */
    public String cliName() {
        return jsonName();
    }

    /** Name for people. */
    public String label() {
        return label;
    }

    /** Parses a {@link #cliName()} (case-insensitive; "centralised" accepted). */
    public static FleetPolicy fromCliName(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("centralised")) {
            return CENTRALIZED;
        }
        return JsonNamed.byJsonName(FleetPolicy.class, n).orElseThrow(() ->
            new IllegalArgumentException(
                "unknown fleet policy '" + name + "' (expected centralized, sled or wisp)"
            )
        );
    }
}
