package io.configspec.engine.sensors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The sensors a machine has, found by {@link #detect}, and one {@link #sample()} of all of them.
 *
 * <p>Power sources are ordered by coverage (board input first); a sample's {@code powerWatts} is
 * the first source that reads successfully. With no power source the sample's power is NaN and
 * {@link #notes()} says why: the profiler then records no power rather than a guess.
 *
 * <p>Not thread-safe (counter sources keep state): sample from one thread.
 */
public final class SensorSuite {

    private final BoardInfo boardInfo;
    private final List<PowerSource> powerSources;
    private final List<String> notes;
    private final SystemInfoReader system;
    private final MonotonicClock clock;

    SensorSuite(
        BoardInfo boardInfo,
        List<PowerSource> powerSources,
        List<String> notes,
        SystemInfoReader system,
        MonotonicClock clock
    ) {
        this.boardInfo = boardInfo;
        this.powerSources = List.copyOf(powerSources);
        this.notes = List.copyOf(notes);
        this.system = system;
        this.clock = clock;
    }

    /** Detects the sensors of the real machine. */
    public static SensorSuite detectSystem() {
        return detect(
            SysfsReader.system(),
            CommandRunner.system(java.time.Duration.ofSeconds(2)),
            SensorOptions.defaults()
        );
    }

    /**
     * Finds the power sources, thermal zones and cpufreq under {@code sysfs}'s root; runs {@code
     * vcgencmd} through {@code runner} only on a Raspberry Pi 5 (by its device-tree model).
     */
    public static SensorSuite detect(SysfsReader sysfs, CommandRunner runner, SensorOptions options) {
        SystemInfoReader system = new SystemInfoReader(sysfs);
        BoardInfo board = system.boardInfo();
        List<PowerSource> sources = new ArrayList<>();
        List<String> notes = new ArrayList<>();

        List<Path> ina = JetsonIna3221PowerSource.findDevices(sysfs);
        if (!ina.isEmpty()) {
            sources.add(new JetsonIna3221PowerSource(sysfs, ina));
        }
        String model = board.boardName().toLowerCase(Locale.ROOT);
        if (
            model.contains("raspberry pi 5") ||
            model.contains("raspberry pi compute module 5") ||
            model.contains("raspberry pi 500")
        ) {
            RaspberryPiPmicPowerSource pmic = new RaspberryPiPmicPowerSource(
                runner,
                options.pmicCalibration()
            );
            try {
                pmic.read();
                sources.add(pmic);
            } catch (IOException e) {
                notes.add(
                    "Raspberry Pi 5 PMIC not readable (" +
                        e.getMessage() +
                        "); is vcgencmd installed and the user in group 'video'?"
                );
            }
        }
        if (RaplPowerSource.available(sysfs)) {
            sources.add(new RaplPowerSource(sysfs, options.clock(), options.raplPrimingMillis()));
        } else if (RaplPowerSource.presentButUnreadable(sysfs)) {
            notes.add(
                "RAPL zones exist but energy_uj is readable by root only: run the agent with the permission" +
                    " described in docs/profile-your-board.md to measure CPU package power"
            );
        }
        for (Path battery : BatteryPowerSource.findBatteries(sysfs)) {
            sources.add(new BatteryPowerSource(sysfs, battery));
        }
        for (Path hwmon : sysfs.list("sys/class/hwmon", "hwmon*")) {
            String name = sysfs.readString(hwmon.resolve("name")).orElse(hwmon.getFileName().toString());
            if (name.equals("ina3221") && !ina.isEmpty()) {
                continue; // the same monitor as the Jetson source, seen through /sys/class/hwmon
            }
            if (HwmonPowerSource.hasPowerSensors(sysfs, hwmon)) {
                sources.add(new HwmonPowerSource(sysfs, hwmon, name));
            }
        }
        sources.sort(Comparator.comparingInt(s -> s.coverage().rank()));
        if (sources.isEmpty()) {
            notes.add("no power sensor found: measured profiles will carry no power or energy figures");
        }
        return new SensorSuite(board, sources, notes, system, options.clock());
    }

    public BoardInfo boardInfo() {
        return boardInfo;
    }

    /** Power sources, broadest coverage first. */
    public List<PowerSource> powerSources() {
        return powerSources;
    }

    public boolean hasPower() {
        return !powerSources.isEmpty();
    }

    /** Problems found while detecting (missing permissions, no power sensor), one sentence each. */
    public List<String> notes() {
        return notes;
    }

    public SystemInfoReader system() {
        return system;
    }

    /** Reads every sensor once. Sources that fail this time are left out of the snapshot. */
    public SensorSnapshot sample() {
        List<PowerReading> readings = new ArrayList<>();
        double primaryWatts = Double.NaN;
        String primaryId = null;
        for (PowerSource source : powerSources) {
            try {
                PowerReading reading = source.read();
                readings.add(reading);
                if (primaryId == null) {
                    primaryWatts = reading.watts();
                    primaryId = source.id();
                }
            } catch (IOException e) {
                // Transient (battery on mains, permission): the next source or sample covers it.
            }
        }
        return new SensorSnapshot(
            System.currentTimeMillis(),
            clock.nanoTime(),
            primaryWatts,
            primaryId,
            readings,
            system.temperatures(),
            system.cpuFrequenciesMhz(),
            system.memoryUsedBytes()
        );
    }
}
