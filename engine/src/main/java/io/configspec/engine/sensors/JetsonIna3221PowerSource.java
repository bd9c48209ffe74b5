package io.configspec.engine.sensors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The INA3221 power monitors of NVIDIA Jetson modules (JetPack 5/6, mainline {@code ina3221}
 * hwmon driver), e.g. on a Jetson Orin Nano: {@code
 * /sys/bus/i2c/drivers/ina3221/1-0040/hwmon/hwmon1/in{1,2,3}_label} = {@code VDD_IN}, {@code
 * VDD_CPU_GPU_CV}, {@code VDD_SOC}, with bus voltage {@code inN_input} (mV) and current {@code
 * currN_input} (mA) for channels 1–3. Channels 4–7 of the driver are shunt voltages and sums and
 * are not rails.
 *
 * <p>The total is {@code VDD_IN} (the module's 5 V input: CPU, GPU, SoC, DRAM, and regulator
 * losses; not the carrier board's USB, NVMe or fan) where present; otherwise the sum of the rails.
 * The Orin Nano has no GPU-only rail: {@code VDD_CPU_GPU_CV} is CPU, GPU and CV accelerators
 * together.
 */
public final class JetsonIna3221PowerSource implements PowerSource {

    /** The rail that measures the module's input on Orin/Xavier modules. */
    public static final String INPUT_RAIL = "VDD_IN";

    private final SysfsReader sysfs;
    private final List<Path> devices;

    JetsonIna3221PowerSource(SysfsReader sysfs, List<Path> devices) {
        this.sysfs = sysfs;
        this.devices = List.copyOf(devices);
    }

    /** hwmon directories of INA3221 monitors under {@code sys/bus/i2c/drivers/ina3221}. */
    static List<Path> findDevices(SysfsReader sysfs) {
        List<Path> found = new ArrayList<>();
        for (Path client : sysfs.list("sys/bus/i2c/drivers/ina3221", "*-*")) {
            for (Path hwmon : sysfs.list(client.resolve("hwmon"), "hwmon*")) {
                if (!channels(sysfs, hwmon).isEmpty()) {
                    found.add(hwmon);
                }
            }
        }
        return found;
    }

    private static List<Integer> channels(SysfsReader sysfs, Path hwmon) {
        List<Integer> channels = new ArrayList<>();
        for (int channel = 1; channel <= 3; channel++) {
            Optional<String> label = sysfs.readString(hwmon.resolve("in" + channel + "_label"));
            if (
                label.isPresent() &&
                !label.get().isEmpty() &&
                !label.get().equalsIgnoreCase("NC") &&
                sysfs.readable(hwmon.resolve("curr" + channel + "_input"))
            ) {
                channels.add(channel);
            }
        }
        return channels;
    }

    @Override
    public String id() {
        return "jetson-ina3221";
    }

    @Override
    public PowerCoverage coverage() {
        return hasInputRail() ? PowerCoverage.BOARD_INPUT : PowerCoverage.SOC_RAILS;
    }

    private boolean hasInputRail() {
        for (Path hwmon : devices) {
            for (int channel : channels(sysfs, hwmon)) {
                if (
                    sysfs.readString(hwmon.resolve("in" + channel + "_label")).orElse("").equals(INPUT_RAIL)
                ) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public String description() {
        return hasInputRail()
            ? "Jetson INA3221 VDD_IN: the module's 5 V input (CPU, GPU, SoC, DRAM); misses the carrier board" +
              " (USB, NVMe, fan); no GPU-only rail (VDD_CPU_GPU_CV is CPU+GPU+CV)"
            : "Jetson INA3221 rails (sum): misses what no rail monitors";
    }

    @Override
    public PowerReading read() throws IOException {
        List<RailPower> rails = new ArrayList<>();
        RailPower input = null;
        for (Path hwmon : devices) {
            for (int channel : channels(sysfs, hwmon)) {
                String label = sysfs.readString(hwmon.resolve("in" + channel + "_label")).orElseThrow();
                OptionalLong millivolts = sysfs.readLong(hwmon.resolve("in" + channel + "_input"));
                OptionalLong milliamps = sysfs.readLong(hwmon.resolve("curr" + channel + "_input"));
                if (millivolts.isEmpty() || milliamps.isEmpty()) {
                    continue;
                }
                RailPower rail = RailPower.fromVoltsAndAmps(
                    label,
                    millivolts.getAsLong() / 1e3,
                    milliamps.getAsLong() / 1e3
                );
                rails.add(rail);
                if (label.equals(INPUT_RAIL)) {
                    input = rail;
                }
            }
        }
        if (rails.isEmpty()) {
            throw new IOException(
                "no readable INA3221 rail under " + sysfs.resolve("sys/bus/i2c/drivers/ina3221")
            );
        }
        double total = input != null ? input.watts() : rails.stream().mapToDouble(RailPower::watts).sum();
        return new PowerReading(id(), total, rails);
    }
}
