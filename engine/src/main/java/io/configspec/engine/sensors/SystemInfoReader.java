package io.configspec.engine.sensors;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Thermal zones, CPU frequencies, memory and the board's identity, read under a {@link
 * SysfsReader} root: {@code sys/class/thermal/thermal_zoneN/{type,temp}} (m°C), {@code
 * sys/devices/system/cpu/cpuN/cpufreq/scaling_cur_freq} (kHz), {@code proc/meminfo} (kB), {@code
 * proc/device-tree/model} or {@code sys/class/dmi/id/{sys_vendor,product_name}}, {@code
 * proc/cpuinfo}.
 */
public final class SystemInfoReader {

    /** ARM "CPU part" ids of the cores on the boards we profile (ARM's TRMs). */
    private static final Map<String, String> ARM_PARTS = Map.of(
        "0xd03",
        "Cortex-A53",
        "0xd05",
        "Cortex-A55",
        "0xd08",
        "Cortex-A72",
        "0xd0b",
        "Cortex-A76",
        "0xd42",
        "Cortex-A78AE",
        "0xd41",
        "Cortex-A78",
        "0xd4f",
        "Neoverse-V2"
    );

    private final SysfsReader sysfs;

    public SystemInfoReader(SysfsReader sysfs) {
        this.sysfs = sysfs;
    }

    public List<Temperature> temperatures() {
        List<Temperature> temperatures = new ArrayList<>();
        for (Path zone : sysfs.list("sys/class/thermal", "thermal_zone*")) {
            OptionalLong milli = sysfs.readLong(zone.resolve("temp"));
            if (milli.isPresent()) {
                String type = sysfs.readString(zone.resolve("type")).orElse(zone.getFileName().toString());
                temperatures.add(new Temperature(type, milli.getAsLong() / 1000.0));
            }
        }
        return temperatures;
    }

    /** Current frequency of each CPU with cpufreq, in MHz, in CPU order. */
    public double[] cpuFrequenciesMhz() {
        List<Path> cpus = sysfs.list("sys/devices/system/cpu", "cpu[0-9]*");
        double[] mhz = new double[cpus.size()];
        int n = 0;
        for (Path cpu : cpus) {
            OptionalLong khz = sysfs.readLong(cpu.resolve("cpufreq/scaling_cur_freq"));
            if (khz.isPresent()) {
                mhz[n++] = khz.getAsLong() / 1000.0;
            }
        }
        return java.util.Arrays.copyOf(mhz, n);
    }

    /** {@code proc/meminfo} field in bytes ({@code MemTotal}, {@code MemAvailable}), or empty. */
    public OptionalLong meminfoBytes(String field) {
        Optional<String> meminfo = sysfs.readString("proc/meminfo");
        if (meminfo.isEmpty()) {
            return OptionalLong.empty();
        }
        for (String line : meminfo.get().split("\\R")) {
            if (line.startsWith(field + ":")) {
                String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
                try {
                    long value = Long.parseLong(parts[0]);
                    return OptionalLong.of(
                        parts.length > 1 && parts[1].equalsIgnoreCase("kB") ? value * 1024 : value
                    );
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }

    /** Memory in use (MemTotal − MemAvailable) in bytes, or −1 if unknown. */
    public long memoryUsedBytes() {
        OptionalLong total = meminfoBytes("MemTotal");
        OptionalLong available = meminfoBytes("MemAvailable");
        return total.isPresent() && available.isPresent() ? total.getAsLong() - available.getAsLong() : -1;
    }

    public BoardInfo boardInfo() {
        String board = sysfs
            .readString("proc/device-tree/model")
            .filter(s -> !s.isBlank())
            .or(() -> {
                Optional<String> vendor = sysfs.readString("sys/class/dmi/id/sys_vendor");
                Optional<String> product = sysfs.readString("sys/class/dmi/id/product_name");
                if (vendor.isEmpty() && product.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of((vendor.orElse("") + " " + product.orElse("")).trim());
            })
            .orElse("unknown board");
        String cpuModel = "unknown CPU";
        int cores = 0;
        Optional<String> cpuinfo = sysfs.readString("proc/cpuinfo");
        if (cpuinfo.isPresent()) {
            String part = null;
            for (String line : cpuinfo.get().split("\\R")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                switch (key) {
                    case "processor" -> cores++;
                    case "model name" -> cpuModel = value;
                    case "CPU part" -> part = part == null ? value : part;
                    default -> {}
                }
            }
            if (cpuModel.equals("unknown CPU") && part != null) {
                cpuModel = ARM_PARTS.getOrDefault(
                    part.toLowerCase(java.util.Locale.ROOT),
                    "ARM core " + part
                );
            }
        }
        if (cores == 0) {
            cores = sysfs.list("sys/devices/system/cpu", "cpu[0-9]*").size();
        }
        return new BoardInfo(
            board,
            cpuModel,
            cores,
            meminfoBytes("MemTotal").orElse(0),
            System.getProperty("os.arch", "unknown")
        );
    }
}
