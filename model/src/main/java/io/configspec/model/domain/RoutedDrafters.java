package io.configspec.model.domain;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A routed drafting set: a selector sends each request to the drafter (or the shared drafter with
 * the adapter) of its domain (docs/model.md, "Polymorph for drafting"). Each routed drafter is an
 * ordinary drafter of the profile library, with its own drafting measurement on the device and
 * its own alignment entries per domain; an adapter applied to a shared drafter is such a drafter
 * too (e.g. {@code draft-2l+code}).
 *
 * @param id the set's id, shown in recommendations
 * @param kind one drafter per domain, or one shared drafter with per-domain adapters
 * @param base the drafter that serves a domain the set does not route and every request the selector
 *     misroutes (for {@link RouteKind#ADAPTERS}, the shared drafter without adapter)
 * @param domains domain → drafter id, at least one
 * @param memoryBytes what the set keeps on the board, bytes, &gt; 0: the sum of the drafters, or
 *     the base plus the adapters
 * @param switchSeconds time to change from one domain's drafter to another's, s, ≥ 0 (measured:
 *     loading a drafter against binding an adapter)
 * @param selectorAccuracy share of requests the selector sends to their own domain's drafter, in [0, 1]
 * @param provenance where memory, switch time and selector accuracy come from
 */
public record RoutedDrafters(
    String id,
    RouteKind kind,
    String base,
    Map<String, String> domains,
    long memoryBytes,
    double switchSeconds,
    double selectorAccuracy,
    Provenance provenance
) {
    public RoutedDrafters {
        FieldChecks.text("id", id);
        FieldChecks.present("kind", kind);
        FieldChecks.text("base", base);
        FieldChecks.present("domains", domains);
        if (domains.isEmpty()) {
            throw new InvalidFieldException("domains", "is empty (name a drafter for at least one domain)");
        }
        domains.forEach((domain, drafter) -> FieldChecks.text("domains." + domain, drafter));
        domains = Collections.unmodifiableMap(new TreeMap<>(domains));
        FieldChecks.positive("memoryBytes", memoryBytes);
        FieldChecks.nonNegative("switchSeconds", switchSeconds);
        FieldChecks.probability("selectorAccuracy", selectorAccuracy);
        FieldChecks.present("provenance", provenance);
    }

    /** The drafter that serves {@code domain}: its routed drafter, or the base when the set routes none. */
    public String drafterFor(String domain) {
        return domains.getOrDefault(domain, base);
    }
}
