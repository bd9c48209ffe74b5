package io.configspec.engine.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JetsonIna3221PowerSourceTest {

    private static final double TOLERANCE = 1e-9;

    @TempDir
    Path temp;

    private SensorSuite orinNano() {
        Path root = BoardFixtures.copy(BoardFixtures.JETSON_ORIN_NANO, temp);
        return BoardFixtures.detect(root);
    }

    @Test
    void detectsTheIna3221AsTheBoardInputSourceAndNothingTwice() {
        SensorSuite suite = orinNano();

        assertEquals(List.of("jetson-ina3221"), suite.powerSources().stream().map(PowerSource::id).toList());
        assertEquals(PowerCoverage.BOARD_INPUT, suite.powerSources().getFirst().coverage());
        assertTrue(suite.notes().isEmpty(), suite.notes().toString());
    }

    @Test
    void boardPowerIsVddInVoltageTimesCurrent() throws Exception {
        PowerReading reading = orinNano().powerSources().getFirst().read();

        assertEquals(5.080 * 1.080, reading.watts(), TOLERANCE);
    }

    @Test
    void railsAreTheThreeLabelledChannelsNotTheShuntOrSumChannels() throws Exception {
        PowerReading reading = orinNano().powerSources().getFirst().read();

        assertEquals(
            List.of("VDD_IN", "VDD_CPU_GPU_CV", "VDD_SOC"),
            reading.rails().stream().map(RailPower::name).toList()
        );
        assertEquals(5.080 * 0.224, reading.rails().get(1).watts(), TOLERANCE);
        assertEquals(5.080 * 0.616, reading.rails().get(2).watts(), TOLERANCE);
        assertEquals(5.080, reading.rails().get(2).volts(), TOLERANCE);
        assertEquals(0.616, reading.rails().get(2).amps(), TOLERANCE);
    }

    @Test
    void descriptionSaysThereIsNoGpuOnlyRail() {
        assertTrue(orinNano().powerSources().getFirst().description().contains("no GPU-only rail"));
    }

    @Test
    void sampleCarriesBoardPowerTemperaturesAndFrequencies() {
        SensorSnapshot snapshot = orinNano().sample();

        assertEquals("jetson-ina3221", snapshot.powerSourceId());
        assertEquals(5.080 * 1.080, snapshot.powerWatts(), TOLERANCE);
        assertEquals(9, snapshot.temperatures().size());
        assertEquals(48.531, snapshot.maxTemperatureCelsius(), TOLERANCE);
        assertEquals((4 * 1510.4 + 2 * 729.6) / 6, snapshot.meanCpuFrequencyMhz(), TOLERANCE);
        assertEquals((7802028L - 6403216L) * 1024, snapshot.memoryUsedBytes());
    }

    @Test
    void boardInfoNamesTheModuleAndItsCores() {
        BoardInfo info = orinNano().boardInfo();

        assertEquals("NVIDIA Jetson Orin Nano Developer Kit", info.boardName());
        assertEquals("Cortex-A78AE", info.cpuModel());
        assertEquals(6, info.cpuCores());
        assertEquals(7802028L * 1024, info.memoryTotalBytes());
    }
}
