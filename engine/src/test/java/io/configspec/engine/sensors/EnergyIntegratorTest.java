package io.configspec.engine.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EnergyIntegratorTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void aLinearRampIsIntegratedExactly() {
        // 0 W to 10 W over 10 s, sampled every second: 50 J.
        long[] t = new long[11];
        double[] p = new double[11];
        for (int i = 0; i <= 10; i++) {
            t[i] = i * SECOND;
            p[i] = i;
        }

        assertEquals(50.0, EnergyIntegrator.trapezoidJoules(t, p), 1e-12);
    }

    @Test
    void constantPowerWithIrregularSampling() {
        long[] t = { 0, 100_000_000L, 350_000_000L, 2 * SECOND, 2 * SECOND, 3_500_000_000L };
        double[] p = { 4.5, 4.5, 4.5, 4.5, 4.5, 4.5 };

        assertEquals(4.5 * 3.5, EnergyIntegrator.trapezoidJoules(t, p), 1e-12);
    }

    @Test
    void aKnownSinusoidalTraceMatchesItsAnalyticEnergyWithinTheTrapezoidError() {
        // P(t) = 5 + 2 sin(2π t / 4 s) over 8 s: exactly 40 J. Sampled at 100 Hz, the trapezoidal
        // error bound is (b − a) h² max|P''| / 12 = 8 × 1e-4 × 2(π/2)² / 12 ≈ 3.3e-4 J.
        int n = 801;
        long[] t = new long[n];
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 10_000_000L;
            p[i] = 5 + 2 * Math.sin((2 * Math.PI * (i * 0.01)) / 4.0);
        }

        assertEquals(40.0, EnergyIntegrator.trapezoidJoules(t, p), 3.3e-4);
    }

    @Test
    void incrementalIntegrationReportsDurationAndMeanPower() {
        EnergyIntegrator integrator = new EnergyIntegrator();
        integrator.add(0, 2.0);
        integrator.add(2 * SECOND, 6.0);

        assertEquals(8.0, integrator.joules(), 1e-12);
        assertEquals(2.0, integrator.seconds(), 1e-12);
        assertEquals(4.0, integrator.meanWatts(), 1e-12);
        assertEquals(2, integrator.samples());
    }

    @Test
    void fewerThanTwoSamplesAreZeroJoules() {
        assertEquals(0.0, EnergyIntegrator.trapezoidJoules(new long[] { 5 }, new double[] { 3.0 }));
        assertEquals(0.0, EnergyIntegrator.trapezoidJoules(new long[0], new double[0]));
        assertTrue(Double.isNaN(new EnergyIntegrator().meanWatts()));
    }

    @Test
    void nanPowerGivesNaNEnergy() {
        assertTrue(
            Double.isNaN(
                EnergyIntegrator.trapezoidJoules(new long[] { 0, SECOND }, new double[] { 1, Double.NaN })
            )
        );
    }

    @Test
    void timeGoingBackwardsIsRejected() {
        assertThrows(IllegalArgumentException.class, () ->
            EnergyIntegrator.trapezoidJoules(new long[] { SECOND, 0 }, new double[] { 1, 1 })
        );
    }

    @Test
    void traceLengthsMustMatch() {
        assertThrows(IllegalArgumentException.class, () ->
            EnergyIntegrator.trapezoidJoules(new long[] { 0, SECOND }, new double[] { 1 })
        );
    }
}
