package io.configspec.engine.verifier;

import ai.onnxruntime.OrtException;
import io.configspec.engine.decoding.DecodingSettings;
import io.configspec.engine.decoding.Distributions;
import io.configspec.engine.decoding.GenerationResult;
import io.configspec.engine.decoding.RoundRecord;
import io.configspec.engine.decoding.SpeculativeDecoder;
import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.DecoderSession;
import io.configspec.engine.onnx.InferenceException;
import io.configspec.engine.onnx.ModelLoadException;
import io.configspec.model.analysis.SpeculativeRoundModel;
import io.configspec.model.domain.Provenance;
import io.configspec.model.domain.ServedTarget;
import io.configspec.model.domain.ServerProfile;
import io.configspec.model.domain.VerificationMeasurement;
import io.configspec.model.fleet.AcceptanceCalibration;
import io.configspec.model.fleet.AcceptancePredictor;
import io.configspec.model.fleet.DraftTokenStatistics;
import io.configspec.model.fleet.FcfsBatchScheduler;
import io.configspec.model.fleet.FleetDeviceType;
import io.configspec.model.fleet.FleetNetwork;
import io.configspec.model.fleet.FleetPolicy;
import io.configspec.model.fleet.FleetResult;
import io.configspec.model.fleet.FleetScenario;
import io.configspec.model.fleet.FleetServer;
import io.configspec.model.fleet.FleetSimulator;
import io.configspec.model.fleet.FleetWorkload;
import io.configspec.model.fleet.LogisticAcceptancePredictor;
import io.configspec.model.fleet.SloAwareBatchScheduler;
import io.configspec.model.fleet.SpeculationController;
import io.configspec.model.fleet.StopPredictionCounts;
import io.configspec.model.fleet.TokenLengthDistribution;
import io.configspec.model.fleet.VerificationRequest;
import io.configspec.model.fleet.VerificationScheduler;
import io.configspec.model.fleet.VerificationTimeEstimator;
import io.configspec.model.fleet.VerificationTimeFit;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Issue 6, acceptance 4: M client threads drafting with a sample-family drafter against a real
 * {@link VerificationServer} on loopback, compared with the fleet simulator's prediction for the
 * same setup.
 *
 * <p>Phases: (1) calibration — plain speculative decoding on a few prompts gives the tokens the
 * target judged, with the drafter's per-token statistics (top-1 probability, entropy, margin), to
 * which WISP's rejection predictor is fitted; (2) warm-up — the clients run briefly against an FCFS
 * server so the verification time estimator can be fitted (WISP's scheduler needs it); (3) the
 * measured run under the chosen policy. The simulator then gets the components measured in
 * phase 3 — drafting time per token and per round, the HTTP overhead per call, the server's batch
 * latencies (fitted estimator, prefill included: a session's prompt is prefilled in its first
 * verification's batch), acceptance — and predicts the system-level outcome (queueing,
 * batching, goodput, time per token), which is what is compared. The clients under WISP draft with
 * the same {@link SpeculationController} the simulator uses (budget: SLED's K), on the real
 * drafter's statistics, and the target's verdicts judge its stops.
 *
 * <p>Everything runs in this JVM on the caller's machine; with few cores, clients and server
 * compete for CPU, which the measured components include.
 */
public final class LoopbackExperiment {

    /**
     * @param policy {@link FleetPolicy#SLED} or {@link FleetPolicy#WISP}
     * @param clients concurrent client threads (devices), ≥ 1
     * @param fixedK SLED's K
     * @param maxDraftTokens WISP's largest K (and the calibration phase's K)
     * @param sloTpotSeconds time-per-output-token SLO
     * @param durationSeconds seconds in which clients start requests
     * @param outputTokens tokens per request
     * @param meanThinkSeconds mean exponential think time between a client's requests
     * @param maxBatchSize largest verification batch
     * @param batchTimeoutSeconds SLED's FCFS timeout (and WISP's hold)
     * @param seed random seed (prompts, think times)
     */
    public record Settings(
        FleetPolicy policy,
        int clients,
        int fixedK,
        int maxDraftTokens,
        double sloTpotSeconds,
        double durationSeconds,
        int outputTokens,
        double meanThinkSeconds,
        int maxBatchSize,
        double batchTimeoutSeconds,
        long seed
    ) {
        public Settings {
            if (policy == FleetPolicy.CENTRALIZED) {
                throw new IllegalArgumentException(
                    "the loopback experiment drafts: policy must be sled or wisp"
                );
            }
            if (clients < 1 || fixedK < 1 || maxDraftTokens < 1 || outputTokens < 1 || maxBatchSize < 1) {
                throw new IllegalArgumentException("clients, K, output tokens and batch size must be ≥ 1");
            }
            if (!(sloTpotSeconds > 0) || !(durationSeconds > 0) || !(meanThinkSeconds >= 0)) {
                throw new IllegalArgumentException("SLO and duration must be > 0, think time ≥ 0");
            }
        }
    }

    /**
     * What the real system did in the measured phase.
     *
     * @param requests requests started in the measured window (all completed)
     * @param requestsMeetingSlo of which met the TPOT SLO
     * @param goodputTokensPerSecond output tokens of SLO-meeting requests per second of window
     * @param tpotMedianSeconds median time per output token
     * @param draftSecondsPerToken fitted drafting time per drafted token (1 / r)
     * @param draftOverheadSeconds fitted drafting time per round besides the tokens (o)
     * @param callOverheadSeconds mean client-observed verify call time minus server time
     * @param rounds verification rounds
     * @param meanDraftedPerRound mean drafted tokens per round
     * @param acceptedFraction accepted ÷ drafted
     * @param meanGapSeconds mean time from a request's end to its client being ready for the
     *        next one (closing the session plus think time), NaN when no request finished
     * @param meanSetupSeconds mean time to open a session (an HTTP call; the prompt is prefilled
     *        with the first verification) per request
     * @param stops how often WISP's stops were right (all zero under SLED)
     * @param wastedDraftSeconds drafting time spent on rejected tokens, summed over clients, s
     * @param meanQueueWaitSeconds mean time a verification request waited at the service for its
     *        batch to start, s
     * @param meanDispatchDelaySeconds mean time the service's worker took to start a batch once
     *        it was due, over the batches it waited for, s (the simulated server is given it)
     */
    public record Measured(
        long requests,
        long requestsMeetingSlo,
        double goodputTokensPerSecond,
        double tpotMedianSeconds,
        double draftSecondsPerToken,
        double draftOverheadSeconds,
        double callOverheadSeconds,
        long rounds,
        double meanDraftedPerRound,
        double acceptedFraction,
        double meanGapSeconds,
        double meanSetupSeconds,
        StopPredictionCounts stops,
        double wastedDraftSeconds,
        double meanQueueWaitSeconds,
        double meanDispatchDelaySeconds
    ) {}

    /**
     * The comparison.
     *
     * @param serverFit the verification time estimator fitted to the measured phase's batches
     * @param calibration the predicted-acceptance → acceptance table observed in the measured phase
     *        (tokens binned by the rejection predictor's output)
     * @param predictor WISP's rejection predictor fitted in the calibration phase
     * @param serverMeasurements every batch of the measured phase, with its composition
     * @param scenario the fleet scenario built from the measured components
     * @param simulated the simulator's first run for it (seed = the settings' seed)
     * @param simulatedGoodputTokensPerSecond goodput averaged over {@link #SIMULATION_RUNS} seeds:
     *        the prediction compared with the measurement
     * @param simulatedTpotMedianSeconds median time per output token of those runs' requests
     *        pooled: the prediction compared with the measurement
     * @param simulatedQueueWaitSeconds mean time a simulated request waited for its batch, s
     * @param simulatedBatchSeconds mean simulated batch latency, s
     */
    public record Report(
        Settings settings,
        Measured measured,
        VerificationTimeFit serverFit,
        AcceptanceCalibration calibration,
        AcceptancePredictor predictor,
        List<VerificationMeasurement> serverMeasurements,
        FleetScenario scenario,
        FleetResult simulated,
        double simulatedGoodputTokensPerSecond,
        double simulatedTpotMedianSeconds,
        double simulatedQueueWaitSeconds,
        double simulatedBatchSeconds
    ) {
        /**
         * The verification service's fitted estimator as a server profile (provenance measured),
         * ready for {@code ProfileCodec.write}: what a fleet scenario's {@code server} can name.
         *
         * @param id server profile id
         * @param targetName the target model's name
         * @param date when it was measured
         */
        public ServerProfile fittedServerProfile(String id, String targetName, LocalDate date) {
            Provenance measuredHere = new Provenance.Measured(
                "configspec fleet-loopback (" +
                    settings.policy().cliName() +
                    ", " +
                    settings.clients() +
                    " clients)",
                date,
                serverMeasurements.size()
            );
            double stepSeconds = serverFit.estimator().predictSeconds(1, 0, 1);
            return new ServerProfile(
                id,
                "Loopback verification service, fitted T_v",
                "this machine's CPU (ONNX Runtime)",
                List.of(
                    new ServedTarget(
                        targetName,
                        serverFit.toServerLatency(serverMeasurements),
                        OptionalDouble.empty(),
                        OptionalDouble.of(1.0),
                        Math.max(1e-6, stepSeconds),
                        measuredHere,
                        // a profile needs a price; this machine has none (as `measure` writes it)
                        Map.of("dollarsPerGpuHour", new Provenance.Illustrative("this machine has no price"))
                    )
                ),
                measuredHere,
                Map.of()
            );
        }

        /** |simulated − measured| ÷ measured goodput. */
        public double goodputRelativeError() {
            return (
                Math.abs(simulatedGoodputTokensPerSecond - measured.goodputTokensPerSecond()) /
                measured.goodputTokensPerSecond()
            );
        }

        /** |simulated − measured| ÷ measured median time per output token. */
        public double tpotRelativeError() {
            return (
                Math.abs(simulatedTpotMedianSeconds - measured.tpotMedianSeconds()) /
                measured.tpotMedianSeconds()
            );
        }

        public String summary() {
            return String.format(
                Locale.ROOT,
                "%s, %d clients, %.0f s: goodput measured %.1f vs simulated %.1f tokens/s (%.1f %% off); " +
                    "median TPOT measured %.1f vs simulated %.1f ms (%.1f %% off); %d requests (%d within SLO), %d rounds, " +
                    "mean drafted %.2f, accepted %.2f; draft %.2f ms/token + %.2f ms/round, call overhead %.2f ms; " +
                    "T_v fit R² %.3f, RMSE %.2f ms over %d batches; per request setup %.1f ms, gap %.0f ms; simulated %d requests; " +
                    "wasted drafting measured %.2f s vs simulated %.2f s; queue wait measured %.1f ms (of which dispatch %.1f ms per batch) " +
                    "vs simulated %.1f ms; batch measured %.1f ms × %.2f vs simulated %.1f ms × %.2f; %s",
                settings.policy().label(),
                settings.clients(),
                settings.durationSeconds(),
                measured.goodputTokensPerSecond(),
                simulatedGoodputTokensPerSecond,
                goodputRelativeError() * 100,
                measured.tpotMedianSeconds() * 1000,
                simulatedTpotMedianSeconds * 1000,
                tpotRelativeError() * 100,
                measured.requests(),
                measured.requestsMeetingSlo(),
                measured.rounds(),
                measured.meanDraftedPerRound(),
                measured.acceptedFraction(),
                measured.draftSecondsPerToken() * 1000,
                measured.draftOverheadSeconds() * 1000,
                measured.callOverheadSeconds() * 1000,
                serverFit.rSquared(),
                serverFit.rmseSeconds() * 1000,
                serverFit.sampleCount(),
                measured.meanSetupSeconds() * 1000,
                measured.meanGapSeconds() * 1000,
                simulated.requestsStarted(),
                measured.wastedDraftSeconds(),
                simulated.wastedDraftSeconds(),
                measured.meanQueueWaitSeconds() * 1000,
                measured.meanDispatchDelaySeconds() * 1000,
                simulatedQueueWaitSeconds * 1000,
                serverMeasurements
                        .stream()
                        .mapToDouble(VerificationMeasurement::latencySeconds)
                        .average()
                        .orElse(0) *
                    1000,
                serverMeasurements
                    .stream()
                    .mapToDouble(VerificationMeasurement::batchSize)
                    .average()
                    .orElse(0),
                simulatedBatchSeconds * 1000,
                simulated.meanBatchSize(),
                settings.policy() == FleetPolicy.SLED
                    ? "stops: none (fixed K)"
                    : "stops: " +
                      measured.stops().describe() +
                      " (simulated: " +
                      simulated.stopPrediction().describe() +
                      ")"
            );
        }
    }

    /** Simulator runs (seeds) whose mean is the prediction compared with the measurement. */
    static final int SIMULATION_RUNS = 16;

    private LoopbackExperiment() {}

    /** One finished request of one client. */
    private record RequestRecord(double startSeconds, double endSeconds, int tokens, double setupSeconds) {}

    /** One round of one client: {@code predicted} is the rejection predictor's output per drafted token. */
    private record RoundSample(
        int drafted,
        int accepted,
        double draftSeconds,
        double callSeconds,
        double serverSeconds,
        double[] predicted,
        boolean stoppedAtPredictedRejection
    ) {}

    /**
     * Runs the three phases and the simulation. Blocking; takes about calibration (a few seconds)
     * + warm-up (a quarter of the duration) + the duration + the drain.
     */
    public static Report run(
        DecoderModel target,
        DecoderModel drafter,
        List<int[]> prompts,
        Settings settings
    ) throws InferenceException, ModelLoadException, IOException, InterruptedException {
        try {
            return runPhases(target, drafter, prompts, settings);
        } catch (OrtException e) {
            throw InferenceException.of("loopback experiment", e);
        }
    }

    private static Report runPhases(
        DecoderModel target,
        DecoderModel drafter,
        List<int[]> prompts,
        Settings settings
    ) throws OrtException, InferenceException, ModelLoadException, IOException, InterruptedException {
        List<RoundRecord> calibrationRounds = calibrationRounds(
            target,
            drafter,
            prompts,
            settings.maxDraftTokens()
        );
        AcceptancePredictor predictor = fitPredictor(calibrationRounds);
        AcceptanceCalibration calibration = calibrate(calibrationRounds, predictor);
        Clients clients = new Clients(drafter, prompts, settings, calibration, predictor);

        // Warm-up against FCFS: fits the estimator WISP's scheduler needs, and warms the JIT and ONNX Runtime.
        VerificationTimeEstimator warmEstimator;
        try (
            VerificationServer warm = VerificationServer.start(
                target,
                new FcfsBatchScheduler(settings.maxBatchSize(), settings.batchTimeoutSeconds()),
                0
            )
        ) {
            runClients(warm, clients, Math.max(2.0, settings.durationSeconds() / 4), settings.seed() + 1);
            warmEstimator = fitOrMean(warm.measurements()).estimator();
        }

        VerificationScheduler scheduler = settings.policy() == FleetPolicy.SLED
            ? new FcfsBatchScheduler(settings.maxBatchSize(), settings.batchTimeoutSeconds())
            : new SloAwareBatchScheduler(
                  warmEstimator,
                  settings.maxBatchSize(),
                  settings.batchTimeoutSeconds()
              );
        Phase phase;
        List<VerificationMeasurement> batches;
        double[] queueWaits;
        double[] reactions;
        try (VerificationServer server = VerificationServer.start(target, scheduler, 0)) {
            phase = runClients(server, clients, settings.durationSeconds(), settings.seed());
            batches = server.measurements();
            queueWaits = server.queueWaits();
            reactions = server.reactionDelays();
        }
        VerificationTimeFit fit = fitOrMean(batches);
        Measured measured = phase.summarise(
            settings,
            Arrays.stream(queueWaits).average().orElse(0),
            Arrays.stream(reactions).average().orElse(0)
        );
        AcceptanceCalibration observed = observedCalibration(phase.rounds(), calibration);

        double meanPrompt = prompts
            .stream()
            .mapToInt(p -> p.length)
            .average()
            .orElse(1);
        FleetDeviceType device = new FleetDeviceType(
            "loopback-client",
            "loopback client · sample drafter",
            1,
            1.0 / measured.draftSecondsPerToken(),
            measured.draftOverheadSeconds(),
            observed.meanAcceptance(),
            null,
            observed,
            settings.fixedK(),
            null,
            Double.NaN
        );
        double noiseCv = Math.min(
            0.5,
            fit.rmseSeconds() /
                Math.max(
                    1e-9,
                    batches.stream().mapToDouble(VerificationMeasurement::latencySeconds).average().orElse(1)
                )
        );
        FleetScenario scenario = new FleetScenario(
            "loopback",
            List.of(device),
            new FleetNetwork(measured.callOverheadSeconds(), 1e12, 1e12, 0, 0),
            // the service's worker, woken when a batch is due, starts it this much later (measured)
            new FleetServer(
                fit.estimator(),
                settings.maxBatchSize(),
                noiseCv,
                measured.meanDispatchDelaySeconds()
            ),
            new FleetWorkload(
                TokenLengthDistribution.fixed((int) Math.round(meanPrompt)),
                TokenLengthDistribution.fixed(settings.outputTokens()),
                Double.isNaN(measured.meanGapSeconds())
                    ? settings.meanThinkSeconds()
                    : measured.meanGapSeconds(),
                measured.meanSetupSeconds()
            ),
            settings.sloTpotSeconds(),
            settings.batchTimeoutSeconds(),
            settings.maxDraftTokens(),
            Double.NaN,
            settings.batchTimeoutSeconds(),
            FleetScenario.DEFAULT_REJECT_BELOW
        );
        // The simulator's expectation, not one draw: the same scenario over SIMULATION_RUNS seeds
        // (goodput averaged, time per token pooled), so its own sampling noise does not count
        // against the comparison.
        double[] simulatedWait = new double[2];
        double[] simulatedBatch = new double[2];
        FleetSimulator.BatchListener listener = (start, seconds, batch) -> {
            for (VerificationRequest r : batch) {
                simulatedWait[0] += start - r.arrivalSeconds();
                simulatedWait[1]++;
            }
            simulatedBatch[0] += seconds;
            simulatedBatch[1]++;
        };
        FleetResult simulated = null;
        double goodputSum = 0;
        List<double[]> tpots = new ArrayList<>();
        for (int run = 0; run < SIMULATION_RUNS; run++) {
            FleetResult result = FleetSimulator.run(
                scenario,
                settings.policy(),
                settings.clients(),
                settings.durationSeconds(),
                settings.seed() + run,
                () -> false,
                listener
            );
            if (simulated == null) {
                simulated = result;
            }
            goodputSum += result.goodputTokensPerSecond();
            tpots.add(result.tpotSeconds());
        }
        double[] pooled = tpots.stream().flatMapToDouble(Arrays::stream).sorted().toArray();
        return new Report(
            settings,
            measured,
            fit,
            observed,
            predictor,
            batches,
            scenario,
            simulated,
            goodputSum / SIMULATION_RUNS,
            pooled.length == 0 ? Double.NaN : pooled[(pooled.length - 1) / 2],
            simulatedWait[0] / Math.max(1, simulatedWait[1]),
            simulatedBatch[0] / Math.max(1, simulatedBatch[1])
        );
    }

    /**
     * WISP's rejection predictor for this pair: logistic regression of the target's verdicts on the
     * drafter's per-token statistics (top-1 probability, entropy, margin), from plain speculative
     * decoding (greedy, K = maxK) of a few prompts. Falls back to the drafter's own confidence when
     * the verdicts cannot be fitted (too few, or all alike).
     */
    static AcceptancePredictor fitPredictor(List<RoundRecord> calibrationRounds) {
        List<LogisticAcceptancePredictor.LabelledToken> judged = new ArrayList<>();
        for (RoundRecord round : calibrationRounds) {
            round.addJudgedTokens(judged);
        }
        try {
            return LogisticAcceptancePredictor.fit(judged);
        } catch (IllegalArgumentException e) {
            return AcceptancePredictor.DRAFTER_CONFIDENCE;
        }
    }

    /** Plain speculative decoding (greedy, K = maxK) of up to eight prompts, 64 tokens each. */
    static List<RoundRecord> calibrationRounds(
        DecoderModel target,
        DecoderModel drafter,
        List<int[]> prompts,
        int maxK
    ) throws InferenceException, ModelLoadException {
        List<RoundRecord> rounds = new ArrayList<>();
        SpeculativeDecoder decoder = new SpeculativeDecoder(target, drafter, DecodingSettings.greedy(maxK));
        for (int p = 0; p < Math.min(8, prompts.size()); p++) {
            rounds.addAll(decoder.generate(prompts.get(p), 64).rounds());
        }
        return rounds;
    }

    /** Bin upper bounds of the predicted-acceptance table (one edge at WISP's stop threshold 0.5). */
    private static final double[] PREDICTED_BINS = { 0.25, 0.5, 0.75, 0.9, 1.0 };

    /**
     * Predicted acceptance → acceptance table: the tokens the target judged, binned by the
     * predictor's output, with the share of tokens per bin and the observed acceptance per bin
     * (Laplace-smoothed). A drafted position counts when every position before it was accepted
     * (the table is conditional on the prefix, as the controller uses it). This is what the fleet
     * simulator draws from, so its stops (bin acceptance below 0.5) follow the real predictor's.
     */
    static AcceptanceCalibration calibrationOf(
        List<double[]> predictedPerRound,
        List<int[]> draftedAndAccepted,
        AcceptanceCalibration fallback
    ) {
        long[] seen = new long[PREDICTED_BINS.length];
        long[] accepted = new long[PREDICTED_BINS.length];
        for (int r = 0; r < predictedPerRound.size(); r++) {
            double[] predicted = predictedPerRound.get(r);
            int drafted = draftedAndAccepted.get(r)[0];
            int acc = draftedAndAccepted.get(r)[1];
            for (int i = 0; i < drafted && i <= acc; i++) {
                int bin = bin(predicted[i], PREDICTED_BINS);
                seen[bin]++;
                if (i < acc) {
                    accepted[bin]++;
                }
            }
        }
        if (Arrays.stream(seen).sum() == 0) {
            return fallback;
        }
        double[] acceptance = new double[PREDICTED_BINS.length];
        double[] share = new double[PREDICTED_BINS.length];
        for (int b = 0; b < PREDICTED_BINS.length; b++) {
            acceptance[b] = (accepted[b] + 0.5) / (seen[b] + 1.0);
            share[b] = seen[b] + 1e-3;
        }
        return new AcceptanceCalibration(PREDICTED_BINS, acceptance, share);
    }

    /** The table of the calibration rounds (see {@link #calibrationOf}). */
    static AcceptanceCalibration calibrate(List<RoundRecord> rounds, AcceptancePredictor predictor) {
        List<double[]> predicted = new ArrayList<>();
        List<int[]> outcomes = new ArrayList<>();
        for (RoundRecord round : rounds) {
            double[] p = new double[round.drafted()];
            for (int i = 0; i < p.length; i++) {
                p[i] = predictor.acceptance(round.statistics(i));
            }
            predicted.add(p);
            outcomes.add(new int[] { round.drafted(), round.accepted() });
        }
        AcceptanceCalibration uniform = new AcceptanceCalibration(
            PREDICTED_BINS,
            new double[] { 0.5, 0.5, 0.5, 0.5, 0.5 },
            new double[] { 1, 1, 1, 1, 1 }
        );
        return calibrationOf(predicted, outcomes, uniform);
    }

    /** The same table from the measured phase's own rounds (what actually happened). */
    private static AcceptanceCalibration observedCalibration(
        List<RoundSample> rounds,
        AcceptanceCalibration fallback
    ) {
        List<double[]> predicted = new ArrayList<>();
        List<int[]> outcomes = new ArrayList<>();
        for (RoundSample round : rounds) {
            predicted.add(round.predicted());
            outcomes.add(new int[] { round.drafted(), round.accepted() });
        }
        return calibrationOf(predicted, outcomes, fallback);
    }

    private static int bin(double confidence, double[] upper) {
        for (int b = 0; b < upper.length - 1; b++) {
            if (confidence <= upper[b]) {
                return b;
            }
        }
        return upper.length - 1;
    }

    private static VerificationTimeFit fitOrMean(List<VerificationMeasurement> batches) {
        try {
            return VerificationTimeEstimator.fit(batches);
        } catch (IllegalArgumentException e) {
            double mean = batches
                .stream()
                .mapToDouble(VerificationMeasurement::latencySeconds)
                .average()
                .orElse(1e-3);
            return new VerificationTimeFit(
                VerificationTimeEstimator.constant(mean),
                0,
                0,
                batches.size(),
                false,
                false,
                false,
                false
            );
        }
    }

    /** What the clients of one phase recorded. */
    private record Phase(
        List<RequestRecord> requests,
        List<RoundSample> rounds,
        List<Double> gaps,
        double windowSeconds
    ) {
        Measured summarise(Settings s, double meanQueueWaitSeconds, double meanDispatchDelaySeconds) {
            double[] tpot = requests
                .stream()
                .mapToDouble(r -> (r.endSeconds() - r.startSeconds()) / r.tokens())
                .sorted()
                .toArray();
            long meeting = Arrays.stream(tpot)
                .filter(t -> t <= s.sloTpotSeconds())
                .count();
            long goodTokens = requests
                .stream()
                .filter(r -> (r.endSeconds() - r.startSeconds()) / r.tokens() <= s.sloTpotSeconds())
                .mapToLong(RequestRecord::tokens)
                .sum();
            // drafting time = o + k × t: least squares over the rounds
            double n = rounds.size();
            double sk = 0,
                st = 0,
                skk = 0,
                skt = 0,
                call = 0,
                drafted = 0,
                acc = 0;
            for (RoundSample r : rounds) {
                sk += r.drafted();
                st += r.draftSeconds();
                skk += (double) r.drafted() * r.drafted();
                skt += r.drafted() * r.draftSeconds();
                call += r.callSeconds() - r.serverSeconds();
                drafted += r.drafted();
                acc += r.accepted();
            }
            StopPredictionCounts stops = StopPredictionCounts.NONE;
            double wasted = 0;
            for (RoundSample r : rounds) {
                boolean[] flagged = new boolean[r.drafted()];
                if (r.drafted() > 0 && r.stoppedAtPredictedRejection()) {
                    flagged[r.drafted() - 1] = true;
                }
                stops = stops.plus(flagged, r.drafted(), r.accepted());
                if (r.drafted() > 0) {
                    wasted += (r.draftSeconds() * (r.drafted() - r.accepted())) / r.drafted();
                }
            }
            double denominator = n * skk - sk * sk;
            double perToken = denominator > 1e-9 ? (n * skt - sk * st) / denominator : st / Math.max(1, sk);
            double overhead = denominator > 1e-9 ? (st - perToken * sk) / n : 0;
            if (perToken <= 0) {
                perToken = st / Math.max(1, sk);
                overhead = 0;
            }
            return new Measured(
                requests.size(),
                meeting,
                goodTokens / windowSeconds,
                tpot.length == 0 ? Double.NaN : tpot[(tpot.length - 1) / 2],
                perToken,
                Math.max(0, overhead),
                Math.max(0, call / n),
                rounds.size(),
                drafted / n,
                drafted == 0 ? 0 : acc / drafted,
                gaps.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN),
                requests.stream().mapToDouble(RequestRecord::setupSeconds).average().orElse(0),
                stops,
                wasted,
                meanQueueWaitSeconds,
                meanDispatchDelaySeconds
            );
        }
    }

    /** Runs {@code settings.clients()} client threads for {@code seconds}, then lets them finish their requests. */
    /**
     * What every client of a phase drafts with: the drafter, the prompts, the settings, and the
     * acceptance calibration and predictor fitted before the phases.
     */
    private record Clients(
        DecoderModel drafter,
        List<int[]> prompts,
        Settings settings,
        AcceptanceCalibration calibration,
        AcceptancePredictor predictor
    ) {}

    private static Phase runClients(VerificationServer server, Clients clients, double seconds, long seed)
        throws InterruptedException {
        Settings settings = clients.settings();
        ConcurrentLinkedQueue<RequestRecord> requests = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<RoundSample> rounds = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Double> gaps = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        // The window opens when every client is connected (a device that is online, as in the
        // simulator): each opens and closes one session first, then all start together.
        long[] epoch = new long[1];
        java.util.concurrent.CyclicBarrier online = new java.util.concurrent.CyclicBarrier(
            settings.clients(),
            () -> epoch[0] = System.nanoTime()
        );
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < settings.clients(); c++) {
            int client = c;
            Thread t = new Thread(
                () -> {
                    try {
                        clientLoop(
                            server,
                            clients,
                            online,
                            epoch,
                            seconds,
                            new SplittableRandom(seed * 31 + client),
                            requests,
                            rounds,
                            gaps
                        );
                    } catch (Throwable e) {
                        failures.add(e);
                        online.reset(); // clients still waiting to start give up
                    }
                },
                "loopback-client-" + c
            );
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join(TimeUnitMillis.of(seconds * 10 + 120));
        }
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException(
                "a loopback client failed: " + failures.peek(),
                failures.peek()
            );
            throw e;
        }
        return new Phase(List.copyOf(requests), List.copyOf(rounds), List.copyOf(gaps), seconds);
    }

    private static final class TimeUnitMillis {

        static long of(double seconds) {
            return (long) (seconds * 1000);
        }
    }

    private static void clientLoop(
        VerificationServer server,
        Clients clients,
        java.util.concurrent.CyclicBarrier online,
        long[] epochHolder,
        double seconds,
        SplittableRandom random,
        ConcurrentLinkedQueue<RequestRecord> requests,
        ConcurrentLinkedQueue<RoundSample> rounds,
        ConcurrentLinkedQueue<Double> gaps
    ) throws Exception {
        List<int[]> prompts = clients.prompts();
        Settings settings = clients.settings();
        AcceptanceCalibration calibration = clients.calibration();
        AcceptancePredictor predictor = clients.predictor();
        VerifierClient client = server.client();
        client.close(client.open(prompts.getFirst()));
        online.await(10 * 60, java.util.concurrent.TimeUnit.SECONDS);
        long epoch = epochHolder[0];
        // WISP's budget per round is SLED's K (as in the simulator): it only ever drafts less.
        int maxK = settings.policy() == FleetPolicy.SLED
            ? settings.fixedK()
            : Math.min(settings.fixedK(), settings.maxDraftTokens());
        double alpha = calibration.meanAcceptance();
        double fixedExpected = SpeculativeRoundModel.expectedTokensPerRound(alpha, settings.fixedK());
        double roundRate = 0; // EWMA of this client's round goodput, tokens/s (0: not yet known)
        double draftRate = 0; // this client's latest drafting rate, tokens/s (0: not yet known)
        Thread.sleep((long) (random.nextDouble() * settings.meanThinkSeconds() * 1000));
        try (DecoderSession draft = clients.drafter().newSession()) {
            // Every wall-clock second of the client belongs to one measured interval (setup, a
            // round's drafting, its call, the gap): each interval starts where the previous one
            // ended, so time the thread spent waiting for a CPU between them is still counted.
            double start = elapsed(epoch);
            while (start < seconds) {
                int[] prompt = prompts.get(random.nextInt(prompts.size()));
                int length = settings.outputTokens();
                long session = client.open(prompt);
                double opened = elapsed(epoch);
                double setup = opened - start;
                double roundStart = opened;
                int[] committed = Arrays.copyOf(prompt, prompt.length + length + maxK + 2);
                int n = prompt.length;
                int generated = 0;
                draft.reset();
                int[] drafts = new int[maxK];
                double[] predictedAcceptance = new double[maxK];
                while (generated < length) {
                    // Drafter catches up on committed tokens it has not seen, then drafts.
                    int[] seen = draft.tokens();
                    int common = 0;
                    while (common < Math.min(n - 1, seen.length) && seen[common] == committed[common]) {
                        common++;
                    }
                    draft.truncate(common);
                    float[][] logits = draft.forward(Arrays.copyOfRange(committed, common, n));
                    float[] next = logits[logits.length - 1];
                    int drafted = 0;
                    double prefix = 1;
                    double expected = 1;
                    boolean stopped = false;
                    SpeculationController controller = settings.policy() == FleetPolicy.SLED
                        ? new SpeculationController.FixedLength(settings.fixedK())
                        : new SpeculationController.DynamicDrafting(
                              predictor,
                              FleetScenario.DEFAULT_REJECT_BELOW,
                              roundRate > 0 && draftRate > 0
                                  ? FleetScenario.costAwarePrefixFloor(roundRate, draftRate, alpha)
                                  : 0.0,
                              maxK
                          );
                    while (true) {
                        int token = Distributions.argmax(next);
                        DraftTokenStatistics stats = Distributions.statistics(next);
                        double acceptance = controller.predictedAcceptance(stats);
                        predictedAcceptance[drafted] = predictor.acceptance(stats);
                        drafts[drafted++] = token;
                        prefix *= acceptance;
                        expected += prefix;
                        if (!controller.draftAnother(drafted, acceptance, prefix)) {
                            stopped = controller.predictsRejection(acceptance);
                            break;
                        }
                        next = draft.forward(new int[] { token })[0];
                    }
                    double draftEnd = elapsed(epoch);
                    double roundExpected = settings.policy() == FleetPolicy.SLED ? fixedExpected : expected;
                    double roundTokens = Math.min(roundExpected, length - generated);
                    double rate = roundRate > 0
                        ? roundRate
                        : roundTokens / Math.max(1e-3, draftEnd - roundStart);
                    double deadline =
                        start +
                        length * settings.sloTpotSeconds() -
                        (length - generated - roundTokens) / rate;
                    // even pace: this round's share of the slack left (as the simulator's devices do)
                    double roundsLeft = Math.max(1.0, (length - generated) / Math.max(1e-9, roundExpected));
                    double target = deadline > draftEnd
                        ? draftEnd + (deadline - draftEnd) / roundsLeft
                        : deadline;
                    VerifierClient.Verified verified = client.verify(
                        session,
                        drafts,
                        drafted,
                        deadline - draftEnd,
                        target - draftEnd,
                        roundExpected
                    );
                    double roundEnd = elapsed(epoch);
                    int[] tokens = verified.tokens();
                    int produced = Math.min(tokens.length, length - generated);
                    for (int i = 0; i < produced; i++) {
                        committed[n++] = tokens[i];
                    }
                    generated += produced;
                    rounds.add(
                        new RoundSample(
                            drafted,
                            tokens.length - 1,
                            draftEnd - roundStart,
                            roundEnd - draftEnd,
                            verified.serverSeconds(),
                            Arrays.copyOf(predictedAcceptance, drafted),
                            stopped
                        )
                    );
                    double observed = produced / Math.max(1e-6, roundEnd - roundStart);
                    roundRate = roundRate > 0 ? roundRate + 0.2 * (observed - roundRate) : observed;
                    draftRate = drafted / Math.max(1e-6, draftEnd - roundStart);
                    roundStart = roundEnd;
                }
                double end = roundStart;
                client.close(session);
                requests.add(new RequestRecord(start, end, length, setup));
                double think = -settings.meanThinkSeconds() * Math.log(1 - random.nextDouble());
                Thread.sleep((long) (think * 1000));
                // every gap counts, also the last one (a gap that ends after the window would
                // otherwise be missing, biasing the mean towards short gaps)
                start = elapsed(epoch);
                gaps.add(start - end);
            }
        }
    }

    private static double elapsed(long epoch) {
        return (System.nanoTime() - epoch) / 1e9;
    }
}
