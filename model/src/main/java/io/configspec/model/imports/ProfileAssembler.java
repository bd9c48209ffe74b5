package io.configspec.model.imports;

import io.configspec.model.domain.AcceptanceAtK;
import io.configspec.model.domain.AlignmentProfile;
import io.configspec.model.domain.DeviceKind;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.InvalidFieldException;
import io.configspec.model.domain.LanguageModel;
import io.configspec.model.domain.Provenance;
import io.configspec.model.domain.QuantizationVariant;
import io.configspec.model.imports.ImportPlan.PlannedFile;
import io.configspec.model.imports.ImportedMeasurements.Acceptance;
import io.configspec.model.imports.ImportedMeasurements.Board;
import io.configspec.model.imports.ImportedMeasurements.DraftingRate;
import io.configspec.model.imports.ImportedMeasurements.ModelRun;
import io.configspec.model.imports.ImportedMeasurements.PowerDraw;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileDocument;
import io.configspec.model.io.ProfileException;
import io.configspec.model.io.ProfileLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Merges the facts of one import's files into profile documents (docs/importing.md "From facts to
 * profiles"): one device profile per board (drafting rate per drafter × quantisation, board power
 * from the same row or from a power log of the import), the models the library lacks, and one
 * alignment file per target (α per K from the profiler's sweeps, α pooled over counted tokens from
 * llama-server and vLLM). Every number carries {@link Provenance.Measured} with the tool, the day,
 * the sample count, the input file's name and what exactly was measured.
 */
final class ProfileAssembler {

    /** z of a two-sided 95 % interval. */
    private static final double Z95 = 1.959963984540054;

    private final List<ImportedMeasurements> inputs;
    private final ImportOptions options;
    private final List<Map.Entry<Path, ProfileDocument>> known;
    private final Map<String, LanguageModel> knownDrafters = new LinkedHashMap<>();
    private final Map<String, LanguageModel> knownTargets = new LinkedHashMap<>();
    private final Map<String, DeviceProfile> knownDevices = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    /** Drafter id → quantisations this import measured it at (drafting rows). */
    private final Map<String, Set<String>> measuredQuantizations = new LinkedHashMap<>();
    /** Drafter id → how the files name it, and what they state about it. */
    private final Map<String, ModelFacts> drafterFacts = new LinkedHashMap<>();
    private final Map<String, ModelFacts> targetFacts = new LinkedHashMap<>();

    private ProfileAssembler(
        List<ImportedMeasurements> inputs,
        ImportOptions options,
        List<Map.Entry<Path, ProfileDocument>> known
    ) {
        this.inputs = inputs;
        this.options = options;
        this.known = known;
        for (var entry : known) {
            switch (entry.getValue()) {
                case ProfileDocument.ModelsDocument m -> {
                    m.drafters().forEach(d -> knownDrafters.put(d.id(), d));
                    m.targets().forEach(t -> knownTargets.put(t.id(), t));
                }
                case ProfileDocument.DeviceDocument(DeviceProfile d) -> knownDevices.put(d.id(), d);
                default -> {}
            }
        }
    }

    /** What a model's rows state about it: its name as written, and sizes where stated. */
    private record ModelFacts(
        String source,
        String family,
        long parameters,
        boolean exact,
        Map<String, Long> bytesByQuantization,
        ImportedMeasurements from
    ) {
        Path file() {
            return from.file();
        }
    }

