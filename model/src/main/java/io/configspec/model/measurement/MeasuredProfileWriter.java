package io.configspec.model.measurement;

import io.configspec.model.domain.AlignmentProfile;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.LanguageModel;
import io.configspec.model.domain.Provenance;
import io.configspec.model.domain.ServedTarget;
import io.configspec.model.domain.ServerProfile;
import io.configspec.model.domain.VerificationLatency;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The one measurement-to-profile writer (issue 18): turns a {@link BoardMeasurement} into profiles
 * in the core's format (docs/file-format.md), with drafting fitted by {@link DraftingFit} (by the
 * tool, which also shows the fit) and verification fitted here by {@link VerificationFit}, and writes them atomically in import order (models,
 * server, alignment, device), so importing the files one by one never refers to something not yet
 * loaded. Used by {@code configspec profile}, the board agent's jobs and {@code configspec
 * measure}. Power that was not measured is left out, never invented.
 */
public final class MeasuredProfileWriter {

    private MeasuredProfileWriter() {}

    /**
     * The file names of one write, and the id the models and alignment documents carry ({@code
     * models-ID}, {@code alignment-ID}; null: the device's id).
     */
    public record FileNames(
        String models,
        String server,
        String alignment,
        String device,
        String documentId
    ) {
        /** {@code models.json}, {@code server.json}, {@code alignment.json}, {@code device.json}. */
        public static FileNames standard() {
            return new FileNames("models.json", "server.json", "alignment.json", "device.json", null);
        }
    }

    /** The device profile. */
    public static DeviceProfile device(BoardMeasurement m) {
        List<DraftingMeasurement> drafting = new ArrayList<>();
        for (BoardMeasurement.Drafting d : m.drafting()) {
            DraftingFit fit = d.fit();
            drafting.add(
                new DraftingMeasurement(
                    d.drafter(),
                    d.quantization(),
                    fit.tokensPerSecond(),
                    fit.roundOverheadSeconds(),
                    fit.contextSlowdownPerThousandTokens(),
                    d.watts(),
                    d.provenance(),
                    d.fieldProvenance()
                )
            );
        }
        BoardMeasurement.Device device = m.device();
        OptionalDouble memory = device.memoryGiB().isPresent()
            ? OptionalDouble.of(Math.round(device.memoryGiB().getAsDouble() * 100) / 100.0)
            : OptionalDouble.empty();
        return new DeviceProfile(
            device.id(),
            device.name(),
            device.kind(),
            device.cpu(),
            "",
            memory,
            device.idleWatts(),
            drafting,
            m.provenance(),
            device.fieldProvenance()
        );
    }

    /** The alignment profiles (one per measured acceptance). */
    public static List<AlignmentProfile> alignments(BoardMeasurement m) {
        return m
            .acceptance()
            .stream()
            .map(a ->
                new AlignmentProfile(
                    a.drafter(),
                    a.quantization(),
                    a.target(),
                    a.alpha(),
                    Math.max(0, Math.min(a.alpha(), a.low())),
                    Math.min(1, Math.max(a.alpha(), a.high())),
                    Math.max(1, a.positions()),
                    a.promptSet(),
                    a.byPosition(),
                    a.calibration(),
                    a.provenance(),
                    Map.of()
                )
            )
            .toList();
    }

    /** The local verifier's server profile, if one was measured. */
    public static Optional<ServerProfile> server(BoardMeasurement m) {
        return m
            .verifier()
            .filter(v -> !v.points().isEmpty())
            .map(v -> {
                VerificationLatency.Linear latency = VerificationFit.of(v.points());
                double step = v.targetStepSeconds().isPresent()
                    ? v.targetStepSeconds().getAsDouble()
                    : latency.interceptSeconds() +
                      latency.secondsPerVerifiedToken() +
                      latency.secondsPerRequest();
                ServedTarget served = new ServedTarget(
                    v.target(),
                    latency,
                    OptionalDouble.empty(),
                    OptionalDouble.of(v.dollarsPerGpuHour()),
                    step,
                    v.provenance(),
                    Map.of("dollarsPerGpuHour", new Provenance.Illustrative(v.priceNote()))
                );
                return new ServerProfile(
                    v.serverId(),
                    v.name(),
                    v.hardware(),
                    List.of(served),
                    v.provenance(),
                    Map.of()
                );
            });
    }

    /** The models profile for models the library lacks, if any. */
    public static Optional<ProfileDocument.ModelsDocument> models(BoardMeasurement m) {
        return models(m, m.device().id());
    }

    private static Optional<ProfileDocument.ModelsDocument> models(BoardMeasurement m, String documentId) {
        if (m.drafters().isEmpty() && m.targets().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
            new ProfileDocument.ModelsDocument(
                "models-" + documentId,
                m.provenance(),
                m
                    .drafters()
                    .stream()
                    .map(d -> libraryModel(d, m.provenance()))
                    .toList(),
                m
                    .targets()
                    .stream()
                    .map(t -> libraryModel(t, m.provenance()))
                    .toList()
            )
        );
    }

    /** A measured model as the library describes it: named by its id, with the run's provenance. */
    private static LanguageModel libraryModel(BoardMeasurement.Model model, Provenance provenance) {
        return new LanguageModel(
            model.id(),
            model.id(),
            model.family(),
            Math.max(1, model.parameters()),
            model.quantizations(),
            provenance,
            Map.of(),
            Optional.empty()
        );
    }

    /**
     * Writes the profiles into {@code directory} (created if needed), each atomically: as applicable
     * models, server, alignment, and the device last. Returns the files written, in that order.
     */
    public static List<Path> write(Path directory, BoardMeasurement m, FileNames names) throws IOException {
        DeviceProfile device = device(m);
        String documentId = names.documentId() == null ? device.id() : names.documentId();
        Files.createDirectories(directory);
        List<Path> written = new ArrayList<>();
        Optional<ProfileDocument.ModelsDocument> models = models(m, documentId);
        if (models.isPresent()) {
            written.add(write(directory.resolve(names.models()), models.get()));
        }
        Optional<ServerProfile> server = server(m);
        if (server.isPresent()) {
            written.add(
                write(directory.resolve(names.server()), new ProfileDocument.ServerDocument(server.get()))
            );
        }
        List<AlignmentProfile> alignments = alignments(m);
        if (!alignments.isEmpty()) {
            written.add(
                write(
                    directory.resolve(names.alignment()),
                    new ProfileDocument.AlignmentDocument(
                        "alignment-" + documentId,
                        m.provenance(),
                        alignments
                    )
                )
            );
        }
        written.add(write(directory.resolve(names.device()), new ProfileDocument.DeviceDocument(device)));
        return written;
    }

    private static Path write(Path file, ProfileDocument document) throws IOException {
        ProfileCodec.write(file, document);
        return file;
    }
}
