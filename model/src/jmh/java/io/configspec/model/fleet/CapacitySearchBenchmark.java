package io.configspec.model.fleet;

import io.configspec.model.BenchmarkDefaults;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.Warmup;

/**
 * DESIGN §9 / issue 6: a capacity search for up to 1,000 devices finishes in ≤ 10 s. One
 * operation = one whole search (doubling to 1,000, then bisection; 120 simulated seconds per
 * run) on the sample fleet, timed cold-ish: single shot after one warm-up search.
 */
@BenchmarkMode(Mode.SingleShotTime)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class CapacitySearchBenchmark extends BenchmarkDefaults {

    @Param({ "sled", "wisp", "centralized" })
    public String policy;

    private FleetScenario scenario;
    private FleetPolicy fleetPolicy;

    @Setup
    public void load() {
        scenario = FleetBenchmarkScenario.load();
        fleetPolicy = FleetPolicy.fromCliName(policy);
    }

    @Benchmark
    public CapacityResult searchUpTo1000Devices() {
        return CapacitySearch.find(scenario, fleetPolicy, 1000, 120, 1);
    }
}
