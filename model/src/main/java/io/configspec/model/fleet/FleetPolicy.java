package io.configspec.model.fleet;

import java.util.Locale;

/** How a fleet shares its verification server (DESIGN §5). */
public enum FleetPolicy {
    /** No drafting: the server decodes every token for every device, continuous batching. */
    CENTRALIZED("centralized", "Centralised"),
    /** SLED: fixed K per device, first-come-first-served batching up to a size or a timeout. */
    SLED("sled", "SLED"),
    /** WISP: dynamic drafting plus the SLO-aware batch scheduler. */
    WISP("wisp", "WISP");

    private final String cliName;
    private final String label;

    FleetPolicy(String cliName, String label) {
        this.cliName = cliName;
        this.label = label;
    }

    /** Name on the command line and in JSON ({@code centralized}, {@code sled}, {@code wisp}). */
    public String cliName() {
        return cliName;
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
        for (FleetPolicy p : values()) {
            if (p.cliName.equals(n)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
            "unknown fleet policy '" + name + "' (expected centralized, sled or wisp)"
        );
    }
}
