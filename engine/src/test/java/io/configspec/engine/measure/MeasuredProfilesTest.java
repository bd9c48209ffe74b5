package io.configspec.engine.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.engine.sensors.BoardInfo;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.ProfileLibrary;
import io.configspec.model.domain.Provenance;
import io.configspec.model.io.ProfileLoader;
import io.configspec.model.measurement.DraftingFit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasuredProfilesTest {

    @TempDir
    Path temp;

    private static ProfilingResult twinResult(double draftingWatts, double idleWatts) {
        SampleStatistics round = new SampleStatistics(3, 0.1, 0.01, 0.02);
        SampleStatistics rate = new SampleStatistics(3, 20, 1, 2);
        return new ProfilingResult(
            BoardProfiler.TOOL,
            LocalDate.of(2026, 11, 21),
            new BoardInfo("Raspberry Pi 5 Model B Rev 1.0", "Cortex-A76", 4, 8L << 30, "aarch64"),
            Double.isNaN(draftingWatts) ? null : "rpi5-pmic",
            "qwen2.5-0.5b",
            "int8",
            "qwen2.5",
            new ModelProvider.ModelInfo("qwen2.5-0.5b", "qwen2.5", "int8", 630_000_000, 1_043_000_000),
            null,
            idleWatts,
            10,
            draftingWatts,
            draftingWatts / 20,
            30,
            List.of(new DraftingCell(32, 2, round, rate, 30)),
            new DraftingFit(20, 0.001, 0),
            List.of(),
            null
        );
    }

    /** Writes the profiles of one int8 twin's measurement (6.1 W drafting, 2.9 W idle) on {@code board}. */
    private static List<Path> writeTwin(Path out, ProfileLibrary library, String board) throws Exception {
        return MeasuredProfiles.write(
            out,
            List.of(twinResult(6.1, 2.9)),
            library,
            MeasuredProfiles.Options.forBoard(board)
        );
    }

    private static Path samples() {
        Path here = Path.of("").toAbsolutePath();
        Path candidate = here.resolve("../samples/profiles").normalize();
        return Files.isDirectory(candidate) ? candidate : here.resolve("samples/profiles");
    }

    @Test
    void aTwinOfAKnownDrafterIsRecordedUnderTheLibrarysNearestQuantizationAndSaysSo() throws Exception {
        ProfileLibrary library = ProfileLoader.load(List.of(samples())).library();
        Path out = temp.resolve("measured");

        List<Path> files = writeTwin(out, library, "Raspberry Pi 5 Model B Rev 1.0");

        assertEquals(
            List.of(out.resolve("device.json")),
            files,
            "the drafter is known: only a device profile"
        );
        ProfileLibrary joined = ProfileLoader.load(List.of(samples(), out)).library();
        DeviceProfile device = joined.device("raspberry-pi-5-model-b-rev-1.0-measured").orElseThrow();
        DraftingMeasurement m = device.drafting("qwen2.5-0.5b", "q8_0").orElseThrow();
        assertEquals(20, m.tokensPerSecond(), 1e-12);
        assertEquals(6.1, m.powerWatts().orElseThrow(), 1e-12);
        assertTrue(((Provenance.Measured) m.provenance()).tool().contains("int8 twin standing in for q8_0"));
        assertTrue(
            joined.device("raspberry-pi-5").isPresent(),
            "beside the illustrative profile it replaces"
        );
    }

    @Test
    void withoutALibraryTheTwinKeepsItsOwnPrecisionAndGetsAModelsProfile() throws Exception {
        Path out = temp.resolve("measured");

        List<Path> files = writeTwin(out, null, "Pi");

        assertEquals(
            List.of(out.resolve("models.json"), out.resolve("device.json")),
            files,
            "models first: import order"
        );
        ProfileLibrary loaded = ProfileLoader.load(List.of(out)).library();
        assertTrue(loaded.device("pi-measured").orElseThrow().drafting("qwen2.5-0.5b", "int8").isPresent());
    }

    @Test
    void noPowerSensorMeansAProfileWithoutPowerNeverAnInventedWatt() throws Exception {
        DeviceProfile d = MeasuredProfiles.device(
            List.of(twinResult(Double.NaN, Double.NaN)),
            MeasuredProfiles.Options.forBoard("Pi")
        );

        assertTrue(d.idlePowerWatts().isEmpty());
        DraftingMeasurement m = d.drafting().getFirst();
        assertTrue(m.powerWatts().isEmpty(), "no watt is invented");
        assertTrue(m.fieldProvenance().isEmpty(), "nothing marks a figure that is not there");
        assertTrue(m.provenance() instanceof Provenance.Measured, "the speed is measured");

        // The written files load as a library.
        Path out = temp.resolve("no-power");
        MeasuredProfiles.write(
            out,
            List.of(twinResult(Double.NaN, Double.NaN)),
            null,
            MeasuredProfiles.Options.forBoard("Pi")
        );
        ProfileLibrary loaded = ProfileLoader.load(List.of(out)).library();
        assertTrue(loaded.device("pi-measured").orElseThrow().drafting().getFirst().powerWatts().isEmpty());
    }

    @Test
    void powerReadFromAMeterIsRecordedAsMeasuredByTheUser() {
        DeviceProfile d = MeasuredProfiles.device(
            List.of(twinResult(Double.NaN, Double.NaN)),
            MeasuredProfiles.Options.forBoard("Pi").withUserPower(
                MeasuredProfiles.UserPower.metered(
                    6.5,
                    2.5,
                    "USB meter UM25C",
                    java.time.LocalDate.of(2026, 12, 3)
                )
            )
        );

        DraftingMeasurement m = d.drafting().getFirst();
        assertEquals(6.5, m.powerWatts().orElseThrow());
        Provenance.Measured power = (Provenance.Measured) m.fieldProvenance().get("powerWatts");
        assertEquals("entered by the user", power.tool());
        assertTrue(power.note().contains("USB meter UM25C"));
        assertEquals(2.5, d.idlePowerWatts().orElseThrow());
        assertTrue(d.fieldProvenance().get("idlePowerWatts") instanceof Provenance.Measured);
    }

    @Test
    void aSensorsReadingWinsOverPowerTheUserGave() {
        DeviceProfile d = MeasuredProfiles.device(
            List.of(twinResult(4.0, 3.0)),
            MeasuredProfiles.Options.forBoard("Pi").withUserPower(
                MeasuredProfiles.UserPower.estimated(9, 9, "")
            )
        );

        assertEquals(
            twinResult(4.0, 3.0).draftingWatts(),
            d.drafting().getFirst().powerWatts().orElseThrow()
        );
        assertTrue(d.drafting().getFirst().fieldProvenance().isEmpty());
    }

    @Test
    void assumedPowerIsMarkedIllustrativeFieldByField() {
        DeviceProfile d = MeasuredProfiles.device(
            List.of(twinResult(Double.NaN, Double.NaN)),
            MeasuredProfiles.Options.forBoard("Pi").withUserPower(
                MeasuredProfiles.UserPower.estimated(5.0, 3.0, "data sheet")
            )
        );

        assertEquals(3.0, d.idlePowerWatts().orElseThrow());
        assertTrue(d.fieldProvenance().get("idlePowerWatts") instanceof Provenance.Illustrative);
        DraftingMeasurement m = d.drafting().getFirst();
        assertEquals(5.0, m.powerWatts().orElseThrow());
        assertTrue(m.fieldProvenance().get("powerWatts") instanceof Provenance.Illustrative);
        assertTrue(m.provenance() instanceof Provenance.Measured, "the speed is still measured");
    }

    @Test
    void runsOfSeveralDraftersOnOneBoardAccumulateIntoOneDeviceProfile() throws Exception {
        Path out = temp.resolve("board");
        ProfilingResult int8 = twinResult(6.1, 2.9);
        ProfilingResult int4 = ProfilingResult.fromJson(
            ((com.fasterxml.jackson.databind.node.ObjectNode) int8.toJson()).put("quantization", "int4")
        );
        MeasuredProfiles.Options options = MeasuredProfiles.Options.forBoard("Pi");

        MeasuredProfiles.writeAccumulating(out, int8, null, options);
        MeasuredProfiles.writeAccumulating(out, int4, null, options);
        MeasuredProfiles.writeAccumulating(out, int4, null, options);

        DeviceProfile device = ProfileLoader.load(
            List.of(out.resolve("models.json"), out.resolve("device.json"))
        )
            .library()
            .device("pi-measured")
            .orElseThrow();
        assertEquals(2, device.drafting().size());
        assertTrue(device.drafting("qwen2.5-0.5b", "int4").isPresent());
    }
}
