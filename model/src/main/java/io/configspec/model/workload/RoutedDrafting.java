package io.configspec.model.workload;

import io.configspec.model.analysis.Combination;
import io.configspec.model.analysis.ConfigurationSpace;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.Scenario;
import io.configspec.model.analysis.WhatIf;
import io.configspec.model.domain.Configuration;
import io.configspec.model.domain.DomainShare;
import io.configspec.model.domain.InvalidFieldException;
import io.configspec.model.domain.LanguageModel;
import io.configspec.model.domain.ProfileLibrary;
import io.configspec.model.domain.QuantizationVariant;
import io.configspec.model.domain.RoutedDrafters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Routed drafting under a workload mix (docs/model.md, "Polymorph for drafting"): a selector sends
 * each request to its domain's drafter (or the shared drafter with its domain's adapter); this
 * predicts the set's goodput and cost under the scenario's mix and compares it with the single
 * drafter that serves the whole mix best.
 *
 * <p>Per domain d the configuration space is evaluated with that domain's acceptance alone, which
 * gives each drafter's goodput G_{d,x}(K) and tokens per dollar on d's text. With token shares w_d,
 * selector accuracy a and misrouted requests served by the base drafter b, the seconds per output
 * token are Σ_d w_d (a / G_{d,route(d)} + (1 − a) / G_{d,b}) plus the switch time per token s ×
 * (1 − Σ_x p_x²) / n, where p_x is the share of requests drafter x serves (requests of all domains
 * taken as equally long, n tokens on average, arriving in random order) and s the set's switch
 * time. Goodput is its inverse; tokens per dollar follow the same harmonic sum (a switch costs no
 * verification). Energy is not predicted for routed sets: a switch's energy is not measured.
 *
 * <p>Pure and synchronous; evaluates one space per domain, so it is meant for the spaces a user
 * explores, not for streamed sweeps.
 */
public final class RoutedDrafting {

    private RoutedDrafting() {}

    /**
     * The best K of every routed set on every device, quantisation and target its drafters are
     * measured on, each against the single best drafter there; empty when the scenario has no routes.
     *
     * @throws InvalidFieldException naming the route field at fault ({@code routes[0].domains.code},
     *     {@code routes[0].base}) when a routed drafter is unknown or has no acceptance on a domain it serves
     */
    public static List<RoutedComparison> compare(ProfileLibrary library, Scenario scenario, WhatIf whatIf) {
        if (scenario.routes().isEmpty()) {
            return List.of();
        }
        EvaluatedSpace mixed = ConfigurationSpace.of(library, scenario.withRoutes(List.of())).evaluate(
            whatIf
        );
        Map<String, EvaluatedSpace> perDomain = new LinkedHashMap<>();
        List<String> drafters = routedSelection(library, scenario);
        for (DomainShare share : scenario.mix()) {
            Scenario single = scenario
                .withRoutes(List.of())
                .withMix(List.of(new DomainShare(share.domain(), 1.0)))
                .withSelection(scenario.devices(), drafters, scenario.quantizations(), scenario.targets());
            perDomain.put(share.domain(), ConfigurationSpace.of(library, single).evaluate(whatIf));
        }
        List<RoutedComparison> comparisons = new ArrayList<>();
        for (int r = 0; r < scenario.routes().size(); r++) {
            comparisons.addAll(compare(library, scenario, r, mixed, perDomain));
        }
        return List.copyOf(comparisons);
    }

    /** The selected drafters plus every drafter the routes name; empty (all) when the scenario selects all. */
    private static List<String> routedSelection(ProfileLibrary library, Scenario scenario) {
        if (scenario.drafters().isEmpty()) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>(scenario.drafters());
        for (int r = 0; r < scenario.routes().size(); r++) {
            RoutedDrafters route = scenario.routes().get(r);
            ids.add(known(library, "routes[" + r + "].base", route.base()));
            for (var entry : route.domains().entrySet()) {
                ids.add(known(library, "routes[" + r + "].domains." + entry.getKey(), entry.getValue()));
            }
        }
        return List.copyOf(ids);
    }

