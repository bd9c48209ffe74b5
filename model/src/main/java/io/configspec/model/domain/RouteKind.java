package io.configspec.model.domain;

/** How a routed drafting set serves its domains (Polymorph's idea applied to drafting). */
public enum RouteKind {
    /** One full drafter per domain: its memory is the sum of the drafters, a switch loads another model. */
    DRAFTERS("drafters"),
    /**
     * One shared drafter with a small low-rank adapter per domain, added in the graph without
     * merging weights: its memory is the base plus the adapters, a switch binds other adapter tensors.
     */
    ADAPTERS("adapters");

    private final String jsonName;

    RouteKind(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in scenario files. */
    public String jsonName() {
        return jsonName;
    }
}
