package io.configspec.model.io;

import static java.util.Map.entry;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.configspec.model.analysis.Constraint;
import io.configspec.model.analysis.Objective;
import io.configspec.model.analysis.Scenario;
import io.configspec.model.analysis.WhatIf;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.InvalidFieldException;
import io.configspec.model.domain.JsonNamed;
import io.configspec.model.domain.NetworkProfile;
import io.configspec.model.domain.Provenance;
import io.configspec.model.domain.ServerProfile;
import io.configspec.model.domain.VerificationLatency;
import io.configspec.model.io.ProfileDocument.AlignmentDocument;
import io.configspec.model.io.ProfileDocument.DeviceDocument;
import io.configspec.model.io.ProfileDocument.FleetScenarioDocument;
import io.configspec.model.io.ProfileDocument.ModelsDocument;
import io.configspec.model.io.ProfileDocument.NetworkDocument;
import io.configspec.model.io.ProfileDocument.ScenarioDocument;
import io.configspec.model.io.ProfileDocument.ServerDocument;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads and writes profile and scenario files (format: {@code docs/file-format.md}; contract:
 * the JSON Schemas in {@code docs/schema/}, decision 0012). Reading is three steps, each one
 * library: {@link JsonInput} (strict UTF-8, limits, regular files only) parses, {@link
 * ProfileSchemas} checks the file against the schema of its kind and fills in defaults, and
 * Jackson binds the tree onto the domain records, whose canonical constructors keep the rules a
 * schema cannot say. Writing is Jackson's serialisation of the same records. References between
 * files are checked by {@link ProfileLoader} and {@link ScenarioLoader}. Thread-safe.
 *
 * <p>Adding a field: a record component and a schema property with the same name (and a line in
 * {@code docs/file-format.md}); nothing here changes.
 */
public final class ProfileCodec {

    /** The {@code schemaVersion} this code reads and writes. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * A kind {@link #read} understands, the record it binds to (the document itself, or the
     * profile a document wraps), its document and the arrays whose elements inherit the file's
     * provenance.
     */
    private record Kind(String json, Class<?> content, Class<?> document, String... inheriting) {
        static final List<Kind> ALL = List.of(
            new Kind("device", DeviceProfile.class, DeviceDocument.class, "drafting"),
            new Kind("models", ModelsDocument.class, ModelsDocument.class, "drafters", "targets"),
            new Kind("alignment", AlignmentDocument.class, AlignmentDocument.class, "entries"),
            new Kind("server", ServerProfile.class, ServerDocument.class, "targets"),
            new Kind("network", NetworkProfile.class, NetworkDocument.class),
            new Kind("scenario", Scenario.class, ScenarioDocument.class),
            new Kind("fleet-scenario", FleetScenarioSpec.class, FleetScenarioDocument.class)
        );

        static Optional<Kind> of(String json) {
            return ALL.stream()
                .filter(k -> k.json.equals(json))
                .findFirst();
        }
    }

    /** The kinds {@link #read} understands. */
    public static final Set<String> KINDS = Kind.ALL.stream()
        .map(k -> k.json)
        .collect(Collectors.toUnmodifiableSet());

    /**
     * Scenario fields the file groups in objects ({@code "k": {"min": 1}}) and the record keeps
     * flat ({@code kMin}): record component → where the file has it.
     */
    private static final Map<String, String> SCENARIO_GROUPED = Map.ofEntries(
        entry("kMin", "/k/min"),
        entry("kMax", "/k/max"),
        entry("devices", "/select/devices"),
        entry("drafters", "/select/drafters"),
        entry("quantizations", "/select/quantizations"),
        entry("targets", "/select/targets"),
        entry("contextTokens", "/workload/contextTokens"),
        entry("batchSize", "/workload/batchSize"),
        entry("mix", "/workload/mix"),
        entry("requestTokens", "/workload/requestTokens")
    );

