package io.configspec.engine.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.engine.sensors.CommandRunner;
import io.configspec.engine.sensors.SensorOptions;
import io.configspec.engine.sensors.SensorSampler;
import io.configspec.engine.sensors.SensorSuite;
import io.configspec.engine.sensors.SysfsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.IntUnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardProfilerTest {

    private static final int VOCAB = 50;
    /** A drafter that always proposes the target's own next token. */
    private static final IntUnaryOperator ALIGNED = t -> FakeDecoder.targetRule(t, VOCAB);
    /** VDD_IN of the fixture: 5.080 V × 1.080 A. */
    private static final double FIXTURE_WATTS = 5.080 * 1.080;

    @TempDir
    Path temp;

    private SensorSampler sampler;

    @AfterEach
    void stopSampler() {
        if (sampler != null) {
            sampler.close();
        }
    }

    /** A Jetson-shaped tree with a constant VDD_IN. */
    private SensorSampler jetsonSensors() throws Exception {
        Path hwmon = temp.resolve("sys/bus/i2c/drivers/ina3221/1-0040/hwmon/hwmon1");
        Files.createDirectories(hwmon);
        Files.writeString(hwmon.resolve("in1_label"), "VDD_IN\n");
        Files.writeString(hwmon.resolve("in1_input"), "5080\n");
        Files.writeString(hwmon.resolve("curr1_input"), "1080\n");
        return samplerOfTemp();
    }

    private SensorSampler noSensors() {
        return samplerOfTemp();
    }

    /** A 10 ms sampler of the sensors found in the tree under {@code temp} (stopped after each test). */
    private SensorSampler samplerOfTemp() {
        SensorSuite suite = SensorSuite.detect(
            new SysfsReader(temp),
            CommandRunner.none(),
            SensorOptions.defaults()
        );
        sampler = new SensorSampler(suite, Duration.ofMillis(10), 100);
        return sampler;
    }

    private record Context(SensorSampler sensors, List<Double> fractions, boolean cancel) implements
        ProfilingContext {
        @Override
        public void progress(double fraction, String message) {
            fractions.add(fraction);
        }

        @Override
        public boolean cancelled() {
            return cancel;
        }
    }

    /** Drafter and target from fake decoders; the drafter follows {@code drafterRule}. */
    private static final class FakeModels implements ModelProvider {

        final FakeDecoder drafter;
        final FakeDecoder target = new FakeDecoder(VOCAB, t -> FakeDecoder.targetRule(t, VOCAB));

        FakeModels(IntUnaryOperator drafterRule) {
            drafter = new FakeDecoder(VOCAB, drafterRule);
        }

        @Override
        public Drafter openDrafter(ProfilingRequest request, ProfilingContext context) {
            return new Drafter(
                "fake-drafter",
                "int8",
                "fake",
                drafter,
                new ModelInfo("fake-drafter", "fake", "int8", 1000, 1000)
            );
        }

        @Override
        public TokenDecoder openTarget(String name) {
            return target;
        }

        @Override
        public ModelInfo describeTarget(String name) {
            return new ModelInfo(name, "fake", "fp32", 100_000, 400_000);
        }

        @Override
        public List<int[]> prompts(String target, int count) {
            Random random = new Random(1);
            List<int[]> prompts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                prompts.add(BoardProfiler.randomTokens(random, 5 + i, VOCAB));
            }
            return prompts;
        }
    }

    private static ProfilingRequest quick() {
        return ProfilingRequest.forDrafter("fake-drafter")
            .withKValues(List.of(1, 2, 4))
            .withContextLengths(List.of(8, 16))
            .withRounds(1, 5, 3)
            .withIdleSeconds(0.05);
    }

    /** {@link #quick()}, also measuring acceptance against "fake-target" on {@code prompts} prompts. */
    private static ProfilingRequest quickWithAcceptance(int prompts) {
        return quick().withTarget("fake-target").withVerification(List.of(), prompts);
    }

    /** Runs the profiler on the fake models with these sensors, not cancelled. */
    private static ProfilingResult profile(FakeModels models, ProfilingRequest request, SensorSampler sensors)
        throws Exception {
        return new BoardProfiler(models).run(request, new Context(sensors, new ArrayList<>(), false));
    }

    @Test
    void measuresEveryContextAndKWithRepetitions() throws Exception {
        FakeModels models = new FakeModels(ALIGNED);
        List<Double> fractions = new ArrayList<>();

        ProfilingResult result = new BoardProfiler(models).run(
            quick(),
            new Context(jetsonSensors(), fractions, false)
        );

        assertEquals(6, result.cells().size());
        assertEquals(
            List.of(8, 8, 8, 16, 16, 16),
            result.cells().stream().map(DraftingCell::contextTokens).toList()
        );
        assertEquals(List.of(1, 2, 4, 1, 2, 4), result.cells().stream().map(DraftingCell::k).toList());
        assertTrue(
            result
                .cells()
                .stream()
                .allMatch(c -> c.tokensPerSecond().n() == 3 && c.rounds() == 15)
        );
        assertEquals(6 * 15, result.measuredRounds());
        assertTrue(result.fit().tokensPerSecond() > 0);
        assertEquals(1.0, fractions.getLast());
        assertTrue(models.drafter.closed, "the profiler closes the drafter");
    }

    @Test
    void everyRoundDraftsKTokensAfterTheSameContext() throws Exception {
        FakeDecoder decoder = new FakeDecoder(VOCAB, t -> FakeDecoder.targetRule(t, VOCAB));
        int next = BoardProfiler.prefill(decoder, new int[] { 1, 2, 3 });
        int before = decoder.forwards;

        BoardProfiler.draftRound(decoder, next, 4, 3);

        assertEquals(4, decoder.forwards - before);
        assertEquals(List.of(1, 2, 3), decoder.cache());
    }

    @Test
    void constantBoardPowerGivesThatPowerAndEnergyPerTokenFromTheDraftingTime() throws Exception {
        FakeModels models = new FakeModels(ALIGNED);

        ProfilingResult result = profile(models, quick(), jetsonSensors());

        assertEquals("jetson-ina3221", result.powerSource());
        assertEquals(FIXTURE_WATTS, result.idleWatts(), 1e-9);
        assertEquals(FIXTURE_WATTS, result.draftingWatts(), 1e-9);
        // J/token = P × (drafting time) / tokens, and tokens/s over all cells is tokens / time.
        long tokens = result
            .cells()
            .stream()
            .mapToLong(c -> (long) c.k() * c.rounds())
            .sum();
        assertTrue(result.joulesPerToken() > 0);
        double draftingSeconds = (result.joulesPerToken() * tokens) / FIXTURE_WATTS;
        assertTrue(draftingSeconds > 0);
        assertTrue(result.hasPower());
    }

    @Test
    void withoutPowerSensorsPowerFiguresAreNaNNotGuesses() throws Exception {
        FakeModels models = new FakeModels(ALIGNED);

        ProfilingResult result = profile(models, quick(), noSensors());

        assertNull(result.powerSource());
        assertTrue(Double.isNaN(result.idleWatts()));
        assertTrue(Double.isNaN(result.draftingWatts()));
        assertTrue(Double.isNaN(result.joulesPerToken()));
        assertFalse(result.hasPower());
        assertTrue(
            ProfilingResult.fromJson(result.toJson()).joulesPerToken() != result.joulesPerToken(),
            "NaN round-trips as null"
        );
    }

    @Test
    void aDrafterIdenticalToTheTargetIsAlwaysAccepted() throws Exception {
        FakeModels models = new FakeModels(ALIGNED);

        ProfilingResult result = profile(models, quickWithAcceptance(4), noSensors());

        assertEquals(1.0, result.acceptance().alpha().mean(), 1e-12);
        assertEquals(1.0, result.acceptance().pooledAlpha(), 1e-12);
        assertEquals(List.of(1.0, 1.0, 1.0, 1.0), result.acceptance().acceptanceByPosition());
        assertEquals(4, result.acceptance().prompts());
        assertEquals(3, result.verification().size());
    }

    @Test
    void aDrafterThatIsAlwaysWrongIsNeverAccepted() throws Exception {
        FakeModels models = new FakeModels(t -> (FakeDecoder.targetRule(t, VOCAB) + 1) % VOCAB);

        ProfilingResult result = profile(models, quickWithAcceptance(3), noSensors());

        assertEquals(0.0, result.acceptance().alpha().mean(), 1e-12);
        // Only the first position is ever tried: one per round, each round yields the bonus token.
        assertEquals(
            3 * BoardProfiler.ACCEPTANCE_TOKENS_PER_PROMPT,
            result.acceptance().attemptedPositions()
        );
    }

    @Test
    void acceptanceMatchesABruteForceCountForAPartlyAlignedDrafter() throws Exception {
        // The drafter is wrong after tokens divisible by 3: acceptance per position is then exactly
        // the share of such tokens along the target's own greedy path (the only path verified).
        IntUnaryOperator rule = t ->
            t % 3 == 0 ? (FakeDecoder.targetRule(t, VOCAB) + 1) % VOCAB : FakeDecoder.targetRule(t, VOCAB);
        FakeModels models = new FakeModels(rule);
        ProfilingRequest request = quick()
            .withKValues(List.of(4))
            .withTarget("fake-target")
            .withVerification(List.of(), 2);

        ProfilingResult result = profile(models, request, noSensors());

        // Brute force: walk the target's greedy path, simulating rounds of K = 4.
        long tried = 0;
        long ok = 0;
        for (int[] prompt : models.prompts("t", 2)) {
            int next = FakeDecoder.targetRule(prompt[prompt.length - 1], VOCAB);
            int generated = 0;
            while (generated < BoardProfiler.ACCEPTANCE_TOKENS_PER_PROMPT) {
                int token = next;
                int a = 0;
                while (a < 4) {
                    tried++;
                    if (token % 3 == 0) {
                        break;
                    }
                    ok++;
                    a++;
                    token = FakeDecoder.targetRule(token, VOCAB);
                }
                next = FakeDecoder.targetRule(token, VOCAB);
                generated += a + 1;
            }
        }
        assertEquals(tried, result.acceptance().attemptedPositions());
        assertEquals((double) ok / tried, result.acceptance().pooledAlpha(), 1e-12);
        assertTrue(result.acceptance().pooledAlpha() > 0 && result.acceptance().pooledAlpha() < 1);
    }

    @Test
    void aCancelledJobStopsWithCancellation() throws Exception {
        FakeModels models = new FakeModels(ALIGNED);

        assertThrows(CancellationException.class, () ->
            new BoardProfiler(models).run(quick(), new Context(noSensors(), new ArrayList<>(), true))
        );
        assertTrue(models.drafter.closed);
    }

    @Test
    void resultsRoundTripThroughJson() throws Exception {
        FakeModels models = new FakeModels(ALIGNED);
        ProfilingResult result = profile(models, quickWithAcceptance(2), jetsonSensors());

        ProfilingResult back = ProfilingResult.fromJson(result.toJson());

        assertEquals(result.toJson(), back.toJson());
    }
}
