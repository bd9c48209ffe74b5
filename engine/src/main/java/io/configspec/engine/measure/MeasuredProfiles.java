package io.configspec.engine.measure;

import io.configspec.engine.samplemodels.Precision;
import io.configspec.model.domain.DeviceKind;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.ProfileLibrary;
import io.configspec.model.domain.Provenance;
import io.configspec.model.domain.QuantizationVariant;
import io.configspec.model.measurement.BoardMeasurement;
import io.configspec.model.measurement.DraftingFit;
import io.configspec.model.measurement.MeasuredProfileWriter;
import io.configspec.model.measurement.VerificationFit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Turns profiling results into profile files in the core's format (docs/file-format.md), with
 * provenance {@code measured}: a device profile (board, idle power, one drafting entry per drafter
 * × quantisation), and where the run had a target an alignment profile (measured α) and a local
 * verifier server profile (measured T_v). Models the library does not know yet (the sample family)
 * get a models profile.
 *
 * <p>Power is never invented: on a board without a power sensor the device profile is written
 * without power figures (drafting speed, acceptance and verification still count; energy for the
 * device reads "not measured") unless the user gives them ({@link Options#userPower}), measured
 * with an external meter or estimated, each recorded with that provenance field by field.
 */
public final class MeasuredProfiles {

    /**
     * Power figures a user gives for a board without a power sensor.
     *
     * @param draftingWatts board power while drafting, W, &gt; 0
     * @param idleWatts board power while idle, W, ≥ 0
     * @param provenance how the user got them: {@code measured} (an external meter) or {@code
     *     illustrative} (an estimate)
     */
    public record UserPower(double draftingWatts, double idleWatts, Provenance provenance) {
        public UserPower {
            if (!(draftingWatts > 0) || Double.isInfinite(draftingWatts)) {
                throw new IllegalArgumentException(
                    "drafting power must be a positive number of watts, was " + draftingWatts
                );
            }
            if (!(idleWatts >= 0) || Double.isInfinite(idleWatts)) {
                throw new IllegalArgumentException(
                    "idle power must be zero or a positive number of watts, was " + idleWatts
                );
            }
            java.util.Objects.requireNonNull(provenance, "provenance");
        }

        /** Read from an external meter (e.g. a USB power meter) by the user on {@code date}. */
        public static UserPower metered(
            double draftingWatts,
            double idleWatts,
            String meter,
            LocalDate date
        ) {
            String what = meter == null || meter.isBlank() ? "an external power meter" : meter.strip();
            return new UserPower(
                draftingWatts,
                idleWatts,
                new Provenance.Measured("entered by the user", date, 1, "", "read from " + what)
            );
        }

        /** Estimated by the user (e.g. from a data sheet); {@code basis} says from what. */
        public static UserPower estimated(double draftingWatts, double idleWatts, String basis) {
            String why = basis == null || basis.isBlank() ? "" : ": " + basis.strip();
            return new UserPower(
                draftingWatts,
                idleWatts,
                new Provenance.Illustrative(
                    "not measured: the board has no power sensor; estimated by the user" + why
                )
            );
        }
    }

    /**
     * @param deviceId id of the measured device profile (kept apart from any illustrative one it replaces)
     * @param deviceName display name
     * @param userPower power figures the user gives when the board has no power sensor, or empty
     * @param verifierDollarsPerGpuHour price of the local verifier (a placeholder; illustrative)
     */
    public record Options(
        String deviceId,
        String deviceName,
        java.util.Optional<UserPower> userPower,
        double verifierDollarsPerGpuHour
    ) {
        /** Id {@code <board>-measured}, name {@code <board> (measured)}, no user power, $1/GPU-hour placeholder. */
        public static Options forBoard(String boardName) {
            return new Options(
                slug(boardName) + "-measured",
                boardName + " (measured)",
                java.util.Optional.empty(),
                1.0
            );
        }

        /** These options with power figures the user gives (used only where no sensor measured power). */
        public Options withUserPower(UserPower power) {
            return new Options(deviceId, deviceName, java.util.Optional.of(power), verifierDollarsPerGpuHour);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper RAW_MAPPER =
        new com.fasterxml.jackson.databind.ObjectMapper();

    private MeasuredProfiles() {}

    /** A lower-case id made of letters, digits and dashes. */
    public static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "board" : s;
    }

    /**
     * The quantisation name a measurement is recorded under. When the library already knows the
     * drafter (a twin of a real model) but not the twin's ONNX precision, the nearest named
     * variant stands in ({@code int8} → {@code q8_0}, {@code int4} → {@code q4_k_m} or {@code
     * q4_0}) so the measurement sits beside the illustrative figures it replaces; the provenance's
     * tool says so.
     */
    static String recordedQuantization(ProfilingResult r, ProfileLibrary known) {
        if (known == null) {
            return r.quantization();
        }
        var drafter = known.drafter(r.drafter());
        if (drafter.isEmpty()) {
            return r.quantization();
        }
        List<String> names = drafter.get().quantizations().stream().map(QuantizationVariant::name).toList();
        if (names.contains(r.quantization())) {
            return r.quantization();
        }
        List<String> candidates = switch (r.quantization()) {
            case "int8" -> List.of("q8_0", "int8", "w8a8");
            case "int4" -> List.of("q4_k_m", "q4_0", "int4", "awq", "gptq");
            case "fp16" -> List.of("fp16", "bf16", "f16");
            default -> List.of();
        };
        return candidates.stream().filter(names::contains).findFirst().orElse(r.quantization());
    }

    /** The device profile of one or more runs on the same board (later runs replace earlier ones per drafter × quantisation). */
    public static DeviceProfile device(List<ProfilingResult> results, Options options) {
        return device(results, null, options);
    }

    /** As {@link #device(List, Options)}, naming quantisations as {@code known} does (see {@link #recordedQuantization}). */
    public static DeviceProfile device(List<ProfilingResult> results, ProfileLibrary known, Options options) {
        return MeasuredProfileWriter.device(measurement(results, known, options));
    }

    /**
     * What the runs found, for {@link MeasuredProfileWriter}: drafting per drafter × quantisation
     * (later runs replace earlier ones), measured acceptance, the local verifier of the last run
     * with a target, and the models {@code known} lacks. Power the board did not measure is the
     * user's (with its provenance) or absent.
     */
    public static BoardMeasurement measurement(
        List<ProfilingResult> results,
        ProfileLibrary known,
        Options options
    ) {
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no profiling results");
        }
        ProfilingResult first = results.getFirst();
        Map<String, BoardMeasurement.Drafting> drafting = new LinkedHashMap<>();
        List<BoardMeasurement.Acceptance> acceptance = new ArrayList<>();
        int samples = 0;
        double idleSum = 0;
        int idleRuns = 0;
        for (ProfilingResult r : results) {
            String quantization = recordedQuantization(r, known);
            Provenance measured = quantization.equals(r.quantization())
                ? measured(r, r.measuredRounds())
                : new Provenance.Measured(
                      r.tool() + " (ONNX " + r.quantization() + " twin standing in for " + quantization + ")",
                      r.date(),
                      Math.max(1, r.measuredRounds())
                  );
            Map<String, Provenance> fields = new LinkedHashMap<>();
            OptionalDouble watts = OptionalDouble.empty();
            if (!Double.isNaN(r.draftingWatts())) {
                watts = OptionalDouble.of(r.draftingWatts());
            } else if (options.userPower().isPresent()) {
                watts = OptionalDouble.of(options.userPower().get().draftingWatts());
                fields.put("powerWatts", options.userPower().get().provenance());
            }
            drafting.put(
                r.drafter() + "\u0000" + quantization,
                new BoardMeasurement.Drafting(r.drafter(), quantization, r.fit(), watts, measured, fields)
            );
            AcceptanceMeasurement a = r.acceptance();
            if (a != null) {
                double alpha = a.pooledAlpha();
                double half = Double.isNaN(a.alpha().ci95HalfWidth()) ? 0 : a.alpha().ci95HalfWidth();
                acceptance.add(
                    new BoardMeasurement.Acceptance(
                        r.drafter(),
                        r.quantization(),
                        a.target(),
                        alpha,
                        alpha - half,
                        alpha + half,
                        a.attemptedPositions(),
                        a.target() + "-prompts (" + a.prompts() + ", greedy)",
                        a.acceptanceByPosition(),
                        List.of(),
                        measured(r, Math.max(1, a.attemptedPositions()))
                    )
                );
            }
            samples += r.measuredRounds();
            if (!Double.isNaN(r.idleWatts())) {
                idleSum += r.idleWatts();
                idleRuns++;
            }
        }
        OptionalDouble idle = OptionalDouble.empty();
        Map<String, Provenance> deviceFields = new LinkedHashMap<>();
        if (idleRuns > 0) {
            idle = OptionalDouble.of(idleSum / idleRuns);
        } else if (options.userPower().isPresent()) {
            idle = OptionalDouble.of(options.userPower().get().idleWatts());
            deviceFields.put("idlePowerWatts", options.userPower().get().provenance());
        }
        var board = first.board();
        OptionalDouble memoryGiB = board.memoryTotalBytes() > 0
            ? OptionalDouble.of(board.memoryTotalBytes() / (1024.0 * 1024 * 1024))
            : OptionalDouble.empty();
        return new BoardMeasurement(
            new BoardMeasurement.Device(
                options.deviceId(),
                options.deviceName(),
                kind(first),
                board.cpuCores() + " × " + board.cpuModel() + " (" + board.architecture() + ")",
                memoryGiB,
                idle,
                deviceFields
            ),
            new ArrayList<>(drafting.values()),
            acceptance,
            localVerifier(results, options),
            drafterModels(results, known),
            targetModels(results, known),
            measured(first, Math.max(1, samples))
        );
    }

    /** The verifier measured by the last run with a target, if any. */
    private static java.util.Optional<BoardMeasurement.Verifier> localVerifier(
        List<ProfilingResult> results,
        Options options
    ) {
        for (ProfilingResult r : results.reversed()) {
            if (!r.verification().isEmpty() && r.targetInfo() != null) {
                return java.util.Optional.of(
                    new BoardMeasurement.Verifier(
                        "local-" + options.deviceId(),
                        "Local verifier on " + options.deviceName(),
                        r.board().cpuModel(),
                        r.targetInfo().id(),
                        r
                            .verification()
                            .stream()
                            .map(v -> new VerificationFit.Point(v.k() + 1, v.batch(), v.seconds().mean()))
                            .toList(),
                        OptionalDouble.empty(),
                        options.verifierDollarsPerGpuHour(),
                        "placeholder price of a local verifier; set your own",
                        measured(r, r.verification().size() * r.verification().getFirst().seconds().n())
                    )
                );
            }
        }
        return java.util.Optional.empty();
    }

    private static List<BoardMeasurement.Model> drafterModels(
        List<ProfilingResult> results,
        ProfileLibrary known
    ) {
        Map<String, List<QuantizationVariant>> quantizations = new LinkedHashMap<>();
        Map<String, String> families = new LinkedHashMap<>();
        Map<String, Long> parameters = new LinkedHashMap<>();
        for (ProfilingResult r : results) {
            ModelProvider.ModelInfo d = r.drafterInfo();
            if (d != null && (known == null || known.drafter(r.drafter()).isEmpty())) {
                List<QuantizationVariant> list = quantizations.computeIfAbsent(r.drafter(), k ->
                    new ArrayList<>()
                );
                list.removeIf(q -> q.name().equals(r.quantization()));
                list.add(variant(r.quantization(), d));
                families.put(r.drafter(), family(r.family()));
                parameters.put(r.drafter(), positive(d.parameters()));
            }
        }
        return quantizations
            .entrySet()
            .stream()
            .map(e ->
                new BoardMeasurement.Model(
                    e.getKey(),
                    families.get(e.getKey()),
                    parameters.get(e.getKey()),
                    e.getValue()
                )
            )
            .toList();
    }

    private static List<BoardMeasurement.Model> targetModels(
        List<ProfilingResult> results,
        ProfileLibrary known
    ) {
        Map<String, BoardMeasurement.Model> targets = new LinkedHashMap<>();
        for (ProfilingResult r : results) {
            ModelProvider.ModelInfo t = r.targetInfo();
            if (t != null && (known == null || known.target(t.id()).isEmpty())) {
                targets.put(
                    t.id(),
                    new BoardMeasurement.Model(
                        t.id(),
                        family(t.family()),
                        positive(t.parameters()),
                        List.of(variant(t.precision(), t))
                    )
                );
            }
        }
        return new ArrayList<>(targets.values());
    }

    /**
     * Writes the profiles of {@code results} into {@code directory} through {@link
     * MeasuredProfileWriter}: as applicable {@code models.json}, {@code server.json}, {@code
     * alignment.json}, and {@code device.json} last. Returns the files written, in that order.
     *
     * @param known the library the files will join (to leave out models it already has), or null
     */
    public static List<Path> write(
        Path directory,
        List<ProfilingResult> results,
        ProfileLibrary known,
        Options options
    ) throws IOException {
        return MeasuredProfileWriter.write(
            directory,
            measurement(results, known, options),
            MeasuredProfileWriter.FileNames.standard()
        );
    }

    /**
     * Adds one run to a board's measured profiles in {@code directory}: keeps the raw result (JSON)
     * in {@code directory/raw/DRAFTER-QUANTIZATION.measurement}, an extension profile loaders skip
     * (replacing an earlier run of the same drafter
     * and quantisation) and rewrites the profiles from every raw result there, so one device
     * profile collects all drafters measured on the board across sessions. Returns the files
     * written, in import order.
     */
    public static List<Path> writeAccumulating(
        Path directory,
        ProfilingResult result,
        ProfileLibrary known,
        Options options
    ) throws IOException {
        Path raw = directory.resolve("raw");
        Files.createDirectories(raw);
        byte[] json = RAW_MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(result.toJson());
        io.configspec.model.io.AtomicFiles.write(
            raw.resolve(slug(result.drafter() + "-" + result.quantization()) + ".measurement"),
            out -> out.write(json)
        );
        return rewrite(directory, result.board().boardName(), known, options);
    }

    /**
     * Rewrites a board's measured profiles in {@code directory} from the raw results kept there
     * (see {@link #writeAccumulating}), e.g. with power figures the user has since given. Returns
     * the files written, in import order.
     *
     * @throws IOException also when {@code directory} holds no raw result of {@code boardName}
     */
    public static List<Path> rewrite(Path directory, String boardName, ProfileLibrary known, Options options)
        throws IOException {
        Path raw = directory.resolve("raw");
        List<ProfilingResult> all = new ArrayList<>();
        if (Files.isDirectory(raw)) {
            try (java.util.stream.Stream<Path> files = Files.list(raw)) {
                for (Path file : files
                    .filter(f -> f.getFileName().toString().endsWith(".measurement"))
                    .sorted()
                    .toList()) {
                    try {
                        all.add(ProfilingResult.fromJson(RAW_MAPPER.readTree(file.toFile())));
                    } catch (IOException | RuntimeException e) {
                        // A damaged raw file is skipped; the run that wrote it can be repeated.
                    }
                }
            }
        }
        all.removeIf(r -> !r.board().boardName().equals(boardName));
        if (all.isEmpty()) {
            throw new IOException(
                raw + ": no measurement of the board '" + boardName + "' to write profiles from"
            );
        }
        return write(directory, all, known, options);
    }

    private static QuantizationVariant variant(String precision, ModelProvider.ModelInfo info) {
        double bits = Precision.bitsPerWeight(precision);
        long bytes = info.bytesOnDisk() > 0
            ? info.bytesOnDisk()
            : Math.max(1, (long) ((positive(info.parameters()) * bits) / 8));
        return new QuantizationVariant(precision, bits, bytes);
    }

    private static long positive(long parameters) {
        return parameters > 0 ? parameters : 1;
    }

    private static String family(String family) {
        return family == null || family.isBlank() ? "unknown" : family;
    }

    private static Provenance measured(ProfilingResult r, int samples) {
        return new Provenance.Measured(r.tool(), r.date(), Math.max(1, samples));
    }

    private static DeviceKind kind(ProfilingResult r) {
        String name = r.board().boardName().toLowerCase(Locale.ROOT);
        if (name.contains("jetson")) {
            return DeviceKind.EMBEDDED_GPU;
        }
        if (name.contains("raspberry") || name.contains("orange pi") || name.contains("rock")) {
            return DeviceKind.SINGLE_BOARD_COMPUTER;
        }
        if (r.powerSource() != null && r.powerSource().startsWith("battery:")) {
            return DeviceKind.LAPTOP;
        }
        return DeviceKind.OTHER;
    }
}
