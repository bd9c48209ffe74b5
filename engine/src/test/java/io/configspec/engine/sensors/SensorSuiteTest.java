package io.configspec.engine.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensorSuiteTest {

    @TempDir
    Path temp;

    @Test
    void aMachineWithoutPowerSensorsSaysSoAndReportsNaNWatts() {
        Path root = BoardFixtures.copy(BoardFixtures.NO_POWER_VM, temp);

        SensorSuite suite = BoardFixtures.detect(root);
        SensorSnapshot snapshot = suite.sample();

        assertFalse(suite.hasPower());
        BoardFixtures.assertNoteContains(suite, "no power sensor");
        assertTrue(Double.isNaN(snapshot.powerWatts()));
        assertNull(snapshot.powerSourceId());
        assertFalse(snapshot.hasPower());
        assertEquals(2, suite.boardInfo().cpuCores());
    }

    @Test
    void anEmptyRootHasNothingAndDoesNotFail() {
        SensorSuite suite = BoardFixtures.detect(temp);
        SensorSnapshot snapshot = suite.sample();

        assertEquals("unknown board", suite.boardInfo().boardName());
        assertTrue(snapshot.temperatures().isEmpty());
        assertTrue(Double.isNaN(snapshot.maxTemperatureCelsius()));
        assertTrue(Double.isNaN(snapshot.meanCpuFrequencyMhz()));
        assertEquals(-1, snapshot.memoryUsedBytes());
    }

    @Test
    void namesWithNumbersSortNumerically() {
        assertTrue(SysfsReader.naturalOrder("hwmon2", "hwmon10") < 0);
        assertTrue(SysfsReader.naturalOrder("cpu10", "cpu9") > 0);
        assertTrue(SysfsReader.naturalOrder("a", "b") < 0);
    }
}
