package io.configspec.app.explorer.viewmodel;

import io.configspec.model.analysis.Combination;
import io.configspec.model.analysis.WhatIf;
import io.configspec.model.domain.NetworkProfile;
import io.configspec.model.domain.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where each input quantity of one configuration comes from: the field's own provenance in its
 * profile (a per-field override, else the record's), or the what-if slider that replaced it. One
 * list for the details pane, the chart tooltip and the recommendation cards, so the three never
 * disagree (issue 19, item 5: verification latency once showed the server price's note).
 */
public final class InputSources {

    /**
     * One input quantity.
     *
     * @param quantity what it is, e.g. "Verification latency T_v"
     * @param shortName for one-line summaries, e.g. "T_v"
     * @param kind measured, literature, illustrative or what-if
     * @param label provenance with its detail, e.g. "literature (ConfigSpec …)"
     */
    public record Source(String quantity, String shortName, String kind, String label) {
        /** The badge of {@link #kind}: ● measured, ◆ literature, ○ illustrative, ✎ what-if. */
        public String badge() {
            return InputSources.badge(kind);
        }
    }

    public static final String WHAT_IF = "what-if";

    private InputSources() {}

    /** Sources of one combination's numbers, in the order the details pane lists them. */
    public static List<Source> of(Combination c, NetworkProfile network, WhatIf whatIf) {
        List<Source> out = new ArrayList<>();
        out.add(scaled("Drafting speed", "drafting", c.draftingSource(), whatIf, WhatIf.DRAFT_SPEED_SCALE));
        out.add(scaled("Device power while drafting", "power", c.powerSource(), whatIf, WhatIf.POWER_SCALE));
        out.add(scaled("Acceptance α", "α", c.acceptanceSource(), whatIf, WhatIf.ALPHA_SCALE));
        out.add(
            overridable(
                "Verification latency T_v",
                "T_v",
                c.verificationSource(),
                whatIf.verifySeconds(),
                " s"
            )
        );
        out.add(
            overridable(
                "Verification price",
                "price",
                c.served().provenanceOf("dollarsPerMillionVerifiedTokens"),
                whatIf.dollarsPerMillionTokens(),
                " $/1M tokens"
            )
        );
        boolean networkMoved =
            whatIf.rttSeconds().isPresent() ||
            whatIf.uplinkMegabitsPerSecond().isPresent() ||
            whatIf.downlinkMegabitsPerSecond().isPresent();
        out.add(
            field(
                "Network " + network.name(),
                "network",
                network.provenance(),
                networkMoved,
                "set by the sliders"
            )
        );
        return List.copyOf(out);
    }

    /** A quantity a what-if slider scales: overridden while the slider's key is set, by the factor shown. */
    private static Source scaled(
        String quantity,
        String shortName,
        Provenance provenance,
        WhatIf whatIf,
        WhatIf.Key<Double> scale
    ) {
        Optional<Double> factor = whatIf.get(scale);
        return field(
            quantity,
            shortName,
            provenance,
            factor.isPresent(),
            "× " + Numbers.plain(factor.orElse(1.0))
        );
    }

    private static Source field(
        String quantity,
        String shortName,
        Provenance provenance,
        boolean overridden,
        String how
    ) {
        if (overridden) {
            return new Source(quantity, shortName, WHAT_IF, "what-if " + how + " on " + provenance.label());
        }
        return new Source(quantity, shortName, provenance.kind(), provenance.label());
    }

    private static Source overridable(
        String quantity,
        String shortName,
        Provenance provenance,
        OptionalDouble override,
        String unit
    ) {
        if (override.isPresent()) {
            return new Source(
                quantity,
                shortName,
                WHAT_IF,
                "what-if " +
                    Numbers.plain(override.getAsDouble()) +
                    unit +
                    " (the slider replaces the profile's value)"
            );
        }
        return new Source(quantity, shortName, provenance.kind(), provenance.label());
    }

    /** The badge of a provenance kind: ● measured, ◆ literature, ○ illustrative, ✎ what-if. */
    public static String badge(String kind) {
        return switch (kind) {
            case "measured" -> "●";
            case "literature" -> "◆";
            case WHAT_IF -> "✎";
            default -> "○";
        };
    }

    /** One line for a card: "drafting ○ · power ○ · α ○ · T_v ◆ · price ○ · network ○". */
    public static String summary(List<Source> sources) {
        StringBuilder sb = new StringBuilder();
        for (Source s : sources) {
            if (!sb.isEmpty()) sb.append(" · ");
            sb.append(s.shortName()).append(' ').append(s.badge());
        }
        return sb.toString();
    }

    /**
     * A few words for a card: how many inputs of each kind, e.g. "◆ 1 literature · ○ 5 illustrative"
     * (measured first, illustrative last).
     */
    public static String counts(List<Source> sources) {
        StringBuilder sb = new StringBuilder();
        for (String kind : List.of("measured", "literature", WHAT_IF, "illustrative")) {
            long n = sources
                .stream()
                .filter(s -> s.kind().equals(kind))
                .count();
            if (n == 0) continue;
            if (!sb.isEmpty()) sb.append(" · ");
            sb.append(badge(kind)).append(' ').append(n).append(' ').append(kind);
        }
        return sb.toString();
    }

    /** One line per source: "Verification latency T_v: literature (…)". */
    public static String detail(List<Source> sources) {
        StringBuilder sb = new StringBuilder();
        for (Source s : sources) {
            if (!sb.isEmpty()) sb.append('\n');
            sb.append(s.badge()).append(' ').append(s.quantity()).append(": ").append(s.label());
        }
        return sb.toString();
    }

    /**
     * The distinct input numbers behind a space (each drafting measurement, device power, alignment,
     * verification latency and price, and the network), and which of them are illustrative.
     *
     * @param total distinct inputs
     * @param illustrative the illustrative ones, e.g. "Drafting speed: Raspberry Pi 5 · Qwen2.5 0.5B q4_k_m"
     */
    public record Census(int total, java.util.SortedSet<String> illustrative) {
        public boolean anyIllustrative() {
            return !illustrative.isEmpty();
        }
    }

    /** Counts the inputs of every combination of {@code space} (no what-ifs). */
    public static Census census(io.configspec.model.analysis.ConfigurationSpace space) {
        java.util.Set<String> all = new java.util.HashSet<>();
        java.util.SortedSet<String> illustrative = new java.util.TreeSet<>();
        for (Combination c : space.combinations()) {
            String draft = c.device().name() + " · " + c.drafter().name() + " " + c.quantization();
            String pair = c.drafter().name() + " " + c.quantization() + " → " + c.target().name();
            String served = c.target().name();
            List<Source> sources = of(c, space.network(), WhatIf.NONE);
            String[] owners = { draft, draft, pair, served, served, "" };
            for (int i = 0; i < sources.size(); i++) {
                Source s = sources.get(i);
                String key = s.quantity() + (owners[i].isEmpty() ? "" : ": " + owners[i]);
                all.add(key);
                if (s.kind().equals("illustrative")) illustrative.add(key);
            }
        }
        return new Census(all.size(), java.util.Collections.unmodifiableSortedSet(illustrative));
    }

    /** Whether any of the sources is an illustrative placeholder. */
    public static boolean anyIllustrative(List<Source> sources) {
        return sources.stream().anyMatch(s -> s.kind().equals("illustrative"));
    }
}
