package io.configspec.model.fleet;

import java.util.List;

/** Small scenarios for the fleet tests (illustrative numbers, not profiles). */
final class FleetTestScenarios {

    private FleetTestScenarios() {}

    static AcceptanceCalibration calibration() {
        return new AcceptanceCalibration(
            new double[] { 0.2, 0.4, 0.6, 0.8, 1.0 },
            new double[] { 0.15, 0.35, 0.6, 0.8, 0.95 },
            new double[] { 0.12, 0.13, 0.15, 0.2, 0.4 }
        );
    }

    /** Raspberry-Pi-like and Jetson-like devices sharing an A100-like verifier. */
    static FleetScenario mixed(double sloTpotSeconds) {
        AcceptanceCalibration c = calibration();
        List<FleetDeviceType> mix = List.of(
            new FleetDeviceType("slow", "slow board", 1, 8, 0.01, c.meanAcceptance(), null, c, 3),
            new FleetDeviceType("mid", "mid board", 1, 15, 0.01, c.meanAcceptance(), null, c, 4),
            new FleetDeviceType("fast", "fast board", 1, 35, 0.005, c.meanAcceptance(), null, c, 6)
        );
        return new FleetScenario(
            "test-mixed",
            mix,
            new FleetNetwork(0.02, 2.5e6, 6.25e6, 8, 64),
            new FleetServer(new VerificationTimeEstimator(0.020, 0.00015, 5e-7, 0.0004), 64, 0.05),
            new FleetWorkload(
                new TokenLengthDistribution(400, 200, 16, 2000),
                new TokenLengthDistribution(128, 64, 8, 512),
                5
            ),
            sloTpotSeconds,
            0.01,
            10,
            0.3,
            0.0
        );
    }

    /** One kind of device, constant verification time, no noise, no think time: the analytical case. */
    static FleetScenario uncontended(
        FleetDeviceType device,
        double verifySeconds,
        FleetNetwork network,
        int outputTokens
    ) {
        return new FleetScenario(
            "test-uncontended",
            List.of(device),
            network,
            new FleetServer(VerificationTimeEstimator.constant(verifySeconds), 8, 0.0),
            new FleetWorkload(
                TokenLengthDistribution.fixed(100),
                TokenLengthDistribution.fixed(outputTokens),
                0
            ),
            10.0,
            0.0,
            12,
            0.3,
            0.0
        );
    }
}