    private static final JsonMapper MAPPER = JsonMapper.builder(
        JsonFactory.builder().streamReadConstraints(JsonInput.CONSTRAINTS).build()
    )
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        // the schema refuses unknown fields; binding skips the header ($schema, kind, schemaVersion)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(SerializationFeature.INDENT_OUTPUT)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY)
        )
        .addModule(new Jdk8Module())
        .addModule(formatModule())
        .addMixIn(Provenance.class, ProvenanceMixin.class)
        .addMixIn(VerificationLatency.class, LatencyMixin.class)
        .addMixIn(JsonNamed.class, JsonNamedMixin.class)
        .addMixIn(Objective.class, CliNamed.class)
        .build();

    private ProfileCodec() {}

    /** The shared, configured mapper (strict duplicates, limits, no trailing tokens, indented output). */
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
        return bind(file, JsonInput.readTree(file));
    }

    /**
     * Reads and validates one file that must hold one kind of document (a scenario, a fleet
     * scenario), refusing another kind by name.
     *
     * @throws ProfileException naming the file and the field or line at fault
     */
    public static <D extends ProfileDocument> D read(Path file, Class<D> type) throws ProfileException {
        ProfileDocument document = read(file);
        if (!type.isInstance(document)) {
            String kind = Kind.ALL.stream()
                .filter(k -> k.document == type)
                .findFirst()
                .orElseThrow()
                .json;
            throw ProfileException.atField(
                file,
                "kind",
                "is \"" + document.kind() + "\" but a " + kind + " file was expected"
            );
        }
        return type.cast(document);
    }

    /**
     * Validates and binds an already-parsed document (for example a library edit held in memory),
     * without touching the file system; {@code file} names it in errors. The tree is not changed.
     */
    public static ProfileDocument read(Path file, JsonNode tree) throws ProfileException {
        return bind(file, tree == null ? null : tree.deepCopy());
    }

    /** Validates and binds a tree this class may change (defaults are filled in, groups flattened). */
    static ProfileDocument bind(Path file, JsonNode tree) throws ProfileException {
        ObjectNode content = root(file, tree);
        JsonNode version = content.path("schemaVersion");
        if (!version.isIntegralNumber() || version.asInt() != SCHEMA_VERSION) {
            String found = version.isMissingNode() ? "is missing" : "is " + version;
            String reads = " but this version of ConfigSpec reads schemaVersion " + SCHEMA_VERSION;
            throw ProfileException.atField(
                file,
                "schemaVersion",
                found + (version.isMissingNode() ? "" : reads)
            );
        }
        JsonNode kindName = content.path("kind");
        Kind kind = Kind.of(kindName.asText()).orElseThrow(() ->
            ProfileException.atField(
                file,
                "kind",
                kindName.isMissingNode()
                    ? "is missing"
                    : "must be one of " +
                      Kind.ALL.stream()
                          .map(k -> k.json)
                          .collect(Collectors.joining(", ")) +
                      " but is " +
                      ProfileSchemas.describe(kindName)
            )
        );
        ProfileSchemas.validate(file, kind.json, content);
        inherit(kind, content);
        if (kind.json.equals("scenario")) {
            flatten(content);
        }
        Object value;
        try {
            value = MAPPER.treeToValue(content, kind.content);
        } catch (JsonMappingException e) {
            throw bindingFailure(file, e);
        } catch (InvalidFieldException e) {
            throw ProfileException.atField(file, e.field(), e.problem());
        } catch (IOException e) {
            throw ProfileException.ofFile(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        return switch (value) {
            case DeviceProfile d -> new DeviceDocument(d);
            case ServerProfile s -> new ServerDocument(s);
            case NetworkProfile n -> new NetworkDocument(n);
            case Scenario s -> new ScenarioDocument(s);
            case FleetScenarioSpec f -> new FleetScenarioDocument(f);
            default -> (ProfileDocument) value;
        };
    }

    /** The textual {@code kind} of a parsed document, if it has one. */
    public static Optional<String> kindOf(JsonNode tree) {
        JsonNode kind = tree == null ? null : tree.get("kind");
        return kind != null && kind.isTextual() ? Optional.of(kind.asText()) : Optional.empty();
    }

    private static ObjectNode root(Path file, JsonNode tree) throws ProfileException {
        if (tree instanceof ObjectNode object) {
            return object;
        }
        String contains = tree == null || tree.isMissingNode()
            ? "is empty (expected a JSON object)"
            : "must contain a JSON object but contains " + ProfileSchemas.describe(tree);
        throw ProfileException.ofFile(file, contains, null);
    }

    /** Elements of the kind's provenance-inheriting arrays without a provenance get the file's. */
    private static void inherit(Kind kind, ObjectNode root) {
        JsonNode provenance = root.get("provenance");
        for (String array : kind.inheriting) {
            for (JsonNode element : root.path(array)) {
                if (provenance != null && element instanceof ObjectNode object && !object.has("provenance")) {
                    object.set("provenance", provenance);
                }
            }
        }
    }

    /** The scenario's grouped fields copied to the record's flat names (binding ignores the groups). */
    private static void flatten(ObjectNode scenario) {
        SCENARIO_GROUPED.forEach((component, at) -> {
            if (!scenario.at(at).isMissingNode()) {
                scenario.set(component, scenario.at(at));
            }
        });
    }

    /** A record's own rule (a cross-field check in its constructor) or a value Java cannot hold. */
    private static ProfileException bindingFailure(Path file, JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidFieldException invalid) {
                String field = path.isEmpty() ? invalid.field() : path + "." + invalid.field();
                return ProfileException.atField(file, field, invalid.problem());
            }
        }
        return ProfileException.atField(
            file,
            path.isEmpty() ? "(the document)" : path.toString(),
            "cannot be read as a value of its field (" + JsonInput.firstLine(e.getOriginalMessage()) + ")"
        );
    }

    // ---------------------------------------------------------------- writing

    /** The JSON tree of a document, as {@link #write} stores it (valid against its kind's schema). */
    public static ObjectNode toJson(ProfileDocument document) {
        Kind kind = Kind.of(document.kind()).orElseThrow();
        Object content = switch (document) {
            case DeviceDocument(DeviceProfile d) -> d;
            case ServerDocument(ServerProfile s) -> s;
            case NetworkDocument(NetworkProfile n) -> n;
            case ScenarioDocument(Scenario s) -> s;
            case FleetScenarioDocument(FleetScenarioSpec f) -> f;
            default -> document;
        };
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("kind", kind.json);
        ObjectNode fields = MAPPER.valueToTree(content);
        root.setAll(kind.json.equals("scenario") ? group(fields) : fields);
        JsonNode provenance = root.get("provenance");
        for (String array : kind.inheriting) {
            for (JsonNode element : root.path(array)) {
                if (element.path("provenance").equals(provenance)) {
                    ((ObjectNode) element).remove("provenance");
                }
            }
        }
        return root;
    }

    /** Writes a document atomically (see {@link AtomicFiles}). */
    public static void write(Path file, ProfileDocument document) throws IOException {
        ObjectNode json = toJson(document);
        AtomicFiles.write(file, out -> MAPPER.writeValue(out, json));
    }

    /** The scenario's flat fields regrouped as the file has them, in record order. */
    private static ObjectNode group(ObjectNode flat) {
        ObjectNode grouped = MAPPER.createObjectNode();
        flat
            .properties()
            .forEach(field -> {
                String group = SCENARIO_GROUPED.get(field.getKey());
                if (group == null) {
                    grouped.set(field.getKey(), field.getValue());
                } else {
                    JsonPointer at = JsonPointer.compile(group);
                    grouped.withObject(at.head()).set(at.last().getMatchingProperty(), field.getValue());
                }
            });
        return grouped;
    }

    // ---------------------------------------------------------------- binding set-up

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes(
        {
            @JsonSubTypes.Type(value = Provenance.Measured.class, name = "measured"),
            @JsonSubTypes.Type(value = Provenance.Literature.class, name = "literature"),
            @JsonSubTypes.Type(value = Provenance.Illustrative.class, name = "illustrative"),
        }
    )
    private interface ProvenanceMixin {}

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "model")
    @JsonSubTypes(
        {
            @JsonSubTypes.Type(value = VerificationLatency.Fixed.class, name = "fixed"),
            @JsonSubTypes.Type(value = VerificationLatency.Linear.class, name = "linear"),
        }
    )
    private interface LatencyMixin {}

    /** Every enum that files spell by its {@link JsonNamed#jsonName()} (device kind, pricing, billing, energy, route). */
    private interface JsonNamedMixin {
        @JsonValue
        String jsonName();
    }

    private abstract static class CliNamed {

        @JsonValue
        abstract String cliName();
    }

    private static SimpleModule formatModule() {
        SimpleModule module = new SimpleModule("configspec-files");
        // the whatIf object: the settings made, in the order made
        viaTree(module, WhatIf.class, ProfileCodec::whatIf, w -> MAPPER.valueToTree(w.settings()));
        viaTree(
            module,
            Constraint.class,
            node -> {
                Objective objective = MAPPER.convertValue(node.get("objective"), Objective.class);
                return node.has("min")
                    ? Constraint.atLeast(objective, node.get("min").asDouble())
                    : Constraint.atMost(objective, node.get("max").asDouble());
            },
            constraint ->
                MAPPER.createObjectNode()
                    .put("objective", constraint.objective().cliName())
                    .put(constraint.bound().jsonName(), constraint.threshold())
        );
        // the one date in the files (measured provenance), ISO yyyy-mm-dd; the schema checks the format.
        // (jackson-datatype-jsr310's JavaTimeModule would do it too, at 100+ ms more start-up.)
        viaTree(module, LocalDate.class, node -> LocalDate.parse(node.asText()), null);
        module.addSerializer(LocalDate.class, ToStringSerializer.instance);
        return module;
    }

    /**
     * Binds {@code type} through a JSON tree: {@code read} makes a value of the tree in a file,
     * {@code write} (unless null) the tree of a value, left out of a file when it is empty.
     */
    private static <T> void viaTree(
        SimpleModule module,
        Class<T> type,
        Function<JsonNode, T> read,
        Function<T, ObjectNode> write
    ) {
        module.addDeserializer(
            type,
            new JsonDeserializer<>() {
                @Override
                public T deserialize(JsonParser p, DeserializationContext context) throws IOException {
                    return read.apply(context.readTree(p));
                }
            }
        );
        if (write != null) {
            module.addSerializer(
                type,
                new StdSerializer<>(type) {
                    @Override
                    public void serialize(T value, JsonGenerator gen, SerializerProvider provider)
                        throws IOException {
                        gen.writeTree(write.apply(value));
                    }

                    @Override
                    public boolean isEmpty(SerializerProvider provider, T value) {
                        return write.apply(value).isEmpty();
                    }
                }
            );
        }
    }

    /** The {@code whatIf} object of a scenario file read back: its settings in file order ({@code $} fields are comments). */
    private static WhatIf whatIf(JsonNode settings) {
        WhatIf whatIf = WhatIf.NONE;
        for (var field : settings.properties()) {
            JsonNode value = field.getValue();
            if (!field.getKey().startsWith("$")) {
                String text = value.isIntegralNumber() ? Long.toString(value.asLong()) : value.asText();
                whatIf = whatIf.with(field.getKey(), text);
            }
        }
        return whatIf;
    }
}
