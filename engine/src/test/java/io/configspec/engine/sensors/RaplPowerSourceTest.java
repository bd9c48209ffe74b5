package io.configspec.engine.sensors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaplPowerSourceTest {

    private static final long PACKAGE_RANGE = 262143328850L;

    @TempDir
    Path temp;

    @Test
    void counterDeltaWithoutWrap() {
        assertEquals(500, EnergyCounters.delta(1000, 1500, PACKAGE_RANGE));
    }

    @Test
    void counterDeltaAcrossOneWrap() {
        assertEquals(
            (PACKAGE_RANGE - 262140000000L) + 12000000L,
            EnergyCounters.delta(262140000000L, 12000000L, PACKAGE_RANGE)
        );
    }

    @Test
    void counterDeltaRejectsANonPositiveRange() {
        assertThrows(IllegalArgumentException.class, () -> EnergyCounters.delta(1, 2, 0));
    }

    private final BoardFixtures.FakeClock clock = new BoardFixtures.FakeClock();

    /** The RAPL source of the x86 desktop fixture (copied into temp), on the fake clock. */
    private RaplPowerSource x86Rapl(long primingMillis) {
        Path root = BoardFixtures.copy(BoardFixtures.X86_RAPL, temp);
        var options = new SensorOptions(RaspberryPiPmicPowerSource.Calibration.NONE, primingMillis, clock);
        return (RaplPowerSource) BoardFixtures.detect(root, options).powerSources().getFirst();
    }

    @Test
    void powerFromCounterDeltasIncludingAPackageWrapAround() throws Exception {
        RaplPowerSource rapl = x86Rapl(1000);
        Path powercap = temp.resolve(BoardFixtures.X86_RAPL).resolve("sys/class/powercap");
        // During the 1 s priming wait: package-0 wraps, core +9 J, uncore +0.5 J, dram +4 J.
        clock.onSleep = () -> {
            BoardFixtures.write(powercap.resolve("intel-rapl:0/energy_uj"), "12000000");
            BoardFixtures.write(powercap.resolve("intel-rapl:0:0/energy_uj"), "101209000000");
            BoardFixtures.write(powercap.resolve("intel-rapl:0:1/energy_uj"), "1500500000");
            BoardFixtures.write(powercap.resolve("intel-rapl:0:2/energy_uj"), "30104000000");
        };

        PowerReading reading = rapl.read();

        double packageWatts = ((PACKAGE_RANGE - 262140000000L) + 12000000L) / 1e6;
        assertEquals(List.of("package-0", "core", "uncore", "dram"), rapl.zoneNames());
        assertEquals(packageWatts, reading.rails().get(0).watts(), 1e-9);
        assertEquals(9.0, reading.rails().get(1).watts(), 1e-9);
        assertEquals(0.5, reading.rails().get(2).watts(), 1e-9);
        assertEquals(4.0, reading.rails().get(3).watts(), 1e-9);
        assertEquals(packageWatts + 4.0, reading.watts(), 1e-9, "package + DRAM");
        assertArrayEquals(new double[] { packageWatts, 9.0, 0.5, 4.0 }, rapl.cumulativeJoules(), 1e-9);
    }

    @Test
    void laterReadsUseTheIntervalSinceThePreviousRead() throws Exception {
        RaplPowerSource rapl = x86Rapl(100);
        Path energy = temp
            .resolve(BoardFixtures.X86_RAPL)
            .resolve("sys/class/powercap/intel-rapl:0/energy_uj");
        rapl.read();
        BoardFixtures.write(energy, "7000000"); // wrapped: from 262140000000 via the range to 7 J
        clock.nanos += 2_000_000_000L;

        PowerReading reading = rapl.read();

        double joules = ((PACKAGE_RANGE - 262140000000L) + 7000000L) / 1e6;
        assertEquals(joules / 2.0, reading.rails().getFirst().watts(), 1e-9);
    }

    @Test
    void detectionFindsRaplAndTheCpuOnAnX86Desktop() {
        Path root = BoardFixtures.copy(BoardFixtures.X86_RAPL, temp);

        SensorSuite suite = BoardFixtures.detect(root);

        assertEquals(List.of("rapl"), suite.powerSources().stream().map(PowerSource::id).toList());
        assertEquals(PowerCoverage.CPU_PACKAGE, suite.powerSources().getFirst().coverage());
        assertEquals("Dell Inc. OptiPlex 7090", suite.boardInfo().boardName());
        assertEquals("Intel(R) Core(TM) i7-10700 CPU @ 2.90GHz", suite.boardInfo().cpuModel());
    }
}
