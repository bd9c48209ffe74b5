package io.configspec.model.workload;

import io.configspec.model.domain.Configuration;
import io.configspec.model.domain.RoutedDrafters;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A routed drafting set at its best K on one device, quantisation and target, against the single
 * drafter that serves the whole workload mix best on the same device and target (all predicted by
 * the analytical model, docs/model.md "Polymorph for drafting").
 *
 * @param route the routed set
 * @param device device id
 * @param quantization the routed drafters' quantisation
 * @param target target id
 * @param k the speculative length at which the routed set's goodput under the mix is highest
 * @param goodputTokensPerSecond routed goodput under the mix, tokens/s: 1 / (Σ_d w_d / G_d + switch
 *     seconds per token)
 * @param tokensPerDollar routed verification tokens per dollar under the mix (switches cost no
 *     verification)
 * @param switchesPerToken drafter switches per output token: (1 − Σ_x p_x²) / requestTokens
 * @param singleBest the best single-drafter configuration under the mix on this device and target
 * @param singleBestGoodputTokensPerSecond its goodput, tokens/s
 * @param singleAtMemory the best single-drafter configuration whose drafter fits in the set's memory
 *     (size on disk stated and ≤ {@link RoutedDrafters#memoryBytes()}), if any
 * @param singleAtMemoryGoodputTokensPerSecond its goodput, tokens/s (NaN when none)
 * @param singleBestBytes size on disk of the single best drafter, when its profile states it
 */
public record RoutedComparison(
    RoutedDrafters route,
    String device,
    String quantization,
    String target,
    int k,
    double goodputTokensPerSecond,
    double tokensPerDollar,
    double switchesPerToken,
    Configuration singleBest,
    double singleBestGoodputTokensPerSecond,
    Optional<Configuration> singleAtMemory,
    double singleAtMemoryGoodputTokensPerSecond,
    OptionalLong singleBestBytes
) {
    /** Whether the routed set's goodput beats the single best drafter's. */
    public boolean beatsSingleBest() {
        return goodputTokensPerSecond > singleBestGoodputTokensPerSecond;
    }

    /** Routed goodput relative to the single best drafter's, e.g. 0.12 for 12 % faster. */
    public double gainOverSingleBest() {
        return goodputTokensPerSecond / singleBestGoodputTokensPerSecond - 1.0;
    }

    /** One sentence for recommendations: whether the set beats the single best drafter, by how much, at what memory. */
    public String verdict() {
        String routed =
            "routed set " +
            route.id() +
            " (" +
            route.kind().jsonName() +
            ", " +
            mebibytes(route.memoryBytes()) +
            ") on " +
            device +
            " → " +
            target +
            " at K=" +
            k +
            ": " +
            String.format(java.util.Locale.ROOT, "%.1f", goodputTokensPerSecond) +
            " tokens/s predicted";
        String single =
            singleBest.drafter() +
            " " +
            singleBest.quantization() +
            " at K=" +
            singleBest.k() +
            " (" +
            String.format(java.util.Locale.ROOT, "%.1f", singleBestGoodputTokensPerSecond) +
            " tokens/s" +
            singleBestBytes
                .stream()
                .mapToObj(b -> ", " + mebibytes(b))
                .findFirst()
                .orElse("") +
            ")";
        String gain = String.format(java.util.Locale.ROOT, "%+.1f %%", 100 * gainOverSingleBest());
        String atMemory = singleAtMemory
            .map(c ->
                c.equals(singleBest)
                    ? "; the single best drafter fits in the same memory"
                    : "; at equal memory the best single drafter is " +
                      c.drafter() +
                      " " +
                      c.quantization() +
                      " at K=" +
                      c.k() +
                      " (" +
                      String.format(java.util.Locale.ROOT, "%.1f", singleAtMemoryGoodputTokensPerSecond) +
                      " tokens/s, routed " +
                      String.format(
                          java.util.Locale.ROOT,
                          "%+.1f %%",
                          100 * (goodputTokensPerSecond / singleAtMemoryGoodputTokensPerSecond - 1.0)
                      ) +
                      ")"
            )
            .orElse("; no single drafter with a stated size fits in the same memory");
        return (
            routed +
            (beatsSingleBest() ? ", beats" : ", does not beat") +
            " the single best drafter " +
            single +
            (beatsSingleBest() ? " by " : ": ") +
            gain +
            atMemory
        );
    }

    /**
     * The exported text's note on this routed set: what serving stacks cannot express (drafter-side
     * adapters: vLLM RFC #52038 is open; SGLang applies LoRA adapters to the target only, PR #34337;
     * SGLang #37772 asks for it) and the per-domain drafter choice that can be served today.
     */
    public String exportNote() {
        StringBuilder perDomain = new StringBuilder();
        route
            .domains()
            .forEach((domain, drafter) ->
                perDomain.append(perDomain.isEmpty() ? "" : ", ").append(domain).append(" → ").append(drafter)
            );
        return (
            "Not expressed: routed drafting set " +
            route.id() +
            " (" +
            (route.kind() == io.configspec.model.domain.RouteKind.ADAPTERS
                ? "per-domain adapters on " +
                  route.base() +
                  "; drafter-side adapters are not supported by vLLM (RFC #52038 open) or SGLang (LoRA applies to the target only, PR #34337; #37772 open)"
                : "one drafter per domain; no stack routes requests to drafters by domain") +
            "). Served today: one deployment per domain with that domain's drafter (" +
            perDomain +
            "; other domains → " +
            route.base() +
            ") at K=" +
            k +
            ", and a router in front that sends each request to its domain's deployment. " +
            (beatsSingleBest()
                ? "The routed set is predicted to beat the single best drafter by " +
                  String.format(java.util.Locale.ROOT, "%.1f %%", 100 * gainOverSingleBest()) +
                  "."
                : "The routed set is not predicted to beat the single best drafter; this export is the single best configuration.")
        );
    }

    private static String mebibytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.2f MiB", bytes / (1024.0 * 1024.0));
    }
}
