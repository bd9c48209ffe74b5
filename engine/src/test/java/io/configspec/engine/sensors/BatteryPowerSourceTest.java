package io.configspec.engine.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatteryPowerSourceTest {

    @TempDir
    Path temp;

    private SensorSuite laptop(Path root) {
        return BoardFixtures.detect(root);
    }

    @Test
    void findsBothBatteriesAndIgnoresTheUsbSupply() {
        SensorSuite suite = laptop(BoardFixtures.copy(BoardFixtures.LAPTOP_BATTERY, temp));

        assertEquals(
            List.of("battery:BAT0", "battery:BAT1"),
            suite.powerSources().stream().map(PowerSource::id).toList()
        );
        assertEquals("LENOVO 20L5000UGE", suite.boardInfo().boardName());
    }

    @Test
    void powerNowIsInMicrowatts() throws IOException {
        SensorSuite suite = laptop(BoardFixtures.copy(BoardFixtures.LAPTOP_BATTERY, temp));

        assertEquals(7.854, suite.powerSources().get(0).read().watts(), 1e-9);
        assertEquals(7.854, suite.sample().powerWatts(), 1e-9);
    }

    @Test
    void withoutPowerNowPowerIsCurrentTimesVoltage() throws IOException {
        SensorSuite suite = laptop(BoardFixtures.copy(BoardFixtures.LAPTOP_BATTERY, temp));

        assertEquals(0.512 * 11.870, suite.powerSources().get(1).read().watts(), 1e-9);
    }

    @Test
    void aChargingBatteryIsNotAPowerReading() {
        Path root = BoardFixtures.copy(BoardFixtures.LAPTOP_BATTERY, temp);
        BoardFixtures.write(root.resolve("sys/class/power_supply/BAT0/status"), "Charging");
        BoardFixtures.write(root.resolve("sys/class/power_supply/BAT1/status"), "Full");
        SensorSuite suite = laptop(root);

        IOException e = assertThrows(IOException.class, () -> suite.powerSources().get(0).read());
        assertTrue(e.getMessage().contains("Charging"), e.getMessage());
        assertTrue(Double.isNaN(suite.sample().powerWatts()), "no invented watts on mains");
    }
}
