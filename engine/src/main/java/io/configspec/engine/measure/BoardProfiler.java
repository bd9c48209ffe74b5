package io.configspec.engine.measure;

import io.configspec.engine.sensors.PowerSource;
import io.configspec.engine.sensors.SensorSuite;
import io.configspec.model.measurement.DraftingFit;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Measures a drafter on this machine (DESIGN §6): idle power; drafting throughput against K and
 * context length with warm-up rounds and repetitions; power while drafting integrated to joules
 * per drafted token; verification latency of a target against K; greedy acceptance on a prompt
 * set. Runs synchronously on the calling thread (a job thread of the agent, or a desktop task) and
 * checks for cancellation between rounds.
 *
 * <p>A drafting round feeds the pending token and then K − 1 drafted ones (K decoder steps with
 * batch 1, greedy argmax) after a fixed context, and rolls the cache back to that context, so
 * every round of a cell sees the same context length. Power is recorded only while measured
 * rounds run.
 */
public final class BoardProfiler {

    /** Tool name written into provenance. */
    public static final String TOOL = "configspec-profiler 0.1.0";

    /** Tokens generated per prompt when measuring acceptance. */
    static final int ACCEPTANCE_TOKENS_PER_PROMPT = 48;

    private final ModelProvider models;

    public BoardProfiler(ModelProvider models) {
        this.models = models;
    }

    /**
     * Checks that the models {@code request} names are available here, before a job is accepted.
     *
     * @throws IllegalArgumentException naming the field and the models that are available
     */
    public void check(ProfilingRequest request) {
        models.checkAvailable(request);
    }

    public ProfilingResult run(ProfilingRequest request, ProfilingContext context) throws Exception {
        SensorSuite suite = context.sensors().suite();
        PowerSource primary = suite.powerSources().isEmpty() ? null : suite.powerSources().getFirst();
        int cellsTotal = request.contextLengths().size() * request.kValues().size() * request.repetitions();
        int acceptanceSteps = request.target() != null ? request.prompts() : 0;
        int verifySteps = request.target() != null
            ? request.kValues().size() * Math.max(1, request.verifyBatchSizes().size())
            : 0;
        Progress progress = new Progress(context, 1 + cellsTotal + acceptanceSteps + verifySteps);

        context.progress(0, "opening the drafter " + request.drafterLabel());
        ModelProvider.Drafter drafter = models.openDrafter(request, context);
        try (TokenDecoder decoder = drafter.decoder()) {
            // 1. Idle power (before any drafting warms the board up further).
            PowerRecorder.Recording idle = measureIdle(request.idleSeconds(), context);
            progress.step("idle power measured");

            // 2. Drafting throughput and power.
            Random random = new Random(42);
            List<DraftingCell> cells = new ArrayList<>();
            double draftJoules = 0;
            double draftSeconds = 0;
            long draftTokens = 0;
            int powerSamples = 0;
            boolean powerMeasured = true;
            PowerRecorder recorder = new PowerRecorder(context.sensors());
            for (int c : request.contextLengths()) {
                int[] prompt = randomTokens(random, c, decoder.vocabSize());
                for (int k : request.kValues()) {
                    double[] roundSeconds = new double[request.repetitions()];
                    double[] tokensPerSecond = new double[request.repetitions()];
                    for (int rep = 0; rep < request.repetitions(); rep++) {
                        context.checkCancelled();
                        int next = prefill(decoder, prompt);
                        for (int w = 0; w < request.warmupRounds(); w++) {
                            draftRound(decoder, next, k, c);
                        }
                        recorder.start();
                        long start = System.nanoTime();
                        for (int r = 0; r < request.rounds(); r++) {
                            draftRound(decoder, next, k, c);
                            if ((r & 7) == 7) {
                                context.checkCancelled();
                            }
                        }
                        long elapsed = System.nanoTime() - start;
                        PowerRecorder.Recording rec = recorder.stop();
                        double seconds = elapsed / 1e9;
                        roundSeconds[rep] = seconds / request.rounds();
                        tokensPerSecond[rep] = ((double) k * request.rounds()) / seconds;
                        draftSeconds += rec.seconds();
                        draftTokens += (long) k * request.rounds();
                        context.live(
                            tokensPerSecond[rep],
                            rec.measured() ? rec.joules() / ((double) k * request.rounds()) : Double.NaN
                        );
                        if (rec.measured()) {
                            draftJoules += rec.joules();
                            powerSamples += rec.samples();
                        } else {
                            powerMeasured = false;
                        }
                        progress.step(
                            "context " +
                                c +
                                ", K = " +
                                k +
                                ": repetition " +
                                (rep + 1) +
                                "/" +
                                request.repetitions()
                        );
                    }
                    cells.add(
                        new DraftingCell(
                            c,
                            k,
                            SampleStatistics.of(roundSeconds),
                            SampleStatistics.of(tokensPerSecond),
                            request.rounds() * request.repetitions()
                        )
                    );
                }
            }
            double draftingWatts = powerMeasured && draftSeconds > 0
                ? draftJoules / draftSeconds
                : Double.NaN;
            double joulesPerToken = powerMeasured && draftTokens > 0 ? draftJoules / draftTokens : Double.NaN;

            // 3. Target: verification latency and acceptance.
            List<VerificationCell> verification = List.of();
            AcceptanceMeasurement acceptance = null;
            ModelProvider.ModelInfo targetInfo = null;
            if (request.target() != null) {
                targetInfo = models.describeTarget(request.target());
                try (TokenDecoder target = models.openTarget(request.target())) {
                    verification = measureVerification(request, target, random, progress, context);
                    acceptance = measureAcceptance(request, decoder, target, progress, context);
                }
            }
            context.progress(1.0, "done");
            return new ProfilingResult(
                TOOL,
                LocalDate.now(),
                suite.boardInfo(),
                primary == null ? null : primary.id(),
                drafter.id(),
                drafter.quantization(),
                drafter.family(),
                drafter.info(),
                targetInfo,
                idle.meanWatts(),
                idle.samples(),
                draftingWatts,
                joulesPerToken,
                powerSamples,
                cells,
                DraftingFit.of(DraftingCell.points(cells)),
                verification,
                acceptance
            );
        }
    }

