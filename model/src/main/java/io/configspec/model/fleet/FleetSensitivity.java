package io.configspec.model.fleet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * WISP's headline ratios across the settings a paper leaves open: each policy's capacity (and
 * goodput at its capacity) when one setting of the scenario is varied and the others are kept —
 * the TPOT SLO, the think time between a device's requests (which sets its request rate), the
 * prompt length (the context every verification carries and every prefill costs), and the
 * server's batch limit. It shows under which settings WISP reaches 2× centralised serving and SLED
 * falls below it, and under which it does not.
 *
 * @param base the scenario as given
 * @param points one per (setting, value), in the order of {@link #defaultGrid}
 */
public record FleetSensitivity(FleetScenario base, List<Point> points) {
    public FleetSensitivity {
        points = List.copyOf(points);
    }

    /** A setting the sweep varies. */
    public enum Knob {
        SLO("TPOT SLO", "ms"),
        THINK_TIME("think time (sets request rate)", "s"),
        PROMPT_LENGTH("mean prompt (context, prefill)", "tokens"),
        BATCH_LIMIT("batch limit", "requests");

        private final String label;
        private final String unit;

        Knob(String label, String unit) {
            this.label = label;
            this.unit = unit;
        }

        public String label() {
            return label;
        }

        public String unit() {
            return unit;
        }

        /** Lower-case name for files and JSON ({@code slo}, {@code think-time}, ...). */
        public String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One value of one setting. */
    public record Setting(Knob knob, double value) {}

    /**
     * Outcome at one setting.
     *
     * @param value the setting's value in its unit (ms, s, tokens, requests)
     * @param isBase whether this is the scenario's own value
     * @param capacity capacity of centralised, SLED and WISP (indexed by {@link FleetPolicy#ordinal})
     * @param goodputAtCapacity goodput of each at its own capacity, tokens/s (0 when it serves none)
     * @param reachedSearchLimit whether a capacity search hit the largest N tried
     */
    public record Point(
        Knob knob,
        double value,
        boolean isBase,
        int[] capacity,
        double[] goodputAtCapacity,
        boolean reachedSearchLimit
    ) {
        public Point {
            capacity = capacity.clone();
            goodputAtCapacity = goodputAtCapacity.clone();
        }

        public int capacity(FleetPolicy policy) {
            return capacity[policy.ordinal()];
        }

        public double goodputAtCapacity(FleetPolicy policy) {
            return goodputAtCapacity[policy.ordinal()];
        }

        /** Capacity of {@code a} over {@code b} (∞ when b serves none, NaN when neither does). */
        public double capacityRatio(FleetPolicy a, FleetPolicy b) {
            return (double) capacity(a) / capacity(b);
        }

        /** Goodput at capacity of {@code a} over {@code b}. */
        public double goodputRatio(FleetPolicy a, FleetPolicy b) {
            return goodputAtCapacity(a) / goodputAtCapacity(b);
        }

        /** WISP serves at least twice as many devices as centralised serving (the paper's 2.1×). */
        public boolean wispDoublesCentralized() {
            return capacityRatio(FleetPolicy.WISP, FleetPolicy.CENTRALIZED) >= 2.0;
        }

        /** SLED serves fewer devices than centralised serving (as in the paper's evaluation). */
        public boolean sledBelowCentralized() {
            return capacity(FleetPolicy.SLED) < capacity(FleetPolicy.CENTRALIZED);
        }

        /** Where this point stands, for people: "TPOT SLO 150 ms". */
        public String where() {
            return knob.label() + " " + format(value) + " " + knob.unit();
        }
    }

    /**
     * The default grid around {@code base}: SLO × ½, ¾, 1, 1½, 2; think time × ¼, ½, 1, 2, 4;
     * prompt length × ¼, ½, 1, 2, 4; batch limit 8, 16, 32, 64, 128 (and the scenario's own).
     */
    public static List<Setting> defaultGrid(FleetScenario base) {
        List<Setting> grid = new ArrayList<>();
        double slo = base.sloTpotSeconds() * 1000;
        for (double f : new double[] { 0.5, 0.75, 1, 1.5, 2 }) {
            grid.add(new Setting(Knob.SLO, slo * f));
        }
        double think = base.workload().meanThinkSeconds();
        for (double f : new double[] { 0.25, 0.5, 1, 2, 4 }) {
            grid.add(new Setting(Knob.THINK_TIME, think * f));
        }
        double prompt = base.workload().promptTokens().mean();
        for (double f : new double[] { 0.25, 0.5, 1, 2, 4 }) {
            grid.add(new Setting(Knob.PROMPT_LENGTH, Math.max(1, Math.round(prompt * f))));
        }
        List<Integer> batches = new ArrayList<>(List.of(8, 16, 32, 64, 128));
        if (!batches.contains(base.server().maxBatchSize())) {
            batches.add(base.server().maxBatchSize());
            Collections.sort(batches);
        }
        for (int b : batches) {
            grid.add(new Setting(Knob.BATCH_LIMIT, b));
        }
        return grid;
    }

    /** The scenario's own value of {@code knob}, in the knob's unit. */
    public static double baseValue(FleetScenario base, Knob knob) {
        return switch (knob) {
            case SLO -> base.sloTpotSeconds() * 1000;
            case THINK_TIME -> base.workload().meanThinkSeconds();
            case PROMPT_LENGTH -> Math.max(1, Math.round(base.workload().promptTokens().mean()));
            case BATCH_LIMIT -> base.server().maxBatchSize();
        };
    }

    /**
     * {@code base} with one setting changed. The SLO and the prompt lengths scale every device
     * kind's own SLO and prompt lengths too (by the same factor as the scenario's).
     */
    public static FleetScenario apply(FleetScenario base, Setting setting) {
        double value = setting.value();
        return switch (setting.knob()) {
            case SLO -> {
                double f = value / 1000 / base.sloTpotSeconds();
                List<FleetDeviceType> mix = new ArrayList<>();
                for (FleetDeviceType t : base.deviceMix()) {
                    mix.add(
                        Double.isNaN(t.sloTpotSeconds()) ? t : t.withSloTpotSeconds(t.sloTpotSeconds() * f)
                    );
                }
                yield base.withDeviceMix(mix).withSloTpotSeconds(value / 1000);
            }
            case THINK_TIME -> base.withWorkload(
                new FleetWorkload(
                    base.workload().promptTokens(),
                    base.workload().outputTokens(),
                    value,
                    base.workload().setupSeconds()
                )
            );
            case PROMPT_LENGTH -> {
                double f = value / base.workload().promptTokens().mean();
                List<FleetDeviceType> mix = new ArrayList<>();
                for (FleetDeviceType t : base.deviceMix()) {
                    mix.add(t.promptTokens() == null ? t : t.withPromptTokens(scaled(t.promptTokens(), f)));
                }
                yield base
                    .withDeviceMix(mix)
                    .withWorkload(
                        new FleetWorkload(
                            scaled(base.workload().promptTokens(), f),
                            base.workload().outputTokens(),
                            base.workload().meanThinkSeconds(),
                            base.workload().setupSeconds()
                        )
                    );
            }
            case BATCH_LIMIT -> base.withServer(
                new FleetServer(
                    base.server().estimator(),
                    (int) value,
                    base.server().latencyNoiseCv(),
                    base.server().dispatchDelaySeconds()
                )
            );
        };
    }

    private static TokenLengthDistribution scaled(TokenLengthDistribution d, double f) {
        int max = d.max() == Integer.MAX_VALUE
            ? Integer.MAX_VALUE
            : (int) Math.max(d.min(), Math.round(d.max() * f));
        return new TokenLengthDistribution(Math.max(1, d.mean() * f), d.stdDev() * f, d.min(), max);
    }

    /**
     * Runs the three capacity searches at every setting of {@code grid} (settings equal to the
     * scenario's own are run once), in parallel over the settings.
     *
     * @param progress told a line per finished setting (from any thread)
     */
    public static FleetSensitivity run(
        FleetScenario base,
        List<Setting> grid,
        int maxDevices,
        double durationSeconds,
        long seed,
        BooleanSupplier cancelled,
        Consumer<String> progress
    ) {
        List<Point> points = grid
            .parallelStream()
            .map(setting -> {
                FleetScenario s = apply(base, setting);
                int[] capacity = new int[FleetPolicy.values().length];
                double[] goodput = new double[capacity.length];
                boolean limit = false;
                for (FleetPolicy p : FleetPolicy.values()) {
                    CapacityResult c = CapacitySearch.find(
                        s,
                        p,
                        maxDevices,
                        durationSeconds,
                        seed,
                        CapacitySearch.DEFAULT_TARGET_ATTAINMENT,
                        cancelled,
                        n -> {}
                    );
                    capacity[p.ordinal()] = c.capacityDevices();
                    goodput[p.ordinal()] = c.atCapacity() == null
                        ? 0
                        : c.atCapacity().goodputTokensPerSecond();
                    limit |= c.reachedSearchLimit();
                }
                boolean isBase = Math.abs(setting.value() - baseValue(base, setting.knob())) < 1e-9;
                Point point = new Point(setting.knob(), setting.value(), isBase, capacity, goodput, limit);
                progress.accept(
                    String.format(
                        Locale.ROOT,
                        "%s %s %s: capacity %d / %d / %d",
                        setting.knob().key(),
                        format(setting.value()),
                        setting.knob().unit(),
                        capacity[0],
                        capacity[1],
                        capacity[2]
                    )
                );
                return point;
            })
            .toList();
        return new FleetSensitivity(base, points);
    }

    /** The points of one setting, in grid order. */
    public List<Point> of(Knob knob) {
        return points
            .stream()
            .filter(p -> p.knob() == knob)
            .toList();
    }

    /**
     * The sweep against the WISP paper's picture, for people: three lines (without line ends) naming
     * the points ({@link Point#where()}) where WISP serves at least twice as many devices as
     * centralised serving, where SLED serves fewer, and where both hold, or "nowhere in this sweep".
     * The command line's {@code fleet-report --sensitivity} and the explorer's Fleet tab show them.
     */
    public List<String> findings() {
        List<String> wispDoubles = new ArrayList<>();
        List<String> sledBelow = new ArrayList<>();
        List<String> both = new ArrayList<>();
        for (Point p : points) {
            if (p.wispDoublesCentralized()) {
                wispDoubles.add(p.where());
            }
            if (p.sledBelowCentralized()) {
                sledBelow.add(p.where());
            }
            if (p.wispDoublesCentralized() && p.sledBelowCentralized()) {
                both.add(p.where());
            }
        }
        return List.of(
            "WISP ≥ 2× centralised: " + places(wispDoubles),
            "SLED below centralised: " + places(sledBelow),
            "both, as in the paper: " + places(both)
        );
    }

    private static String places(List<String> where) {
        return where.isEmpty() ? "nowhere in this sweep" : String.join("; ", where);
    }

    /** A number without needless decimals (150, 7.5, 0.25). */
    public static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e9) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