    static ImportPlan plan(
        List<ImportedMeasurements> inputs,
        ImportOptions options,
        List<Map.Entry<Path, ProfileDocument>> known
    ) throws ProfileException {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("an import needs at least one file");
        }
        return new ProfileAssembler(inputs, options, known).plan();
    }

    private ImportPlan plan() throws ProfileException {
        for (ImportedMeasurements m : inputs) {
            if (m.isEmpty()) {
                throw ProfileException.ofFile(
                    m.file(),
                    "holds no drafting rate, power reading or acceptance that ConfigSpec imports (read as " +
                        m.format() +
                        ")",
                    null
                );
            }
            m
                .prefill()
                .forEach(p ->
                    notes.add(
                        m.file().getFileName() +
                            " line " +
                            p.line() +
                            ": prompt processing of " +
                            p.model().name().source() +
                            " (" +
                            p.detail() +
                            ", " +
                            number(p.tokensPerSecond()) +
                            " tokens/s) is a prefill rate, not a drafting rate: left out"
                    )
                );
            notes.addAll(m.leftOut());
            if (!m.goodput().isEmpty()) {
                notes.add(
                    m.file().getFileName() +
                        ": " +
                        m.goodput().size() +
                        " speculative decoding run(s) with measured goodput: compare them with the model's predictions with configspec validate-predictions"
                );
            }
        }
        List<Device> devices = devices();
        List<AlignmentGroup> alignments = alignmentGroups();
        List<PlannedFile> files = new ArrayList<>();
        modelsFile(devices, alignments).ifPresent(files::add);
        Map<String, List<AlignmentGroup>> byTarget = new LinkedHashMap<>();
        alignments.forEach(g -> byTarget.computeIfAbsent(g.target(), t -> new ArrayList<>()).add(g));
        for (List<AlignmentGroup> groups : byTarget.values()) {
            files.add(alignmentFileOf(groups));
        }
        for (Device device : devices) {
            files.add(deviceFile(device));
        }
        check(files);
        return new ImportPlan(inputs, files, notes);
    }

    // ------------------------------------------------------------------ devices

    /** One board's measurements after the names are settled. */
    private record Device(
        String boardKey,
        Board board,
        List<Rate> rates,
        Optional<Power> power,
        Optional<DeviceProfile> base
    ) {}

    /** A drafting rate with its file, after the name rule and the options. */
    private record Rate(ImportedMeasurements from, DraftingRate rate, String drafter, String quantization) {}

    /** A board power figure with the log it came from. */
    private record Power(PowerDraw draw, List<ImportedMeasurements> from) {}

    private List<Device> devices() throws ProfileException {
        Map<String, Board> boards = new LinkedHashMap<>();
        Map<String, List<Rate>> rates = new LinkedHashMap<>();
        Map<String, List<Map.Entry<ImportedMeasurements, PowerDraw>>> power = new LinkedHashMap<>();
        Set<String> named = new LinkedHashSet<>();
        for (ImportedMeasurements m : inputs) {
            m.boards().forEach(b -> boards.merge(b.key(), b, ProfileAssembler::richer));
            m.drafting().forEach(d -> named.add(d.board()));
            m.power().forEach(p -> named.add(p.board()));
        }
        named.removeIf(String::isEmpty);
        // A file about one unnamed board (a llama-bench run, a tegrastats log) joins the one named board, if there is one.
        String unnamedJoins = named.size() == 1 ? named.iterator().next() : "";
        for (ImportedMeasurements m : inputs) {
            for (DraftingRate d : m.drafting()) {
                String key = d.board().isEmpty() ? unnamedJoins : d.board();
                rates.computeIfAbsent(key, k -> new ArrayList<>()).add(rate(m, d));
            }
            for (PowerDraw p : m.power()) {
                String key = p.board().isEmpty() ? unnamedJoins : p.board();
                power.computeIfAbsent(key, k -> new ArrayList<>()).add(Map.entry(m, p));
            }
        }
        Set<String> keys = new LinkedHashSet<>(rates.keySet());
        keys.addAll(power.keySet());
        if (keys.isEmpty()) {
            return List.of();
        }
        if (options.device().isPresent() && keys.size() > 1) {
            throw ProfileException.ofFile(
                inputs.getFirst().file(),
                "and the other files of this import describe " +
                    keys.size() +
                    " boards (" +
                    keys
                        .stream()
                        .map(k -> k.isEmpty() ? "one unnamed" : k)
                        .collect(Collectors.joining(", ")) +
                    ") but --device names one device: import each board's files on their own",
                null
            );
        }
        List<Device> out = new ArrayList<>();
        for (String key : keys) {
            List<Rate> boardRates = chosen(rates.getOrDefault(key, List.of()));
            Optional<Power> boardPower = pooled(power.getOrDefault(key, List.of()));
            Board board = boards.getOrDefault(
                key,
                boards.getOrDefault("", new Board(key, "", Optional.empty(), "", ""))
            );
            Optional<DeviceProfile> base = Optional.empty();
            if (boardRates.isEmpty()) {
                // A power log alone: it measures a device the library already has.
                Path log = boardPower.orElseThrow().from().getFirst().file();
                String id = options
                    .device()
                    .orElseThrow(() ->
                        ProfileException.ofFile(
                            log,
                            "holds board power only: name the library device it measured with --device (and the library with --library), or import it together with the board's drafting rates (e.g. its llama-bench file)",
                            null
                        )
                    );
                base = Optional.ofNullable(knownDevices.get(id));
                if (base.isEmpty()) {
                    throw ProfileException.ofFile(
                        log,
                        "holds board power only and --device " +
                            id +
                            " is no device of the library" +
                            (knownDevices.isEmpty()
                                ? " (give the library with --library)"
                                : " (it has: " + String.join(", ", knownDevices.keySet()) + ")"),
                        null
                    );
                }
            }
            out.add(new Device(key, board, boardRates, boardPower, base));
        }
        return out;
    }

    private static Board richer(Board a, Board b) {
        return new Board(
            a.key(),
            a.name().isEmpty() ? b.name() : a.name(),
            a.kind().isPresent() ? a.kind() : b.kind(),
            a.cpu().isEmpty() ? b.cpu() : a.cpu(),
            a.gpu().isEmpty() ? b.gpu() : a.gpu()
        );
    }

    private Rate rate(ImportedMeasurements m, DraftingRate d) throws ProfileException {
        String drafter = drafterId(m, d.model(), d.line());
        String quantization = options
            .quantization()
            .or(() -> d.model().name().quantization())
            .orElseThrow(() ->
                ProfileException.atLine(
                    m.file(),
                    d.line(),
                    "model " +
                        d.model().name().source() +
                        " states no quantisation: give it with --quantization (e.g. q4_k_m)"
                )
            );
        measuredQuantizations.computeIfAbsent(drafter, k -> new LinkedHashSet<>()).add(quantization);
        remember(drafterFacts, drafter, m, d.model(), quantization);
        return new Rate(m, d, drafter, quantization);
    }

    private String drafterId(ImportedMeasurements m, ModelRun model, int line) throws ProfileException {
        if (options.drafter().isEmpty()) {
            return model.name().id();
        }
        Set<String> named = new LinkedHashSet<>();
        for (ImportedMeasurements input : inputs) {
            input.drafting().forEach(d -> named.add(d.model().name().id()));
            input.acceptance().forEach(a -> a.drafter().ifPresent(r -> named.add(r.name().id())));
        }
        if (named.size() > 1) {
            throw ProfileException.atLine(
                m.file(),
                line,
                "the files of this import name " +
                    named.size() +
                    " drafters (" +
                    String.join(", ", named) +
                    ") but --drafter renames one: import each drafter's files on their own"
            );
        }
        return options.drafter().get();
    }

    private void remember(
        Map<String, ModelFacts> facts,
        String id,
        ImportedMeasurements m,
        ModelRun model,
        String quantization
    ) {
        ModelFacts before = facts.get(id);
        long parameters = model.parameters().orElse(model.name().nominalParameters());
        boolean exact = model.parameters().isPresent();
        Map<String, Long> bytes = before == null ? new LinkedHashMap<>() : before.bytesByQuantization();
        if (quantization != null) {
            if (model.bytesOnDisk().isPresent()) {
                bytes.put(quantization, model.bytesOnDisk().getAsLong());
            } else {
                bytes.putIfAbsent(quantization, 0L);
            }
        }
        if (before != null && (before.exact() || !exact) && before.parameters() > 0) {
            return;
        }
        String family = options.drafter().isPresent() && facts == drafterFacts
            ? ModelNames.family(id)
            : model.name().family();
        facts.put(id, new ModelFacts(model.name().source(), family, parameters, exact, bytes, m));
    }

    /** Per drafter × quantisation the depth-0 test at the highest rate; the other tests go to the notes. */
    private List<Rate> chosen(List<Rate> rates) {
        Map<String, List<Rate>> byModel = new LinkedHashMap<>();
        for (Rate r : rates) {
            byModel.computeIfAbsent(r.drafter() + " " + r.quantization(), k -> new ArrayList<>()).add(r);
        }
        List<Rate> out = new ArrayList<>();
        for (List<Rate> same : byModel.values()) {
            List<Rate> shallow = same
                .stream()
                .filter(r -> !r.rate().detail().contains(" @ d"))
                .toList();
            List<Rate> pool = shallow.isEmpty() ? same : shallow;
            Rate best = pool
                .stream()
                .max(Comparator.comparingDouble(r -> r.rate().tokensPerSecond()))
                .orElseThrow();
            out.add(best);
            for (Rate other : same) {
                if (other != best) {
                    notes.add(
                        other.from().file().getFileName() +
                            " line " +
                            other.rate().line() +
                            ": " +
                            other.drafter() +
                            " " +
                            other.quantization() +
                            " at " +
                            number(other.rate().tokensPerSecond()) +
                            " tokens/s (" +
                            other.rate().detail() +
                            ") left out: the device profile keeps " +
                            number(best.rate().tokensPerSecond()) +
                            " tokens/s (" +
                            best.from().file().getFileName() +
                            " line " +
                            best.rate().line() +
                            (shallow.isEmpty() || shallow.contains(other)
                                ? ", the fastest test"
                                : ", the test at the shortest context") +
                            ")"
                    );
                }
            }
        }
        return out;
    }

    /** Several power logs of one board as one figure: the readings pooled. */
    private static Optional<Power> pooled(List<Map.Entry<ImportedMeasurements, PowerDraw>> draws) {
        if (draws.isEmpty()) {
            return Optional.empty();
        }
        if (draws.size() == 1) {
            return Optional.of(new Power(draws.getFirst().getValue(), List.of(draws.getFirst().getKey())));
        }
        int n = draws
            .stream()
            .mapToInt(e -> e.getValue().samples())
            .sum();
        double mean =
            draws
                .stream()
                .mapToDouble(e -> e.getValue().meanWatts() * e.getValue().samples())
                .sum() /
            n;
        double variance =
            draws
                .stream()
                .mapToDouble(e -> {
                    PowerDraw p = e.getValue();
                    double d = p.meanWatts() - mean;
                    return p.samples() * (p.standardDeviationWatts() * p.standardDeviationWatts() + d * d);
                })
                .sum() /
            n;
        PowerDraw first = draws.getFirst().getValue();
        PowerDraw pooled = new PowerDraw(
            first.board(),
            mean,
            Math.sqrt(variance),
            draws
                .stream()
                .mapToDouble(e -> e.getValue().minimumWatts())
                .min()
                .orElseThrow(),
            draws
                .stream()
                .mapToDouble(e -> e.getValue().maximumWatts())
                .max()
                .orElseThrow(),
            n,
            draws
                .stream()
                .map(e -> e.getValue().rails())
                .distinct()
                .collect(Collectors.joining("; "))
        );
        return Optional.of(new Power(pooled, draws.stream().map(Map.Entry::getKey).toList()));
    }

    private PlannedFile deviceFile(Device device) throws ProfileException {
        Optional<Provenance> logPower = device.power().map(p -> powerProvenance(p));
        List<DraftingMeasurement> drafting = new ArrayList<>();
        if (device.base().isPresent()) {
            DeviceProfile base = device.base().get();
            Power p = device.power().orElseThrow();
            for (DraftingMeasurement d : base.drafting()) {
                Map<String, Provenance> fields = new LinkedHashMap<>(d.fieldProvenance());
                fields.put("powerWatts", logPower.orElseThrow());
                drafting.add(
                    new DraftingMeasurement(
                        d.drafter(),
                        d.quantization(),
                        d.tokensPerSecond(),
                        d.roundOverheadSeconds(),
                        d.contextSlowdownPerThousandTokens(),
                        OptionalDouble.of(p.draw().meanWatts()),
                        d.provenance(),
                        fields
                    )
                );
            }
            DeviceProfile updated = build(
                () ->
                    new DeviceProfile(
                        base.id(),
                        base.name(),
                        base.deviceKind(),
                        base.cpu(),
                        base.gpu(),
                        base.memoryGiB(),
                        base.idlePowerWatts(),
                        drafting,
                        base.provenance(),
                        base.fieldProvenance()
                    ),
                p.from().getFirst().file()
            );
            notes.add(
                "device " +
                    base.id() +
                    " is the library's with its drafting power replaced by the measured " +
                    number(p.draw().meanWatts()) +
                    " W: load the new file instead of the library's (same id)"
            );
            return new PlannedFile(
                Path.of("devices", base.id() + ".json"),
                new ProfileDocument.DeviceDocument(updated),
                "device " +
                    base.id() +
                    ": " +
                    drafting.size() +
                    " drafting entries, power " +
                    number(p.draw().meanWatts()) +
                    " W measured (" +
                    p.draw().rails() +
                    ")"
            );
        }
        for (Rate r : device.rates()) {
            DraftingRate d = r.rate();
            OptionalDouble watts = d.powerWatts();
            Map<String, Provenance> fields = new LinkedHashMap<>();
            if (watts.isEmpty() && device.power().isPresent()) {
                watts = OptionalDouble.of(device.power().get().draw().meanWatts());
                fields.put("powerWatts", logPower.orElseThrow());
            } else if (watts.isPresent()) {
                fields.put(
                    "powerWatts",
                    measured(
                        r.from(),
                        Math.max(1, d.powerSamples()),
                        "board power in the same row (line " + d.line() + ")"
                    )
                );
            }
            String note =
                d.detail() +
                (d.standardDeviation().isPresent()
                    ? "; sd " + number(d.standardDeviation().getAsDouble()) + " tokens/s"
                    : "") +
                "; line " +
                d.line() +
                (d.model().name().source().equals(r.drafter()) ? "" : "; model " + d.model().name().source());
            drafting.add(
                new DraftingMeasurement(
                    r.drafter(),
                    r.quantization(),
                    d.tokensPerSecond(),
                    0.0,
                    0.0,
                    watts,
                    measured(r.from(), Math.max(1, d.samples()), note),
                    fields
                )
            );
        }
        Board board = device.board();
        String name = !board.name().isEmpty()
            ? board.name()
            : !board.cpu().isEmpty()
                ? "Imported board (" + board.cpu() + ")"
                : "Imported board";
        String id = options
            .device()
            .orElseGet(() -> {
                String base = ModelNames.slug(board.name().isEmpty() ? board.key() : board.name());
                base = base.isEmpty() ? "imported-board" : base;
                return knownDevices.containsKey(base) ? base + "-imported" : base;
            });
        DeviceKind kind = board.kind().orElseGet(() -> guessKind(device));
        String cpu = board.cpu().isEmpty() ? "not stated in " + files(device) : board.cpu();
        Path blame = device.rates().getFirst().from().file();
        DeviceProfile profile = build(
            () ->
                new DeviceProfile(
                    id,
                    name,
                    kind,
                    cpu,
                    board.gpu(),
                    OptionalDouble.empty(),
                    OptionalDouble.empty(),
                    drafting,
                    measured(
                        device.rates().getFirst().from(),
                        device
                            .rates()
                            .stream()
                            .mapToInt(r -> Math.max(1, r.rate().samples()))
                            .sum(),
                        "imported with configspec import from " + files(device)
                    ),
                    Map.of()
                ),
            blame
        );
        long withPower = drafting
            .stream()
            .filter(d -> d.powerWatts().isPresent())
            .count();
        return new PlannedFile(
            Path.of("devices", id + ".json"),
            new ProfileDocument.DeviceDocument(profile),
            "device " +
                id +
                " (" +
                name +
                "): " +
                drafting
                    .stream()
                    .map(
                        d ->
                            d.drafter() +
                            " " +
                            d.quantization() +
                            " " +
                            number(d.tokensPerSecond()) +
                            " tokens/s" +
                            d
                                .powerWatts()
                                .stream()
                                .mapToObj(w -> " " + number(w) + " W")
                                .findFirst()
                                .orElse("")
                    )
                    .collect(Collectors.joining(", ")) +
                (withPower == drafting.size()
                    ? ""
                    : withPower == 0
                        ? "; power not measured"
                        : "; power not measured for " + (drafting.size() - withPower))
        );
    }

    private static DeviceKind guessKind(Device device) {
        boolean jetson = device
            .power()
            .stream()
            .flatMap(p -> p.from().stream())
            .anyMatch(m -> m.format().equals("tegrastats") || m.format().equals("jtop"));
        String gpu = device.board().gpu().toLowerCase(Locale.ROOT);
        if (jetson || gpu.contains("orin") || gpu.contains("tegra") || gpu.contains("xavier")) {
            return DeviceKind.EMBEDDED_GPU;
        }
        String cpu = device.board().cpu().toLowerCase(Locale.ROOT);
        if (cpu.contains("cortex") || cpu.contains("bcm") || cpu.contains("raspberry")) {
            return DeviceKind.SINGLE_BOARD_COMPUTER;
        }
        return DeviceKind.OTHER;
    }

    private static String files(Device device) {
        Set<String> names = new LinkedHashSet<>();
        device.rates().forEach(r -> names.add(r.from().file().getFileName().toString()));
        device.power().ifPresent(p -> p.from().forEach(m -> names.add(m.file().getFileName().toString())));
        return String.join(", ", names);
    }

    private Provenance powerProvenance(Power p) {
        PowerDraw d = p.draw();
        String note =
            "board power while the log ran: " +
            d.rails() +
            ", mean " +
            number(d.meanWatts()) +
            " W, sd " +
            number(d.standardDeviationWatts()) +
            " W, " +
            number(d.minimumWatts()) +
            "–" +
            number(d.maximumWatts()) +
            " W";
        ImportedMeasurements first = p.from().getFirst();
        Provenance.Measured m = measured(first, Math.max(1, d.samples()), note);
        if (p.from().size() == 1) {
            return m;
        }
        return new Provenance.Measured(
            m.tool(),
            m.date(),
            m.sampleCount(),
            p
                .from()
                .stream()
                .map(x -> x.file().getFileName().toString())
                .collect(Collectors.joining(", ")),
            note
        );
    }

    // ------------------------------------------------------------------ alignment

    /** Acceptance rows of one drafter → target, with their files. */
    private record AlignmentGroup(
        String drafter,
        String target,
        List<Map.Entry<ImportedMeasurements, Acceptance>> rows,
        List<String> quantizations
    ) {}

    private List<AlignmentGroup> alignmentGroups() throws ProfileException {
        Map<String, List<Map.Entry<ImportedMeasurements, Acceptance>>> groups = new LinkedHashMap<>();
        Map<String, Optional<String>> quantizationOf = new LinkedHashMap<>();
        for (ImportedMeasurements m : inputs) {
            for (Acceptance a : m.acceptance()) {
                ModelRun drafterRun = a.drafter().orElse(null);
                if (drafterRun == null && options.drafter().isEmpty()) {
                    throw ProfileException.atLine(
                        m.file(),
                        a.line(),
                        "the acceptance figure names no drafter model: give it with --drafter"
                    );
                }
                String drafter = drafterRun == null
                    ? options.drafter().get()
                    : drafterId(m, drafterRun, a.line());
                ModelRun targetRun = a.target().orElse(null);
                if (targetRun == null && options.target().isEmpty()) {
                    throw ProfileException.atLine(
                        m.file(),
                        a.line(),
                        "the acceptance figure names no target model: give it with --target"
                    );
                }
                String target = options.target().orElseGet(() -> targetRun.name().id());
                Optional<String> quantization = options
                    .quantization()
                    .or(() -> drafterRun == null ? Optional.empty() : drafterRun.name().quantization());
                if (drafterRun != null) {
                    remember(drafterFacts, drafter, m, drafterRun, quantization.orElse(null));
                } else {
                    remember(
                        drafterFacts,
                        drafter,
                        m,
                        ModelRun.named(ModelNames.ofFile(drafter)),
                        quantization.orElse(null)
                    );
                }
                boolean asNamed = targetRun != null && options.target().isEmpty();
                remember(
                    targetFacts,
                    target,
                    m,
                    asNamed ? targetRun : ModelRun.named(ModelNames.ofFile(target)),
                    asNamed ? targetRun.name().quantization().orElse(null) : null
                );
                String key = drafter + "\u0000" + target + "\u0000" + quantization.orElse("");
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(Map.entry(m, a));
                quantizationOf.put(key, quantization);
            }
        }
        List<AlignmentGroup> out = new ArrayList<>();
        for (var entry : groups.entrySet()) {
            String[] parts = entry.getKey().split("\u0000", -1);
            String drafter = parts[0];
            String target = parts[1];
            List<String> quantizations;
            Optional<String> stated = quantizationOf.get(entry.getKey());
            if (stated.isPresent()) {
                quantizations = List.of(stated.get());
            } else {
                // Measured per drafter (the profiler's sweeps): it holds for every quantisation of the drafter we know.
                Set<String> all = new LinkedHashSet<>(measuredQuantizations.getOrDefault(drafter, Set.of()));
                LanguageModel inLibrary = knownDrafters.get(drafter);
                if (inLibrary != null) {
                    inLibrary.quantizations().forEach(q -> all.add(q.name()));
                }
                if (all.isEmpty()) {
                    var first = entry.getValue().getFirst();
                    throw ProfileException.atLine(
                        first.getKey().file(),
                        first.getValue().line(),
                        "the acceptance of " +
                            drafter +
                            " states no quantisation and neither this import nor the library measured " +
                            drafter +
                            " at one: give it with --quantization (e.g. q4_k_m)"
                    );
                }
                quantizations = List.copyOf(all);
                notes.add(
                    "acceptance of " +
                        drafter +
                        " → " +
                        target +
                        " was measured per drafter, not per quantisation: it is recorded for each quantisation of " +
                        drafter +
                        " known (" +
                        String.join(", ", all) +
                        ")"
                );
            }
            for (String q : quantizations) {
                drafterFacts.get(drafter).bytesByQuantization().putIfAbsent(q, 0L);
            }
            out.add(new AlignmentGroup(drafter, target, entry.getValue(), quantizations));
        }
        return out;
    }

    private PlannedFile alignmentFileOf(List<AlignmentGroup> groups) throws ProfileException {
        List<AlignmentProfile> entries = new ArrayList<>();
        List<String> said = new ArrayList<>();
        Path blame = groups.getFirst().rows().getFirst().getKey().file();
        for (AlignmentGroup group : groups) {
            TreeMap<Integer, Map.Entry<ImportedMeasurements, Acceptance>> perK = new TreeMap<>();
            long drafted = 0;
            long accepted = 0;
            List<Map.Entry<ImportedMeasurements, Acceptance>> counted = new ArrayList<>();
            for (var row : group.rows()) {
                Acceptance a = row.getValue();
                if (a.standardDeviation().isPresent() && a.k().isPresent() && a.draftedTokens().isEmpty()) {
                    var earlier = perK.put(a.k().getAsInt(), row);
                    if (earlier != null) {
                        throw ProfileException.atLine(
                            row.getKey().file(),
                            a.line(),
                            "repeats K " +
                                a.k().getAsInt() +
                                " of " +
                                group.drafter() +
                                " → " +
                                group.target() +
                                " (line " +
                                earlier.getValue().line() +
                                " of " +
                                earlier.getKey().file().getFileName() +
                                ")"
                        );
                    }
                } else if (a.draftedTokens().isPresent() && a.acceptedTokens().isPresent()) {
                    drafted += a.draftedTokens().getAsLong();
                    accepted += a.acceptedTokens().getAsLong();
                    counted.add(row);
                } else {
                    throw ProfileException.atLine(
                        row.getKey().file(),
                        a.line(),
                        "the acceptance figure has neither token counts nor a spread over prompts, so its uncertainty is unknown"
                    );
                }
            }
            List<AcceptanceAtK> byK = new ArrayList<>();
            for (var row : perK.values()) {
                Acceptance a = row.getValue();
                byK.add(
                    new AcceptanceAtK(
                        a.k().getAsInt(),
                        a.acceptanceRate(),
                        a.standardDeviation().getAsDouble(),
                        a.minimum(),
                        a.maximum(),
                        OptionalInt.empty()
                    )
                );
            }
            OptionalDouble rate = OptionalDouble.empty();
            OptionalDouble low = OptionalDouble.empty();
            OptionalDouble high = OptionalDouble.empty();
            OptionalInt samples = OptionalInt.empty();
            List<Double> byPosition = List.of();
            if (drafted > 0) {
                double alpha = (double) accepted / drafted;
                double[] interval = wilson(accepted, drafted);
                rate = OptionalDouble.of(alpha);
                low = OptionalDouble.of(Math.min(alpha, interval[0]));
                high = OptionalDouble.of(Math.max(alpha, interval[1]));
                samples = OptionalInt.of((int) Math.min(Integer.MAX_VALUE, drafted));
                if (counted.size() == 1) {
                    byPosition = counted.getFirst().getValue().byPosition();
                }
            }
            var first = group.rows().getFirst();
            Set<Integer> ks = new java.util.TreeSet<>();
            counted.forEach(r -> r.getValue().k().ifPresent(ks::add));
            String note = perK.isEmpty()
                ? "accepted / drafted tokens pooled over " +
                  counted.size() +
                  " figure(s): " +
                  accepted +
                  " of " +
                  drafted +
                  (ks.isEmpty()
                      ? ""
                      : " at K " + ks.stream().map(String::valueOf).collect(Collectors.joining(", "))) +
                  "; 95 % Wilson interval; " +
                  first.getValue().detail()
                : "α(K) for K " +
                  perK.firstKey() +
                  ".." +
                  perK.lastKey() +
                  " with its spread over prompts (" +
                  first.getValue().detail() +
                  "; sample count not stated)";
            int sampleCount = drafted > 0 ? (int) Math.min(Integer.MAX_VALUE, drafted) : 1;
            Provenance provenance = measured(first.getKey(), sampleCount, note);
            if (
                group
                    .rows()
                    .stream()
                    .map(r -> r.getKey().file())
                    .distinct()
                    .count() >
                1
            ) {
                Provenance.Measured m = (Provenance.Measured) provenance;
                provenance = new Provenance.Measured(
                    m.tool(),
                    m.date(),
                    m.sampleCount(),
                    group
                        .rows()
                        .stream()
                        .map(r -> r.getKey().file().getFileName().toString())
                        .distinct()
                        .collect(Collectors.joining(", ")),
                    note
                );
            }
            for (String q : group.quantizations()) {
                final OptionalDouble r = rate,
                    lo = low,
                    hi = high;
                final OptionalInt n = samples;
                final List<Double> positions = byPosition;
                final Provenance prov = provenance;
                entries.add(
                    build(
                        () ->
                            new AlignmentProfile(
                                group.drafter(),
                                q,
                                group.target(),
                                r,
                                lo,
                                hi,
                                n,
                                "not stated in " + first.getKey().file().getFileName(),
                                positions,
                                byK,
                                List.of(),
                                prov,
                                Map.of(),
                                Optional.empty()
                            ),
                        first.getKey().file()
                    )
                );
            }
            said.add(
                group.drafter() +
                    " (" +
                    String.join(", ", group.quantizations()) +
                    ") → " +
                    group.target() +
                    ": " +
                    (rate.isPresent()
                        ? "α " +
                          number(rate.getAsDouble()) +
                          " [" +
                          number(low.getAsDouble()) +
                          ", " +
                          number(high.getAsDouble()) +
                          "], " +
                          drafted +
                          " drafted tokens"
                        : "") +
                    (rate.isPresent() && !byK.isEmpty() ? "; " : "") +
                    (byK.isEmpty() ? "" : "α(K) for K " + perK.firstKey() + ".." + perK.lastKey())
            );
        }
        String target = groups.getFirst().target();
        String id = "imported-" + target;
        ProfileDocument.AlignmentDocument document = build(
            () -> new ProfileDocument.AlignmentDocument(id, entries.getFirst().provenance(), entries),
            blame
        );
        return new PlannedFile(
            Path.of("alignment", id + ".json"),
            document,
            "alignment " + id + ": " + String.join("; ", said)
        );
    }

    /** Wilson score interval of k successes in n trials. */
    static double[] wilson(long k, long n) {
        double p = (double) k / n;
        double z2 = Z95 * Z95;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4.0 * n * n))) / (1 + z2 / n);
        return new double[] { Math.max(0, centre - half), Math.min(1, centre + half) };
    }

    // ------------------------------------------------------------------ models

    private Optional<PlannedFile> modelsFile(List<Device> devices, List<AlignmentGroup> alignments)
        throws ProfileException {
        List<LanguageModel> drafters = new ArrayList<>();
        List<String> said = new ArrayList<>();
        for (var entry : drafterFacts.entrySet()) {
            String id = entry.getKey();
            ModelFacts facts = entry.getValue();
            LanguageModel inLibrary = knownDrafters.get(id);
            if (inLibrary != null) {
                for (String q : facts.bytesByQuantization().keySet()) {
                    if (
                        inLibrary
                            .quantizations()
                            .stream()
                            .noneMatch(v -> v.name().equals(q))
                    ) {
                        throw ProfileException.ofFile(
                            facts.file(),
                            "measured drafter " +
                                id +
                                " at quantisation " +
                                q +
                                " but the library's " +
                                id +
                                " has only " +
                                inLibrary
                                    .quantizations()
                                    .stream()
                                    .map(QuantizationVariant::name)
                                    .collect(Collectors.joining(", ")) +
                                ": add " +
                                q +
                                " to the library's models file first, or import without --library",
                            null
                        );
                    }
                }
                continue;
            }
            drafters.add(build(() -> drafter(id, facts), facts.file()));
            said.add(id + " (" + String.join(", ", facts.bytesByQuantization().keySet()) + ")");
        }
        List<LanguageModel> targets = new ArrayList<>();
        for (var entry : targetFacts.entrySet()) {
            if (knownTargets.containsKey(entry.getKey())) {
                continue;
            }
            targets.add(build(() -> target(entry.getKey(), entry.getValue()), entry.getValue().file()));
            said.add("target " + entry.getKey());
        }
        if (drafters.isEmpty() && targets.isEmpty()) {
            return Optional.empty();
        }
        String id = "imported-models-" + slugOf(inputs.getFirst().file().getFileName().toString());
        ImportedMeasurements first = inputs.getFirst();
        Provenance provenance = measured(
            first,
            1,
            "model names by the import's name rule (docs/importing.md); sizes as the tool states them or as the name states them"
        );
        ProfileDocument.ModelsDocument document = build(
            () -> new ProfileDocument.ModelsDocument(id, provenance, drafters, targets),
            first.file()
        );
        return Optional.of(
            new PlannedFile(
                Path.of("models", id + ".json"),
                document,
                "models " + id + ": " + String.join(", ", said)
            )
        );
    }

    private LanguageModel drafter(String id, ModelFacts facts) {
        requireSize(
            "drafter",
            id,
            facts,
            "give its size in the name, or add the model to the library (--library)"
        );
        List<QuantizationVariant> variants = new ArrayList<>();
        facts
            .bytesByQuantization()
            .forEach((q, bytes) ->
                variants.add(
                    new QuantizationVariant(
                        q,
                        OptionalDouble.empty(),
                        bytes > 0 ? OptionalLong.of(bytes) : OptionalLong.empty()
                    )
                )
            );
        return model(id, facts, variants, new LinkedHashMap<>());
    }

    private LanguageModel target(String id, ModelFacts facts) {
        requireSize("target", id, facts, "add the model to the library (--library)");
        List<QuantizationVariant> variants = new ArrayList<>();
        Map<String, Provenance> fields = new LinkedHashMap<>();
        if (facts.bytesByQuantization().isEmpty()) {
            variants.add(new QuantizationVariant("bf16", OptionalDouble.empty(), OptionalLong.empty()));
            fields.put(
                "quantizations",
                new Provenance.Illustrative(
                    "the file does not state the target's precision; bf16, the precision such models are published in, is assumed"
                )
            );
        } else {
            facts
                .bytesByQuantization()
                .keySet()
                .forEach(q ->
                    variants.add(new QuantizationVariant(q, OptionalDouble.empty(), OptionalLong.empty()))
                );
        }
        return model(id, facts, variants, fields);
    }

    /** The library entry of an imported model, drafter or target, with its sizes' provenance. */
    private LanguageModel model(
        String id,
        ModelFacts facts,
        List<QuantizationVariant> variants,
        Map<String, Provenance> fields
    ) {
        return new LanguageModel(
            id,
            displayName(facts.source()),
            facts.family(),
            facts.parameters(),
            variants,
            modelProvenance(facts),
            sizeProvenance(facts, fields),
            Optional.empty()
        );
    }

    /** Stops the import when neither the file nor the model's name states its size. */
    private static void requireSize(String role, String id, ModelFacts facts, String remedy) {
        if (facts.parameters() <= 0) {
            throw new InvalidFieldException(
                "parameterCount",
                "of " +
                    role +
                    " " +
                    id +
                    " is stated neither by the file nor by the model's name (" +
                    facts.source() +
                    "): " +
                    remedy
            );
        }
    }

    /** The model's provenance: measured by the import, as the file names it. */
    private Provenance.Measured modelProvenance(ModelFacts facts) {
        return measured(facts.from(), 1, "the model as the file names it: " + facts.source());
    }

    /** {@code fields} with the size's provenance where only the model's name states its size. */
    private static Map<String, Provenance> sizeProvenance(ModelFacts facts, Map<String, Provenance> fields) {
        if (!facts.exact()) {
            fields.put(
                "parameterCount",
                new Provenance.Literature("nominal size in the model's name (" + facts.source() + ")")
            );
        }
        return fields;
    }

    private static String displayName(String source) {
        String s = source.strip();
        int slash = Math.max(s.lastIndexOf('/'), s.lastIndexOf('\\'));
        s = s.substring(slash + 1).replaceFirst("(?i)\\.gguf$", "");
        return s.isEmpty() ? source : s;
    }

    // ------------------------------------------------------------------ checks and provenance

    /** The planned documents against their schema and against each other and the library. */
    private void check(List<PlannedFile> files) throws ProfileException {
        Set<String> replaced = files
            .stream()
            .map(PlannedFile::document)
            .filter(d -> d instanceof ProfileDocument.DeviceDocument)
            .map(ProfileDocument::id)
            .filter(knownDevices::containsKey)
            .collect(Collectors.toSet());
        List<Map.Entry<Path, ProfileDocument>> all = new ArrayList<>();
        for (var entry : known) {
            if (
                !(entry.getValue() instanceof ProfileDocument.DeviceDocument d && replaced.contains(d.id()))
            ) {
                all.add(entry);
            }
        }
        for (PlannedFile f : files) {
            Path where = f.relative();
            ProfileCodec.read(where, ProfileCodec.toJson(f.document()));
            all.add(Map.entry(where, f.document()));
        }
        ProfileLoader.assemble(all);
    }

    private Provenance.Measured measured(ImportedMeasurements m, int samples, String note) {
        LocalDate date = m.date().orElse(null);
        String when = "";
        if (date == null) {
            try {
                date = LocalDate.ofInstant(Files.getLastModifiedTime(m.file()).toInstant(), ZoneOffset.UTC);
                when = "; day: the file's last change (the file states none)";
            } catch (IOException e) {
                date = LocalDate.now(ZoneOffset.UTC);
                when = "; day: the import's (the file states none)";
            }
        }
        return new Provenance.Measured(
            m.tool(),
            date,
            samples,
            m.file().getFileName().toString(),
            note + when
        );
    }

    @FunctionalInterface
    private interface Builder<T> {
        T build();
    }

    /** A record built from imported facts; a rule it breaks is blamed on the input file. */
    private static <T> T build(Builder<T> builder, Path file) throws ProfileException {
        try {
            return builder.build();
        } catch (InvalidFieldException e) {
            throw ProfileException.ofFile(file, "cannot be imported: " + e.getMessage(), e);
        }
    }

    private static String slugOf(String text) {
        String s = ModelNames.slug(text.replaceFirst("\\.[A-Za-z0-9]+$", ""));
        return s.isEmpty() ? "import" : s;
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, "%.4g", value)
            .replaceFirst("(\\.\\d*?)0+$", "$1")
            .replaceFirst("\\.$", "");
    }
}
