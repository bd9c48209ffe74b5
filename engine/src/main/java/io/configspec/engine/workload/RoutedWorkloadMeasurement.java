package io.configspec.engine.workload;

import io.configspec.engine.decoding.DecodingSettings;
import io.configspec.engine.decoding.GenerationResult;
import io.configspec.engine.decoding.RoundRecord;
import io.configspec.engine.decoding.RunStatistics;
import io.configspec.engine.decoding.SpeculativeDecoder;
import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.InferenceException;
import io.configspec.engine.onnx.LowRankAdapter;
import io.configspec.engine.onnx.ModelLoadException;
import io.configspec.model.analysis.SpeculativeRoundModel;
import io.configspec.model.domain.DomainShare;
import io.configspec.model.domain.Provenance;
import io.configspec.model.domain.RouteKind;
import io.configspec.model.domain.RoutedDrafters;
import io.configspec.model.workload.RoutedDrafting;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A routed drafting set measured on a mixed workload against the analytical model's prediction
 * (issue 22 acceptance 2; docs/engine.md "Domain adapters").
 *
 * <p>Calibration: each domain's requests are decoded with that domain's adapter active (greedy,
 * fixed K), giving α_d (the decoder's maximum-likelihood α) and the mean round time T_d. The model
 * predicts each domain's goodput G_d = E[N](α_d, K) / T_d ({@link SpeculativeRoundModel}) and the
 * routed set's goodput under the mix with {@link RoutedDrafting#secondsPerToken} and {@link
 * RoutedDrafting#switchesPerToken} (switch time: the mean measured adapter switch, selector accuracy
 * 1 because each request's domain is known). Measured: all requests in one random order, the
 * adapter switched (read from its file and bound) whenever the domain changes; goodput = tokens
 * produced by the rounds / (time in rounds + time in switches). Like {@code measure}, prefill is
 * left out of both.
 * The same is done for the shared drafter without adapters (no switches), for reference.
 */
public final class RoutedWorkloadMeasurement {

    /**
     * One domain's calibration.
     *
     * @param domain the domain
     * @param weight its share of output tokens in the mixed run
     * @param acceptanceRate α_d measured with the domain's adapter
     * @param sharedAcceptanceRate α_d measured without adapter
     * @param predictedGoodput G_d = E[N](α_d, K) / T_d, tokens/s
     */
    public record DomainCalibration(
        String domain,
        double weight,
        double acceptanceRate,
        double sharedAcceptanceRate,
        double predictedGoodput,
        double sharedPredictedGoodput
    ) {}

    /**
     * The outcome.
     *
     * @param k speculative length
     * @param domains per-domain calibration
     * @param switchSeconds mean measured adapter switch (read + bind), s
     * @param switches switches in the mixed run
     * @param tokens tokens the mixed run's rounds produced
     * @param predictedGoodput routed set, predicted, tokens/s
     * @param measuredGoodput routed set, measured, tokens/s
     * @param sharedPredictedGoodput shared drafter without adapters, predicted, tokens/s
     * @param sharedMeasuredGoodput shared drafter without adapters, measured, tokens/s
     */
    public record Result(
        int k,
        List<DomainCalibration> domains,
        double switchSeconds,
        int switches,
        long tokens,
        double predictedGoodput,
        double measuredGoodput,
        double sharedPredictedGoodput,
        double sharedMeasuredGoodput
    ) {
        /** (predicted − measured) / measured for the routed set. */
        public double relativeError() {
            return predictedGoodput / measuredGoodput - 1.0;
        }

        /** The same for the shared drafter. */
        public double sharedRelativeError() {
            return sharedPredictedGoodput / sharedMeasuredGoodput - 1.0;
        }
    }

    private RoutedWorkloadMeasurement() {}

    /**
     * Measures.
     *
     * @param prompts per domain, its requests (their counts set the mix: every request produces
     *     {@code outputTokens})
     * @param adapterFiles per domain, its {@code .lora} file
     */
    public static Result measure(
        DecoderModel target,
        DecoderModel drafter,
        Map<String, List<int[]>> prompts,
        Map<String, Path> adapterFiles,
        int k,
        int outputTokens,
        long seed
    ) throws InferenceException, ModelLoadException, IOException, ai.onnxruntime.OrtException {
        SpeculativeDecoder decoder = new SpeculativeDecoder(target, drafter, DecodingSettings.greedy(k));
        int total = prompts.values().stream().mapToInt(List::size).sum();
        List<DomainShare> mix = new ArrayList<>();
        prompts.forEach((domain, list) -> mix.add(new DomainShare(domain, list.size() / (double) total)));
        // warm-up: one request per domain
        for (var entry : prompts.entrySet()) {
            decoder.generate(entry.getValue().getFirst(), outputTokens);
        }
        // adapter switch time, measured alone
        List<Double> switchTimes = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (Path file : adapterFiles.values()) {
                switchTimes.add(switchTo(drafter, file, "timing"));
            }
        }
        double switchSeconds = switchTimes.stream().mapToDouble(Double::doubleValue).average().orElseThrow();

        List<DomainCalibration> calibration = new ArrayList<>();
        Map<String, Double> own = new LinkedHashMap<>();
        Map<String, Double> shared = new LinkedHashMap<>();
        for (DomainShare share : mix) {
            String domain = share.domain();
            switchTo(drafter, adapterFiles.get(domain), domain);
            RunStatistics adapted = run(decoder, prompts.get(domain), outputTokens);
            closeActive(drafter);
            RunStatistics plain = run(decoder, prompts.get(domain), outputTokens);
            double g = predictedGoodput(adapted, k);
            double gShared = predictedGoodput(plain, k);
            own.put(domain, g);
            shared.put(domain, gShared);
            calibration.add(
                new DomainCalibration(
                    domain,
                    share.weight(),
                    adapted.acceptanceRate(),
                    plain.acceptanceRate(),
                    g,
                    gShared
                )
            );
        }
        RoutedDrafters route = new RoutedDrafters(
            "measured-adapters",
            RouteKind.ADAPTERS,
            "shared",
            routes(mix),
            1,
            switchSeconds,
            1.0,
            new Provenance.Illustrative("in-memory set for the prediction")
        );
        double predicted =
            1.0 /
            RoutedDrafting.secondsPerToken(
                mix,
                own::get,
                own::get,
                1.0,
                switchSeconds * RoutedDrafting.switchesPerToken(route, mix, outputTokens)
            );
        double sharedPredicted = 1.0 / RoutedDrafting.secondsPerToken(mix, shared::get, shared::get, 1.0, 0);

        // the mixed run, one random order
        List<Map.Entry<String, int[]>> order = new ArrayList<>();
        prompts.forEach((domain, list) -> list.forEach(p -> order.add(Map.entry(domain, p))));
        Collections.shuffle(order, new Random(seed));
        double seconds = 0;
        long tokens = 0;
        int switches = 0;
        String current = null;
        for (var request : order) {
            if (!request.getKey().equals(current)) {
                seconds += switchTo(drafter, adapterFiles.get(request.getKey()), request.getKey());
                switches += current == null ? 0 : 1;
                current = request.getKey();
            }
            GenerationResult result = decoder.generate(request.getValue(), outputTokens);
            tokens += result.statistics().producedTokens();
            seconds += result.rounds().stream().mapToDouble(RoundRecord::roundSeconds).sum();
        }
        closeActive(drafter);
        double sharedSeconds = 0;
        long sharedTokens = 0;
        for (var request : order) {
            GenerationResult result = decoder.generate(request.getValue(), outputTokens);
            sharedTokens += result.statistics().producedTokens();
            sharedSeconds += result.rounds().stream().mapToDouble(RoundRecord::roundSeconds).sum();
        }
        return new Result(
            k,
            List.copyOf(calibration),
            switchSeconds,
            switches,
            tokens,
            predicted,
            tokens / seconds,
            sharedPredicted,
            sharedTokens / sharedSeconds
        );
    }

    private static Map<String, String> routes(List<DomainShare> mix) {
        Map<String, String> routes = new LinkedHashMap<>();
        mix.forEach(s -> routes.put(s.domain(), "shared+" + s.domain()));
        return routes;
    }

    /** G_d = E[N](α, K) / mean round seconds. */
    private static double predictedGoodput(RunStatistics statistics, int k) {
        double expected = SpeculativeRoundModel.expectedTokensPerRound(statistics.acceptanceRate(), k);
        return SpeculativeRoundModel.goodputTokensPerSecond(
            expected,
            statistics.roundSeconds() / statistics.rounds()
        );
    }

    private static RunStatistics run(SpeculativeDecoder decoder, List<int[]> prompts, int outputTokens)
        throws InferenceException {
        List<RoundRecord> rounds = new ArrayList<>();
        for (int[] prompt : prompts) {
            rounds.addAll(decoder.generate(prompt, outputTokens).rounds());
        }
        return RunStatistics.of(rounds);
    }

    /** Reads the adapter file and makes it active, closing the previous one; returns the seconds taken. */
    private static double switchTo(DecoderModel drafter, Path file, String name)
        throws IOException, ai.onnxruntime.OrtException {
        long start = System.nanoTime();
        LowRankAdapter adapter = LowRankAdapter.read(file, name);
        LowRankAdapter previous = drafter.useAdapter(adapter);
        if (previous != null) {
            previous.close();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void closeActive(DecoderModel drafter) throws ai.onnxruntime.OrtException {
        LowRankAdapter previous = drafter.useAdapter(null);
        if (previous != null) {
            previous.close();
        }
    }
}