    private static String known(ProfileLibrary library, String field, String drafter) {
        if (library.drafter(drafter).isEmpty()) {
            throw new InvalidFieldException(
                field,
                "refers to unknown drafter '" +
                    drafter +
                    "' (known: " +
                    String.join(", ", library.drafters().stream().map(LanguageModel::id).toList()) +
                    ")"
            );
        }
        return drafter;
    }

    private static List<RoutedComparison> compare(
        ProfileLibrary library,
        Scenario scenario,
        int routeIndex,
        EvaluatedSpace mixed,
        Map<String, EvaluatedSpace> perDomain
    ) {
        RoutedDrafters route = scenario.routes().get(routeIndex);
        known(library, "routes[" + routeIndex + "].base", route.base());
        route.domains().forEach((d, x) -> known(library, "routes[" + routeIndex + "].domains." + d, x));
        double accuracy = route.selectorAccuracy();
        double switchesPerToken = switchesPerToken(
            route,
            scenario.mix(),
            scenario.requestTokens().orElseThrow()
        );
        double switchSecondsPerToken = switchesPerToken * route.switchSeconds();

        Map<String, Map<String, Integer>> index = new HashMap<>();
        perDomain.forEach((domain, space) -> index.put(domain, combinationIndex(space)));
        EvaluatedSpace anyDomain = perDomain.values().iterator().next();
        int kMin = anyDomain.kMin();
        int kCount = anyDomain.kCount();

        List<RoutedComparison> result = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Combination c : anyDomain.space().combinations()) {
            String where = c.device().id() + "\u0000" + c.quantization() + "\u0000" + c.target().id();
            if (!seen.add(where)) {
                continue;
            }
            int bestK = -1;
            double bestGoodput = Double.NEGATIVE_INFINITY;
            double bestPerDollar = Double.NaN;
            boolean complete = true;
            for (int k = 0; k < kCount && complete; k++) {
                Map<String, Integer> ownRows = new HashMap<>();
                Map<String, Integer> baseRows = new HashMap<>();
                for (DomainShare share : scenario.mix()) {
                    String domain = share.domain();
                    int ownRow = row(index.get(domain), c, route.drafterFor(domain), kCount, k);
                    int baseRow = row(index.get(domain), c, route.base(), kCount, k);
                    if (ownRow < 0 || (accuracy < 1 && baseRow < 0)) {
                        complete = false;
                        break;
                    }
                    ownRows.put(domain, ownRow);
                    baseRows.put(domain, baseRow);
                }
                if (!complete) {
                    break;
                }
                double seconds = secondsPerToken(
                    scenario.mix(),
                    d -> perDomain.get(d).goodputTokensPerSecond(ownRows.get(d)),
                    d -> perDomain.get(d).goodputTokensPerSecond(baseRows.get(d)),
                    accuracy,
                    switchSecondsPerToken
                );
                double dollars = secondsPerToken(
                    scenario.mix(),
                    d -> perDomain.get(d).tokensPerDollar(ownRows.get(d)),
                    d -> perDomain.get(d).tokensPerDollar(baseRows.get(d)),
                    accuracy,
                    0
                );
                if (1.0 / seconds > bestGoodput) {
                    bestGoodput = 1.0 / seconds;
                    bestPerDollar = 1.0 / dollars;
                    bestK = kMin + k;
                }
            }
            if (!complete) {
                continue;
            }
            Optional<Integer> single = bestSingle(mixed, c, Long.MAX_VALUE, library);
            if (single.isEmpty()) {
                continue;
            }
            int singleRow = single.get();
            Optional<Integer> atMemory = bestSingle(mixed, c, route.memoryBytes(), library);
            Configuration singleConfiguration = mixed.configuration(singleRow);
            result.add(
                new RoutedComparison(
                    route,
                    c.device().id(),
                    c.quantization(),
                    c.target().id(),
                    bestK,
                    bestGoodput,
                    bestPerDollar,
                    switchesPerToken,
                    singleConfiguration,
                    mixed.goodputTokensPerSecond(singleRow),
                    atMemory.map(mixed::configuration),
                    atMemory.map(mixed::goodputTokensPerSecond).orElse(Double.NaN),
                    bytes(library, singleConfiguration.drafter(), singleConfiguration.quantization())
                )
            );
        }
        return result;
    }

    /**
     * Drafter switches per output token of a routed set: (1 − Σ_x p_x²) / n, with p_x the share of
     * requests drafter x serves (misrouted requests go to the base) and n the mean output tokens
     * per request; requests of all domains equally long and in random order.
     */
    public static double switchesPerToken(RoutedDrafters route, List<DomainShare> mix, int requestTokens) {
        double accuracy = route.selectorAccuracy();
        Map<String, Double> requestShare = new HashMap<>();
        for (DomainShare share : mix) {
            requestShare.merge(route.drafterFor(share.domain()), share.weight() * accuracy, Double::sum);
            requestShare.merge(route.base(), share.weight() * (1 - accuracy), Double::sum);
        }
        double sameDrafter = requestShare
            .values()
            .stream()
            .mapToDouble(p -> p * p)
            .sum();
        return (1.0 - sameDrafter) / requestTokens;
    }

    /**
     * Seconds (or dollars, or joules) per output token of a routed set under {@code mix}: Σ_d w_d
     * (a / rate_own(d) + (1 − a) / rate_base(d)) + {@code switchPerToken}, where rate is tokens per
     * second (per dollar, per joule) of the domain's own drafter and of the base on d's text. Its
     * inverse is the set's rate under the mix. The rates of the base are not read when a = 1.
     */
    public static double secondsPerToken(
        List<DomainShare> mix,
        java.util.function.ToDoubleFunction<String> ownRate,
        java.util.function.ToDoubleFunction<String> baseRate,
        double accuracy,
        double switchPerToken
    ) {
        double perToken = switchPerToken;
        for (DomainShare share : mix) {
            perToken += (share.weight() * accuracy) / ownRate.applyAsDouble(share.domain());
            if (accuracy < 1) {
                perToken += (share.weight() * (1 - accuracy)) / baseRate.applyAsDouble(share.domain());
            }
        }
        return perToken;
    }

    private static Map<String, Integer> combinationIndex(EvaluatedSpace space) {
        Map<String, Integer> index = new HashMap<>();
        List<Combination> combinations = space.space().combinations();
        for (int i = 0; i < combinations.size(); i++) {
            index.put(key(combinations.get(i), combinations.get(i).drafter().id()), i);
        }
        return index;
    }

    private static String key(Combination c, String drafter) {
        return (
            c.device().id() + "\u0000" + drafter + "\u0000" + c.quantization() + "\u0000" + c.target().id()
        );
    }

    /** The row of (c's device, drafter, c's quantisation, c's target) at the k-th K, or −1. */
    private static int row(Map<String, Integer> index, Combination c, String drafter, int kCount, int k) {
        Integer combination = index.get(key(c, drafter));
        return combination == null ? -1 : combination * kCount + k;
    }

    /**
     * The feasible row of {@code mixed} on c's device and target with the highest goodput among
     * drafters whose stated size is at most {@code memoryBytes} (any size when it is Long.MAX_VALUE).
     */
    private static Optional<Integer> bestSingle(
        EvaluatedSpace mixed,
        Combination c,
        long memoryBytes,
        ProfileLibrary library
    ) {
        int best = -1;
        for (int i = 0; i < mixed.size(); i++) {
            Combination other = mixed.combination(i);
            if (
                !mixed.feasible(i) ||
                !other.device().id().equals(c.device().id()) ||
                !other.target().id().equals(c.target().id())
            ) {
                continue;
            }
            if (memoryBytes != Long.MAX_VALUE) {
                OptionalLong size = bytes(library, other.drafter().id(), other.quantization());
                if (size.isEmpty() || size.getAsLong() > memoryBytes) {
                    continue;
                }
            }
            if (best < 0 || mixed.goodputTokensPerSecond(i) > mixed.goodputTokensPerSecond(best)) {
                best = i;
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(best);
    }

    private static OptionalLong bytes(ProfileLibrary library, String drafter, String quantization) {
        return library
            .drafter(drafter)
            .flatMap(d -> d.quantization(quantization))
            .map(QuantizationVariant::sizeOnDiskBytes)
            .orElse(OptionalLong.empty());
    }
}
