package io.configspec.model.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * How often a target accepts a drafter's tokens: drafter × quantisation × target → acceptance, in
 * one or more of three forms (DESIGN §4, docs/model.md "Three forms of acceptance"):
 *
 * <ul>
 *   <li><b>constant</b> α with its confidence interval and sample count (i.i.d. acceptance: the
 *       geometric E[N] of Leviathan et al.);
 *   <li><b>per position</b> α₁…α_m (conditional acceptance of draft position i), which needs the
 *       constant α as its mean;
 *   <li><b>per K</b> α(K) measured at each speculative length (the ConfigSpec paper's form), with
 *       its spread and, where stated, sample count: E[N] = K·α(K) + 1, only for measured K.
 * </ul>
 *
 * When the per-K table is given it decides E[N]; otherwise the per-position curve does; otherwise
 * the constant α. The constant α (and its interval and sample count, all four together) may be
 * left out only when the per-K table is given.
 *
 * @param drafter drafter model id
 * @param quantization the drafter's quantisation
 * @param target target model id
 * @param acceptanceRate mean per-token acceptance α, in [0, 1], if given
 * @param acceptanceLow lower end of its confidence interval, in [0, α]
 * @param acceptanceHigh upper end of its confidence interval, in [α, 1]
 * @param sampleCount drafted tokens (or rounds) behind the constant α, ≥ 1
 * @param promptSet name of the prompt set it was measured on, e.g. {@code mt-bench}
 * @param acceptanceByPosition optional α₁…α_m: conditional acceptance of draft position i given
 *     positions before it were accepted (each in [0, 1]); empty when unknown
 * @param acceptanceByK optional α(K) table, one entry per K, ascending and without gaps; empty when
 *     unknown
 * @param calibration optional confidence → acceptance table, ascending confidence; empty when unknown
 * @param provenance where the numbers come from
 * @param fieldProvenance per-field overrides
 * @param domain the domain (chat, code, maths, …) whose prompts it was measured on, empty for an
 *     entry that stands for all traffic; a scenario's workload mix reads the entries of its domains
 *     (docs/model.md, "Workload mix")
 */
public record AlignmentProfile(
    String drafter,
    String quantization,
    String target,
    OptionalDouble acceptanceRate,
    OptionalDouble acceptanceLow,
    OptionalDouble acceptanceHigh,
    OptionalInt sampleCount,
    String promptSet,
    List<Double> acceptanceByPosition,
    List<AcceptanceAtK> acceptanceByK,
    List<CalibrationPoint> calibration,
    Provenance provenance,
    Map<String, Provenance> fieldProvenance,
    Optional<String> domain
) implements HasProvenance {
    public AlignmentProfile {
        domain = domain == null ? Optional.empty() : domain;
        domain.ifPresent(d -> FieldChecks.text("domain", d));
        FieldChecks.text("drafter", drafter);
        FieldChecks.text("quantization", quantization);
        FieldChecks.text("target", target);
        acceptanceRate = FieldChecks.present("acceptanceRate", acceptanceRate);
        acceptanceLow = FieldChecks.present("acceptanceLow", acceptanceLow);
        acceptanceHigh = FieldChecks.present("acceptanceHigh", acceptanceHigh);
        sampleCount = FieldChecks.present("sampleCount", sampleCount);
        acceptanceByK = FieldChecks.list("acceptanceByK", acceptanceByK);
        boolean constant = acceptanceRate.isPresent();
        if (constant || acceptanceByK.isEmpty()) {
            double alpha = required("acceptanceRate", acceptanceRate);
            double low = required("acceptanceLow", acceptanceLow);
            double high = required("acceptanceHigh", acceptanceHigh);
            if (sampleCount.isEmpty()) {
                throw new InvalidFieldException("sampleCount", "is missing");
            }
            FieldChecks.probability("acceptanceRate", alpha);
            FieldChecks.probability("acceptanceLow", low);
            FieldChecks.probability("acceptanceHigh", high);
            if (low > alpha) {
                throw new InvalidFieldException(
                    "acceptanceLow",
                    "must not exceed acceptanceRate " + alpha + " but is " + low
                );
            }
            if (high < alpha) {
                throw new InvalidFieldException(
                    "acceptanceHigh",
                    "must not be below acceptanceRate " + alpha + " but is " + high
                );
            }
            FieldChecks.positive("sampleCount", sampleCount.getAsInt());
        } else {
            for (var absent : List.of(
                Map.entry("acceptanceLow", acceptanceLow),
                Map.entry("acceptanceHigh", acceptanceHigh)
            )) {
                if (absent.getValue().isPresent()) {
                    throw new InvalidFieldException(
                        absent.getKey(),
                        "is given without acceptanceRate (give all of acceptanceRate, acceptanceLow, acceptanceHigh and sampleCount, or none)"
                    );
                }
            }
            if (sampleCount.isPresent()) {
                throw new InvalidFieldException(
                    "sampleCount",
                    "is given without acceptanceRate (give all of acceptanceRate, acceptanceLow, acceptanceHigh and sampleCount, or none)"
                );
            }
        }
        FieldChecks.text("promptSet", promptSet);
        acceptanceByPosition = FieldChecks.list("acceptanceByPosition", acceptanceByPosition);
        if (!acceptanceByPosition.isEmpty() && !constant) {
            throw new InvalidFieldException(
                "acceptanceByPosition",
                "needs acceptanceRate, the curve's mean, beside it"
            );
        }
        for (int i = 0; i < acceptanceByPosition.size(); i++) {
            FieldChecks.probability("acceptanceByPosition[" + i + "]", acceptanceByPosition.get(i));
        }
        for (int i = 1; i < acceptanceByK.size(); i++) {
            int previous = acceptanceByK.get(i - 1).k();
            int k = acceptanceByK.get(i).k();
            if (k != previous + 1) {
                throw new InvalidFieldException(
                    "acceptanceByK[" + i + "].k",
                    k <= previous
                        ? "must be greater than the previous entry's K " + previous + " but is " + k
                        : "is " +
                          k +
                          " after K " +
                          previous +
                          ": K " +
                          (previous + 1) +
                          " is missing (the table must cover every K from its first to its last)"
                );
            }
        }
        calibration = FieldChecks.list("calibration", calibration);
        for (int i = 1; i < calibration.size(); i++) {
            if (calibration.get(i).confidence() <= calibration.get(i - 1).confidence()) {
                throw new InvalidFieldException(
                    "calibration[" + i + "].confidence",
                    "must be greater than the previous point's " +
                        calibration.get(i - 1).confidence() +
                        " but is " +
                        calibration.get(i).confidence()
                );
            }
        }
        fieldProvenance = FieldChecks.provenance(AlignmentProfile.class, provenance, fieldProvenance);
    }

    /** The same entry, measured on {@code domainName}'s prompts. */
    public AlignmentProfile inDomain(String domainName) {
        return new AlignmentProfile(
            drafter,
            quantization,
            target,
            acceptanceRate,
            acceptanceLow,
            acceptanceHigh,
            sampleCount,
            promptSet,
            acceptanceByPosition,
            acceptanceByK,
            calibration,
            provenance,
            fieldProvenance,
            Optional.of(domainName)
        );
    }

    /** The constant form only (today's files and measurements): no per-K table. */
    public AlignmentProfile(
        String drafter,
        String quantization,
        String target,
        double acceptanceRate,
        double acceptanceLow,
        double acceptanceHigh,
        int sampleCount,
        String promptSet,
        List<Double> acceptanceByPosition,
        List<CalibrationPoint> calibration,
        Provenance provenance,
        Map<String, Provenance> fieldProvenance
    ) {
        this(
            drafter,
            quantization,
            target,
            OptionalDouble.of(acceptanceRate),
            OptionalDouble.of(acceptanceLow),
            OptionalDouble.of(acceptanceHigh),
            OptionalInt.of(sampleCount),
            promptSet,
            acceptanceByPosition,
            List.of(),
            calibration,
            provenance,
            fieldProvenance,
            Optional.empty()
        );
    }

    private static double required(String field, OptionalDouble value) {
        if (value.isEmpty()) {
            throw new InvalidFieldException(field, "is missing (give it, or acceptanceByK)");
        }
        return value.getAsDouble();
    }

    /** Whether acceptance was measured per K (the ConfigSpec paper's form). */
    public boolean hasAcceptanceByK() {
        return !acceptanceByK.isEmpty();
    }

    /** The measurement at speculative length {@code k}, if the per-K table has one. */
    public Optional<AcceptanceAtK> acceptanceAtK(int k) {
        if (acceptanceByK.isEmpty()) {
            return Optional.empty();
        }
        int index = k - acceptanceByK.getFirst().k();
        return index < 0 || index >= acceptanceByK.size()
            ? Optional.empty()
            : Optional.of(acceptanceByK.get(index));
    }

    /**
     * Whether E[N] is known at speculative length {@code k}: always for the constant and
     * per-position forms, only for measured K with a per-K table.
     */
    public boolean covers(int k) {
        return acceptanceByK.isEmpty() || acceptanceAtK(k).isPresent();
    }

    /** The measured K range of the per-K table as "K 2..10", or "any K" without one. */
    public String measuredKRange() {
        return acceptanceByK.isEmpty()
            ? "any K"
            : "K " + acceptanceByK.getFirst().k() + ".." + acceptanceByK.getLast().k();
    }

    /**
     * Expected tokens per round at speculative length {@code k} by this profile's form: K·α(K) + 1
     * (per K), 1 + Σ Π α_j (per position) or the geometric sum (constant α); NaN when the per-K
     * table does not cover {@code k} (never extrapolated).
     */
    public double expectedTokensPerRound(int k) {
        if (!acceptanceByK.isEmpty()) {
            return acceptanceAtK(k).map(AcceptanceAtK::expectedTokensPerRound).orElse(Double.NaN);
        }
        double alpha = acceptanceRate.getAsDouble();
        if (acceptanceByPosition.isEmpty()) {
            return alpha >= 1.0 ? k + 1.0 : (1.0 - Math.pow(alpha, k + 1)) / (1.0 - alpha);
        }
        double expected = 1.0;
        double survive = 1.0;
        int last = acceptanceByPosition.size() - 1;
        for (int i = 0; i < k; i++) {
            survive *= acceptanceByPosition.get(Math.min(i, last));
            expected += survive;
        }
        return expected;
    }

    /**
     * The acceptance at K in the paper's sense, α(K) = (E[N] − 1) / K, for every form: the
     * measured value with a per-K table, and what the curve or the constant α implies otherwise
     * (for the constant form, (α − α^(K+1)) / ((1 − α)·K)). NaN where E[N] is.
     */
    public double impliedAcceptanceAtK(int k) {
        return (expectedTokensPerRound(k) - 1.0) / k;
    }

    /** Whether a per-position acceptance curve is known. */
    public boolean hasPositionCurve() {
        return !acceptanceByPosition.isEmpty();
    }

    /**
     * Acceptance predicted for a draft made with {@code confidence}, linearly interpolated in the
     * calibration table and clamped at its ends; the mean α when there is no table.
     */
    public double acceptanceAtConfidence(double confidence) {
        if (calibration.isEmpty()) {
            return acceptanceRate.orElse(Double.NaN);
        }
        CalibrationPoint first = calibration.getFirst();
        if (confidence <= first.confidence()) {
            return first.acceptanceRate();
        }
        for (int i = 1; i < calibration.size(); i++) {
            CalibrationPoint hi = calibration.get(i);
            if (confidence <= hi.confidence()) {
                CalibrationPoint lo = calibration.get(i - 1);
                double t = (confidence - lo.confidence()) / (hi.confidence() - lo.confidence());
                return lo.acceptanceRate() + t * (hi.acceptanceRate() - lo.acceptanceRate());
            }
        }
        return calibration.getLast().acceptanceRate();
    }
}
