package io.configspec.model.io;

import com.fasterxml.jackson.databind.JsonNode;
import io.configspec.model.domain.AlignmentProfile;
import io.configspec.model.domain.DeviceProfile;
import io.configspec.model.domain.DraftingMeasurement;
import io.configspec.model.domain.LanguageModel;
import io.configspec.model.domain.NetworkProfile;
import io.configspec.model.domain.ProfileLibrary;
import io.configspec.model.domain.ServedTarget;
import io.configspec.model.domain.ServerProfile;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a profile library from files and directories (directories are searched recursively for
 * {@code *.json}, in path order; scenario and fleet-scenario files among them are skipped). Checks every file alone
 * ({@link ProfileCodec#read}) and then the references between them: drafting measurements and
 * alignment entries name known drafters, quantisations and targets; a drafter and its target
 * share a family; ids are unique per kind.
 *
 * <p>Loading builds a new immutable {@link ProfileLibrary} and either returns it whole or throws:
 * a bad file never changes a library loaded before.
 */
public final class ProfileLoader {

    /**
     * A loaded library and where each profile came from.
     *
     * @param sources file of each profile, keyed {@code kind:id} (e.g. {@code device:raspberry-pi-5},
     *     {@code alignment:qwen2.5-0.5b/q4_k_m/qwen2.5-7b})
     */
    public record LoadedLibrary(ProfileLibrary library, Map<String, Path> sources) {
        public LoadedLibrary {
            sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        }
    }

    /**
     * Kinds of files that may sit among profiles but are not profiles (read by their own loaders,
     * or reports such as {@code configspec measure}'s goodput sweep).
     */
    public static final java.util.Set<String> NOT_PROFILES = java.util.Set.of(
        "scenario",
        "fleet-scenario",
        "goodput-sweep",
        "qpart-calibration"
    );

    private ProfileLoader() {}

    /**
     * Every {@code *.json} regular file under {@code roots} (files are taken as given), sorted per
     * root. A folder or file that cannot be listed or read is one {@link ProfileException}.
     */
    public static List<Path> expand(List<Path> roots) throws ProfileException {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                List<Path> found = new ArrayList<>();
                try {
                    Files.walkFileTree(
                        root,
                        new SimpleFileVisitor<>() {
                            @Override
                            public FileVisitResult visitFile(Path p, BasicFileAttributes attributes) {
                                // config.json/tokenizer.json beside a model.onnx belong to an ONNX model
                                // folder (e.g. samples/models from 'configspec models generate'), not profiles.
                                if (
                                    attributes.isRegularFile() &&
                                    p.getFileName().toString().endsWith(".json") &&
                                    !Files.exists(p.resolveSibling("model.onnx"))
                                ) {
                                    found.add(p);
                                }
                                return FileVisitResult.CONTINUE;
                            }
                        }
                    );
                } catch (IOException e) {
                    Path at = e instanceof java.nio.file.FileSystemException f && f.getFile() != null
                        ? Path.of(f.getFile())
                        : root;
                    throw JsonInput.cannotRead(at, e);
                }
                found.sort(null);
                files.addAll(found);
            } else if (Files.exists(root)) {
                files.add(root);
            } else {
                throw ProfileException.ofFile(root, "does not exist", null);
            }
        }
        return files;
    }

    /** Loads and cross-checks every profile under {@code roots}. */
    public static LoadedLibrary load(List<Path> roots) throws ProfileException {
        List<Path> files = expand(roots);
        List<Map.Entry<Path, ProfileDocument>> documents = new ArrayList<>();
        for (Path file : files) {
            JsonNode tree = JsonInput.readTree(file);
            if (ProfileCodec.kindOf(tree).filter(NOT_PROFILES::contains).isEmpty()) {
                documents.add(Map.entry(file, ProfileCodec.bind(file, tree)));
            }
        }
        return assemble(documents);
    }

    /**
     * Loads the profiles a scenario file names: paths relative to the file's folder, or absolute.
     * A path that does not exist is the scenario's field {@code profiles[i]}.
     */
    public static LoadedLibrary loadReferenced(Path file, List<String> profiles) throws ProfileException {
        Path base = file.toAbsolutePath().getParent();
        Path shownBase = file.getParent() == null ? Path.of("") : file.getParent();
        List<Path> roots = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            String entry = profiles.get(i);
            Path resolved = base.resolve(entry).normalize();
            if (!Files.exists(resolved)) {
                throw ProfileException.atField(
                    file,
                    "profiles[" + i + "]",
                    "refers to " + entry + ", which does not exist"
                );
            }
            roots.add(Path.of(entry).isAbsolute() ? resolved : shownBase.resolve(entry).normalize());
        }
        return load(roots);
    }

    /** Cross-checks already-read documents and builds the library. */
    public static LoadedLibrary assemble(List<Map.Entry<Path, ProfileDocument>> documents)
        throws ProfileException {
        Map<String, Path> sources = new LinkedHashMap<>();
        List<DeviceProfile> devices = new ArrayList<>();
        Map<String, LanguageModel> drafters = new LinkedHashMap<>();
        Map<String, LanguageModel> targets = new LinkedHashMap<>();
        List<Map.Entry<Path, ProfileDocument.AlignmentDocument>> alignmentDocs = new ArrayList<>();
        List<Map.Entry<Path, ServerProfile>> servers = new ArrayList<>();
        List<NetworkProfile> networks = new ArrayList<>();

        for (Map.Entry<Path, ProfileDocument> entry : documents) {
            Path file = entry.getKey();
            switch (entry.getValue()) {
                case ProfileDocument.DeviceDocument(DeviceProfile d) -> {
                    claim(sources, "device:" + d.id(), file, "id");
                    devices.add(d);
                }
                case ProfileDocument.ModelsDocument m -> {
                    for (int i = 0; i < m.drafters().size(); i++) {
                        LanguageModel d = m.drafters().get(i);
                        claim(sources, "drafter:" + d.id(), file, "drafters[" + i + "].id");
                        drafters.put(d.id(), d);
                    }
                    for (int i = 0; i < m.targets().size(); i++) {
                        LanguageModel t = m.targets().get(i);
                        claim(sources, "target:" + t.id(), file, "targets[" + i + "].id");
                        targets.put(t.id(), t);
                    }
                }
                case ProfileDocument.AlignmentDocument a -> alignmentDocs.add(Map.entry(file, a));
                case ProfileDocument.ServerDocument(ServerProfile s) -> {
                    claim(sources, "server:" + s.id(), file, "id");
                    servers.add(Map.entry(file, s));
                }
                case ProfileDocument.NetworkDocument(NetworkProfile n) -> {
                    claim(sources, "network:" + n.id(), file, "id");
                    networks.add(n);
                }
                case ProfileDocument.ScenarioDocument s -> {
                    // scenarios are not profiles
                }
                case ProfileDocument.FleetScenarioDocument f -> {
                    // fleet scenarios are not profiles either
                }
            }
        }

        for (DeviceProfile d : devices) {
            Path file = sources.get("device:" + d.id());
            for (int i = 0; i < d.drafting().size(); i++) {
                DraftingMeasurement m = d.drafting().get(i);
                checkDrafterQuantization(
                    file,
                    "drafting[" + i + "]",
                    drafters,
                    m.drafter(),
                    m.quantization()
                );
            }
        }
        List<AlignmentProfile> alignments = new ArrayList<>();
        for (Map.Entry<Path, ProfileDocument.AlignmentDocument> entry : alignmentDocs) {
            Path file = entry.getKey();
            List<AlignmentProfile> entries = entry.getValue().entries();
            for (int i = 0; i < entries.size(); i++) {
                AlignmentProfile a = entries.get(i);
                String at = "entries[" + i + "]";
                LanguageModel drafter = checkDrafterQuantization(
                    file,
                    at,
                    drafters,
                    a.drafter(),
                    a.quantization()
                );
                LanguageModel target = targets.get(a.target());
                if (target == null) {
                    throw unknown(file, at + ".target", "target", a.target(), targets.keySet());
                }
                if (!drafter.family().equals(target.family())) {
                    throw ProfileException.atField(
                        file,
                        at + ".target",
                        "pairs drafter '" +
                            drafter.id() +
                            "' of family " +
                            drafter.family() +
                            " with target '" +
                            target.id() +
                            "' of family " +
                            target.family() +
                            " (drafter and target must share a family)"
                    );
                }
                claim(
                    sources,
                    "alignment:" +
                        a.drafter() +
                        "/" +
                        a.quantization() +
                        "/" +
                        a.target() +
                        a
                            .domain()
                            .map(d -> " (domain " + d + ")")
                            .orElse(""),
                    file,
                    at
                );
                alignments.add(a);
            }
        }
        for (Map.Entry<Path, ServerProfile> entry : servers) {
            List<ServedTarget> served = entry.getValue().targets();
            for (int i = 0; i < served.size(); i++) {
                if (!targets.containsKey(served.get(i).target())) {
                    throw unknown(
                        entry.getKey(),
                        "targets[" + i + "].target",
                        "target",
                        served.get(i).target(),
                        targets.keySet()
                    );
                }
            }
        }
        ProfileLibrary library = new ProfileLibrary(
            devices,
            List.copyOf(drafters.values()),
            List.copyOf(targets.values()),
            alignments,
            servers.stream().map(Map.Entry::getValue).toList(),
            networks
        );
        return new LoadedLibrary(library, sources);
    }

    private static void claim(Map<String, Path> sources, String key, Path file, String field)
        throws ProfileException {
        Path previous = sources.putIfAbsent(key, file);
        if (previous != null) {
            String id = key.substring(key.indexOf(':') + 1);
            String kind = key.substring(0, key.indexOf(':'));
            throw ProfileException.atField(
                file,
                field,
                "repeats " + kind + " '" + id + "' already defined in " + previous
            );
        }
    }

    private static LanguageModel checkDrafterQuantization(
        Path file,
        String at,
        Map<String, LanguageModel> drafters,
        String drafterId,
        String quantization
    ) throws ProfileException {
        LanguageModel drafter = drafters.get(drafterId);
        if (drafter == null) {
            throw unknown(file, at + ".drafter", "drafter", drafterId, drafters.keySet());
        }
        if (drafter.quantization(quantization).isEmpty()) {
            throw ProfileException.atField(
                file,
                at + ".quantization",
                "refers to quantization '" +
                    quantization +
                    "', which drafter '" +
                    drafterId +
                    "' does not have (it has " +
                    String.join(
                        ", ",
                        drafter
                            .quantizations()
                            .stream()
                            .map(q -> q.name())
                            .toList()
                    ) +
                    ")"
            );
        }
        return drafter;
    }

    static ProfileException unknown(
        Path file,
        String field,
        String kind,
        String id,
        java.util.Collection<String> known
    ) {
        String choices = known.isEmpty() ? "none is loaded" : "known: " + String.join(", ", known);
        return ProfileException.atField(
            file,
            field,
            "refers to unknown " + kind + " '" + id + "' (" + choices + ")"
        );
    }
}
