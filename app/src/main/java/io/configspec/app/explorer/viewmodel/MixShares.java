package io.configspec.app.explorer.viewmodel;

import io.configspec.model.domain.DomainShare;
import java.util.ArrayList;
import java.util.List;

/**
 * Moving one domain's share of a workload mix: the other domains keep their proportions to each
 * other and share what is left, so the shares still sum to 1 and every domain keeps a share (a
 * domain at 0 would leave the mix, and with it the routed sets that serve it).
 */
public final class MixShares {

    /** The smallest share a domain is given when another one moves. */
    public static final double MIN_SHARE = 0.01;

    private MixShares() {}

    /** The largest share one domain of {@code mix} can take. */
    public static double maxShare(List<DomainShare> mix) {
        return 1 - MIN_SHARE * (mix.size() - 1);
    }

    /**
     * {@code mix} with {@code domain} at {@code share} (clamped to {@link #MIN_SHARE} … {@link
     * #maxShare}), the others scaled to fill the rest in their old proportions.
     *
     * @throws IllegalArgumentException if the mix has no such domain
     */
    public static List<DomainShare> withShare(List<DomainShare> mix, String domain, double share) {
        int moved = -1;
        double others = 0;
        for (int i = 0; i < mix.size(); i++) {
            if (mix.get(i).domain().equals(domain)) {
                moved = i;
            } else {
                others += mix.get(i).weight();
            }
        }
        if (moved < 0) {
            throw new IllegalArgumentException("the workload mix has no domain '" + domain + "'");
        }
        if (mix.size() == 1) {
            return mix; // one domain is the whole mix
        }
        double set = Math.clamp(share, MIN_SHARE, maxShare(mix));
        List<DomainShare> result = new ArrayList<>(mix.size());
        for (int i = 0; i < mix.size(); i++) {
            DomainShare d = mix.get(i);
            double weight = i == moved ? set : (d.weight() / others) * (1 - set);
            result.add(new DomainShare(d.domain(), weight));
        }
        return List.copyOf(result);
    }
}
