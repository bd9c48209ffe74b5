package io.configspec.model.fleet;

import io.configspec.model.BenchmarkDefaults;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * DESIGN §9: the fleet simulator runs ≥ 1 million simulated verification rounds per second. One
 * operation = one simulation of the sample fleet (samples/scenarios/fleet.json, 120 simulated
 * seconds plus drain); the {@code rounds} counter reports verification rounds per second (one
 * round = one device's drafts verified: draft, upload, batch, verify, download).
 * {@code devices = 76} is WISP's capacity on the sample (server ~99 % busy),
 * {@code devices = 1000} a heavily overloaded server with long queues.
 */
public class FleetSimulatorBenchmark extends BenchmarkDefaults {

    @Param({ "sled", "wisp", "centralized" })
    public String policy;

    @Param({ "76", "1000" })
    public int devices;

    private FleetScenario scenario;
    private FleetPolicy fleetPolicy;

    /** Verification rounds simulated, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Rounds {

        public long rounds;

        @Setup(Level.Iteration)
        public void reset() {
            rounds = 0;
        }
    }

    @Setup
    public void load() {
        scenario = FleetBenchmarkScenario.load();
        fleetPolicy = FleetPolicy.fromCliName(policy);
    }

    @Benchmark
    public FleetResult simulate(Rounds counter) {
        FleetResult result = FleetSimulator.run(scenario, fleetPolicy, devices, 120, 1);
        counter.rounds += result.verificationRounds();
        return result;
    }
}
