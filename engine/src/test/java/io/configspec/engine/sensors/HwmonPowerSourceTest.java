package io.configspec.engine.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HwmonPowerSourceTest {

    @TempDir
    Path root;

    private SensorSuite detect() {
        return BoardFixtures.detect(root);
    }

    /** Creates {@code sys/class/hwmon/<device>} under the root, with its driver {@code name}. */
    private Path hwmonDevice(String device, String name) {
        Path dir = root.resolve("sys/class/hwmon/" + device);
        BoardFixtures.write(dir.resolve("name"), name);
        return dir;
    }

    @Test
    void powerInputIsInMicrowatts() throws Exception {
        Path gpu = hwmonDevice("hwmon3", "amdgpu");
        BoardFixtures.write(gpu.resolve("power1_average"), "23125000");
        BoardFixtures.write(gpu.resolve("power1_label"), "PPT");

        PowerSource source = detect().powerSources().getFirst();

        assertEquals("hwmon:amdgpu", source.id());
        assertEquals(PowerCoverage.COMPONENT, source.coverage());
        assertEquals(23.125, source.read().watts(), 1e-9);
        assertEquals("PPT", source.read().rails().getFirst().name());
    }

    @Test
    void voltageTimesCurrentWhenThereIsNoPowerFile() throws Exception {
        Path ina = hwmonDevice("hwmon0", "ina226");
        BoardFixtures.write(ina.resolve("in1_input"), "12040"); // mV
        BoardFixtures.write(ina.resolve("curr1_input"), "850"); // mA

        PowerReading reading = detect().powerSources().getFirst().read();

        assertEquals(12.040 * 0.850, reading.watts(), 1e-9);
    }

    @Test
    void shuntAndSumChannelsAreNotPaired() throws Exception {
        Path ina = hwmonDevice("hwmon0", "ina3221");
        BoardFixtures.write(ina.resolve("in1_label"), "VDD_5V");
        BoardFixtures.write(ina.resolve("in1_input"), "5000");
        BoardFixtures.write(ina.resolve("curr1_input"), "100");
        BoardFixtures.write(ina.resolve("in4_label"), "shunt1");
        BoardFixtures.write(ina.resolve("in4_input"), "4");
        BoardFixtures.write(ina.resolve("curr4_label"), "sum of currents");
        BoardFixtures.write(ina.resolve("curr4_input"), "100");

        PowerReading reading = detect().powerSources().getFirst().read();

        assertEquals(List.of("VDD_5V"), reading.rails().stream().map(RailPower::name).toList());
        assertEquals(0.5, reading.watts(), 1e-9);
    }

    @Test
    void hwmonDevicesWithoutPowerSensorsAreNotSources() {
        Path pi = BoardFixtures.copy(BoardFixtures.RASPBERRY_PI_5, root);
        SensorSuite suite = SensorSuite.detect(
            new SysfsReader(pi),
            command -> BoardFixtures.recordedVcgencmd(),
            SensorOptions.defaults()
        );

        assertTrue(
            suite
                .powerSources()
                .stream()
                .noneMatch(s -> s.id().startsWith("hwmon:"))
        );
    }
}
