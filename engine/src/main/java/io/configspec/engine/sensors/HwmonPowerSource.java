package io.configspec.engine.sensors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A generic Linux hwmon device ({@code /sys/class/hwmon/hwmonN}) with power sensors: {@code
 * powerN_input} or {@code powerN_average} in µW, or else voltage/current pairs {@code inN_input}
 * (mV) × {@code currN_input} (mA) with the same index. Examples: {@code amdgpu} (GPU power), INA2xx
 * and INA3221 monitors on custom boards, USB-PD controllers.
 *
 * <p>Pairing {@code inN} with {@code currN} follows the INA2xx/INA3221 drivers' convention (the bus
 * voltage and current of channel N). Channels labelled as shunt or sum channels are skipped.
 */
public final class HwmonPowerSource implements PowerSource {

    private static final Pattern POWER = Pattern.compile("power(\\d+)_(input|average)");
    private static final Pattern CURRENT = Pattern.compile("curr(\\d+)_input");

    private final SysfsReader sysfs;
    private final Path device;
    private final String name;

    HwmonPowerSource(SysfsReader sysfs, Path device, String name) {
        this.sysfs = sysfs;
        this.device = device;
        this.name = name;
    }

    /** Whether a hwmon device directory has any power sensor this class can read. */
    static boolean hasPowerSensors(SysfsReader sysfs, Path device) {
        return (
            !sysfs.list(device, "power*_input").isEmpty() ||
            !sysfs.list(device, "power*_average").isEmpty() ||
            !pairedChannels(sysfs, device).isEmpty()
        );
    }

    @Override
    public String id() {
        return "hwmon:" + name;
    }

    @Override
    public PowerCoverage coverage() {
        return PowerCoverage.COMPONENT;
    }

    @Override
    public String description() {
        return (
            "hwmon device '" +
            name +
            "' (" +
            device.getFileName() +
            "): the component behind this sensor only"
        );
    }

    @Override
    public PowerReading read() throws IOException {
        List<RailPower> rails = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        for (NumberedFile power : numbered(sysfs, device, "power*_*", POWER)) {
            Path file = power.file();
            int index = power.number();
            if (seen.contains(index)) {
                continue; // power1_input and power1_average: take the first (sorted: average, input)
            }
            OptionalLong microwatts = sysfs.readLong(file);
            if (microwatts.isPresent()) {
                seen.add(index);
                String label = sysfs
                    .readString(device.resolve("power" + index + "_label"))
                    .orElse("power" + index);
                rails.add(RailPower.of(label, Math.max(0, microwatts.getAsLong()) / 1e6));
            }
        }
        if (rails.isEmpty()) {
            for (int channel : pairedChannels(sysfs, device)) {
                OptionalLong millivolts = sysfs.readLong(device.resolve("in" + channel + "_input"));
                OptionalLong milliamps = sysfs.readLong(device.resolve("curr" + channel + "_input"));
                if (millivolts.isPresent() && milliamps.isPresent()) {
                    String label = sysfs
                        .readString(device.resolve("in" + channel + "_label"))
                        .orElse("in" + channel);
                    rails.add(
                        RailPower.fromVoltsAndAmps(
                            label,
                            millivolts.getAsLong() / 1e3,
                            milliamps.getAsLong() / 1e3
                        )
                    );
                }
            }
        }
        if (rails.isEmpty()) {
            throw new IOException("hwmon device " + device + " has no readable power sensor");
        }
        double total = rails.stream().mapToDouble(RailPower::watts).sum();
        return new PowerReading(id(), total, rails);
    }

    /** Channels N with both {@code inN_input} and {@code currN_input}, excluding shunt/sum channels. */
    static List<Integer> pairedChannels(SysfsReader sysfs, Path device) {
        List<Integer> channels = new ArrayList<>();
        for (NumberedFile current : numbered(sysfs, device, "curr*_input", CURRENT)) {
            int channel = current.number();
            if (!sysfs.readable(device.resolve("in" + channel + "_input"))) {
                continue;
            }
            Optional<String> label = sysfs.readString(device.resolve("in" + channel + "_label"));
            Optional<String> currentLabel = sysfs.readString(device.resolve("curr" + channel + "_label"));
            boolean shuntOrSum =
                label.map(HwmonPowerSource::isShuntOrSum).orElse(false) ||
                currentLabel.map(HwmonPowerSource::isShuntOrSum).orElse(false);
            if (!shuntOrSum) {
                channels.add(channel);
            }
        }
        return channels;
    }

    /** A sensor file and the channel number in its name. */
    private record NumberedFile(Path file, int number) {}

    /** The files of {@code device} matching {@code glob} whose names {@code name} matches, group 1 the number. */
    private static List<NumberedFile> numbered(SysfsReader sysfs, Path device, String glob, Pattern name) {
        List<NumberedFile> files = new ArrayList<>();
        for (Path file : sysfs.list(device, glob)) {
            Matcher m = name.matcher(file.getFileName().toString());
            if (m.matches()) {
                files.add(new NumberedFile(file, Integer.parseInt(m.group(1))));
            }
        }
        return files;
    }

    private static boolean isShuntOrSum(String label) {
        String lower = label.toLowerCase(java.util.Locale.ROOT);
        return lower.contains("shunt") || lower.contains("sum") || lower.equals("nc");
    }
}
