package io.configspec.model.analysis;

import io.configspec.model.domain.DomainShare;
import io.configspec.model.domain.FieldChecks;
import io.configspec.model.domain.InvalidFieldException;
import io.configspec.model.domain.RoutedDrafters;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What to analyse: which profiles, which part of the configuration space, under which modes,
 * against which objectives and constraints. It lives in {@code analysis} rather than {@code
 * domain} because it is made of analysis terms (objectives, constraints, what-ifs) and the
 * packages must not form a cycle (decision record 0010).
 *
 * @param id scenario id
 * @param name display name
 * @param description free text, may be empty
 * @param profiles profile files or directories, relative to the scenario file (or absolute)
 * @param devices selected device ids; empty selects all
 * @param drafters selected drafter ids; empty selects all
 * @param quantizations selected quantisation names; empty selects all
 * @param targets selected target ids; empty selects every target the server serves
 * @param server id of the verification server profile
 * @param network id of the network profile; empty for no network time (the ConfigSpec paper's setting)
 * @param kMin smallest speculative length, ≥ 1
 * @param kMax largest speculative length, ≥ kMin
 * @param objectives objectives of interest, in order (the first two or three are the Pareto axes)
 * @param constraints constraints (SLOs) a configuration must meet to be feasible
 * @param whatIf what-if overrides saved with the scenario
 * @param pricing verification pricing mode
 * @param billing positions billed per round under token pricing (K or K + 1)
 * @param energy device energy mode
 * @param contextTokens typical context length, tokens ≥ 0 (for context-dependent drafting and T_v)
 * @param batchSize verification batch size B ≥ 1 (GPU-time pricing and fitted T_v)
 * @param mix workload mix: each domain's share of output tokens, summing to 1; empty for one prompt
 *     set for all traffic (the alignment entries without a domain)
 * @param requestTokens mean output tokens per request (how often a routed set may switch drafters)
 * @param routes routed drafting sets compared with the single best drafter under the mix
 */
public record Scenario(
    String id,
    String name,
    String description,
    List<String> profiles,
    List<String> devices,
    List<String> drafters,
    List<String> quantizations,
    List<String> targets,
    String server,
    Optional<String> network,
    int kMin,
    int kMax,
    List<Objective> objectives,
    List<Constraint> constraints,
    WhatIf whatIf,
    PricingMode pricing,
    TokenBilling billing,
    EnergyMode energy,
    int contextTokens,
    int batchSize,
    List<DomainShare> mix,
    OptionalInt requestTokens,
    List<RoutedDrafters> routes
) {
    /** How far the mix's weights may sum from 1 (rounding in a file written with a few decimals). */
    public static final double MIX_SUM_TOLERANCE = 1e-6;

    public Scenario {
        FieldChecks.text("id", id);
        FieldChecks.text("name", name);
        description = description == null ? "" : description;
        profiles = FieldChecks.list("profiles", profiles);
        devices = FieldChecks.list("devices", devices);
        drafters = FieldChecks.list("drafters", drafters);
        quantizations = FieldChecks.list("quantizations", quantizations);
        targets = FieldChecks.list("targets", targets);
        FieldChecks.distinct("select.devices", devices, "", "", value -> value);
        FieldChecks.distinct("select.drafters", drafters, "", "", value -> value);
        FieldChecks.distinct("select.quantizations", quantizations, "", "", value -> value);
        FieldChecks.distinct("select.targets", targets, "", "", value -> value);
        FieldChecks.text("server", server);
        network = FieldChecks.present("network", network);
        network.ifPresent(n -> FieldChecks.text("network", n));
        FieldChecks.positive("k.min", kMin);
        FieldChecks.positive("k.max", kMax);
        if (kMax < kMin) {
            throw new InvalidFieldException("k.max", "must be at least k.min " + kMin + " but is " + kMax);
        }
        objectives = FieldChecks.list("objectives", objectives);
        if (objectives.isEmpty()) {
            objectives = List.of(Objective.GOODPUT, Objective.TOKENS_PER_DOLLAR, Objective.TOKENS_PER_JOULE);
        }
        constraints = FieldChecks.list("constraints", constraints);
        whatIf = whatIf == null ? WhatIf.NONE : whatIf;
        FieldChecks.present("pricing", pricing);
        FieldChecks.present("billing", billing);
        FieldChecks.present("energy", energy);
        FieldChecks.nonNegative("workload.contextTokens", contextTokens);
        FieldChecks.positive("workload.batchSize", batchSize);
        mix = FieldChecks.list("workload.mix", mix);
        Set<String> domains = new HashSet<>();
        double sum = 0;
        for (int i = 0; i < mix.size(); i++) {
            if (!domains.add(mix.get(i).domain())) {
                throw new InvalidFieldException(
                    "workload.mix[" + i + "].domain",
                    "repeats domain '" + mix.get(i).domain() + "'"
                );
            }
            sum += mix.get(i).weight();
        }
        if (!mix.isEmpty() && Math.abs(sum - 1.0) > MIX_SUM_TOLERANCE) {
            throw new InvalidFieldException(
                "workload.mix",
                "has weights that sum to " +
                    (float) sum +
                    ", not 1 (each weight is a domain's share of output tokens)"
            );
        }
        requestTokens = requestTokens == null ? OptionalInt.empty() : requestTokens;
        requestTokens.ifPresent(n -> FieldChecks.positive("workload.requestTokens", n));
        routes = FieldChecks.list("routes", routes);
        Set<String> routeIds = new HashSet<>();
        for (int i = 0; i < routes.size(); i++) {
            RoutedDrafters route = routes.get(i);
            if (!routeIds.add(route.id())) {
                throw new InvalidFieldException("routes[" + i + "].id", "repeats id '" + route.id() + "'");
            }
            if (mix.isEmpty()) {
                throw new InvalidFieldException(
                    "routes",
                    "needs a workload mix (workload.mix): a routed set serves domains"
                );
            }
            if (requestTokens.isEmpty()) {
                throw new InvalidFieldException(
                    "workload.requestTokens",
                    "is missing: routes need the mean output tokens per request to price drafter switches"
                );
            }
            for (String domain : route.domains().keySet()) {
                if (!domains.contains(domain)) {
                    throw new InvalidFieldException(
                        "routes[" + i + "].domains." + domain,
                        "routes domain '" +
                            domain +
                            "', which the workload mix does not have (mix: " +
                            String.join(", ", mixDomains(mix)) +
                            ")"
                    );
                }
            }
        }
    }

    private static List<String> mixDomains(List<DomainShare> mix) {
        return mix.stream().map(DomainShare::domain).toList();
    }

    /** Whether the scenario has a workload mix. */
    public boolean hasMix() {
        return !mix.isEmpty();
    }

    /** The scenario with another workload mix (its routes kept only if they still fit it). */
    public Scenario withMix(List<DomainShare> replacement) {
        return copy(devices, drafters, quantizations, targets, server, whatIf, pricing, replacement, routes);
    }

    /** The scenario with other routed sets. */
    public Scenario withRoutes(List<RoutedDrafters> replacement) {
        return copy(devices, drafters, quantizations, targets, server, whatIf, pricing, mix, replacement);
    }

    private Scenario copy(
        List<String> devices,
        List<String> drafters,
        List<String> quantizations,
        List<String> targets,
        String server,
        WhatIf whatIf,
        PricingMode pricing,
        List<DomainShare> mix,
        List<RoutedDrafters> routes
    ) {
        return new Scenario(
            id,
            name,
            description,
            profiles,
            devices,
            drafters,
            quantizations,
            targets,
            server,
            network,
            kMin,
            kMax,
            objectives,
            constraints,
            whatIf,
            pricing,
            billing,
            energy,
            contextTokens,
            batchSize,
            mix,
            requestTokens,
            routes
        );
    }

    /** The scenario with other devices, drafters, quantisations and targets selected (empty = all). */
    public Scenario withSelection(
        List<String> devices,
        List<String> drafters,
        List<String> quantizations,
        List<String> targets
    ) {
        return copy(devices, drafters, quantizations, targets, server, whatIf, pricing, mix, routes);
    }

    /** The scenario verifying on another server under another pricing mode. */
    public Scenario withServer(String replacementServer, PricingMode replacementPricing) {
        return copy(
            devices,
            drafters,
            quantizations,
            targets,
            replacementServer,
            whatIf,
            replacementPricing,
            mix,
            routes
        );
    }

    /** The scenario with its what-if replaced. */
    public Scenario withWhatIf(WhatIf replacement) {
        return copy(devices, drafters, quantizations, targets, server, replacement, pricing, mix, routes);
    }
}
