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
            board("slow", 8, 0.01, c, 3),
            board("mid", 15, 0.01, c, 4),
            board("fast", 35, 0.005, c, 6)
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
            0.0,
            FleetScenario.DEFAULT_REJECT_BELOW
        );
    }

    /** One board of the mixed fleet: weight 1, calibrated acceptance, the workload's prompts and SLO. */
    private static FleetDeviceType board(
        String name,
        double tokensPerSecond,
        double overheadSeconds,
        AcceptanceCalibration c,
        int k
    ) {
        return new FleetDeviceType(
            name,
            name + " board",
            1,
            tokensPerSecond,
            overheadSeconds,
            c.meanAcceptance(),
            null,
            c,
            k,
            null,
            Double.NaN
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
            0.0,
            FleetScenario.DEFAULT_REJECT_BELOW
        );
    }

    /** Estimator of the interference scenario: a cached context token costs 5 µs per batch. */
    static final VerificationTimeEstimator INTERFERENCE_SERVER = new VerificationTimeEstimator(
        0.015,
        0.0002,
        5e-6,
        0.001,
        2e-5
    );

    /**
     * Fast boards answering short chats (prompt 200 tokens) and, when {@code withLong}, one more
     * device of the same kind whose every request carries a long document (prompt 8,000 tokens):
     * its KV cache adds 40 ms to every batch it joins. Document analysis is not interactive: its
     * SLO is four times the chats'.
     *
     * @param shortDevices how many short-context devices
     */
    static FleetScenario interference(double sloTpotSeconds, boolean withLong, int shortDevices) {
        AcceptanceCalibration c = calibration();
        FleetDeviceType chat = new FleetDeviceType(
            "chat",
            "chat board",
            shortDevices,
            100,
            0.002,
            c.meanAcceptance(),
            null,
            c,
            3,
            null,
            Double.NaN
        );
        FleetDeviceType documents = new FleetDeviceType(
            "documents",
            "document board",
            1,
            100,
            0.002,
            c.meanAcceptance(),
            null,
            c,
            3,
            TokenLengthDistribution.fixed(8_000),
            4 * sloTpotSeconds
        );
        List<FleetDeviceType> mix = withLong ? List.of(chat, documents) : List.of(chat);
        return new FleetScenario(
            "test-interference",
            mix,
            new FleetNetwork(0.01, 2.5e6, 6.25e6, 8, 64),
            new FleetServer(INTERFERENCE_SERVER, 64, 0.0),
            new FleetWorkload(TokenLengthDistribution.fixed(200), TokenLengthDistribution.fixed(128), 1.0),
            sloTpotSeconds,
            0.005,
            3,
            0.0,
            0.0,
            FleetScenario.DEFAULT_REJECT_BELOW
        );
    }
}
