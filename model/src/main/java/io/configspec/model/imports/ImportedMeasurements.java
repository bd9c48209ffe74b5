package io.configspec.model.imports;

import io.configspec.model.domain.DeviceKind;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * What one tool's output file holds, in the tool's own terms but with units fixed (tokens/s, W,
 * fractions): the facts a {@link MeasurementImporter} read, before {@link Importers} merges the files
 * of one import into profiles. Nothing here is estimated; a value the file does not
 * state is empty.
 *
 * @param file the file read
 * @param format the importer's id, e.g. {@code llama-bench}
 * @param tool the tool with its version or build where the file states it, e.g. {@code llama-bench
 *     build 5163 (8cf427ff)}
 * @param date the day the file says it measured on, if it says
 * @param boards boards the file describes (keyed by {@link Board#key()})
 * @param drafting decoding rates per model (text generation)
 * @param prefill prompt-processing rates per model, kept apart from drafting
 * @param power board power readings
 * @param acceptance acceptance of a drafter's tokens by a target
 * @param goodput end-to-end speculative decoding throughput, where the tool measured it
 * @param leftOut results the file holds that no profile can use, one sentence each naming the
 *     line (e.g. a llama-bench test that mixes prompt processing and generation)
 */
public record ImportedMeasurements(
    Path file,
    String format,
    String tool,
    Optional<LocalDate> date,
    List<Board> boards,
    List<DraftingRate> drafting,
    List<PrefillRate> prefill,
    List<PowerDraw> power,
    List<Acceptance> acceptance,
    List<Goodput> goodput,
    List<String> leftOut
) {
    /** What a file of drafting rates held: the boards and the rates measured on them. */
    public static ImportedMeasurements drafting(
        Path file,
        String format,
        String tool,
        Optional<LocalDate> date,
        List<Board> boards,
        List<DraftingRate> drafting
    ) {
        return new ImportedMeasurements(
            file,
            format,
            tool,
            date,
            boards,
            drafting,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of()
        );
    }

    /** What a file of acceptance figures (and end-to-end goodput, where measured) held. */
    public static ImportedMeasurements acceptance(
        Path file,
        String format,
        String tool,
        Optional<LocalDate> date,
        List<Acceptance> acceptance,
        List<Goodput> goodput
    ) {
        return new ImportedMeasurements(
            file,
            format,
            tool,
            date,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            acceptance,
            goodput,
            List.of()
        );
    }

    /**
     * What a power log of one embedded GPU board held: the board power of each reading, in W,
     * summarised as mean, spread (0 for a single reading), minimum and maximum.
     *
     * @param rails the rails summed for each reading, e.g. {@code VDD_IN}
     */
    public static ImportedMeasurements boardPower(
        Path file,
        String format,
        String tool,
        Optional<LocalDate> date,
        SummaryStatistics watts,
        String rails
    ) {
        PowerDraw draw = new PowerDraw(
            "",
            watts.getMean(),
            watts.getN() > 1 ? watts.getStandardDeviation() : 0,
            watts.getMin(),
            watts.getMax(),
            (int) watts.getN(),
            rails
        );
        Board board = new Board("", "", Optional.of(DeviceKind.EMBEDDED_GPU), "", "");
        return new ImportedMeasurements(
            file,
            format,
            tool,
            date,
            List.of(board),
            List.of(),
            List.of(),
            List.of(draw),
            List.of(),
            List.of(),
            List.of()
        );
    }

    public ImportedMeasurements {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(date, "date");
        boards = List.copyOf(boards);
        drafting = List.copyOf(drafting);
        prefill = List.copyOf(prefill);
        power = List.copyOf(power);
        acceptance = List.copyOf(acceptance);
        goodput = List.copyOf(goodput);
        leftOut = List.copyOf(leftOut);
    }

    /**
     * What the file held, for people, e.g. "3 drafting rate(s), 1 power reading(s)"; prefill rates
     * and goodput runs are named so a reader sees that they are not made into profiles.
     */
    public String summary() {
        List<String> parts = new java.util.ArrayList<>();
        count(parts, drafting.size(), "drafting rate(s)");
        count(parts, power.size(), "power reading(s)");
        count(parts, acceptance.size(), "acceptance figure(s)");
        count(parts, prefill.size(), "prefill rate(s), kept apart from drafting");
        count(parts, goodput.size(), "goodput run(s), for configspec validate-predictions");
        count(parts, leftOut.size(), "result(s) left out");
        return parts.isEmpty() ? "nothing ConfigSpec imports" : String.join(", ", parts);
    }

    private static void count(List<String> parts, int n, String what) {
        if (n > 0) {
            parts.add(n + " " + what);
        }
    }

    /** Whether the file held nothing an import can use. */
    public boolean isEmpty() {
        return drafting.isEmpty() && power.isEmpty() && acceptance.isEmpty() && goodput.isEmpty();
    }

    /**
     * A board as the file describes it.
     *
     * @param key how the file names it (e.g. the profiler CSV's {@code raspberry_pi_5}), or empty
     *     when the file describes one board without naming it
     * @param name display name, or empty
     * @param kind broad class, if the file tells
     * @param cpu CPU description, or empty
     * @param gpu GPU description, or empty
     */
    public record Board(String key, String name, Optional<DeviceKind> kind, String cpu, String gpu) {}

    /**
     * A model as the tool ran it.
     *
     * @param name the name rule's result for what the file calls it
     * @param parameters exact parameter count where the file states it
     * @param bytesOnDisk file size where the file states it
     */
    public record ModelRun(ModelNames.Name name, OptionalLong parameters, OptionalLong bytesOnDisk) {
        public static ModelRun named(ModelNames.Name name) {
            return new ModelRun(name, OptionalLong.empty(), OptionalLong.empty());
        }
    }

    /**
     * Decode (text-generation) throughput of one model: the drafting rate r.
     *
     * @param board {@link Board#key()} of the board it ran on
     * @param model the model
     * @param tokensPerSecond mean rate, tokens/s
     * @param standardDeviation spread of the repetitions, tokens/s, if stated
     * @param samples repetitions (or power readings) behind it
     * @param powerWatts board power while it ran, W, if the same row states it
     * @param powerSamples readings behind {@code powerWatts}
     * @param detail what was run, for the provenance note (e.g. {@code tg128, 4 threads, CPU})
     * @param line line (or JSON object) of the file it came from, 1-based
     */
    public record DraftingRate(
        String board,
        ModelRun model,
        double tokensPerSecond,
        OptionalDouble standardDeviation,
        int samples,
        OptionalDouble powerWatts,
        int powerSamples,
        String detail,
        int line
    ) {}

    /**
     * Prompt-processing throughput of one model (kept as a prefill rate, never used as drafting).
     *
     * @param board board key
     * @param model the model
     * @param tokensPerSecond mean rate, tokens/s
     * @param promptTokens prompt length of the test
     * @param detail what was run
     * @param line line of the file
     */
    public record PrefillRate(
        String board,
        ModelRun model,
        double tokensPerSecond,
        int promptTokens,
        String detail,
        int line
    ) {}

    /**
     * Board power over the readings of a log.
     *
     * @param board board key
     * @param meanWatts mean power, W
     * @param standardDeviationWatts spread of the readings, W
     * @param minimumWatts lowest reading, W
     * @param maximumWatts highest reading, W
     * @param samples readings
     * @param rails the rails summed for each reading, e.g. {@code VDD_IN}
     */
    public record PowerDraw(
        String board,
        double meanWatts,
        double standardDeviationWatts,
        double minimumWatts,
        double maximumWatts,
        int samples,
        String rails
    ) {}

    /**
     * Acceptance of a drafter's tokens by a target.
     *
     * @param drafter the drafter, if the file names it (its quantisation may be unknown)
     * @param target the target, if the file names it
     * @param k the speculative length the rounds used, if known
     * @param acceptanceRate accepted / drafted tokens, in [0, 1]
     * @param standardDeviation spread over prompts, if stated (the paper's per-K form)
     * @param minimum lowest per-prompt rate, if stated
     * @param maximum highest per-prompt rate, if stated
     * @param draftedTokens drafted tokens counted, if the tool counted them
     * @param acceptedTokens accepted tokens counted, if counted
     * @param byPosition conditional acceptance of draft position i given the positions before it
     *     were accepted (α₁…α_m), if the tool counted per position
     * @param detail what the figure is, for the provenance note
     * @param line line of the file
     */
    public record Acceptance(
        Optional<ModelRun> drafter,
        Optional<ModelRun> target,
        OptionalInt k,
        double acceptanceRate,
        OptionalDouble standardDeviation,
        OptionalDouble minimum,
        OptionalDouble maximum,
        OptionalLong draftedTokens,
        OptionalLong acceptedTokens,
        List<Double> byPosition,
        String detail,
        int line
    ) {
        public Acceptance {
            byPosition = List.copyOf(byPosition);
        }

        /**
         * Acceptance counted by the tool: {@code accepted} of {@code drafted} tokens (drafted &gt;
         * 0), with no spread over prompts.
         */
        public static Acceptance counted(
            Optional<ModelRun> drafter,
            Optional<ModelRun> target,
            OptionalInt k,
            long drafted,
            long accepted,
            List<Double> byPosition,
            String detail,
            int line
        ) {
            return new Acceptance(
                drafter,
                target,
                k,
                accepted / (double) drafted,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                OptionalLong.of(drafted),
                OptionalLong.of(accepted),
                byPosition,
                detail,
                line
            );
        }
    }

    /**
     * End-to-end speculative decoding throughput of one run (e.g. a llama-server completion).
     *
     * @param drafter the drafter, if named
     * @param target the target, if named
     * @param k the maximum speculative length, if known
     * @param tokensPerSecond generated tokens per second, tokens/s
     * @param generatedTokens tokens generated
     * @param seconds generation time, s
     * @param draftedTokens drafted tokens, if counted
     * @param acceptedTokens accepted drafted tokens, if counted
     * @param line line of the file
     */
    public record Goodput(
        Optional<ModelRun> drafter,
        Optional<ModelRun> target,
        OptionalInt k,
        double tokensPerSecond,
        long generatedTokens,
        double seconds,
        OptionalLong draftedTokens,
        OptionalLong acceptedTokens,
        int line
    ) {}
}
