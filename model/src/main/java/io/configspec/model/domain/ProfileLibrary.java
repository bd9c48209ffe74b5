package io.configspec.model.domain;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * An immutable set of loaded profiles, looked up by id. Lists keep the order given (the loader
 * sorts by file path), so enumeration is deterministic. Ids are unique per kind; references
 * between profiles are checked by the loader, which knows the files to blame.
 */
public final class ProfileLibrary {

    private final Map<String, DeviceProfile> devices;
    private final Map<String, LanguageModel> drafters;
    private final Map<String, LanguageModel> targets;
    private final Map<String, AlignmentProfile> alignments;
    private final Map<String, ServerProfile> servers;
    private final Map<String, NetworkProfile> networks;

    public ProfileLibrary(
        List<DeviceProfile> devices,
        List<LanguageModel> drafters,
        List<LanguageModel> targets,
        List<AlignmentProfile> alignments,
        List<ServerProfile> servers,
        List<NetworkProfile> networks
    ) {
        this.devices = index("devices", devices, DeviceProfile::id);
        this.drafters = index("drafters", drafters, LanguageModel::id);
        this.targets = index("targets", targets, LanguageModel::id);
        this.alignments = index(
            "alignments",
            alignments,
            a ->
                alignmentKey(a.drafter(), a.quantization(), a.target()) +
                a
                    .domain()
                    .map(d -> "\u0000" + d)
                    .orElse("")
        );
        this.servers = index("servers", servers, ServerProfile::id);
        this.networks = index("networks", networks, NetworkProfile::id);
    }

    public static ProfileLibrary empty() {
        return new ProfileLibrary(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    private static <T> Map<String, T> index(String field, List<T> values, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        List<T> copy = FieldChecks.list(field, values);
        for (int i = 0; i < copy.size(); i++) {
            T value = copy.get(i);
            if (map.putIfAbsent(key.apply(value), value) != null) {
                throw new InvalidFieldException(
                    field + "[" + i + "]",
                    "repeats id '" + key.apply(value) + "'"
                );
            }
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    private static String alignmentKey(String drafter, String quantization, String target) {
        return drafter + "\u0000" + quantization + "\u0000" + target;
    }

    public Collection<DeviceProfile> devices() {
        return devices.values();
    }

    public Collection<LanguageModel> drafters() {
        return drafters.values();
    }

    public Collection<LanguageModel> targets() {
        return targets.values();
    }

    public Collection<AlignmentProfile> alignments() {
        return alignments.values();
    }

    public Collection<ServerProfile> servers() {
        return servers.values();
    }

    public Collection<NetworkProfile> networks() {
        return networks.values();
    }

    public Optional<DeviceProfile> device(String id) {
        return Optional.ofNullable(devices.get(id));
    }

    public Optional<LanguageModel> drafter(String id) {
        return Optional.ofNullable(drafters.get(id));
    }

    public Optional<LanguageModel> target(String id) {
        return Optional.ofNullable(targets.get(id));
    }

    public Optional<AlignmentProfile> alignment(String drafter, String quantization, String target) {
        return Optional.ofNullable(alignments.get(alignmentKey(drafter, quantization, target)));
    }

    /**
     * The entry for drafter × quantisation × target measured on {@code domain}'s prompts (an entry
     * with that {@code domain}); never the all-traffic entry in its place.
     */
    public Optional<AlignmentProfile> alignment(
        String drafter,
        String quantization,
        String target,
        String domain
    ) {
        return Optional.ofNullable(
            alignments.get(alignmentKey(drafter, quantization, target) + "\u0000" + domain)
        );
    }

    /** The domains alignment entries were measured on, sorted. */
    public java.util.SortedSet<String> domains() {
        java.util.SortedSet<String> domains = new java.util.TreeSet<>();
        alignments.values().forEach(a -> a.domain().ifPresent(domains::add));
        return java.util.Collections.unmodifiableSortedSet(domains);
    }

    public Optional<ServerProfile> server(String id) {
        return Optional.ofNullable(servers.get(id));
    }

    public Optional<NetworkProfile> network(String id) {
        return Optional.ofNullable(networks.get(id));
    }

    /** Total number of profiles of all kinds. */
    public int size() {
        return (
            devices.size() +
            drafters.size() +
            targets.size() +
            alignments.size() +
            servers.size() +
            networks.size()
        );
    }
}