    private PowerRecorder.Recording measureIdle(double seconds, ProfilingContext context)
        throws InterruptedException {
        PowerRecorder recorder = new PowerRecorder(context.sensors());
        recorder.start();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            context.checkCancelled();
            Thread.sleep(Math.max(1, Math.min(50, (end - System.nanoTime()) / 1_000_000)));
        }
        return recorder.stop();
    }

    /** Resets the cache, runs the prompt and returns the greedy next token. */
    static int prefill(TokenDecoder decoder, int[] prompt) throws Exception {
        decoder.reset();
        float[][] logits = decoder.forward(prompt);
        return TokenDecoder.argmax(logits[logits.length - 1]);
    }

    /** One drafting round of K tokens after a context of {@code contextLength}, rolled back after. */
    static void draftRound(TokenDecoder decoder, int next, int k, int contextLength) throws Exception {
        int token = next;
        int[] single = new int[1];
        for (int i = 0; i < k; i++) {
            single[0] = token;
            float[][] logits = decoder.forward(single);
            token = TokenDecoder.argmax(logits[0]);
        }
        decoder.truncate(contextLength);
    }

    private List<VerificationCell> measureVerification(
        ProfilingRequest request,
        TokenDecoder target,
        Random random,
        Progress progress,
        ProfilingContext context
    ) throws Exception {
        // Batch 1 through the decoder session (as a single device's round is verified); larger
        // batches in one ONNX Runtime run with a [B, K + 1] input, as a batching verifier runs them.
        List<VerificationCell> cells = new ArrayList<>();
        int c = request.contextLengths().getFirst();
        int[] prompt = randomTokens(random, c, target.vocabSize());
        List<Integer> batches = request.verifyBatchSizes().isEmpty()
            ? List.of(1)
            : request.verifyBatchSizes();
        java.nio.file.Path file = batches.stream().anyMatch(b -> b > 1)
            ? models.targetModelFile(request.target())
            : null;
        try (
            BatchedVerificationTimer batched = file == null
                ? null
                : new BatchedVerificationTimer(file, models.engineOptions())
        ) {
            for (int batch : batches) {
                for (int k : request.kValues()) {
                    double[] seconds = new double[request.repetitions()];
                    for (int rep = 0; rep < request.repetitions(); rep++) {
                        context.checkCancelled();
                        if (batch == 1) {
                            prefill(target, prompt);
                            int[] block = randomTokens(random, k + 1, target.vocabSize());
                            for (int w = 0; w < request.warmupRounds(); w++) {
                                target.forward(block);
                                target.truncate(c);
                            }
                            long start = System.nanoTime();
                            for (int r = 0; r < request.rounds(); r++) {
                                target.forward(block);
                                target.truncate(c);
                            }
                            seconds[rep] = (System.nanoTime() - start) / 1e9 / request.rounds();
                        } else if (batched != null) {
                            seconds[rep] = batched.seconds(
                                batch,
                                k,
                                c,
                                request.warmupRounds(),
                                request.rounds()
                            );
                        } else {
                            throw new IllegalStateException(
                                "batch " + batch + " verification needs the target's ONNX file"
                            );
                        }
                    }
                    cells.add(new VerificationCell(k, batch, SampleStatistics.of(seconds)));
                    progress.step("verification latency, batch " + batch + ", K = " + k);
                }
            }
        }
        return cells;
    }

    /**
     * Greedy speculative decoding of each prompt (drafter proposes K, target keeps the longest
     * prefix matching its own argmax plus its bonus token), counting accepted positions.
     */
    AcceptanceMeasurement measureAcceptance(
        ProfilingRequest request,
        TokenDecoder drafter,
        TokenDecoder target,
        Progress progress,
        ProfilingContext context
    ) throws Exception {
        int k = Math.min(8, request.kValues().getLast());
        List<int[]> prompts = models.prompts(request.target(), request.prompts());
        long[] tried = new long[k];
        long[] accepted = new long[k];
        double[] perPrompt = new double[prompts.size()];
        int attempted = 0;
        for (int p = 0; p < prompts.size(); p++) {
            context.checkCancelled();
            int[] prompt = prompts.get(p);
            int next = prefill(target, prompt);
            drafter.reset();
            drafter.forward(prompt);
            int committed = prompt.length;
            long promptTried = 0;
            long promptAccepted = 0;
            int[] drafterPending = { next };
            int generated = 0;
            while (generated < ACCEPTANCE_TOKENS_PER_PROMPT) {
                int[] drafts = new int[k];
                float[][] logits = drafter.forward(drafterPending);
                drafts[0] = TokenDecoder.argmax(logits[logits.length - 1]);
                for (int i = 1; i < k; i++) {
                    drafts[i] = TokenDecoder.argmax(drafter.forward(new int[] { drafts[i - 1] })[0]);
                }
                int[] verify = new int[k + 1];
                verify[0] = next;
                System.arraycopy(drafts, 0, verify, 1, k);
                float[][] rows = target.forward(verify);
                int a = 0;
                while (a < k && TokenDecoder.argmax(rows[a]) == drafts[a]) {
                    a++;
                }
                for (int i = 0; i <= Math.min(a, k - 1); i++) {
                    tried[i]++;
                    promptTried++;
                    if (i < a) {
                        accepted[i]++;
                        promptAccepted++;
                    }
                }
                int newCommitted = committed + 1 + a;
                target.truncate(newCommitted);
                int bonus = TokenDecoder.argmax(rows[a]);
                if (a == k) {
                    // The drafter never ran its last draft: feed it with the bonus token.
                    drafter.truncate(committed + k);
                    drafterPending = new int[] { drafts[k - 1], bonus };
                } else {
                    drafter.truncate(newCommitted);
                    drafterPending = new int[] { bonus };
                }
                committed = newCommitted;
                next = bonus;
                generated += a + 1;
            }
            perPrompt[p] = promptTried == 0 ? 0 : (double) promptAccepted / promptTried;
            attempted += (int) promptTried;
            progress.step("acceptance: prompt " + (p + 1) + "/" + prompts.size());
        }
        List<Double> curve = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            curve.add(tried[i] == 0 ? 0.0 : (double) accepted[i] / tried[i]);
        }
        long acceptedTotal = java.util.Arrays.stream(accepted).sum();
        double pooled = attempted == 0 ? 0 : (double) acceptedTotal / attempted;
        return new AcceptanceMeasurement(
            request.target(),
            k,
            pooled,
            SampleStatistics.of(perPrompt),
            curve,
            attempted,
            prompts.size()
        );
    }

    static int[] randomTokens(Random random, int length, int vocabSize) {
        int[] tokens = new int[length];
        for (int i = 0; i < length; i++) {
            tokens[i] = random.nextInt(vocabSize);
        }
        return tokens;
    }

    /** Counts steps and reports the fraction done. */
    static final class Progress {

        private final ProfilingContext context;
        private final int total;
        private int done;

        Progress(ProfilingContext context, int total) {
            this.context = context;
            this.total = Math.max(1, total);
        }

        void step(String message) {
            done++;
            context.progress(Math.min(0.99, (double) done / total), message);
        }
    }
}
