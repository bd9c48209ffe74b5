package io.configspec.model.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.model.analysis.Constraint;
import io.configspec.model.analysis.EnergyMode;
import io.configspec.model.analysis.Objective;
import io.configspec.model.analysis.PricingMode;
import io.configspec.model.analysis.Scenario;
import io.configspec.model.analysis.TokenBilling;
import io.configspec.model.analysis.WhatIf;
import io.configspec.model.domain.AcceptanceAtK;
import io.configspec.model.domain.AlignmentProfile;
import io.configspec.model.domain.CalibrationPoint;
import io.configspec.model.domain.DeviceKind;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DrafterModel;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.HasProvenance;
import io.configspec.model.domain.InvalidFieldException;
import io.configspec.model.domain.NetworkProfile;
import io.configspec.model.domain.Provenance;
import io.configspec.model.domain.QuantizationVariant;
import io.configspec.model.domain.ServedTarget;
import io.configspec.model.domain.ServerProfile;
import io.configspec.model.domain.TargetModel;
import io.configspec.model.domain.VerificationLatency;
import io.configspec.model.domain.VerificationMeasurement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads and writes profile and scenario files (format: {@code docs/file-format.md}, schemas in
 * {@code docs/schema/}). Reading validates everything that can be checked inside one file: JSON
 * syntax, types, missing and unknown fields, ranges. References between files are checked by
 * {@link ProfileLoader} and {@link ScenarioLoader}. Thread-safe.
 */
public final class ProfileCodec {

    /** The {@code schemaVersion} this code reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    /** Files larger than this are refused before they are read (50 MB). */
    public static final long MAX_FILE_BYTES = 50L * 1000 * 1000;

    private static final JsonMapper MAPPER = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build();

    private ProfileCodec() {}

    /** The shared, configured mapper (strict duplicates, no trailing tokens, indented output). */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads and validates one file.
     *
     * @throws ProfileException naming the file and the field or line at fault
     */
    public static ProfileDocument read(Path file) throws ProfileException {
        JsonNode root = parse(file);
        JsonFieldReader reader = JsonFieldReader.root(file, root);
        int version = reader.integer("schemaVersion");
        if (version != SCHEMA_VERSION) {
            throw reader.fail(
                "schemaVersion",
                "is " + version + " but this version of ConfigSpec reads schemaVersion " + SCHEMA_VERSION
            );
        }
        String kind = reader.text("kind");
        reader.optionalText("description");
        ProfileDocument document = switch (kind) {
            case "device" -> new ProfileDocument.DeviceDocument(readDevice(reader));
            case "models" -> readModels(reader);
            case "alignment" -> readAlignment(reader);
            case "server" -> new ProfileDocument.ServerDocument(readServer(reader));
            case "network" -> new ProfileDocument.NetworkDocument(readNetwork(reader));
            case "scenario" -> new ProfileDocument.ScenarioDocument(readScenario(reader));
            case "fleet-scenario" -> readFleetScenario(reader);
            default -> throw reader.fail(
                "kind",
                "must be one of device, models, alignment, server, network, scenario, fleet-scenario but is \"" +
                    kind +
                    "\""
            );
        };
        reader.finish();
        return document;
    }

    /** The kinds {@link #read} understands. */
    public static final java.util.Set<String> KINDS = java.util.Set.of(
        "device",
        "models",
        "alignment",
        "server",
        "network",
        "scenario",
        "fleet-scenario"
    );

    /**
     * The {@code kind} of a JSON file, checking size and syntax but nothing else (for commands
     * that dispatch on the kind, including kinds other readers own, such as {@code fleet-scenario}).
     *
     * @return the kind, or empty when the file is a JSON object without a textual {@code kind}
     */
    public static Optional<String> peekKind(Path file) throws ProfileException {
        JsonNode root = parse(file);
        JsonNode kind = root == null ? null : root.get("kind");
        return kind != null && kind.isTextual() ? Optional.of(kind.asText()) : Optional.empty();
    }

