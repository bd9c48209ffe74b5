package io.configspec.engine.sensors;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Raspberry Pi 5's PMIC (Renesas DA9091) ADCs, read with {@code vcgencmd pmic_read_adc}, which
 * prints one line per rail current and voltage:
 *
 * <pre>
 *    VDD_CORE_A current(7)=0.62450000A
 *    VDD_CORE_V volt(15)=0.88254300V
 *      EXT5V_V volt(24)=5.13008000V
 * </pre>
 *
 * The board power is the sum of voltage × current over the rails reporting both, scaled by a
 * per-board {@link Calibration}: the rails miss the PMIC's own conversion losses, USB and the
 * 5 V peripherals, so the raw sum reads low against a USB-C power meter (typically by 10–30 %).
 */
public final class RaspberryPiPmicPowerSource implements PowerSource {

    /** The command this source runs. */
    public static final List<String> COMMAND = List.of("vcgencmd", "pmic_read_adc");

    private static final Pattern LINE = Pattern.compile(
        "^\\s*(\\S+)_([AV])\\s+(?:current|volt)\\(\\d+\\)=\\s*([-+0-9.eE]+)\\s*[AV]\\s*$"
    );

    /**
     * Linear correction from the rail sum to the wall power: {@code watts = scale × sum + offsetWatts},
     * fitted per board against an external meter. {@link #NONE} reports the raw sum.
     */
    public record Calibration(double scale, double offsetWatts) {
        public static final Calibration NONE = new Calibration(1.0, 0.0);

        public Calibration {
            if (!(scale > 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("calibration scale must be > 0, was " + scale);
            }
            if (Double.isNaN(offsetWatts) || Double.isInfinite(offsetWatts)) {
                throw new IllegalArgumentException(
                    "calibration offsetWatts must be finite, was " + offsetWatts
                );
            }
        }
    }

    private final CommandRunner runner;
    private final Calibration calibration;

    RaspberryPiPmicPowerSource(CommandRunner runner, Calibration calibration) {
        this.runner = runner;
        this.calibration = calibration;
    }

    /**
     * Parses {@code vcgencmd pmic_read_adc} output into rails with both a current and a voltage,
     * in the order their current lines appear. Lines that do not match (and voltage-only rails such
     * as {@code EXT5V_V}, {@code BATT_V}) are ignored.
     */
    public static List<RailPower> parse(String output) {
        Map<String, Double> amps = new LinkedHashMap<>();
        Map<String, Double> volts = new LinkedHashMap<>();
        for (String line : output.split("\\R")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            double value;
            try {
                value = Double.parseDouble(m.group(3));
            } catch (NumberFormatException e) {
                continue;
            }
            (m.group(2).equals("A") ? amps : volts).put(m.group(1), value);
        }
        List<RailPower> rails = new ArrayList<>();
        for (Map.Entry<String, Double> current : amps.entrySet()) {
            Double voltage = volts.get(current.getKey());
            if (voltage != null) {
                rails.add(RailPower.fromVoltsAndAmps(current.getKey(), voltage, current.getValue()));
            }
        }
        return rails;
    }

    @Override
    public String id() {
        return "rpi5-pmic";
    }

    @Override
    public PowerCoverage coverage() {
        return PowerCoverage.SOC_RAILS;
    }

    public Calibration calibration() {
        return calibration;
    }

    @Override
    public String description() {
        String cal = calibration.equals(Calibration.NONE)
            ? "uncalibrated"
            : "calibrated ×" + calibration.scale() + " + " + calibration.offsetWatts() + " W";
        return "Raspberry Pi 5 PMIC rail sum (" + cal + "): misses PMIC losses, USB and 5 V peripherals";
    }

    @Override
    public PowerReading read() throws IOException {
        List<RailPower> rails = parse(runner.run(COMMAND));
        if (rails.isEmpty()) {
            throw new IOException("vcgencmd pmic_read_adc printed no rail with both current and voltage");
        }
        double sum = rails.stream().mapToDouble(RailPower::watts).sum();
        double watts = Math.max(0.0, calibration.scale() * sum + calibration.offsetWatts());
        return new PowerReading(id(), watts, rails);
    }
}
