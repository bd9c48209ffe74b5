package io.configspec.model.pareto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * One run of the side-by-side Pareto table of {@code docs/benchmarks.md} (issue 21): for each data
 * set and size, every peer of {@link ParetoPeersBenchmark} once in this JVM (that call checks its
 * front against ours and finds the archives that run past the budget), then the benchmark through
 * JMH for the peers that finished (a peer whose single call took over 5 s is recorded from that
 * call), then, with {@code --paretoset DIR}, the Python library paretoset on the same points
 * ({@code model/bench/paretoset_bench.py}, which checks its front against ours too). Cells run one
 * after the other, so each row of the table is measured under the same conditions; the load
 * average is printed beside each row.
 *
 * <p>Command (see docs/benchmarks.md):
 *
 * <pre>
 * ./mvnw -B -pl model -am -Pbench verify -Djmh.main=io.configspec.model.pareto.ParetoPeersTable \
 *   -Djmh.args="--paretoset /path/to/paretoset --out /tmp/pareto-peers.md"
 * </pre>
 *
 * Options: {@code --sizes 100000,1000000}, {@code --datasets uniform,correlated,anticorrelated},
 * {@code --peers ...}, {@code --budget-seconds 120}, {@code --sets DIR} (where the point sets are
 * written, default a temporary folder), {@code --python /usr/bin/python3}.
 */
public final class ParetoPeersTable {

    private static final String[] PEERS = {
        "ours",
        "jmetal-ranking",
        "jmetal-merge-ranking",
        "jmetal-archive",
        "moea-archive",
    };
    private static final double ONE_CALL_IS_ENOUGH_SECONDS = 5;
    private static final boolean[] MAXIMIZE = { true, true, true };

    private ParetoPeersTable() {}

    /** A measured cell: milliseconds per front, or a lower bound, with how it was measured. */
    /**
     * A measured cell: the fastest and the median call in milliseconds per front (equal for a
     * single call), or a lower bound, with how it was measured.
     */
    record Cell(double millis, double median, String how, boolean lowerBound, boolean frontEqual) {
        String text() {
            if (!frontEqual) {
                return "front differs";
            }
            String value = (lowerBound ? "> " : "") + format(millis);
            if (median != millis) {
                value += " (" + format(median) + ")";
            }
            return value + (how.isEmpty() ? "" : " " + how);
        }

