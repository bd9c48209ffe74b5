package io.configspec.engine.measure;

import io.configspec.engine.decoding.AcceptanceRule;
import io.configspec.engine.decoding.CancellationToken;
import io.configspec.engine.decoding.DecodingSettings;
import io.configspec.engine.decoding.GenerationResult;
import io.configspec.engine.decoding.RoundRecord;
import io.configspec.engine.decoding.RunStatistics;
import io.configspec.engine.decoding.SpeculativeDecoder;
import io.configspec.engine.decoding.TokenListener;
import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.InferenceException;
import io.configspec.engine.onnx.ModelLoadException;
import io.configspec.model.analysis.SpeculativeRoundModel;
import io.configspec.model.domain.VerificationLatency;
import io.configspec.model.fleet.LogisticAcceptancePredictor;
import io.configspec.model.fleet.SpeculationController;
import io.configspec.model.measurement.DraftingFit;
import io.configspec.model.measurement.VerificationFit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Measures a drafter–target pair over a range of K and compares measured goodput with the
 * analytical model (DESIGN §4) fed with the sweep's own measurements: α (pooled maximum
 * likelihood estimate), drafting rate r (drafted tokens per second of drafting), per-round
 * overhead o, and the mean verification time T_v(K) at each K. Predicted goodput is
 * E[N](α, K) / (o + K / r + T_v(K)), where K is the mean number of drafted tokens per round
 * (equal to K without dynamic drafting).
 *
 * <p>Every K is decoded with fixed-length drafting. When the base settings ask for dynamic
 * drafting ({@link DecodingSettings#dynamic()}, the threshold), the sweep then fits WISP's
 * rejection predictor to the tokens the target judged and decodes the prompts once more with
 * dynamic drafting at K ≤ the largest K, recording its false-stop and missed-stop rates ({@link
 * DynamicDraftingResult}).
 *
 * <p>Synchronous and single-threaded; the models are only read (the caller owns and closes them).
 *
 * @param target the target model
 * @param drafter the drafter model
 * @param base decoding settings of every run (K is set per run; a dynamic threshold asks for the
 *     dynamic-drafting measurement)
 * @param drafterName the drafter's name in the result
 * @param targetName the target's name in the result
 */
public record KSweep(
    DecoderModel target,
    DecoderModel drafter,
    DecodingSettings base,
    String drafterName,
    String targetName
) {
    /**
     * Runs every prompt once per K in {@code kMin..kMax} (after one untimed warm-up prompt), plus
     * once with the target alone.
     *
     * @param progress receives a line per finished prompt and per K at the end (may be a no-op)
     */
    public SweepResult run(
        List<int[]> prompts,
        int kMin,
        int kMax,
        int maxNewTokens,
        CancellationToken cancel,
        Consumer<String> progress
    ) throws InferenceException, ModelLoadException {
        if (kMin < 1 || kMax < kMin) {
            throw new IllegalArgumentException("K range must be 1 ≤ min ≤ max, was " + kMin + ".." + kMax);
        }
        if (prompts.isEmpty()) {
            throw new IllegalArgumentException("at least one prompt is needed");
        }
        DecodingSettings fixedK = base.withDynamicThreshold(0);
        // Warm-up: first runs allocate ORT arenas and JIT-compile the loop.
        new SpeculativeDecoder(target, drafter, fixedK.withK(kMax)).generate(prompts.get(0), maxNewTokens);
        new SpeculativeDecoder(target, null, base.withK(0)).generate(prompts.get(0), maxNewTokens);

        // Interleaved: each prompt runs at every K (and target-only) before the next prompt, so
        // load drift on a shared machine affects all K alike instead of biasing some of them.
        SpeculativeDecoder alone = new SpeculativeDecoder(target, null, base.withK(0));
        List<SpeculativeDecoder> decoders = new ArrayList<>();
        List<List<RoundRecord>> perK = new ArrayList<>();
        for (int k = kMin; k <= kMax; k++) {
            decoders.add(new SpeculativeDecoder(target, drafter, fixedK.withK(k)));
            perK.add(new ArrayList<>());
        }
        List<RoundRecord> targetOnlyRounds = new ArrayList<>();
        for (int p = 0; p < prompts.size() && !cancel.isCancelled(); p++) {
            int[] prompt = prompts.get(p);
            targetOnlyRounds.addAll(
                alone.generate(prompt, maxNewTokens, TokenListener.NONE, cancel).rounds()
            );
            for (int i = 0; i < decoders.size(); i++) {
                perK
                    .get(i)
                    .addAll(
                        decoders.get(i).generate(prompt, maxNewTokens, TokenListener.NONE, cancel).rounds()
                    );
            }
            progress.accept(String.format("prompt %d/%d done", p + 1, prompts.size()));
        }
        RunStatistics targetOnly = RunStatistics.of(targetOnlyRounds);
        progress.accept(
            String.format("K=0 (target alone): %.1f tokens/s", targetOnly.goodputTokensPerSecond())
        );
        List<RoundRecord> all = new ArrayList<>();
        for (int i = 0; i < perK.size(); i++) {
            all.addAll(perK.get(i));
            RunStatistics s = RunStatistics.of(perK.get(i));
            progress.accept(
                String.format(
                    "K=%d: α %.3f, E[N] %.2f, %.1f tokens/s",
                    kMin + i,
                    s.acceptanceRate(),
                    s.expectedTokensPerRound(),
                    s.goodputTokensPerSecond()
                )
            );
        }
        RunStatistics pooled = RunStatistics.of(all);
        double alpha = pooled.acceptanceRate();
        // Drafting time per round = o_d + K / r, fitted by least squares over the K points (the
        // first drafter call of a round also catches up on the tokens accepted last round).
        int n = perK.size();
        double[] drafted = new double[n];
        double[] draftSeconds = new double[n];
        for (int i = 0; i < n; i++) {
            RunStatistics s = RunStatistics.of(perK.get(i));
            drafted[i] = s.draftedTokens() / (double) s.rounds();
            draftSeconds[i] = s.draftSeconds() / s.rounds();
        }
        List<DraftingFit.Point> draftingPoints = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            draftingPoints.add(new DraftingFit.Point(0, drafted[i], draftSeconds[i]));
        }
        DraftingFit fit = DraftingFit.of(draftingPoints);
        double draftOverhead = fit.roundOverheadSeconds();
        double rate = fit.tokensPerSecond();
        double engineOverhead =
            (pooled.roundSeconds() - pooled.draftSeconds() - pooled.verifySeconds()) / pooled.rounds();
        double[] verified = new double[n];
        List<VerificationFit.Point> verificationPoints = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            verified[i] = drafted[i] + 1;
            verificationPoints.add(
                new VerificationFit.Point(verified[i], 1, RunStatistics.of(perK.get(i)).meanVerifySeconds())
            );
        }
        VerificationLatency.Linear verifyFit = VerificationFit.of(verificationPoints);
        List<SweepPoint> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            RunStatistics s = RunStatistics.of(perK.get(i));
            double expected = expectedTokens(alpha, drafted[i]);
            double drafting = engineOverhead + draftOverhead + drafted[i] / rate;
            double fittedVerify =
                verifyFit.interceptSeconds() + verifyFit.secondsPerVerifiedToken() * verified[i];
            points.add(
                new SweepPoint(
                    kMin + i,
                    s,
                    expected,
                    SpeculativeRoundModel.goodputTokensPerSecond(expected, drafting + s.meanVerifySeconds()),
                    SpeculativeRoundModel.goodputTokensPerSecond(expected, drafting + fittedVerify)
                )
            );
        }
        DynamicDraftingResult dynamic = null;
        if (base.dynamic() && !cancel.isCancelled()) {
            dynamic = measureDynamic(prompts, all, perK.getLast(), kMax, maxNewTokens, cancel, progress);
        }
        return new SweepResult(
            drafterName,
            targetName,
            pooled,
            targetOnly,
            draftOverhead,
            rate,
            engineOverhead,
            points,
            dynamic
        );
    }

    private DynamicDraftingResult measureDynamic(
        List<int[]> prompts,
        List<RoundRecord> fixedRounds,
        List<RoundRecord> fixedAtMax,
        int kMax,
        int maxNewTokens,
        CancellationToken cancel,
        Consumer<String> progress
    ) throws InferenceException, ModelLoadException {
        List<LogisticAcceptancePredictor.LabelledToken> judged = new ArrayList<>();
        for (RoundRecord r : fixedRounds) {
            r.addJudgedTokens(judged);
        }
        LogisticAcceptancePredictor predictor;
        try {
            predictor = LogisticAcceptancePredictor.fit(judged);
        } catch (IllegalArgumentException e) {
            progress.accept("dynamic drafting not measured: " + e.getMessage());
            return null;
        }
        SpeculationController controller = new SpeculationController.DynamicDrafting(
            predictor,
            base.dynamicThreshold(),
            0.0,
            kMax
        );
        SpeculativeDecoder decoder = new SpeculativeDecoder(
            target,
            drafter,
            base.withK(kMax),
            AcceptanceRule.REJECTION_SAMPLING,
            controller
        );
        List<RoundRecord> rounds = new ArrayList<>();
        for (int p = 0; p < prompts.size() && !cancel.isCancelled(); p++) {
            rounds.addAll(
                decoder.generate(prompts.get(p), maxNewTokens, TokenListener.NONE, cancel).rounds()
            );
        }
        DynamicDraftingResult result = new DynamicDraftingResult(
            base.dynamicThreshold(),
            kMax,
            predictor,
            RunStatistics.of(rounds),
            RunStatistics.of(fixedAtMax),
            DynamicDraftingResult.stops(rounds),
            DynamicDraftingResult.wastedDraftSeconds(rounds),
            DynamicDraftingResult.wastedDraftSeconds(fixedAtMax)
        );
        progress.accept(
            String.format(
                "dynamic drafting (K ≤ %d, stop below %.2f): %.2f drafted/round, %.1f tokens/s; %s",
                kMax,
                base.dynamicThreshold(),
                result.dynamic().draftedTokens() / (double) Math.max(1, result.dynamic().rounds()),
                result.dynamic().goodputTokensPerSecond(),
                result.stops().describe()
            )
        );
        return result;
    }

    /** E[N] for a possibly fractional mean draft length (linear between neighbouring integers). */
    private static double expectedTokens(double alpha, double meanDrafted) {
        int lower = (int) Math.floor(meanDrafted);
        double frac = meanDrafted - lower;
        double lo = SpeculativeRoundModel.expectedTokensPerRound(alpha, lower);
        if (frac == 0) {
            return lo;
        }
        double hi = SpeculativeRoundModel.expectedTokensPerRound(alpha, lower + 1);
        return lo + frac * (hi - lo);
    }
}
