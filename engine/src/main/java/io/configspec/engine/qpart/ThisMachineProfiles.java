package io.configspec.engine.qpart;

import io.configspec.engine.measure.MeasurementProfiles;
import io.configspec.engine.samplemodels.Precision;
import io.configspec.model.domain.DeviceKind;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.LanguageModel;
import io.configspec.model.domain.Provenance;
import io.configspec.model.domain.QuantizationVariant;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileDocument;
import io.configspec.model.qpart.QpartInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the drafting throughput {@link QpartCalibrator#measureWidths} measured as profiles the
 * planner reads: a device profile {@value #DEVICE_ID} with one drafting measurement per width
 * (quantisations {@code fp32}, {@code int8}, {@code int4} of the drafter), and a models profile
 * naming the drafter (and its target, whose family it shares). Power is not measured, so none is
 * written (no {@code powerWatts}, no {@code idlePowerWatts}; energy for this device reads "not
 * measured"), as {@code configspec measure} does: never an invented watt.
 */
public final class ThisMachineProfiles {

    /** The device id written. */
    public static final String DEVICE_ID = "this-machine";

    /** Files written. */
    public record Written(Path device, Path models) {}

    private ThisMachineProfiles() {}

    /**
     * Writes {@code device-this-machine-qpart-DRAFTER.json} and {@code models-qpart-DRAFTER.json}
     * into {@code directory}.
     *
     * @param drafterId the drafter's profile id (its model name without the precision suffix)
     * @param drafterParameters its parameter count
     * @param targetId the target's id (the family)
     * @param targetParameters the target's parameter count
     * @param speeds tokens/s per width (4, 8, 16)
     */
    public static Written write(
        Path directory,
        String drafterId,
        long drafterParameters,
        String targetId,
        long targetParameters,
        Map<Integer, DraftingSpeed> speeds,
        LocalDate date
    ) throws IOException, QpartInputException {
        Files.createDirectories(directory);
        List<DraftingMeasurement> drafting = new ArrayList<>();
        List<QuantizationVariant> variants = new ArrayList<>();
        int samples = 1;
        for (Map.Entry<Integer, DraftingSpeed> e : speeds.entrySet()) {
            Precision precision = PlannedDrafters.precisionOf(e.getKey());
            DraftingSpeed speed = e.getValue();
            samples = Math.max(samples, speed.tokensPerPass() * speed.passes().size());
            Provenance measured = new Provenance.Measured(
                QpartCalibrator.TOOL,
                date,
                speed.tokensPerPass() * speed.passes().size()
            );
            drafting.add(
                new DraftingMeasurement(
                    drafterId,
                    precision.cliName(),
                    speed.tokensPerSecond(),
                    0,
                    0,
                    java.util.OptionalDouble.empty(),
                    measured,
                    Map.of(
                        "roundOverheadSeconds",
                        new Provenance.Illustrative("not measured (decode throughput only)"),
                        "contextSlowdownPerThousandTokens",
                        new Provenance.Illustrative("not measured")
                    )
                )
            );
            variants.add(
                new QuantizationVariant(
                    precision.cliName(),
                    precision.bitsPerWeight(),
                    Math.max(1, (long) ((drafterParameters * precision.bitsPerWeight()) / 8))
                )
            );
        }
        Provenance measured = new Provenance.Measured(QpartCalibrator.TOOL, date, samples);
        DeviceProfile device = new DeviceProfile(
            DEVICE_ID,
            MeasurementProfiles.thisMachineName(),
            DeviceKind.OTHER,
            MeasurementProfiles.cpuDescription(),
            "",
            java.util.OptionalDouble.of(MeasurementProfiles.memoryGiB()),
            java.util.OptionalDouble.empty(),
            drafting,
            measured,
            Map.of()
        );
        Path deviceFile = directory.resolve("device-" + DEVICE_ID + "-qpart-" + drafterId + ".json");
        ProfileCodec.write(deviceFile, new ProfileDocument.DeviceDocument(device));
        Path modelsFile = directory.resolve("models-qpart-" + drafterId + ".json");
        ProfileCodec.write(
            modelsFile,
            new ProfileDocument.ModelsDocument(
                "models-qpart-" + drafterId,
                measured,
                List.of(
                    new LanguageModel(
                        drafterId,
                        drafterId,
                        targetId,
                        Math.max(1, drafterParameters),
                        variants,
                        measured,
                        Map.of(),
                        Optional.empty()
                    )
                ),
                List.of(
                    new LanguageModel(
                        targetId,
                        targetId,
                        targetId,
                        Math.max(1, targetParameters),
                        List.of(new QuantizationVariant("fp32", 32, Math.max(1, targetParameters * 4))),
                        measured,
                        Map.of(),
                        Optional.empty()
                    )
                )
            )
        );
        return new Written(deviceFile, modelsFile);
    }
}