        private static String format(double ms) {
            return ms >= 100
                ? String.format(Locale.ROOT, "%,.0f", ms)
                : String.format(Locale.ROOT, "%.2f", ms);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        int[] sizes = Arrays.stream(options.getOrDefault("sizes", "100000,1000000").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
        String[] datasets = options.getOrDefault("datasets", "uniform,correlated,anticorrelated").split(",");
        String[] peers = options.containsKey("peers") ? options.get("peers").split(",") : PEERS;
        int budget = Integer.parseInt(options.getOrDefault("budget-seconds", "120"));
        Path sets = options.containsKey("sets")
            ? Path.of(options.get("sets"))
            : Files.createTempDirectory("pareto-sets");
        Files.createDirectories(sets);
        String paretoset = options.get("paretoset");
        String python = options.getOrDefault("python", "/usr/bin/python3");
        StringBuilder table = new StringBuilder();
        table.append("| set | points | front | ");
        for (String peer : peers) {
            table.append(peer).append(" | ");
        }
        if (paretoset != null) {
            table.append("paretoset | ");
        }
        table.append("fastest peer ÷ ours | load average |\n|---|---|---|");
        table.append("---|".repeat(peers.length + (paretoset != null ? 1 : 0) + 2)).append('\n');
        for (int size : sizes) {
            for (String dataset : datasets) {
                String loadBefore = loadAverage();
                double[][] columns = SyntheticObjectives.generate(dataset, size, ParetoPeersBenchmark.SEED);
                int[] ours = ParetoFront.nonDominated(columns, MAXIMIZE);
                Path points = sets.resolve(dataset + "-" + size + ".f64");
                Path front = sets.resolve(dataset + "-" + size + ".front.i32");
                writePoints(columns, points);
                writeFront(ours, front);
                Map<String, Cell> cells = new LinkedHashMap<>();
                for (String peer : peers) {
                    cells.put(peer, measure(dataset, size, peer, budget, columns, ours));
                    System.out.println(
                        "# " + dataset + " " + size + " " + peer + ": " + cells.get(peer).text()
                    );
                }
                if (paretoset != null) {
                    cells.put("paretoset", paretoset(python, paretoset, points, front, budget));
                    System.out.println(
                        "# " + dataset + " " + size + " paretoset: " + cells.get("paretoset").text()
                    );
                }
                double oursMillis = cells.get("ours") == null ? Double.NaN : cells.get("ours").millis();
                double fastestPeer = Double.POSITIVE_INFINITY;
                table
                    .append("| ")
                    .append(dataset)
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", size));
                table.append(" | ").append(String.format(Locale.ROOT, "%,d", ours.length)).append(" | ");
                for (Map.Entry<String, Cell> entry : cells.entrySet()) {
                    Cell cell = entry.getValue();
                    boolean isOurs = entry.getKey().equals("ours");
                    table.append(isOurs ? "**" + cell.text() + "**" : cell.text()).append(" | ");
                    if (!isOurs && cell.frontEqual()) {
                        fastestPeer = Math.min(fastestPeer, cell.millis());
                    }
                }
                table.append(String.format(Locale.ROOT, "%.1f×", fastestPeer / oursMillis)).append(" | ");
                table.append(loadBefore).append(" → ").append(loadAverage()).append(" |\n");
                System.out.print(table);
            }
        }
        String result =
            "Milliseconds per front: fastest call (median call), JMH sample mode, 3 × 2 s after a " +
            "2 s warm-up, one fork; \"one call\" = a single timed call of over 5 s; \"> B\" = stopped at " +
            "the budget. paretoset: the same statistics over its calls after the numba compile " +
            "(model/bench/paretoset_bench.py). The ratio compares fastest calls.\n\n" +
            table;
        System.out.println(result);
        if (options.containsKey("out")) {
            Files.writeString(Path.of(options.get("out")), result, StandardCharsets.UTF_8);
        }
    }

    private static Cell measure(
        String dataset,
        int size,
        String peer,
        int budget,
        double[][] columns,
        int[] ours
    ) throws RunnerException {
        ParetoPeersBenchmark state = new ParetoPeersBenchmark();
        state.dataset = dataset;
        state.size = size;
        state.peer = peer;
        state.budgetSeconds = budget;
        state.generate();
        long start = System.nanoTime();
        int[] front;
        try {
            front = state.front();
        } catch (ParetoPeers.OverBudgetException e) {
            return new Cell(budget * 1000.0, budget * 1000.0, "(stopped)", true, true);
        }
        double once = (System.nanoTime() - start) / 1e6;
        state = null; // let the peer's objects go before the forked run
        if (!Arrays.equals(front, ours)) {
            return new Cell(once, once, "", false, false);
        }
        if (once > ONE_CALL_IS_ENOUGH_SECONDS * 1000) {
            return new Cell(once, once, "(one call)", false, true);
        }
        Options options = new OptionsBuilder()
            .include(ParetoPeersBenchmark.class.getName() + ".front")
            .param("dataset", dataset)
            .param("size", Integer.toString(size))
            .param("peer", peer)
            .param("budgetSeconds", Integer.toString(budget))
            .forks(1)
            .warmupIterations(1)
            .warmupTime(TimeValue.seconds(2))
            .measurementIterations(3)
            .measurementTime(TimeValue.seconds(2))
            .mode(Mode.SampleTime)
            .timeUnit(TimeUnit.MILLISECONDS)
            .shouldFailOnError(true)
            .build();
        Collection<RunResult> results = new Runner(options).run();
        var statistics = results.iterator().next().getPrimaryResult().getStatistics();
        return new Cell(statistics.getMin(), statistics.getPercentile(50), "", false, true);
    }

    private static Cell paretoset(String python, String paretoset, Path points, Path front, int budget)
        throws IOException, InterruptedException {
        Path script = Path.of("bench", "paretoset_bench.py");
        if (!Files.exists(script)) {
            script = Path.of("model", "bench", "paretoset_bench.py");
        }
        Process process = new ProcessBuilder(
            python,
            script.toString(),
            "--points",
            points.toString(),
            "--front",
            front.toString(),
            "--paretoset",
            paretoset
        )
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .redirectOutput(ProcessBuilder.Redirect.PIPE)
            .start();
        // paretoset's window is quadratic on large fronts: its compile call plus the measured calls
        // get three budgets, then it is stopped and recorded as a lower bound
        if (!process.waitFor(3L * budget, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return new Cell(budget * 1000.0, budget * 1000.0, "(stopped)", true, true);
        }
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("paretoset_bench.py failed: " + output);
        }
        // last line: "<fastest ms> <median ms> <front equal: true|false>"
        String[] last = output
            .lines()
            .reduce((a, b) -> b)
            .orElse("")
            .split(" ");
        return new Cell(
            Double.parseDouble(last[0]),
            Double.parseDouble(last[1]),
            "",
            false,
            Boolean.parseBoolean(last[2])
        );
    }

    /** n × 3 little-endian doubles, row-major (numpy: {@code fromfile(f, '<f8').reshape(-1, 3)}). */
    static void writePoints(double[][] columns, Path file) throws IOException {
        int n = columns[0].length;
        ByteBuffer buffer = ByteBuffer.allocate(n * columns.length * Double.BYTES).order(
            ByteOrder.LITTLE_ENDIAN
        );
        for (int i = 0; i < n; i++) {
            for (double[] column : columns) {
                buffer.putDouble(column[i]);
            }
        }
        write(buffer, file);
    }

    /** Ascending row indices as little-endian int32. */
    static void writeFront(int[] rows, Path file) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(rows.length * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (int row : rows) {
            buffer.putInt(row);
        }
        write(buffer, file);
    }

    private static void write(ByteBuffer buffer, Path file) throws IOException {
        buffer.flip();
        try (
            FileChannel channel = FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE
            )
        ) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> list = new ArrayList<>(List.of(args));
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
            if (!arg.startsWith("--") || i + 1 >= list.size()) {
                throw new IllegalArgumentException("expected --option value pairs, got " + arg);
            }
            options.put(arg.substring(2), list.get(++i));
        }
        return options;
    }
}
