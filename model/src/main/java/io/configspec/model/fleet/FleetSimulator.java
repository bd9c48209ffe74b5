package io.configspec.model.fleet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Discrete-event simulator of N devices sharing one verification server (DESIGN §5; SLED and
 * WISP, Li et al.).
 *
 * <p>Each device runs requests one after another: it draws a prompt and an output length, then
 * repeats rounds — draft (o + k / r), upload (RTT/2 + bytes / BW), wait for the server's batch,
 * download (RTT/2 + bytes / BW) — until the output is complete, then thinks (exponential) before
 * the next request. Under {@link FleetPolicy#CENTRALIZED} devices do not draft: the server decodes
 * one token per request per step with continuous batching and streams tokens back. The server
 * runs one batch at a time, chosen by the policy's {@link VerificationScheduler}; a batch takes
 * the {@link VerificationTimeEstimator}'s prediction, perturbed by the server's latency noise.
 *
 * <p>Deadlines: each verification request carries the latest time its round may finish for the
 * request still to meet its TPOT SLO, assuming the request's remaining tokens come at the
 * device's recent round goodput (an exponentially weighted average over its rounds, seeded with
 * the analytical single-device goodput). Only the SLO-aware scheduler reads them.
 *
 * <p>Determinism: device i's kind, workload and acceptance draws come from random streams seeded
 * by (seed, i), so every policy and every N sees the same requests on the same devices, and the
 * same arguments give the same result. Devices are assigned kinds by smooth weighted round robin,
 * so any prefix of the fleet has the mix's proportions.
 *
 * <p>Verification interference: a batch costs what its composition costs (the estimator: new
 * positions, prompt tokens to prefill — every request's first round carries its prompt — and the
 * members' cached context), and all its members finish together, so a long-context or prefill
 * member delays every other member of its batch.
 *
 * <p>Not modelled: shared network bottlenecks, the device's own prompt processing, server-side
 * KV-cache limits beyond the maximum batch size.
 *
 * <p>One instance per run (not thread-safe); runs are independent and may go in parallel.
 */
public final class FleetSimulator {

    /**
     * The simulated period, s, in which devices start requests, when the user does not choose one:
     * the one default of both faces (the Fleet tab and {@code fleet}, {@code capacity}, {@code
     * fleet-report}), so the same scenario gives the same numbers in both.
     */
    public static final double DEFAULT_DURATION_SECONDS = 120.0;

    /** The workload seed when the user does not choose one (both faces). */
    public static final long DEFAULT_SEED = 1;

    private static final int CANCEL_CHECK_EVENTS = 1 << 12;
    /** Weight of the newest round in a device's goodput average (deadlines, WISP auto threshold). */
    private static final double RATE_SMOOTHING = 0.2;

    private final FleetScenario scenario;
    private final FleetPolicy policy;
    private final int devices;
    private final double durationSeconds;
    private final double endSeconds;
    private final long seed;
    private final BooleanSupplier cancelled;
    private final BatchListener listener;

    private final boolean centralized;
    private final FleetNetwork network;
    private final VerificationTimeEstimator estimator;
    private final VerificationScheduler scheduler;
    private final double slo;
    private final double thinkMean;

    // per device kind
    private final FleetDeviceType[] kinds;
    private final int[] kindMode; // 0 fixed i.i.d. α, 1 fixed per-position curve, 2 fixed calibrated, 3 dynamic
    private final int[] kindK;
    private final double[] kindRejectBelow;
    private final double[] kindSlo;
    private final TokenLengthDistribution[] kindPrompts;
    private final double[] kindExpected;
    private final double[] kindStopThreshold;
    private final double[] kindSecondsPerToken;
    private final double[] kindInitialRate;
    private final boolean autoThreshold;

    // per device
    private final int[] kindOf;
    private final SplittableRandom[] workloadRandom;
    private final SplittableRandom[] acceptanceRandom;
    private final int[] promptTokens;
    private final int[] outputTokens;
    private final int[] generated;
    private final double[] requestStart;
    private final boolean[] inRequest;
    private final int[] drafted;
    private final int[] accepted;
    private final double[] expected;
    private final double[] deadline;
    private final double[] target;
    private final double[] roundStart;
    private final double[] roundRate; // EWMA of the device's round goodput, tokens/s
    private final boolean[] needsPrefill; // the request's prompt is not yet in the server's KV cache
    private final boolean[] stoppedByPrediction; // this round stopped at a predicted rejection
    private final boolean[] missedRejection; // this round's first rejected token was not flagged

    private final EventQueue queue;
    private final int serverEntity;
    private final SplittableRandom serverRandom;
    private boolean serverBusy;
    /** When the last batch ended (−∞ before the first): a batch starting later waits for dispatch. */
    private double lastBatchEnd = Double.NEGATIVE_INFINITY;
    private final double dispatchDelay;
    private List<VerificationRequest> batch = new ArrayList<>();
    private double now;
    private long nextRequestId;

    // statistics
    private long started;
    private long completed;
    private long meetingSlo;
    private long goodTokens;
    private long completedTokens;
    private long rounds;
    private long batches;
    private long draftedTotal;
    private long acceptedTotal;
    private long wastedTotal;
    private long producedTotal;
    private long truncatedTotal;
    private double draftSecondsTotal;
    private double wastedDraftSecondsTotal;
    private long dynamicRounds;
    private long predictedStops;
    private long falseStops;
    private long roundsWithRejection;
    private long missedStops;
    private double busyInWindow;
    private final long[] startedByKind;
    private final long[] meetingByKind;
    private final long[] completedByKind;
    private final double[] tpotSumByKind;
    private double[] tpot = new double[256];
    private double[] endToEnd = new double[256];

    private FleetSimulator(
        FleetScenario scenario,
        FleetPolicy policy,
        int devices,
        double durationSeconds,
        long seed,
        BooleanSupplier cancelled,
        BatchListener listener
    ) {
        if (devices < 1) {
            throw new IllegalArgumentException("devices must be ≥ 1, was " + devices);
        }
        if (!(durationSeconds > 0) || Double.isInfinite(durationSeconds)) {
            throw new IllegalArgumentException(
                "durationSeconds must be finite and > 0, was " + durationSeconds
            );
        }
        this.scenario = scenario;
        this.policy = policy;
        this.devices = devices;
        this.durationSeconds = durationSeconds;
        this.endSeconds = durationSeconds + Math.max(60.0, 2 * durationSeconds);
        this.seed = seed;
        this.cancelled = cancelled;
        this.listener = listener;
        this.centralized = policy == FleetPolicy.CENTRALIZED;
        this.network = scenario.network();
        this.estimator = scenario.server().estimator();
        this.dispatchDelay = scenario.server().dispatchDelaySeconds();
        this.scheduler = scenario.schedulerFor(policy);
        this.slo = scenario.sloTpotSeconds();
        this.thinkMean = scenario.workload().meanThinkSeconds();

        List<FleetDeviceType> mix = scenario.deviceMix();
        int m = mix.size();
        kinds = mix.toArray(new FleetDeviceType[0]);
        kindMode = new int[m];
        kindK = new int[m];
        kindExpected = new double[m];
        kindStopThreshold = new double[m];
        kindSecondsPerToken = new double[m];
        kindInitialRate = new double[m];
        kindRejectBelow = new double[m];
        kindSlo = new double[m];
        kindPrompts = new TokenLengthDistribution[m];
        autoThreshold = policy == FleetPolicy.WISP && scenario.autoStopThreshold();
        for (int j = 0; j < m; j++) {
            FleetDeviceType kind = kinds[j];
            kindSecondsPerToken[j] = 1.0 / kind.draftTokensPerSecond();
            kindSlo[j] = Double.isNaN(kind.sloTpotSeconds()) ? slo : kind.sloTpotSeconds();
            kindPrompts[j] = kind.promptTokens() != null
                ? kind.promptTokens()
                : scenario.workload().promptTokens();
            SpeculationController controller = scenario.controllerFor(policy, kind);
            if (controller instanceof SpeculationController.DynamicDrafting dynamic) {
                kindMode[j] = 3;
                kindK[j] = dynamic.maxDraftTokens();
                kindStopThreshold[j] = dynamic.prefixFloor();
                kindRejectBelow[j] = dynamic.rejectBelow();
                kindInitialRate[j] = scenario.analyticalGoodput(
                    kind,
                    scenario.bestFixedK(kind, dynamic.maxDraftTokens())
                );
            } else if (controller instanceof SpeculationController.FixedLength fixed) {
                kindInitialRate[j] = scenario.analyticalGoodput(kind, fixed.k());
                kindK[j] = fixed.k();
                kindMode[j] = kind.calibration() != null ? 2 : kind.acceptanceByPosition() != null ? 1 : 0;
                kindExpected[j] = kind.calibration() != null
                    ? io.configspec.model.analysis.SpeculativeRoundModel.expectedTokensPerRound(
                          kind.calibration().meanAcceptance(),
                          fixed.k()
                      )
                    : kind.expectedTokensPerRound(fixed.k());
            }
        }

        kindOf = assignKinds(mix, devices);
        startedByKind = new long[m];
        meetingByKind = new long[m];
        completedByKind = new long[m];
        tpotSumByKind = new double[m];
        workloadRandom = new SplittableRandom[devices];
        acceptanceRandom = new SplittableRandom[devices];
        for (int i = 0; i < devices; i++) {
            workloadRandom[i] = new SplittableRandom(mix(seed, i, 0x57A7L));
            acceptanceRandom[i] = new SplittableRandom(mix(seed, i, 0xACCE97L));
        }
        promptTokens = new int[devices];
        outputTokens = new int[devices];
        generated = new int[devices];
        requestStart = new double[devices];
        inRequest = new boolean[devices];
        drafted = new int[devices];
        accepted = new int[devices];
        expected = new double[devices];
        deadline = new double[devices];
        target = new double[devices];
        roundStart = new double[devices];
        roundRate = new double[devices];
        needsPrefill = new boolean[devices];
        stoppedByPrediction = new boolean[devices];
        missedRejection = new boolean[devices];
        double centralizedRate = 1.0 / estimator.predictSeconds(1, scenario.meanContextTokens(), 1);
        for (int i = 0; i < devices; i++) {
            roundRate[i] = centralized ? centralizedRate : kindInitialRate[kindOf[i]];
        }
        serverEntity = devices;
        queue = new EventQueue(devices + 1);
        serverRandom = new SplittableRandom(mix(seed, -1, 0x5E7E7L));
    }

    /** Runs one simulation; see {@link #run(FleetScenario, FleetPolicy, int, double, long, BooleanSupplier)}. */
    public static FleetResult run(
        FleetScenario scenario,
        FleetPolicy policy,
        int devices,
        double durationSeconds,
        long seed
    ) {
        return run(scenario, policy, devices, durationSeconds, seed, () -> false);
    }

    /**
     * Simulates {@code devices} devices starting requests for {@code durationSeconds}, then lets
     * the requests in flight finish (drain period of max(60 s, 2 × duration)); requests still
     * unfinished after that are reported dropped.
     *
     * @param cancelled polled every few thousand events; when it returns true the run stops
     * @throws CancellationException when cancelled
     */
    public static FleetResult run(
        FleetScenario scenario,
        FleetPolicy policy,
        int devices,
        double durationSeconds,
        long seed,
        BooleanSupplier cancelled
    ) {
        return run(scenario, policy, devices, durationSeconds, seed, cancelled, null);
    }

    /**
     * As {@link #run(FleetScenario, FleetPolicy, int, double, long, BooleanSupplier)}, telling
     * {@code listener} about every verification batch the server runs.
     */
    public static FleetResult run(
        FleetScenario scenario,
        FleetPolicy policy,
        int devices,
        double durationSeconds,
        long seed,
        BooleanSupplier cancelled,
        BatchListener listener
    ) {
        return new FleetSimulator(
            scenario,
            policy,
            devices,
            durationSeconds,
            seed,
            cancelled,
            listener
        ).simulate();
    }

    /** Told about every batch the simulated server runs (tests, traces). */
    @FunctionalInterface
    public interface BatchListener {
        /**
         * @param startSeconds when the batch started
         * @param seconds how long it took (the estimator's prediction, with the server's noise)
         * @param batch its requests (valid only during the call)
         */
        void onBatch(double startSeconds, double seconds, List<VerificationRequest> batch);
    }

    /** Kind index of each device: smooth weighted round robin over the mix's weights. */
    static int[] assignKinds(List<FleetDeviceType> mix, int devices) {
        int m = mix.size();
        double total = 0;
        for (FleetDeviceType kind : mix) {
            total += kind.weight();
        }
        double[] current = new double[m];
        int[] kindOf = new int[devices];
        for (int i = 0; i < devices; i++) {
            int best = 0;
            for (int j = 0; j < m; j++) {
                current[j] += mix.get(j).weight();
                if (current[j] > current[best]) {
                    best = j;
                }
            }
            current[best] -= total;
            kindOf[i] = best;
        }
        return kindOf;
    }

    private static long mix(long seed, long device, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + device * 0xBF58476D1CE4E5B9L + stream * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private FleetResult simulate() {
        if (cancelled.getAsBoolean()) {
            throw new CancellationException("fleet simulation cancelled");
        }
        for (int d = 0; d < devices; d++) {
            double start = thinkMean > 0 ? workloadRandom[d].nextDouble() * thinkMean : 0.0;
            startRequest(d, start);
        }
        long events = 0;
        while (!queue.isEmpty()) {
            if (queue.peekTime() > endSeconds) {
                break;
            }
            if ((++events & (CANCEL_CHECK_EVENTS - 1)) == 0 && cancelled.getAsBoolean()) {
                throw new CancellationException("fleet simulation cancelled");
            }
            now = queue.peekTime();
            int entity = queue.poll();
            if (entity == serverEntity) {
                onServer();
            } else {
                onArrival(entity);
            }
        }
        long dropped = 0;
        long droppedPartial = 0;
        for (int d = 0; d < devices; d++) {
            if (inRequest[d]) {
                dropped++;
                droppedPartial += generated[d];
            }
        }
        double[] tpotSorted = Arrays.copyOf(tpot, (int) completed);
        double[] e2eSorted = Arrays.copyOf(endToEnd, (int) completed);
        Arrays.sort(tpotSorted);
        Arrays.sort(e2eSorted);
        return new FleetResult(
            policy,
            devices,
            durationSeconds,
            seed,
            slo,
            started,
            completed,
            dropped,
            meetingSlo,
            started == 0 ? 1.0 : (double) meetingSlo / started,
            goodTokens / durationSeconds,
            completedTokens / durationSeconds,
            FleetResult.percentile(tpotSorted, 0.50),
            FleetResult.percentile(tpotSorted, 0.90),
            FleetResult.percentile(tpotSorted, 0.99),
            FleetResult.percentile(e2eSorted, 0.50),
            FleetResult.percentile(e2eSorted, 0.99),
            Math.min(1.0, busyInWindow / durationSeconds),
            rounds,
            batches,
            draftedTotal,
            acceptedTotal,
            wastedTotal,
            producedTotal,
            truncatedTotal,
            completedTokens,
            droppedPartial,
            draftSecondsTotal,
            wastedDraftSecondsTotal,
            new StopPredictionCounts(
                dynamicRounds,
                predictedStops,
                falseStops,
                roundsWithRejection,
                missedStops
            ),
            tpotSorted,
            e2eSorted,
            ratio(meetingByKind, startedByKind),
            mean(tpotSumByKind, completedByKind)
        );
    }

    private static double[] ratio(long[] part, long[] whole) {
        double[] r = new double[part.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = whole[i] == 0 ? Double.NaN : (double) part[i] / whole[i];
        }
        return r;
    }

    private static double[] mean(double[] sum, long[] count) {
        double[] r = new double[sum.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = count[i] == 0 ? Double.NaN : sum[i] / count[i];
        }
        return r;
    }

    private void startRequest(int d, double at) {
        SplittableRandom random = workloadRandom[d];
        promptTokens[d] = kindPrompts[kindOf[d]].sample(random);
        outputTokens[d] = scenario.workload().outputTokens().sample(random);
        generated[d] = 0;
        requestStart[d] = at;
        inRequest[d] = true;
        needsPrefill[d] = true;
        started++;
        startedByKind[kindOf[d]]++;
        double setup = scenario.workload().setupSeconds();
        if (centralized) {
            startRound(d, at + setup + network.uplinkSeconds(0));
        } else {
            startRound(d, at + setup);
        }
    }

    /**
     * Begins a round at {@code at} (device starts drafting; centralised: the request is at the
     * server) and schedules the device's arrival at the server.
     */
    private void startRound(int d, double at) {
        int remaining = outputTokens[d] - generated[d];
        double arrival;
        roundStart[d] = at;
        if (centralized) {
            drafted[d] = 0;
            accepted[d] = 0;
            expected[d] = 1.0;
            arrival = at;
        } else {
            sampleDraft(d);
            int kind = kindOf[d];
            double draftSeconds = kinds[kind].roundOverheadSeconds() + drafted[d] * kindSecondsPerToken[kind];
            arrival = at + draftSeconds + network.uplinkSeconds(drafted[d]);
        }
        double roundTokens = Math.min(expected[d], remaining);
        // The latest completion of this round that still lets the request meet its TPOT SLO if
        // the rest of its tokens come at the device's recent round goodput.
        double remainingAfter = remaining - roundTokens;
        deadline[d] =
            requestStart[d] +
            outputTokens[d] * kindSlo[kindOf[d]] -
            remainingAfter / roundRate[d] -
            (centralized ? 0 : network.downlinkSeconds());
        // The time that keeps an even pace: this round's share of the slack left, spread over the
        // request's remaining rounds (the client sends it beside the deadline).
        target[d] = deadline[d] > arrival
            ? arrival + (deadline[d] - arrival) / Math.max(1.0, remaining / Math.max(1e-9, expected[d]))
            : deadline[d];
        queue.schedule(d, arrival);
    }

    /** Draws how many tokens device d drafts this round and how many the target will accept. */
    private void sampleDraft(int d) {
        int kind = kindOf[d];
        SplittableRandom random = acceptanceRandom[d];
        FleetDeviceType type = kinds[kind];
        int k = kindK[kind];
        int acc = 0;
        switch (kindMode[kind]) {
            case 0 -> {
                double alpha = type.acceptanceRate();
                while (acc < k && random.nextDouble() < alpha) {
                    acc++;
                }
                drafted[d] = k;
                expected[d] = kindExpected[kind];
            }
            case 1 -> {
                double[] curve = type.acceptanceByPosition();
                int last = curve.length - 1;
                while (acc < k && random.nextDouble() < curve[Math.min(acc, last)]) {
                    acc++;
                }
                drafted[d] = k;
                expected[d] = kindExpected[kind];
            }
            case 2 -> {
                AcceptanceCalibration calibration = type.calibration();
                while (acc < k) {
                    int bin = calibration.binForUniform(random.nextDouble());
                    if (random.nextDouble() < calibration.binAcceptance(bin)) {
                        acc++;
                    } else {
                        break;
                    }
                }
                drafted[d] = k;
                expected[d] = kindExpected[kind];
            }
            default -> {
                // WISP dynamic drafting (SpeculationController.DynamicDrafting, inlined for speed):
                // each drafted token's statistics fall in a confidence bin whose calibrated
                // acceptance is the predictor's output; drafting stops at a predicted rejection,
                // when the prefix is unlikely to survive, or at the maximum.
                AcceptanceCalibration calibration = type.calibration();
                double floor = autoThreshold
                    ? FleetScenario.costAwarePrefixFloor(
                          roundRate[d],
                          type.draftTokensPerSecond(),
                          calibration.meanAcceptance()
                      )
                    : kindStopThreshold[kind];
                double rejectBelow = kindRejectBelow[kind];
                double predicted = 1.0;
                double expectedTokens = 1.0;
                boolean alive = true;
                boolean flaggedLast = false;
                boolean missed = false;
                int n = 0;
                while (true) {
                    n++;
                    int bin = calibration.binForUniform(random.nextDouble());
                    double p = calibration.binAcceptance(bin);
                    flaggedLast = p < rejectBelow;
                    if (alive) {
                        if (random.nextDouble() < p) {
                            acc++;
                        } else {
                            alive = false;
                            missed = !flaggedLast;
                        }
                    }
                    predicted *= p;
                    expectedTokens += predicted;
                    if (n >= k || flaggedLast || predicted < floor) {
                        break;
                    }
                }
                drafted[d] = n;
                expected[d] = expectedTokens;
                stoppedByPrediction[d] = flaggedLast;
                missedRejection[d] = missed;
            }
        }
        accepted[d] = acc;
    }

    private void onArrival(int d) {
        scheduler.submit(
            new VerificationRequest(
                nextRequestId++,
                d,
                now,
                deadline[d],
                target[d],
                drafted[d] + 1,
                needsPrefill[d] ? promptTokens[d] : 0,
                needsPrefill[d] ? 0 : promptTokens[d] + generated[d],
                expected[d]
            )
        );
        if (!serverBusy && (!queue.contains(serverEntity) || queue.timeOf(serverEntity) > now)) {
            // decide after every device due at this instant has arrived (devices sort before the server)
            queue.schedule(serverEntity, now);
        }
    }

    private void onServer() {
        if (serverBusy) {
            serverBusy = false;
            lastBatchEnd = now;
            List<VerificationRequest> done = batch;
            rounds += done.size();
            for (int i = 0, n = done.size(); i < n; i++) {
                completeRound(done.get(i).clientId());
            }
            done.clear();
            if (scheduler.pendingCount() > 0) {
                queue.schedule(serverEntity, now); // after same-instant arrivals (continuous batching)
            }
            return;
        }
        int n = scheduler.nextBatch(now, batch);
        if (n > 0) {
            long verified = 0;
            long prefill = 0;
            long context = 0;
            for (int i = 0; i < n; i++) {
                VerificationRequest r = batch.get(i);
                verified += r.verifiedTokens();
                prefill += r.prefillTokens();
                context += r.contextTokens();
            }
            double seconds = estimator.predictSeconds(verified, prefill, context, n);
            double cv = scenario.server().latencyNoiseCv();
            if (cv > 0) {
                seconds *= Math.max(0.5, 1.0 + cv * TokenLengthDistribution.gaussian(serverRandom));
            }
            if (now > lastBatchEnd) {
                seconds += dispatchDelay; // an idle server's worker takes this long to start
            }
            if (listener != null) {
                listener.onBatch(now, seconds, batch);
            }
            double end = now + seconds;
            busyInWindow += Math.max(0.0, Math.min(end, durationSeconds) - Math.min(now, durationSeconds));
            serverBusy = true;
            batches++;
            queue.schedule(serverEntity, end);
        } else {
            double wake = scheduler.wakeUpSeconds(now);
            if (wake < Double.POSITIVE_INFINITY) {
                queue.schedule(serverEntity, Math.max(wake, now));
            }
        }
    }

    private void completeRound(int d) {
        int need = outputTokens[d] - generated[d];
        int acc = accepted[d];
        int produced = Math.min(acc + 1, need);
        int kind = kindOf[d];
        needsPrefill[d] = false;
        draftedTotal += drafted[d];
        acceptedTotal += acc;
        wastedTotal += drafted[d] - acc;
        draftSecondsTotal += drafted[d] * kindSecondsPerToken[kind];
        wastedDraftSecondsTotal += (drafted[d] - acc) * kindSecondsPerToken[kind];
        if (kindMode[kind] == 3) {
            dynamicRounds++;
            if (stoppedByPrediction[d]) {
                predictedStops++;
                if (acc == drafted[d]) {
                    falseStops++;
                }
            }
            if (acc < drafted[d]) {
                roundsWithRejection++;
                if (missedRejection[d]) {
                    missedStops++;
                }
            }
        }
        producedTotal += produced;
        truncatedTotal += acc + 1 - produced;
        generated[d] += produced;
        double observed = produced / (now + (centralized ? 0 : network.downlinkSeconds()) - roundStart[d]);
        roundRate[d] += RATE_SMOOTHING * (observed - roundRate[d]);
        if (generated[d] >= outputTokens[d]) {
            double done = now + network.downlinkSeconds();
            finishRequest(d, done);
            double think = thinkMean > 0 ? -thinkMean * Math.log(1.0 - workloadRandom[d].nextDouble()) : 0.0;
            double next = done + think;
            if (next < durationSeconds) {
                startRequest(d, next);
            }
        } else if (centralized) {
            startRound(d, now);
        } else {
            startRound(d, now + network.downlinkSeconds());
        }
    }

    private void finishRequest(int d, double done) {
        inRequest[d] = false;
        int out = outputTokens[d];
        double e2e = done - requestStart[d];
        double perToken = e2e / out;
        if ((int) completed == tpot.length) {
            tpot = Arrays.copyOf(tpot, tpot.length * 2);
            endToEnd = Arrays.copyOf(endToEnd, endToEnd.length * 2);
        }
        tpot[(int) completed] = perToken;
        endToEnd[(int) completed] = e2e;
        completed++;
        completedTokens += out;
        int kind = kindOf[d];
        completedByKind[kind]++;
        tpotSumByKind[kind] += perToken;
        if (perToken <= kindSlo[kind] * (1 + 1e-12)) {
            meetingSlo++;
            meetingByKind[kind]++;
            goodTokens += out;
        }
    }
}
