package io.configspec.model.domain;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Acceptance measured at one speculative length K (the ConfigSpec paper's form): K tokens were
 * drafted per round and α(K) is the fraction of them the target accepted, averaged over prompts.
 * A round at this K then yields E[N] = K·α(K) + 1 tokens (DESIGN §4).
 *
 * @param k the speculative length the rounds used, ≥ 1
 * @param acceptanceRate mean α(K) over prompts, in [0, 1]
 * @param standardDeviation spread of the per-prompt α(K) (one standard deviation), in [0, 1]
 * @param minimum lowest per-prompt α(K), if stated, in [0, α(K)]
 * @param maximum highest per-prompt α(K), if stated, in [α(K), 1]
 * @param sampleCount prompts (or rounds) behind the mean, if stated, ≥ 1
 */
public record AcceptanceAtK(
    int k,
    double acceptanceRate,
    double standardDeviation,
    OptionalDouble minimum,
    OptionalDouble maximum,
    OptionalInt sampleCount
) {
    public AcceptanceAtK {
        FieldChecks.positive("k", k);
        FieldChecks.probability("acceptanceRate", acceptanceRate);
        FieldChecks.probability("standardDeviation", standardDeviation);
        minimum = FieldChecks.present("minimum", minimum);
        maximum = FieldChecks.present("maximum", maximum);
        sampleCount = FieldChecks.present("sampleCount", sampleCount);
        minimum.ifPresent(v -> {
            FieldChecks.probability("minimum", v);
            if (v > acceptanceRate) {
                throw new InvalidFieldException(
                    "minimum",
                    "must not exceed acceptanceRate " + acceptanceRate + " but is " + v
                );
            }
        });
        maximum.ifPresent(v -> {
            FieldChecks.probability("maximum", v);
            if (v < acceptanceRate) {
                throw new InvalidFieldException(
                    "maximum",
                    "must not be below acceptanceRate " + acceptanceRate + " but is " + v
                );
            }
        });
        sampleCount.ifPresent(n -> FieldChecks.positive("sampleCount", n));
    }

    /** Tokens per round at this K: K·α(K) + 1. */
    public double expectedTokensPerRound() {
        return k * acceptanceRate + 1.0;
    }

    /** α(K) one standard deviation down, clamped to 0. */
    public double lowAcceptanceRate() {
        return Math.max(0.0, acceptanceRate - standardDeviation);
    }

    /** α(K) one standard deviation up, clamped to 1. */
    public double highAcceptanceRate() {
        return Math.min(1.0, acceptanceRate + standardDeviation);
    }
}
