package io.configspec.model.domain;

/**
 * One domain's share of a workload mix: the fraction of output tokens that belong to prompts of
 * that domain (chat, code, maths, …). Shares are of tokens, not of requests, because the mix's
 * goodput, cost and energy are total tokens over total time, money and energy (docs/model.md,
 * "Workload mix").
 *
 * @param domain the domain's name, as alignment entries name it in {@code domain}
 * @param weight share of output tokens, in (0, 1]
 */
public record DomainShare(String domain, double weight) {
    public DomainShare {
        FieldChecks.text("domain", domain);
        FieldChecks.probability("weight", weight);
        if (weight == 0) {
            throw new InvalidFieldException(
                "weight",
                "must be greater than 0 but is 0 (leave the domain out)"
            );
        }
    }
}