    /** Parses a file into a JSON tree, refusing files over {@link #MAX_FILE_BYTES} before reading them. */
    static JsonNode parse(Path file) throws ProfileException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw ProfileException.ofFile(file, "does not exist", e);
        } catch (IOException e) {
            throw ProfileException.ofFile(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        if (Files.isDirectory(file)) {
            throw ProfileException.ofFile(file, "is a directory, not a JSON file", null);
        }
        if (size > MAX_FILE_BYTES) {
            throw ProfileException.ofFile(
                file,
                String.format(
                    Locale.ROOT,
                    "is %.1f MB, larger than the %d MB limit for profile files",
                    size / 1e6,
                    MAX_FILE_BYTES / 1_000_000
                ),
                null
            );
        }
        try (InputStream in = Files.newInputStream(file)) {
            return MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String reason = "is not valid JSON: " + firstLine(e.getOriginalMessage());
            if (location != null && location.getLineNr() > 0) {
                throw ProfileException.atLine(
                    file,
                    location.getLineNr(),
                    location.getColumnNr(),
                    "not valid JSON: " + firstLine(e.getOriginalMessage()),
                    e
                );
            }
            throw ProfileException.ofFile(file, reason, e);
        } catch (IOException e) {
            throw ProfileException.ofFile(file, "cannot be read (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.lines().findFirst().orElse("").strip();
        // Jackson appends source references ("(start marker at [Source: ...; line: 1, column: 1])");
        // the sentence already names the file, line and column.
        for (String noise : new String[] { " (start marker at", " at [Source:", " [Source:" }) {
            int at = line.indexOf(noise);
            if (at > 0) {
                line = line.substring(0, at);
            }
        }
        while (line.endsWith(".") || line.endsWith(":")) {
            line = line.substring(0, line.length() - 1);
        }
        return line;
    }

    static Provenance readProvenance(JsonFieldReader parent, String name, Provenance inherited)
        throws ProfileException {
        Optional<JsonFieldReader> maybe = parent.optionalObject(name);
        if (maybe.isEmpty()) {
            if (inherited == null) {
                throw parent.fail(name, "is missing");
            }
            return inherited;
        }
        JsonFieldReader r = maybe.get();
        String kind = r.text("kind");
        Provenance provenance = switch (kind) {
            case "measured" -> {
                String tool = r.text("tool");
                String dateText = r.text("date");
                LocalDate date;
                try {
                    date = LocalDate.parse(dateText);
                } catch (DateTimeParseException e) {
                    throw r.fail("date", "must be a date like 2026-01-31 but is \"" + dateText + "\"");
                }
                int samples = r.integer("sampleCount");
                yield r.build(() -> new Provenance.Measured(tool, date, samples));
            }
            case "literature" -> {
                String source = r.text("source");
                yield r.build(() -> new Provenance.Literature(source));
            }
            case "illustrative" -> new Provenance.Illustrative(r.optionalText("note").orElse(""));
            default -> throw r.fail(
                "kind",
                "must be measured, literature or illustrative but is \"" + kind + "\""
            );
        };
        r.finish();
        return provenance;
    }

    private static Map<String, Provenance> readFieldProvenance(JsonFieldReader parent)
        throws ProfileException {
        Optional<JsonFieldReader> maybe = parent.optionalObject("fieldProvenance");
        if (maybe.isEmpty()) {
            return Map.of();
        }
        JsonFieldReader r = maybe.get();
        Map<String, Provenance> map = new LinkedHashMap<>();
        for (String field : r.fieldNames()) {
            map.put(field, readProvenance(r, field, null));
        }
        r.finish();
        return map;
    }

    /**
     * Every key of {@code fieldProvenance} must name a field this object can have (present, or
     * optional and defaulted; call after reading all of them), so a provenance never silently
     * attaches to nothing.
     */
    private static void checkFieldProvenance(JsonFieldReader r, Map<String, Provenance> fields)
        throws ProfileException {
        for (String field : fields.keySet()) {
            if (field.equals("provenance") || field.equals("fieldProvenance") || !r.wasRead(field)) {
                throw r.fail("fieldProvenance." + field, "names no field of this object");
            }
        }
    }

    private static DeviceProfile readDevice(JsonFieldReader r) throws ProfileException {
        String id = r.text("id");
        String name = r.text("name");
        String kindName = r.text("deviceKind");
        DeviceKind kind = DeviceKind.fromJsonName(kindName).orElseThrow(() ->
            r.fail("deviceKind", "must be one of " + deviceKinds() + " but is \"" + kindName + "\"")
        );
        String cpu = r.text("cpu");
        String gpu = r.optionalText("gpu").orElse("");
        OptionalDouble memory = r.optionalNumber("memoryGiB");
        OptionalDouble idle = r.optionalNumber("idlePowerWatts");
        Provenance provenance = readProvenance(r, "provenance", null);
        Map<String, Provenance> fields = readFieldProvenance(r);
        List<DraftingMeasurement> drafting = new ArrayList<>();
        for (JsonFieldReader m : r.objects("drafting")) {
            String drafter = m.text("drafter");
            String quantization = m.text("quantization");
            double rate = m.number("tokensPerSecond");
            double overhead = m.number("roundOverheadSeconds", 0.0);
            double slowdown = m.number("contextSlowdownPerThousandTokens", 0.0);
            OptionalDouble power = m.optionalNumber("powerWatts");
            Provenance p = readProvenance(m, "provenance", provenance);
            Map<String, Provenance> fp = readFieldProvenance(m);
            checkFieldProvenance(m, fp);
            m.finish();
            drafting.add(
                m.build(() ->
                    new DraftingMeasurement(drafter, quantization, rate, overhead, slowdown, power, p, fp)
                )
            );
        }
        checkFieldProvenance(r, fields);
        return r.build(() ->
            new DeviceProfile(id, name, kind, cpu, gpu, memory, idle, drafting, provenance, fields)
        );
    }

    private static String deviceKinds() {
        List<String> names = new ArrayList<>();
        for (DeviceKind k : DeviceKind.values()) {
            names.add(k.jsonName());
        }
        return String.join(", ", names);
    }

    private static ProfileDocument.ModelsDocument readModels(JsonFieldReader r) throws ProfileException {
        String id = r.text("id");
        Provenance provenance = readProvenance(r, "provenance", null);
        List<DrafterModel> drafters = new ArrayList<>();
        for (JsonFieldReader m : r.optionalObjects("drafters")) {
            ModelFields f = readModelFields(m, provenance);
            drafters.add(
                m.build(() ->
                    new DrafterModel(
                        f.id,
                        f.name,
                        f.family,
                        f.parameters,
                        f.quantizations,
                        f.provenance,
                        f.fields
                    )
                )
            );
        }
        List<TargetModel> targets = new ArrayList<>();
        for (JsonFieldReader m : r.optionalObjects("targets")) {
            ModelFields f = readModelFields(m, provenance);
            targets.add(
                m.build(() ->
                    new TargetModel(
                        f.id,
                        f.name,
                        f.family,
                        f.parameters,
                        f.quantizations,
                        f.provenance,
                        f.fields
                    )
                )
            );
        }
        if (drafters.isEmpty() && targets.isEmpty()) {
            throw r.fail("drafters", "is missing (a models file lists drafters, targets or both)");
        }
        return new ProfileDocument.ModelsDocument(id, provenance, drafters, targets);
    }

    private record ModelFields(
        String id,
        String name,
        String family,
        long parameters,
        List<QuantizationVariant> quantizations,
        Provenance provenance,
        Map<String, Provenance> fields
    ) {}

    private static ModelFields readModelFields(JsonFieldReader m, Provenance inherited)
        throws ProfileException {
        String id = m.text("id");
        String name = m.text("name");
        String family = m.text("family");
        long parameters = m.wholeNumber("parameterCount");
        List<QuantizationVariant> quantizations = new ArrayList<>();
        for (JsonFieldReader q : m.objects("quantizations")) {
            String qName = q.text("name");
            OptionalDouble bits = q.optionalNumber("bitsPerWeight");
            java.util.OptionalLong size = q.has("sizeOnDiskBytes")
                ? java.util.OptionalLong.of(q.wholeNumber("sizeOnDiskBytes"))
                : java.util.OptionalLong.empty();
            q.finish();
            quantizations.add(q.build(() -> new QuantizationVariant(qName, bits, size)));
        }
        Provenance provenance = readProvenance(m, "provenance", inherited);
        Map<String, Provenance> fields = readFieldProvenance(m);
        checkFieldProvenance(m, fields);
        m.finish();
        return new ModelFields(id, name, family, parameters, quantizations, provenance, fields);
    }

    private static ProfileDocument.AlignmentDocument readAlignment(JsonFieldReader r)
        throws ProfileException {
        String id = r.text("id");
        Provenance provenance = readProvenance(r, "provenance", null);
        List<AlignmentProfile> entries = new ArrayList<>();
        for (JsonFieldReader e : r.objects("entries")) {
            String drafter = e.text("drafter");
            String quantization = e.text("quantization");
            String target = e.text("target");
            OptionalDouble alpha = e.optionalNumber("acceptanceRate");
            OptionalDouble low = e.optionalNumber("acceptanceLow");
            OptionalDouble high = e.optionalNumber("acceptanceHigh");
            java.util.OptionalInt samples = e.optionalInteger("sampleCount");
            String promptSet = e.text("promptSet");
            List<Double> curve = e.optionalNumbers("acceptanceByPosition");
            List<AcceptanceAtK> byK = new ArrayList<>();
            for (JsonFieldReader m : e.optionalObjects("acceptanceByK")) {
                int k = m.integer("k");
                double rate = m.number("acceptanceRate");
                double sd = m.number("standardDeviation");
                OptionalDouble min = m.optionalNumber("minimum");
                OptionalDouble max = m.optionalNumber("maximum");
                java.util.OptionalInt n = m.optionalInteger("sampleCount");
                m.finish();
                byK.add(m.build(() -> new AcceptanceAtK(k, rate, sd, min, max, n)));
            }
            List<CalibrationPoint> calibration = new ArrayList<>();
            for (JsonFieldReader c : e.optionalObjects("calibration")) {
                double confidence = c.number("confidence");
                double accepted = c.number("acceptanceRate");
                c.finish();
                calibration.add(c.build(() -> new CalibrationPoint(confidence, accepted)));
            }
            Provenance p = readProvenance(e, "provenance", provenance);
            Map<String, Provenance> fp = readFieldProvenance(e);
            checkFieldProvenance(e, fp);
            e.finish();
            entries.add(
                e.build(() ->
                    new AlignmentProfile(
                        drafter,
                        quantization,
                        target,
                        alpha,
                        low,
                        high,
                        samples,
                        promptSet,
                        curve,
                        byK,
                        calibration,
                        p,
                        fp
                    )
                )
            );
        }
        if (entries.isEmpty()) {
            throw r.fail("entries", "is empty (an alignment file lists at least one entry)");
        }
        return new ProfileDocument.AlignmentDocument(id, provenance, entries);
    }

    /** Keeps a fleet scenario's fields as JSON (checked by the fleet package's FleetScenarioFile). */
    private static ProfileDocument readFleetScenario(JsonFieldReader r) throws ProfileException {
        String id = r.text("id");
        ObjectNode content = MAPPER.createObjectNode();
        content.put("id", id);
        for (String name : r.fieldNames()) {
            if (!name.equals("schemaVersion") && !name.equals("kind") && !name.equals("id")) {
                r.raw(name).ifPresent(value -> content.set(name, value.deepCopy()));
            }
        }
        return new ProfileDocument.FleetScenarioDocument(id, content);
    }

    private static ServerProfile readServer(JsonFieldReader r) throws ProfileException {
        String id = r.text("id");
        String name = r.text("name");
        String gpu = r.text("gpu");
        Provenance provenance = readProvenance(r, "provenance", null);
        Map<String, Provenance> fields = readFieldProvenance(r);
        List<ServedTarget> targets = new ArrayList<>();
        for (JsonFieldReader t : r.objects("targets")) {
            String target = t.text("target");
            JsonFieldReader v = t.object("verification");
            String model = v.text("model");
            VerificationLatency latency = switch (model) {
                case "fixed" -> {
                    double seconds = v.number("seconds");
                    yield v.build(() -> new VerificationLatency.Fixed(seconds));
                }
                case "linear" -> {
                    double intercept = v.number("interceptSeconds");
                    double perVerified = v.number("secondsPerVerifiedToken", 0.0);
                    double perContext = v.number("secondsPerContextToken", 0.0);
                    double perRequest = v.number("secondsPerRequest", 0.0);
                    List<VerificationMeasurement> measured = new ArrayList<>();
                    for (JsonFieldReader m : v.optionalObjects("measurements")) {
                        int batch = m.integer("batchSize");
                        int verified = m.integer("verifiedTokens");
                        long context = m.wholeNumber("contextTokens");
                        double seconds = m.number("latencySeconds");
                        m.finish();
                        measured.add(
                            m.build(() -> new VerificationMeasurement(batch, verified, context, seconds))
                        );
                    }
                    OptionalDouble rSquared = v.optionalNumber("rSquared");
                    OptionalDouble rmse = v.optionalNumber("rmseSeconds");
                    yield v.build(() ->
                        new VerificationLatency.Linear(
                            intercept,
                            perVerified,
                            perContext,
                            perRequest,
                            measured,
                            rSquared,
                            rmse
                        )
                    );
                }
                default -> throw v.fail("model", "must be fixed or linear but is \"" + model + "\"");
            };
            v.finish();
            OptionalDouble perToken = t.optionalNumber("dollarsPerMillionVerifiedTokens");
            OptionalDouble perHour = t.optionalNumber("dollarsPerGpuHour");
            OptionalDouble step = t.optionalNumber("targetStepSeconds");
            Provenance p = readProvenance(t, "provenance", provenance);
            Map<String, Provenance> fp = readFieldProvenance(t);
            checkFieldProvenance(t, fp);
            t.finish();
            targets.add(t.build(() -> new ServedTarget(target, latency, perToken, perHour, step, p, fp)));
        }
        checkFieldProvenance(r, fields);
        return r.build(() -> new ServerProfile(id, name, gpu, targets, provenance, fields));
    }

    private static NetworkProfile readNetwork(JsonFieldReader r) throws ProfileException {
        String id = r.text("id");
        String name = r.text("name");
        double rtt = r.number("rttSeconds");
        double up = r.number("uplinkMegabitsPerSecond");
        double down = r.number("downlinkMegabitsPerSecond");
        double perToken = r.number("bytesPerDraftToken");
        double reply = r.number("replyBytes");
        Provenance provenance = readProvenance(r, "provenance", null);
        Map<String, Provenance> fields = readFieldProvenance(r);
        checkFieldProvenance(r, fields);
        return r.build(() ->
            new NetworkProfile(id, name, rtt, up, down, perToken, reply, provenance, fields)
        );
    }

    private static Scenario readScenario(JsonFieldReader r) throws ProfileException {
        String id = r.text("id");
        String name = r.text("name");
        String description = r.optionalText("description").orElse("");
        Optional<List<String>> profiles = r.optionalTexts("profiles");
        if (profiles.isEmpty()) {
            throw r.fail(
                "profiles",
                "is missing (list the profile files or directories, relative to the scenario)"
            );
        }
        if (profiles.get().isEmpty()) {
            throw r.fail(
                "profiles",
                "is empty (list the profile files or directories, relative to the scenario)"
            );
        }
        List<String> devices = List.of();
        List<String> drafters = List.of();
        List<String> quantizations = List.of();
        List<String> targets = List.of();
        Optional<JsonFieldReader> select = r.optionalObject("select");
        if (select.isPresent()) {
            JsonFieldReader s = select.get();
            devices = selection(s, "devices");
            drafters = selection(s, "drafters");
            quantizations = selection(s, "quantizations");
            targets = selection(s, "targets");
            s.finish();
        }
        String server = r.text("server");
        Optional<String> network = r.optionalText("network");
        JsonFieldReader k = r.object("k");
        int kMin = k.integer("min");
        int kMax = k.integer("max");
        k.finish();
        List<Objective> objectives = new ArrayList<>();
        Optional<List<String>> objectiveNames = r.optionalTexts("objectives");
        if (objectiveNames.isPresent()) {
            for (int i = 0; i < objectiveNames.get().size(); i++) {
                String objectiveName = objectiveNames.get().get(i);
                int index = i;
                objectives.add(
                    Objective.fromCliName(objectiveName).orElseThrow(() ->
                        r.fail(
                            "objectives[" + index + "]",
                            "must be one of " + Objective.cliNames() + " but is \"" + objectiveName + "\""
                        )
                    )
                );
            }
        }
        List<Constraint> constraints = new ArrayList<>();
        for (JsonFieldReader c : r.optionalObjects("constraints")) {
            constraints.add(readConstraint(c));
        }
        WhatIf whatIf = WhatIf.NONE;
        Optional<JsonFieldReader> whatIfReader = r.optionalObject("whatIf");
        if (whatIfReader.isPresent()) {
            whatIf = readWhatIf(whatIfReader.get());
        }
        String pricingName = r.optionalText("pricing").orElse(PricingMode.TOKEN.jsonName());
        PricingMode pricing = PricingMode.fromJsonName(pricingName).orElseThrow(() ->
            r.fail("pricing", "must be token or gpu-time but is \"" + pricingName + "\"")
        );
        String billingName = r.optionalText("billing").orElse(TokenBilling.DRAFTS_AND_BONUS.jsonName());
        TokenBilling billing = TokenBilling.fromJsonName(billingName).orElseThrow(() ->
            r.fail("billing", "must be k or k-plus-one but is \"" + billingName + "\"")
        );
        String energyName = r.optionalText("energy").orElse(EnergyMode.DRAFTING_ONLY.jsonName());
        EnergyMode energy = EnergyMode.fromJsonName(energyName).orElseThrow(() ->
            r.fail("energy", "must be drafting-only or whole-round but is \"" + energyName + "\"")
        );
        int contextTokens = 0;
        int batchSize = 1;
        Optional<JsonFieldReader> workload = r.optionalObject("workload");
        if (workload.isPresent()) {
            contextTokens = workload.get().integer("contextTokens", 0);
            batchSize = workload.get().integer("batchSize", 1);
            workload.get().finish();
        }
        List<String> d = devices,
            dr = drafters,
            q = quantizations,
            t = targets;
        WhatIf w = whatIf;
        int ctx = contextTokens,
            batch = batchSize;
        return r.build(() ->
            new Scenario(
                id,
                name,
                description,
                profiles.get(),
                d,
                dr,
                q,
                t,
                server,
                network,
                kMin,
                kMax,
                objectives,
                constraints,
                w,
                pricing,
                billing,
                energy,
                ctx,
                batch
            )
        );
    }

    private static List<String> selection(JsonFieldReader s, String name) throws ProfileException {
        Optional<List<String>> values = s.optionalTexts(name);
        if (values.isPresent() && values.get().isEmpty()) {
            throw s.fail(
                name,
                "is an empty list, so the scenario selects nothing (leave the field out to select all)"
            );
        }
        return values.orElse(List.of());
    }

    private static Constraint readConstraint(JsonFieldReader c) throws ProfileException {
        String objectiveName = c.text("objective");
        Objective objective = Objective.fromCliName(objectiveName).orElseThrow(() ->
            c.fail(
                "objective",
                "must be one of " + Objective.cliNames() + " but is \"" + objectiveName + "\""
            )
        );
        OptionalDouble min = c.optionalNumber("min");
        OptionalDouble max = c.optionalNumber("max");
        c.finish();
        if (min.isPresent() == max.isPresent()) {
            throw c.fail("min", "must be given, or max, but not both");
        }
        return min.isPresent()
            ? Constraint.atLeast(objective, min.getAsDouble())
            : Constraint.atMost(objective, max.getAsDouble());
    }

    private static WhatIf readWhatIf(JsonFieldReader r) throws ProfileException {
        WhatIf whatIf = WhatIf.NONE;
        for (String key : r.fieldNames()) {
            if (key.startsWith("$")) {
                continue;
            }
            JsonNode value = r.raw(key).orElse(null);
            if (value == null) {
                continue;
            }
            try {
                if (value.isTextual()) {
                    whatIf = whatIf.with(key, value.asText());
                } else if (value.isNumber()) {
                    whatIf = whatIf.with(
                        key,
                        value.isIntegralNumber()
                            ? Long.toString(value.asLong())
                            : Double.toString(value.asDouble())
                    );
                } else {
                    throw r.fail(key, "must be a number or a text but is " + JsonFieldReader.describe(value));
                }
            } catch (InvalidFieldException e) {
                throw r.fail(key, e.problem());
            }
        }
        return whatIf;
    }

    // ---------------------------------------------------------------- writing

    /** The JSON tree of a document, as {@link #write} stores it. */
    public static ObjectNode toJson(ProfileDocument document) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("kind", document.kind());
        switch (document) {
            case ProfileDocument.DeviceDocument(DeviceProfile d) -> writeDevice(root, d);
            case ProfileDocument.ModelsDocument m -> writeModels(root, m);
            case ProfileDocument.AlignmentDocument a -> writeAlignment(root, a);
            case ProfileDocument.ServerDocument(ServerProfile s) -> writeServer(root, s);
            case ProfileDocument.NetworkDocument(NetworkProfile n) -> writeNetwork(root, n);
            case ProfileDocument.ScenarioDocument(Scenario s) -> writeScenario(root, s);
            case ProfileDocument.FleetScenarioDocument f -> root.setAll(f.content().deepCopy());
        }
        return root;
    }

    /** Writes a document atomically (see {@link AtomicFiles}). */
    public static void write(Path file, ProfileDocument document) throws IOException {
        ObjectNode json = toJson(document);
        AtomicFiles.write(file, out -> MAPPER.writeValue(out, json));
    }

    static ObjectNode provenanceJson(Provenance provenance) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("kind", provenance.kind());
        switch (provenance) {
            case Provenance.Measured m -> {
                node.put("tool", m.tool());
                node.put("date", m.date().toString());
                node.put("sampleCount", m.sampleCount());
            }
            case Provenance.Literature l -> node.put("source", l.source());
            case Provenance.Illustrative i -> {
                if (!i.note().isEmpty()) {
                    node.put("note", i.note());
                }
            }
        }
        return node;
    }

    private static void writeProvenance(ObjectNode node, HasProvenance record, Provenance inherited) {
        if (!record.provenance().equals(inherited)) {
            node.set("provenance", provenanceJson(record.provenance()));
        }
        if (!record.fieldProvenance().isEmpty()) {
            ObjectNode fields = node.putObject("fieldProvenance");
            record.fieldProvenance().forEach((field, p) -> fields.set(field, provenanceJson(p)));
        }
    }

    private static void writeDevice(ObjectNode root, DeviceProfile d) {
        root.put("id", d.id());
        root.put("name", d.name());
        root.put("deviceKind", d.kind().jsonName());
        root.put("cpu", d.cpu());
        if (!d.gpu().isEmpty()) {
            root.put("gpu", d.gpu());
        }
        d.memoryGiB().ifPresent(v -> root.put("memoryGiB", v));
        d.idlePowerWatts().ifPresent(v -> root.put("idlePowerWatts", v));
        writeProvenance(root, d, null);
        ArrayNode drafting = root.putArray("drafting");
        for (DraftingMeasurement m : d.drafting()) {
            ObjectNode n = drafting.addObject();
            n.put("drafter", m.drafter());
            n.put("quantization", m.quantization());
            n.put("tokensPerSecond", m.tokensPerSecond());
            // Optional fields are written when set, or when a field provenance speaks about them
            // (a measured zero, or "not measured"), so the file reads back with that provenance.
            if (m.roundOverheadSeconds() != 0 || m.fieldProvenance().containsKey("roundOverheadSeconds")) {
                n.put("roundOverheadSeconds", m.roundOverheadSeconds());
            }
            if (
                m.contextSlowdownPerThousandTokens() != 0 ||
                m.fieldProvenance().containsKey("contextSlowdownPerThousandTokens")
            ) {
                n.put("contextSlowdownPerThousandTokens", m.contextSlowdownPerThousandTokens());
            }
            m.powerWatts().ifPresent(v -> n.put("powerWatts", v));
            writeProvenance(n, m, d.provenance());
        }
    }

    private static void writeModels(ObjectNode root, ProfileDocument.ModelsDocument m) {
        root.put("id", m.id());
        root.set("provenance", provenanceJson(m.provenance()));
        ArrayNode drafters = root.putArray("drafters");
        m.drafters().forEach(d -> writeModel(drafters.addObject(), d, m.provenance()));
        ArrayNode targets = root.putArray("targets");
        m.targets().forEach(t -> writeModel(targets.addObject(), t, m.provenance()));
    }

    private static void writeModel(
        ObjectNode n,
        io.configspec.model.domain.LanguageModel model,
        Provenance inherited
    ) {
        n.put("id", model.id());
        n.put("name", model.name());
        n.put("family", model.family());
        n.put("parameterCount", model.parameterCount());
        ArrayNode quantizations = n.putArray("quantizations");
        for (QuantizationVariant q : model.quantizations()) {
            ObjectNode qn = quantizations.addObject();
            qn.put("name", q.name());
            q.bitsPerWeight().ifPresent(v -> qn.put("bitsPerWeight", v));
            q.sizeOnDiskBytes().ifPresent(v -> qn.put("sizeOnDiskBytes", v));
        }
        writeProvenance(n, model, inherited);
    }

    private static void writeAlignment(ObjectNode root, ProfileDocument.AlignmentDocument a) {
        root.put("id", a.id());
        root.set("provenance", provenanceJson(a.provenance()));
        ArrayNode entries = root.putArray("entries");
        for (AlignmentProfile e : a.entries()) {
            ObjectNode n = entries.addObject();
            n.put("drafter", e.drafter());
            n.put("quantization", e.quantization());
            n.put("target", e.target());
            e.acceptanceRate().ifPresent(v -> n.put("acceptanceRate", v));
            e.acceptanceLow().ifPresent(v -> n.put("acceptanceLow", v));
            e.acceptanceHigh().ifPresent(v -> n.put("acceptanceHigh", v));
            e.sampleCount().ifPresent(v -> n.put("sampleCount", v));
            n.put("promptSet", e.promptSet());
            if (e.hasAcceptanceByK()) {
                ArrayNode byK = n.putArray("acceptanceByK");
                for (AcceptanceAtK m : e.acceptanceByK()) {
                    ObjectNode row = byK.addObject();
                    row.put("k", m.k());
                    row.put("acceptanceRate", m.acceptanceRate());
                    row.put("standardDeviation", m.standardDeviation());
                    m.minimum().ifPresent(v -> row.put("minimum", v));
                    m.maximum().ifPresent(v -> row.put("maximum", v));
                    m.sampleCount().ifPresent(v -> row.put("sampleCount", v));
                }
            }
            if (e.hasPositionCurve()) {
                ArrayNode curve = n.putArray("acceptanceByPosition");
                e.acceptanceByPosition().forEach(curve::add);
            }
            if (!e.calibration().isEmpty()) {
                ArrayNode calibration = n.putArray("calibration");
                for (CalibrationPoint c : e.calibration()) {
                    calibration
                        .addObject()
                        .put("confidence", c.confidence())
                        .put("acceptanceRate", c.acceptanceRate());
                }
            }
            writeProvenance(n, e, a.provenance());
        }
    }

    private static void writeServer(ObjectNode root, ServerProfile s) {
        root.put("id", s.id());
        root.put("name", s.name());
        root.put("gpu", s.gpu());
        writeProvenance(root, s, null);
        ArrayNode targets = root.putArray("targets");
        for (ServedTarget t : s.targets()) {
            ObjectNode n = targets.addObject();
            n.put("target", t.target());
            ObjectNode v = n.putObject("verification");
            v.put("model", t.verification().modelName());
            switch (t.verification()) {
                case VerificationLatency.Fixed f -> v.put("seconds", f.seconds());
                case VerificationLatency.Linear l -> {
                    v.put("interceptSeconds", l.interceptSeconds());
                    v.put("secondsPerVerifiedToken", l.secondsPerVerifiedToken());
                    v.put("secondsPerContextToken", l.secondsPerContextToken());
                    v.put("secondsPerRequest", l.secondsPerRequest());
                    l.rSquared().ifPresent(x -> v.put("rSquared", x));
                    l.rmseSeconds().ifPresent(x -> v.put("rmseSeconds", x));
                    if (!l.measurements().isEmpty()) {
                        ArrayNode measured = v.putArray("measurements");
                        for (VerificationMeasurement m : l.measurements()) {
                            measured
                                .addObject()
                                .put("batchSize", m.batchSize())
                                .put("verifiedTokens", m.verifiedTokens())
                                .put("contextTokens", m.contextTokens())
                                .put("latencySeconds", m.latencySeconds());
                        }
                    }
                }
            }
            t.dollarsPerMillionVerifiedTokens().ifPresent(p -> n.put("dollarsPerMillionVerifiedTokens", p));
            t.dollarsPerGpuHour().ifPresent(p -> n.put("dollarsPerGpuHour", p));
            t.targetStepSeconds().ifPresent(step -> n.put("targetStepSeconds", step));
            writeProvenance(n, t, s.provenance());
        }
    }

    private static void writeNetwork(ObjectNode root, NetworkProfile n) {
        root.put("id", n.id());
        root.put("name", n.name());
        root.put("rttSeconds", n.rttSeconds());
        root.put("uplinkMegabitsPerSecond", n.uplinkMegabitsPerSecond());
        root.put("downlinkMegabitsPerSecond", n.downlinkMegabitsPerSecond());
        root.put("bytesPerDraftToken", n.bytesPerDraftToken());
        root.put("replyBytes", n.replyBytes());
        writeProvenance(root, n, null);
    }

    private static void writeScenario(ObjectNode root, Scenario s) {
        root.put("id", s.id());
        root.put("name", s.name());
        if (!s.description().isEmpty()) {
            root.put("description", s.description());
        }
        ArrayNode profiles = root.putArray("profiles");
        s.profiles().forEach(profiles::add);
        ObjectNode select = MAPPER.createObjectNode();
        putTexts(select, "devices", s.devices());
        putTexts(select, "drafters", s.drafters());
        putTexts(select, "quantizations", s.quantizations());
        putTexts(select, "targets", s.targets());
        if (!select.isEmpty()) {
            root.set("select", select);
        }
        root.put("server", s.server());
        s.network().ifPresent(v -> root.put("network", v));
        root.putObject("k").put("min", s.kMin()).put("max", s.kMax());
        ArrayNode objectives = root.putArray("objectives");
        s.objectives().forEach(o -> objectives.add(o.cliName()));
        if (!s.constraints().isEmpty()) {
            ArrayNode constraints = root.putArray("constraints");
            for (Constraint c : s.constraints()) {
                constraints
                    .addObject()
                    .put("objective", c.objective().cliName())
                    .put(c.bound().jsonName(), c.threshold());
            }
        }
        ObjectNode whatIf = whatIfJson(s.whatIf());
        if (!whatIf.isEmpty()) {
            root.set("whatIf", whatIf);
        }
        root.put("pricing", s.pricing().jsonName());
        root.put("billing", s.billing().jsonName());
        root.put("energy", s.energy().jsonName());
        root.putObject("workload").put("contextTokens", s.contextTokens()).put("batchSize", s.batchSize());
    }

    private static void putTexts(ObjectNode node, String name, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode array = node.putArray(name);
            values.forEach(array::add);
        }
    }

    /** The {@code whatIf} object of a scenario file: only the keys that differ from no override. */
    public static ObjectNode whatIfJson(WhatIf w) {
        ObjectNode n = MAPPER.createObjectNode();
        if (w.alphaScale() != 1) n.put("alphaScale", w.alphaScale());
        if (w.draftSpeedScale() != 1) n.put("draftSpeedScale", w.draftSpeedScale());
        if (w.powerScale() != 1) n.put("powerScale", w.powerScale());
        w.verifySeconds().ifPresent(v -> n.put("verifySeconds", v));
        w.rttSeconds().ifPresent(v -> n.put("rttSeconds", v));
        w.uplinkMegabitsPerSecond().ifPresent(v -> n.put("uplinkMbps", v));
        w.downlinkMegabitsPerSecond().ifPresent(v -> n.put("downlinkMbps", v));
        w.dollarsPerMillionTokens().ifPresent(v -> n.put("dollarsPerMillionTokens", v));
        w.dollarsPerGpuHour().ifPresent(v -> n.put("dollarsPerGpuHour", v));
        w.kMin().ifPresent(v -> n.put("kMin", v));
        w.kMax().ifPresent(v -> n.put("kMax", v));
        w.pricing().ifPresent(v -> n.put("pricing", v.jsonName()));
        w.energy().ifPresent(v -> n.put("energy", v.jsonName()));
        for (Constraint c : w.constraints()) {
            n.put(WhatIf.constraintKey(c.bound(), c.objective()), c.threshold());
        }
        return n;
    }
}
