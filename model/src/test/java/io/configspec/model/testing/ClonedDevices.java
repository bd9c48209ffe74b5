package io.configspec.model.testing;

import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.ProfileLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.IntToDoubleFunction;

/**
 * Large profile libraries for benchmarks: a library whose every device stands {@code copies}
 * times, each copy with its drafting speeds and powers scaled, so that a sample scenario's space
 * grows to about 100,000 or 1,000,000 configurations with rows that differ.
 */
public final class ClonedDevices {

    private ClonedDevices() {}

    /**
     * {@code library} with each device replaced by {@code copies} copies (ids {@code id-0 …}, names
     * {@code name #0 …}); drafters, targets, alignments, servers and networks unchanged.
     *
     * @param speed factor on each drafting measurement's tokens/s, given the copy's number; called
     *     once per measurement, in order (devices, then copies, then measurements)
     * @param power factor on each measured drafting power, given the copy's number; called right
     *     after {@code speed}, only for a measurement that has a power
     */
    public static ProfileLibrary of(
        ProfileLibrary library,
        int copies,
        IntToDoubleFunction speed,
        IntToDoubleFunction power
    ) {
        List<DeviceProfile> devices = new ArrayList<>();
        for (DeviceProfile device : library.devices()) {
            for (int copy = 0; copy < copies; copy++) {
                List<DraftingMeasurement> drafting = new ArrayList<>();
                for (DraftingMeasurement m : device.drafting()) {
                    double tokensPerSecond = m.tokensPerSecond() * speed.applyAsDouble(copy);
                    OptionalDouble watts = m.powerWatts().isPresent()
                        ? OptionalDouble.of(m.powerWatts().getAsDouble() * power.applyAsDouble(copy))
                        : OptionalDouble.empty();
                    drafting.add(
                        new DraftingMeasurement(
                            m.drafter(),
                            m.quantization(),
                            tokensPerSecond,
                            m.roundOverheadSeconds(),
                            m.contextSlowdownPerThousandTokens(),
                            watts,
                            m.provenance(),
                            m.fieldProvenance()
                        )
                    );
                }
                devices.add(
                    new DeviceProfile(
                        device.id() + "-" + copy,
                        device.name() + " #" + copy,
                        device.deviceKind(),
                        device.cpu(),
                        device.gpu(),
                        device.memoryGiB(),
                        device.idlePowerWatts(),
                        drafting,
                        device.provenance(),
                        device.fieldProvenance()
                    )
                );
            }
        }
        return new ProfileLibrary(
            devices,
            List.copyOf(library.drafters()),
            List.copyOf(library.targets()),
            List.copyOf(library.alignments()),
            List.copyOf(library.servers()),
            List.copyOf(library.networks())
        );
    }
}
