package io.configspec.model.analysis;

import io.configspec.model.domain.AcceptanceAtK;
import io.configspec.model.domain.AlignmentProfile;
import io.configspec.model.domain.DomainShare;
import io.configspec.model.domain.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * The acceptance of one drafter × quantisation × target under a workload mix, as one per-K table
 * that the configuration space evaluates like any other (docs/model.md, "Workload mix").
 *
 * <p>With token shares w_d and per-domain tokens per round E_d(K), a round of one configuration
 * takes the same time T(K) and costs the same money and energy whatever the domain, so the mix's
 * goodput 1 / Σ_d (w_d / G_d) = 1 / Σ_d (w_d·T / E_d) equals E_mix / T with the harmonic mean
 * E_mix(K) = 1 / Σ_d (w_d / E_d(K)); the same holds for tokens per dollar and per joule. The table
 * holds α_mix(K) = (E_mix(K) − 1) / K for K = 1 … {@link #kLimit} (or the common range of the domain
 * entries' own per-K tables), so no rate is ever averaged. Its spread is propagated to first order
 * from each domain's (per-K standard deviation, or the constant form's 95 % interval read as ±1.96
 * standard deviations).
 */
public final class MixedAcceptance {

    private MixedAcceptance() {}

    /**
     * The mixed acceptance.
     *
     * @param perDomain the alignment entry of each of {@code mix}'s domains, in the mix's order
     * @param kLimit the largest K the table covers when no domain entry limits it
     * @return the entry, or empty when the domain entries' per-K tables share no K
     */
    public static Optional<AlignmentProfile> of(
        List<DomainShare> mix,
        List<AlignmentProfile> perDomain,
        int kLimit
    ) {
        int first = 1;
        int last = kLimit;
        for (AlignmentProfile a : perDomain) {
            if (a.hasAcceptanceByK()) {
                first = Math.max(first, a.acceptanceByK().getFirst().k());
                last = Math.min(last, a.acceptanceByK().getLast().k());
            }
        }
        if (first > last) {
            return Optional.empty();
        }
        List<AcceptanceAtK> table = new ArrayList<>();
        for (int k = first; k <= last; k++) {
            double inverse = 0;
            double[] derivativeTerms = new double[perDomain.size()];
            for (int d = 0; d < perDomain.size(); d++) {
                double e = perDomain.get(d).expectedTokensPerRound(k);
                inverse += mix.get(d).weight() / e;
                derivativeTerms[d] =
                    (mix.get(d).weight() / (e * e)) * expectedTokensSpread(perDomain.get(d), k);
            }
            double mixed = 1.0 / inverse;
            double variance = 0;
            for (double term : derivativeTerms) {
                variance += term * term;
            }
            double spread = (mixed * mixed * Math.sqrt(variance)) / k;
            double alpha = Math.min(1.0, Math.max(0.0, (mixed - 1.0) / k));
            table.add(
                new AcceptanceAtK(
                    k,
                    alpha,
                    Math.min(1.0, spread),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    OptionalInt.empty()
                )
            );
        }
        AlignmentProfile any = perDomain.getFirst();
        return Optional.of(
            new AlignmentProfile(
                any.drafter(),
                any.quantization(),
                any.target(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalInt.empty(),
                "workload mix " + describe(mix),
                List.of(),
                table,
                List.of(),
                weakest(perDomain),
                Map.of(),
                Optional.empty()
            )
        );
    }

    /** The mix as {@code code 0.5, chat 0.5}. */
    public static String describe(List<DomainShare> mix) {
        return mix
            .stream()
            .map(s -> s.domain() + " " + (float) s.weight())
            .collect(Collectors.joining(", "));
    }

    /** One standard deviation of E[N] at K: K·sd(α(K)), or the constant form's interval / (2·1.96). */
    private static double expectedTokensSpread(AlignmentProfile a, int k) {
        Optional<AcceptanceAtK> measured = a.acceptanceAtK(k);
        if (measured.isPresent()) {
            return k * measured.get().standardDeviation();
        }
        double low = SpeculativeRoundModel.expectedTokensPerRound(a.acceptanceLow().orElse(0), k);
        double high = SpeculativeRoundModel.expectedTokensPerRound(a.acceptanceHigh().orElse(0), k);
        return a.hasPositionCurve() ? 0.0 : (high - low) / (2 * 1.96);
    }

    /** The least certain provenance of the domain entries: illustrative, then literature, then measured. */
    private static Provenance weakest(List<AlignmentProfile> perDomain) {
        Provenance weakest = perDomain.getFirst().provenanceOf("acceptanceRate");
        for (AlignmentProfile a : perDomain) {
            Provenance p = a.provenanceOf(a.hasAcceptanceByK() ? "acceptanceByK" : "acceptanceRate");
            if (rank(p) > rank(weakest)) {
                weakest = p;
            }
        }
        return weakest;
    }

    private static int rank(Provenance p) {
        return switch (p) {
            case Provenance.Measured m -> 0;
            case Provenance.Literature l -> 1;
            case Provenance.Illustrative i -> 2;
        };
    }
}
