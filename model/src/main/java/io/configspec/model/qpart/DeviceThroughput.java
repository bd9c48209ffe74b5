package io.configspec.model.qpart;

import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.FieldChecks;
import io.configspec.model.domain.LanguageModel;
import io.configspec.model.domain.ProfileLibrary;
import io.configspec.model.domain.QuantizationVariant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A device's compute throughput per bit-width, in FLOP/s, as the QPART planner uses it: a layer of
 * F FLOPs per token at b bits takes F / rate(b) seconds on the device.
 *
 * <p>{@link #fromProfile} derives the rates from the device profile's drafting measurements: a
 * drafter of P parameters drafting r tokens/s at a quantisation of about b bits per weight does 2·P
 * FLOPs per token, so rate(b) = 2·P·r (the median over the drafters measured at that width). The
 * rate therefore folds in everything a decode step does besides the matrix products, in proportion
 * to the model's size, and a plan that gives every layer one width predicts exactly the measured
 * speed of that width. Widths the profile never measured take the rate of the nearest measured
 * width with more bits (a slower kernel: a width without a measurement is never assumed faster),
 * else of the nearest with fewer; {@link Rate#measuredWidth()} says which.
 *
 * @param deviceId the device profile's id
 * @param rates rate per bit-width (every width of {@link QuantizationNoise#BIT_WIDTHS})
 */
public record DeviceThroughput(String deviceId, SortedMap<Integer, Rate> rates) {
    /**
     * Throughput at one width.
     *
     * @param flopsPerSecond FLOP/s, &gt; 0
     * @param measuredWidth the width whose measurements gave it (= the width when measured there)
     * @param source the drafting measurements behind it, in words
     */
    public record Rate(double flopsPerSecond, int measuredWidth, String source) {
        public Rate {
            FieldChecks.positive("flopsPerSecond", flopsPerSecond);
            FieldChecks.text("source", source);
        }
    }

    public DeviceThroughput {
        FieldChecks.text("deviceId", deviceId);
        rates = Collections.unmodifiableSortedMap(new TreeMap<>(rates));
        for (int bits : QuantizationNoise.BIT_WIDTHS) {
            if (!rates.containsKey(bits)) {
                throw new IllegalArgumentException("no throughput for " + bits + " bits");
            }
        }
    }

    /** Seconds per token for {@code flops} FLOPs at {@code bits}. */
    public double seconds(double flops, int bits) {
        return flops / rates.get(bits).flopsPerSecond();
    }

    /** The throughput a device profile implies (see the class comment). */
    public static DeviceThroughput fromProfile(DeviceProfile device, ProfileLibrary library)
        throws QpartInputException {
        SortedMap<Integer, List<Double>> measured = new TreeMap<>();
        SortedMap<Integer, List<String>> sources = new TreeMap<>();
        for (DraftingMeasurement m : device.drafting()) {
            Optional<LanguageModel> drafter = library.drafter(m.drafter());
            if (drafter.isEmpty()) {
                continue;
            }
            Optional<QuantizationVariant> variant = drafter.get().quantization(m.quantization());
            if (variant.isEmpty()) {
                continue;
            }
            if (variant.get().bitsPerWeight().isEmpty()) {
                continue; // a variant whose bit width is not stated cannot place a width
            }
            int width = QuantizationNoise.nearestWidth(variant.get().bitsPerWeight().getAsDouble());
            double rate = 2.0 * drafter.get().parameterCount() * m.tokensPerSecond();
            measured.computeIfAbsent(width, w -> new ArrayList<>()).add(rate);
            sources
                .computeIfAbsent(width, w -> new ArrayList<>())
                .add(m.drafter() + " " + m.quantization() + " " + format(m.tokensPerSecond()) + " tokens/s");
        }
        if (measured.isEmpty()) {
            throw new QpartInputException(
                "device '" +
                    device.id() +
                    "' has no drafting measurement of a drafter the profiles describe, so its throughput is unknown"
            );
        }
        Map<Integer, Rate> rates = new TreeMap<>();
        for (int bits : QuantizationNoise.BIT_WIDTHS) {
            int from;
            if (measured.containsKey(bits)) {
                from = bits;
            } else if (!measured.tailMap(bits).isEmpty()) {
                from = measured.tailMap(bits).firstKey();
            } else {
                from = measured.headMap(bits).lastKey();
            }
            rates.put(bits, new Rate(median(measured.get(from)), from, String.join("; ", sources.get(from))));
        }
        return new DeviceThroughput(device.id(), new TreeMap<>(rates));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.3g", value);
    }
}
