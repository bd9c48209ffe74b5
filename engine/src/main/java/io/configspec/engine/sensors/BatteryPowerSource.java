package io.configspec.engine.sensors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * A laptop battery ({@code /sys/class/power_supply/BAT0}): {@code power_now} in µW, or {@code
 * current_now} (µA) × {@code voltage_now} (µV) on batteries that report current instead. The
 * figure is the whole machine's draw only while the battery discharges (on mains it is the
 * charging power, or zero), so a reading fails unless {@code status} is {@code Discharging}.
 */
public final class BatteryPowerSource implements PowerSource {

    private final SysfsReader sysfs;
    private final Path supply;

    BatteryPowerSource(SysfsReader sysfs, Path supply) {
        this.sysfs = sysfs;
        this.supply = supply;
    }

    static List<Path> findBatteries(SysfsReader sysfs) {
        return sysfs
            .list("sys/class/power_supply", "*")
            .stream()
            .filter(p -> sysfs.readString(p.resolve("type")).orElse("").equals("Battery"))
            .filter(
                p ->
                    sysfs.readable(p.resolve("power_now")) ||
                    (sysfs.readable(p.resolve("current_now")) && sysfs.readable(p.resolve("voltage_now")))
            )
            .toList();
    }

    @Override
    public String id() {
        return "battery:" + supply.getFileName();
    }

    @Override
    public PowerCoverage coverage() {
        return PowerCoverage.BATTERY_DISCHARGE;
    }

    @Override
    public String description() {
        return (
            "battery " +
            supply.getFileName() +
            " discharge power: the whole machine incl. display, only while unplugged; coarse (updated every few s)"
        );
    }

    /** The battery's {@code status} ({@code Discharging}, {@code Charging}, {@code Full}, ...). */
    public String status() {
        return sysfs.readString(supply.resolve("status")).orElse("Unknown");
    }

    @Override
    public PowerReading read() throws IOException {
        String status = status();
        if (!status.equals("Discharging")) {
            throw new IOException(
                "battery " +
                    supply.getFileName() +
                    " is " +
                    status +
                    ": unplug the charger to measure the machine's draw"
            );
        }
        double watts;
        OptionalLong microwatts = sysfs.readLong(supply.resolve("power_now"));
        if (microwatts.isPresent()) {
            watts = Math.abs(microwatts.getAsLong()) / 1e6;
        } else {
            OptionalLong microamps = sysfs.readLong(supply.resolve("current_now"));
            OptionalLong microvolts = sysfs.readLong(supply.resolve("voltage_now"));
            if (microamps.isEmpty() || microvolts.isEmpty()) {
                throw new IOException(
                    "battery " + supply.getFileName() + " reports neither power_now nor current_now"
                );
            }
            // Some drivers report discharge current as negative.
            watts = (Math.abs(microamps.getAsLong()) / 1e6) * (microvolts.getAsLong() / 1e6);
        }
        return new PowerReading(id(), watts, List.of(RailPower.of(supply.getFileName().toString(), watts)));
    }
}
