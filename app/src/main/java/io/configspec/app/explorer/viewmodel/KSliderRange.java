package io.configspec.app.explorer.viewmodel;

import io.configspec.model.analysis.Combination;
import io.configspec.model.analysis.ConfigurationSpace;
import io.configspec.model.domain.AlignmentProfile;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The speculative lengths K the what-if K sliders offer for a configuration space, and where that
 * range comes from, in words. Acceptance measured per K (an alignment profile's {@code
 * acceptanceByK}, the ConfigSpec paper's α(K)) gives E[N] only at the K measured and is never
 * extrapolated (DESIGN §4, {@code ConfigurationSpace}'s refusal of unmeasured K): the sliders then
 * span the K that every such table of the space covers, so no position of a slider asks for a
 * number the model will not compute. Acceptance given as a rate α or a per-position curve gives
 * E[N] at any K by the model's formula: the sliders then span {@value #LOWEST} to {@value
 * #HIGHEST}, or further when the scenario itself asks for more.
 *
 * @param lowest smallest K offered, ≥ 1
 * @param highest largest K offered, ≥ {@code lowest}
 * @param note one sentence for the user: the range with its unit and its provenance
 */
public record KSliderRange(int lowest, int highest, String note) {
    /** The smallest K a slider offers when acceptance was not measured per K. */
    public static final int LOWEST = 1;
    /** The largest K a slider offers when acceptance was not measured per K (unless the scenario asks for more). */
    public static final int HIGHEST = 16;

    /**
     * The range for {@code space}, whose scenario asks for K up to {@code scenarioKMax} (its own
     * range's end, or its saved what-if's).
     */
    public static KSliderRange of(ConfigurationSpace space, int scenarioKMax) {
        int[] measured = space.measuredKRange();
        int lowest = measured[0];
        int highest = measured[1];
        Set<AlignmentProfile> perK = new LinkedHashSet<>();
        Set<String> sources = new LinkedHashSet<>();
        int shortestCurve = Integer.MAX_VALUE;
        for (Combination combination : space.combinations()) {
            AlignmentProfile alignment = combination.alignment();
            if (alignment.hasAcceptanceByK()) {
                if (perK.add(alignment)) {
                    sources.add(alignment.provenanceOf("acceptanceByK").kind());
                }
            } else if (!alignment.acceptanceByPosition().isEmpty()) {
                shortestCurve = Math.min(shortestCurve, alignment.acceptanceByPosition().size());
            }
        }
        if (!perK.isEmpty() && lowest <= highest) {
            return new KSliderRange(
                lowest,
                highest,
                String.format(
                    Locale.ROOT,
                    "K %d–%d tokens: the range acceptance α(K) was measured over (%d alignment %s, %s); E[N] outside it is not extrapolated.",
                    lowest,
                    highest,
                    perK.size(),
                    perK.size() == 1 ? "profile" : "profiles",
                    String.join(", ", sources)
                )
            );
        }
        int high = Math.max(HIGHEST, scenarioKMax);
        String curves = shortestCurve < high
            ? "; a per-position curve's last α stands for the positions past its own (" +
              shortestCurve +
              " in the shortest)"
            : "";
        return new KSliderRange(
            LOWEST,
            high,
            String.format(
                Locale.ROOT,
                "K %d–%d tokens: acceptance is given as a rate α (or per position), not per K, so E[N] follows from the model at any K%s.",
                LOWEST,
                high,
                curves
            )
        );
    }
}
