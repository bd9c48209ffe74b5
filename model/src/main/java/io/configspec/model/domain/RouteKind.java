package io.configspec.model.domain;

/** How a routed drafting set serves its domains (Polymorph's idea applied to drafting). */
public enum RouteKind implements JsonNamed {
    /**
     * One full drafter per domain: its memory is the sum of the drafters, a switch loads another
     * model ({@code drafters} in scenario files).
     */
    DRAFTERS,
    /**
     * One shared drafter with a small low-rank adapter per domain, added in the graph without
     * merging weights: its memory is the base plus the adapters, a switch binds other adapter
     * tensors ({@code adapters} in scenario files).
     */
    ADAPTERS,
}
