package io.configspec.model.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.domain.VerificationMeasurement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VerificationTimeEstimatorTest {

    private static final VerificationTimeEstimator TRUE = new VerificationTimeEstimator(
        0.020,
        0.00015,
        5e-7,
        0.0004
    );

    private static List<VerificationMeasurement> sweep(double noiseSeconds, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<VerificationMeasurement> out = new ArrayList<>();
        for (int batch = 1; batch <= 32; batch *= 2) {
            for (int k = 1; k <= 8; k++) {
                long context = (long) batch * (200 + random.nextInt(2000));
                int verified = batch * (k + 1);
                double latency =
                    TRUE.predictSeconds(verified, context, batch) + noiseSeconds * random.nextGaussian();
                out.add(new VerificationMeasurement(batch, verified, context, Math.max(1e-6, latency)));
            }
        }
        return out;
    }

    @Test
    void predictionIsLinearInTheBatchComposition() {
        double t = TRUE.predictSeconds(40, 10_000, 8);
        assertEquals(0.020 + 40 * 0.00015 + 10_000 * 5e-7 + 8 * 0.0004, t, 1e-15);
    }

    @Test
    void emptyBatchCostsNothing() {
        assertEquals(0.0, TRUE.predictSeconds(0, 0, 0));
    }

    @Test
    void marginalCostIsTheDifferenceOfPredictions() {
        double before = TRUE.predictSeconds(20, 3000, 4);
        double after = TRUE.predictSeconds(25, 3500, 5);
        assertEquals(after - before, TRUE.marginalSeconds(5, 500), 1e-15);
    }

    @Test
    void fitRecoversExactCoefficientsFromNoiselessMeasurements() {
        VerificationTimeFit fit = VerificationTimeEstimator.fit(sweep(0, 1));
        assertEquals(TRUE.interceptSeconds(), fit.estimator().interceptSeconds(), 1e-9);
        assertEquals(TRUE.secondsPerVerifiedToken(), fit.estimator().secondsPerVerifiedToken(), 1e-10);
        assertEquals(TRUE.secondsPerContextToken(), fit.estimator().secondsPerContextToken(), 1e-12);
        assertEquals(TRUE.secondsPerRequest(), fit.estimator().secondsPerRequest(), 1e-10);
        assertEquals(1.0, fit.rSquared(), 1e-9);
        assertEquals(0.0, fit.rmseSeconds(), 1e-9);
        assertEquals(48, fit.sampleCount());
        assertTrue(fit.usesVerifiedTokens() && fit.usesContextTokens() && fit.usesBatchSize());
    }

    @Test
    void fitReportsNoiseAsRmseAndLowerRSquared() {
        VerificationTimeFit fit = VerificationTimeEstimator.fit(sweep(0.002, 7));
        assertEquals(0.002, fit.rmseSeconds(), 0.0008);
        assertTrue(fit.rSquared() < 1.0 && fit.rSquared() > 0.9, "R² " + fit.rSquared());
        assertEquals(TRUE.secondsPerVerifiedToken(), fit.estimator().secondsPerVerifiedToken(), 5e-5);
    }

    @Test
    void aPrefillMemberCostsItsPromptTokensAtThePrefillRate() {
        VerificationTimeEstimator e = new VerificationTimeEstimator(0.02, 0.0002, 1e-6, 0.001, 0.0001);
        double shortOnly = e.predictSeconds(12, 0, 3_000, 3);
        double withPrefill = e.predictSeconds(16, 800, 3_000, 4);
        assertEquals(e.marginalSeconds(4, 800, 0), withPrefill - shortOnly, 1e-15);
        assertEquals(0.0002 * 4 + 0.0001 * 800 + 0.001, withPrefill - shortOnly, 1e-15);
        // without a prefill coefficient a prompt token costs what a verified position costs
        assertEquals(
            0.0002,
            new VerificationTimeEstimator(0.02, 0.0002, 1e-6, 0.001).secondsPerPrefillToken()
        );
    }

    @Test
    void fitRecoversThePrefillCoefficientWhenSomeBatchesPrefill() {
        VerificationTimeEstimator truth = new VerificationTimeEstimator(
            0.020,
            0.00015,
            5e-7,
            0.0004,
            0.00008
        );
        SplittableRandom random = new SplittableRandom(3);
        List<VerificationMeasurement> ms = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int batch = 1 + random.nextInt(16);
            int verified = batch * (1 + random.nextInt(6)) + random.nextInt(batch);
            long context = (long) batch * (100 + random.nextInt(3000));
            long prefill = random.nextInt(3) == 0 ? 50 + random.nextInt(2000) : 0;
            double latency = truth.predictSeconds(verified, prefill, context, batch);
            ms.add(new VerificationMeasurement(batch, verified, context, latency, prefill));
        }
        VerificationTimeFit fit = VerificationTimeEstimator.fit(ms);
        assertTrue(fit.usesPrefillTokens());
        assertEquals(0.00008, fit.estimator().secondsPerPrefillToken(), 1e-10);
        assertEquals(0.00015, fit.estimator().secondsPerVerifiedToken(), 1e-10);
        var latency = fit.toServerLatency(ms);
        assertEquals(0.00008, latency.secondsPerPrefillToken().orElseThrow(), 1e-10);
        // measurements without any prefill cannot say what it costs: the fit leaves it out
        VerificationTimeFit without = VerificationTimeEstimator.fit(sweep(0, 1));
        assertFalse(without.usesPrefillTokens());
        assertTrue(without.toServerLatency(List.of()).secondsPerPrefillToken().isEmpty());
        assertEquals(
            without.estimator().secondsPerVerifiedToken(),
            without.estimator().secondsPerPrefillToken()
        );
    }

    @Test
    void fixedKSweepDropsTheCollinearBatchSizeRegressor() {
        // K = 3 always: verified = 4 × batch, so batch size cannot be told apart from verified tokens.
        List<VerificationMeasurement> ms = new ArrayList<>();
        for (int batch = 1; batch <= 16; batch++) {
            long context = batch * 500L + (batch % 3) * 77;
            ms.add(
                new VerificationMeasurement(
                    batch,
                    4 * batch,
                    context,
                    TRUE.predictSeconds(4 * batch, context, batch)
                )
            );
        }
        VerificationTimeFit fit = VerificationTimeEstimator.fit(ms);
        assertFalse(fit.usesBatchSize());
        assertEquals(1.0, fit.rSquared(), 1e-9);
        // still predicts the measured compositions exactly
        assertEquals(
            TRUE.predictSeconds(40, 5000 + 77, 10),
            fit.estimator().predictSeconds(40, 5077, 10),
            1e-9
        );
    }

    @Test
    void tooFewMeasurementsAreRejected() {
        List<VerificationMeasurement> ms = List.of(new VerificationMeasurement(1, 4, 100, 0.03));
        assertThrows(IllegalArgumentException.class, () -> VerificationTimeEstimator.fit(ms));
    }

    @Test
    void measurementValidationNamesTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
            new VerificationMeasurement(2, 4, 10, -1)
        );
        assertTrue(e.getMessage().contains("latencySeconds"));
    }

    @Test
    void aFitTravelsWithItsMeasurementsThroughTheServerProfileFile(
        @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir
    ) throws Exception {
        List<VerificationMeasurement> ms = new ArrayList<>(sweep(0.001, 9));
        for (int i = 0; i < 8; i++) {
            long prefill = 100 + 250L * i;
            ms.add(
                new VerificationMeasurement(
                    2,
                    6,
                    300,
                    TRUE.predictSeconds(6, prefill, 300, 2) + 0.0005 * (i % 3),
                    prefill
                )
            );
        }
        VerificationTimeFit fit = VerificationTimeEstimator.fit(ms);
        assertTrue(fit.usesPrefillTokens());
        var latency = fit.toServerLatency(ms);
        var server = new io.configspec.model.domain.ServerProfile(
            "fitted",
            "fitted server",
            "test GPU",
            List.of(
                new io.configspec.model.domain.ServedTarget(
                    "qwen2.5-7b",
                    latency,
                    java.util.OptionalDouble.of(0.2),
                    java.util.OptionalDouble.empty(),
                    0.025,
                    new io.configspec.model.domain.Provenance.Measured(
                        "configspec test",
                        java.time.LocalDate.of(2026, 11, 21),
                        ms.size()
                    ),
                    java.util.Map.of()
                )
            ),
            new io.configspec.model.domain.Provenance.Measured(
                "configspec test",
                java.time.LocalDate.of(2026, 11, 21),
                ms.size()
            ),
            java.util.Map.of()
        );
        java.nio.file.Path file = dir.resolve("server.json");
        io.configspec.model.io.ProfileCodec.write(
            file,
            new io.configspec.model.io.ProfileDocument.ServerDocument(server)
        );
        var read =
            (io.configspec.model.io.ProfileDocument.ServerDocument) io.configspec.model.io.ProfileCodec.read(
                file
            );
        var back = (io.configspec.model.domain.VerificationLatency.Linear) read
            .server()
            .targets()
            .getFirst()
            .verification();
        assertEquals(latency, back);
        assertEquals(ms, back.measurements());
        assertEquals(fit.rSquared(), back.rSquared().orElseThrow(), 1e-12);
        assertEquals(fit.rmseSeconds(), back.rmseSeconds().orElseThrow(), 1e-12);
        VerificationTimeEstimator again = VerificationTimeEstimator.of(back);
        assertEquals(fit.estimator().predictSeconds(40, 8000, 8), again.predictSeconds(40, 8000, 8), 1e-9);
        assertEquals(
            fit.estimator().predictSeconds(40, 900, 8000, 8),
            again.predictSeconds(40, 900, 8000, 8),
            1e-9
        );
    }
}
