package io.configspec.engine.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.engine.decoding.DecodingSettings;
import io.configspec.engine.decoding.SpeculativeDecoder;
import io.configspec.engine.testing.SampleFamilyFixture;
import io.configspec.model.fleet.FcfsBatchScheduler;
import io.configspec.model.fleet.FleetPolicy;
import io.configspec.model.fleet.VerificationScheduler;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LoopbackExperimentTest {

    private static final SampleFamilyFixture FAMILY = SampleFamilyFixture.get();

    private static io.configspec.engine.onnx.DecoderModel drafter() {
        return FAMILY.model(
            FAMILY.drafterNames()
                .stream()
                .filter(n -> n.startsWith("draft-3l"))
                .findFirst()
                .orElse(FAMILY.drafterNames().getLast())
        );
    }

    /** The target's own greedy continuation of {@code prompt}: what verification must produce. */
    private static int[] targetAlone(int[] prompt, int tokens) throws Exception {
        return new SpeculativeDecoder(FAMILY.target(), null, DecodingSettings.greedy(0))
            .generate(prompt, tokens)
            .tokens();
    }

    /** The sample target behind a verification service on a free loopback port. */
    private static VerificationServer serving(VerificationScheduler scheduler) throws Exception {
        return VerificationServer.start(FAMILY.target(), scheduler, 0);
    }

    @Test
    void theServiceVerifiesLikeTheSpeculativeDecoder() throws Exception {
        int[] prompt = FAMILY.prompts().getFirst();
        int[] expected = targetAlone(prompt, 24);
        try (VerificationServer server = serving(new FcfsBatchScheduler(4, 0))) {
            VerifierClient client = server.client();
            long session = client.open(prompt);
            int[] out = new int[24];
            int n = 0;
            // Draft deliberately wrong tokens half the time: the answer must still be the target's greedy output.
            while (n < 24) {
                int[] drafts = { expected[n], n + 1 < 24 ? (expected[n + 1] + 1) % 256 : 0 };
                int[] tokens = client.verify(session, drafts, 2, 1.0, 2).tokens();
                for (int i = 0; i < tokens.length && n < 24; i++) {
                    out[n++] = tokens[i];
                }
            }
            client.close(session);
            assertArrayEquals(expected, out);
            assertTrue(server.measurements().size() >= 12);
            // the prompt is prefilled in the session's first verification batch, not when it opens
            assertEquals(prompt.length - 1, server.measurements().getFirst().prefillTokens());
            assertTrue(
                server
                    .measurements()
                    .stream()
                    .skip(1)
                    .allMatch(m -> m.prefillTokens() == 0)
            );
        }
    }

    @Test
    void aLateClientIsVerifiedNotRefused() throws Exception {
        // A WISP client that is already behind its SLO sends a negative slack: its deadline has passed.
        int[] prompt = FAMILY.prompts().getFirst();
        int[] expected = targetAlone(prompt, 4);
        try (
            VerificationServer server = serving(
                new io.configspec.model.fleet.SloAwareBatchScheduler(
                    io.configspec.model.fleet.VerificationTimeEstimator.constant(0.01),
                    4,
                    0
                )
            )
        ) {
            VerifierClient client = server.client();
            long session = client.open(prompt);
            int[] out = client
                .verify(session, new int[] { expected[0], expected[1] }, 2, -44.66, -50, 3)
                .tokens();
            assertArrayEquals(new int[] { expected[0], expected[1], expected[2] }, out);
            out = client.verify(session, new int[] { expected[3] }, 1, 0.0, 3).tokens();
            assertEquals(expected[3], out[0]);
            client.close(session);
        }
    }

    /**
     * A short loopback run of three clients (at most 6 draft tokens, 1 s TPOT SLO, 24 output
     * tokens, 0.2 s think time, batches of up to 8 after 2 ms), its summary printed.
     */
    private static LoopbackExperiment.Report runLoopback(
        FleetPolicy policy,
        int fixedK,
        double seconds,
        long seed
    ) throws Exception {
        var settings = new LoopbackExperiment.Settings(
            policy,
            3,
            fixedK,
            6,
            1.0,
            seconds,
            24,
            0.2,
            8,
            0.002,
            seed
        );
        var report = LoopbackExperiment.run(FAMILY.target(), drafter(), FAMILY.prompts(), settings);
        System.out.println(report.summary());
        return report;
    }

    @Test
    void aShortLoopbackRunAgreesWithTheSimulatorRoughly() throws Exception {
        var report = runLoopback(FleetPolicy.SLED, 3, 6, 1);
        assertTrue(report.measured().requests() >= 3, report.summary());
        assertTrue(report.simulated().requestsCompleted() >= 3, report.summary());
        // A loose bound for a loaded CI machine; docs/benchmarks.md records the 15 % runs.
        assertTrue(report.goodputRelativeError() < 0.5, report.summary());
        assertTrue(report.tpotRelativeError() < 0.5, report.summary());
        assertTrue(Arrays.stream(new double[] { report.serverFit().rSquared() }).allMatch(Double::isFinite));
    }

    @Test
    void wispClientsDraftWithTheControllerAndTheFittedServerProfileLoadsBack(
        @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir
    ) throws Exception {
        var report = runLoopback(FleetPolicy.WISP, 4, 5, 2);
        // WISP's budget is SLED's K (4): it never drafts more per round
        assertTrue(report.measured().meanDraftedPerRound() <= 4.0, report.summary());
        var stops = report.measured().stops();
        assertEquals(report.measured().rounds(), stops.rounds(), report.summary());
        assertTrue(stops.predictedStops() + stops.roundsWithRejection() > 0, report.summary());
        // the verification service's fit, written as a server profile, is what a fleet scenario reads back
        java.nio.file.Path file = dir.resolve("loopback-fitted.json");
        var written = report.fittedServerProfile(
            "loopback-fitted",
            "target",
            java.time.LocalDate.of(2026, 12, 2)
        );
        io.configspec.model.io.ProfileCodec.write(
            file,
            new io.configspec.model.io.ProfileDocument.ServerDocument(written)
        );
        var read =
            (io.configspec.model.io.ProfileDocument.ServerDocument) io.configspec.model.io.ProfileCodec.read(
                file
            );
        var latency = read.server().served("target").orElseThrow().verification();
        var estimator = io.configspec.model.fleet.VerificationTimeEstimator.of(latency);
        assertEquals(
            // the profile stores the fit with noise-negative coefficients clamped to the schema's ranges,
            // so the round trip is checked against what was written, not the raw least-squares fit
            io.configspec.model.fleet.VerificationTimeEstimator.of(
                written.served("target").orElseThrow().verification()
            ).predictSeconds(20, 100, 3000, 4),
            estimator.predictSeconds(20, 100, 3000, 4),
            1e-6
        );
        assertEquals(
            report.serverMeasurements().size(),
            ((io.configspec.model.domain.VerificationLatency.Linear) latency).measurements().size()
        );
    }
}
