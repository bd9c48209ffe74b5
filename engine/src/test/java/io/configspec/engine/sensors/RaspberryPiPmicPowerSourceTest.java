package io.configspec.engine.sensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RaspberryPiPmicPowerSourceTest {

    /** Σ V × A over the 12 rails of the recorded output (computed independently). */
    private static final double RECORDED_RAIL_SUM_WATTS = 1.64311898057191;

    @TempDir
    Path temp;

    @Test
    void parsesEveryRailWithBothCurrentAndVoltage() {
        List<RailPower> rails = RaspberryPiPmicPowerSource.parse(BoardFixtures.recordedVcgencmd());

        assertEquals(12, rails.size());
        assertEquals("3V7_WL_SW", rails.getFirst().name());
        RailPower core = rails
            .stream()
            .filter(r -> r.name().equals("VDD_CORE"))
            .findFirst()
            .orElseThrow();
        assertEquals(0.88254300, core.volts(), 1e-12);
        assertEquals(0.62450000, core.amps(), 1e-12);
        assertEquals(0.88254300 * 0.62450000, core.watts(), 1e-12);
    }

    @Test
    void voltageOnlyLinesAreNotRails() {
        List<RailPower> rails = RaspberryPiPmicPowerSource.parse(BoardFixtures.recordedVcgencmd());

        assertFalse(rails.stream().anyMatch(r -> r.name().equals("EXT5V") || r.name().equals("BATT")));
    }

    @Test
    void boardPowerIsTheRailSumWithoutCalibration() throws IOException {
        var source = new RaspberryPiPmicPowerSource(
            c -> BoardFixtures.recordedVcgencmd(),
            RaspberryPiPmicPowerSource.Calibration.NONE
        );

        assertEquals(RECORDED_RAIL_SUM_WATTS, source.read().watts(), 1e-9);
    }

    @Test
    void calibrationScalesAndOffsetsTheRailSum() throws IOException {
        var source = new RaspberryPiPmicPowerSource(
            c -> BoardFixtures.recordedVcgencmd(),
            new RaspberryPiPmicPowerSource.Calibration(1.2, 0.5)
        );

        assertEquals(1.2 * RECORDED_RAIL_SUM_WATTS + 0.5, source.read().watts(), 1e-9);
    }

    @Test
    void garbageOutputIsAnIoErrorNotZeroWatts() {
        var source = new RaspberryPiPmicPowerSource(
            c -> "VCHI initialization failed\n",
            RaspberryPiPmicPowerSource.Calibration.NONE
        );

        assertThrows(IOException.class, source::read);
    }

    @Test
    void detectionRunsVcgencmdOnAPi5AndRanksThePmicFirst() {
        Path root = BoardFixtures.copy(BoardFixtures.RASPBERRY_PI_5, temp);
        List<List<String>> ran = new ArrayList<>();
        CommandRunner runner = command -> {
            ran.add(command);
            return BoardFixtures.recordedVcgencmd();
        };

        SensorSuite suite = SensorSuite.detect(new SysfsReader(root), runner, SensorOptions.defaults());

        assertEquals(List.of("rpi5-pmic"), suite.powerSources().stream().map(PowerSource::id).toList());
        assertEquals(RaspberryPiPmicPowerSource.COMMAND, ran.getFirst());
        assertEquals(RECORDED_RAIL_SUM_WATTS, suite.sample().powerWatts(), 1e-9);
        assertEquals("Raspberry Pi 5 Model B Rev 1.0", suite.boardInfo().boardName());
        assertEquals("Cortex-A76", suite.boardInfo().cpuModel());
        assertEquals(4, suite.boardInfo().cpuCores());
    }

    @Test
    void aPi5WhoseVcgencmdFailsHasNoPowerSourceAndANote() {
        Path root = BoardFixtures.copy(BoardFixtures.RASPBERRY_PI_5, temp);
        CommandRunner failing = command -> {
            throw new IOException("vcgencmd: not found");
        };

        SensorSuite suite = SensorSuite.detect(new SysfsReader(root), failing, SensorOptions.defaults());

        assertFalse(suite.hasPower());
        BoardFixtures.assertNoteContains(suite, "vcgencmd");
        assertTrue(Double.isNaN(suite.sample().powerWatts()));
    }

    @Test
    void vcgencmdIsNotRunOnOtherBoards() {
        Path root = BoardFixtures.copy(BoardFixtures.JETSON_ORIN_NANO, temp);

        BoardFixtures.detect(root);
    }
}
