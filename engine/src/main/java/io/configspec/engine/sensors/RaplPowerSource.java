package io.configspec.engine.sensors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Intel and AMD (Zen, Linux ≥ 5.8) RAPL through the powercap framework: {@code
 * /sys/class/powercap/intel-rapl:N/energy_uj} per zone ({@code package-N}, {@code psys}) and
 * sub-zone ({@code intel-rapl:N:M}: {@code core}, {@code uncore}, {@code dram}), counters in µJ
 * that wrap at {@code max_energy_range_uj}.
 *
 * <p>Power is the counter delta over the time since the previous {@link #read()}; the first read
 * primes the counters and waits {@code primingMillis} to get a first interval. The total is the
 * {@code psys} (platform) zone where present, else the sum of the package and DRAM zones: the CPU
 * package, not the whole machine (no display, disks, VRM losses). Since Linux 5.10 {@code
 * energy_uj} is readable by root only (CVE-2020-8694); see docs/profile-your-board.md.
 */
public final class RaplPowerSource implements PowerSource {

    private static final Pattern TOP_ZONE = Pattern.compile("intel-rapl:\\d+");
    private static final Pattern SUB_ZONE = Pattern.compile("intel-rapl:\\d+:\\d+");

    private record Zone(Path dir, String name, long maxRangeMicrojoules, boolean topLevel) {}

    private final SysfsReader sysfs;
    private final List<Zone> zones;
    private final MonotonicClock clock;
    private final long primingMillis;
    private long[] previousCounters;
    private long previousNanos;
    private final double[] cumulativeJoules;

    RaplPowerSource(SysfsReader sysfs, MonotonicClock clock, long primingMillis) {
        this.sysfs = sysfs;
        this.clock = clock;
        this.primingMillis = primingMillis;
        this.zones = findZones(sysfs);
        this.cumulativeJoules = new double[zones.size()];
    }

    private static List<Zone> findZones(SysfsReader sysfs) {
        List<Zone> zones = new ArrayList<>();
        for (Path dir : sysfs.list("sys/class/powercap", "intel-rapl:*")) {
            String dirName = dir.getFileName().toString();
            boolean top = TOP_ZONE.matcher(dirName).matches();
            if (!top && !SUB_ZONE.matcher(dirName).matches()) {
                continue;
            }
            OptionalLong range = sysfs.readLong(dir.resolve("max_energy_range_uj"));
            if (
                !sysfs.readable(dir.resolve("energy_uj")) ||
                sysfs.readLong(dir.resolve("energy_uj")).isEmpty()
            ) {
                continue;
            }
            String name = sysfs.readString(dir.resolve("name")).orElse(dirName);
            zones.add(new Zone(dir, name, range.orElse((1L << 32) - 1), top));
        }
        return zones;
    }

    /** Whether any RAPL zone is present and readable under the root. */
    static boolean available(SysfsReader sysfs) {
        return !findZones(sysfs).isEmpty();
    }

    /** Whether powercap RAPL zones exist but their counters are not readable (needs root). */
    static boolean presentButUnreadable(SysfsReader sysfs) {
        List<Path> dirs = sysfs.list("sys/class/powercap", "intel-rapl:*");
        return !dirs.isEmpty() && findZones(sysfs).isEmpty();
    }

    @Override
    public String id() {
        return "rapl";
    }

    @Override
    public PowerCoverage coverage() {
        return PowerCoverage.CPU_PACKAGE;
    }

    @Override
    public String description() {
        boolean psys = zones.stream().anyMatch(z -> z.name().equals("psys"));
        return psys
            ? "RAPL psys: the SoC platform (CPU, GPU, memory controller); misses display, disks and VRM losses"
            : "RAPL package + DRAM: the CPU package and memory only; misses the rest of the machine";
    }

    /** Zone names in reading order ({@code package-0}, {@code core}, {@code dram}, ...). */
    public List<String> zoneNames() {
        return zones.stream().map(Zone::name).toList();
    }

    /**
     * Energy counted per zone since this source's first read, in J, wrap-arounds included, in the
     * order of {@link #zoneNames()}.
     */
    public double[] cumulativeJoules() {
        return cumulativeJoules.clone();
    }

    private long[] readCounters() throws IOException {
        long[] counters = new long[zones.size()];
        for (int i = 0; i < zones.size(); i++) {
            OptionalLong value = sysfs.readLong(zones.get(i).dir().resolve("energy_uj"));
            if (value.isEmpty()) {
                throw new IOException(
                    "cannot read " + zones.get(i).dir().resolve("energy_uj") + " (root only?)"
                );
            }
            counters[i] = value.getAsLong();
        }
        return counters;
    }

    @Override
    public PowerReading read() throws IOException {
        if (zones.isEmpty()) {
            throw new IOException("no readable RAPL zone under " + sysfs.resolve("sys/class/powercap"));
        }
        if (previousCounters == null) {
            previousCounters = readCounters();
            previousNanos = clock.nanoTime();
            try {
                clock.sleepMillis(primingMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while priming RAPL counters", e);
            }
        }
        long[] counters = readCounters();
        long now = clock.nanoTime();
        double seconds = (now - previousNanos) / 1e9;
        if (seconds <= 0) {
            throw new IOException("RAPL read twice within the same clock tick");
        }
        List<RailPower> rails = new ArrayList<>();
        double psys = Double.NaN;
        double packageAndDram = 0;
        for (int i = 0; i < zones.size(); i++) {
            Zone zone = zones.get(i);
            long microjoules = EnergyCounters.delta(
                previousCounters[i],
                counters[i],
                zone.maxRangeMicrojoules()
            );
            cumulativeJoules[i] += microjoules / 1e6;
            double watts = microjoules / 1e6 / seconds;
            rails.add(RailPower.of(zone.name(), watts));
            if (zone.name().equals("psys")) {
                psys = watts;
            } else if (zone.topLevel() && zone.name().startsWith("package")) {
                packageAndDram += watts;
            } else if (zone.name().equals("dram")) {
                packageAndDram += watts;
            }
        }
        previousCounters = counters;
        previousNanos = now;
        return new PowerReading(id(), Double.isNaN(psys) ? packageAndDram : psys, rails);
    }
}
