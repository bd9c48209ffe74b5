package io.configspec.model.imports;

import io.configspec.model.imports.ImportedMeasurements.Board;
import io.configspec.model.io.ProfileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * NVIDIA Jetson {@code tegrastats} logs (docs/importing.md): one line per interval with the
 * power rails as {@code NAME cur/avg} in milliwatts, written {@code VDD_IN 4990mW/4990mW} since
 * JetPack 5 (a third {@code /peak} value on JetPack 7, a {@code MM-DD-YYYY HH:MM:SS} time stamp
 * in front with {@code --timestamp} or by default on newer releases) and {@code POM_5V_IN
 * 933/933} or {@code VDD_IN 5066/5066} without a unit on JetPack 4 (Nano, TX2; Xavier names its
 * rails {@code GPU}, {@code CPU}, {@code SOC}, {@code CV}, {@code VDDRQ}, {@code SYS5V}).
 *
 * <p>Board power per line is the board's input rail where it has one ({@code VDD_IN}, {@code
 * POM_5V_IN}), otherwise the sum of the rails listed (AGX Orin, AGX Xavier: the note says so); the
 * instantaneous reading ({@code cur}) of each line counts, and the import gives their mean, standard
 * deviation, minimum and maximum. Log only while drafting: the figure is board power while
 * drafting.
 */
public final class TegrastatsImporter extends AbstractImporter implements MeasurementImporter {

    /** {@code NAME cur/avg[/peak]}, milliwatts, with or without the {@code mW} unit. */
    private static final Pattern RAIL = Pattern.compile(
        "(?<![\\w@])([A-Za-z][A-Za-z0-9_]*) (\\d+(?:\\.\\d+)?)(?:mW)?/(\\d+(?:\\.\\d+)?)(?:mW)?(?:/(\\d+(?:\\.\\d+)?)(?:mW)?)?(?=\\s|$)"
    );
    private static final Pattern STAMP = Pattern.compile("^(\\d{2}-\\d{2}-\\d{4}) \\d{2}:\\d{2}:\\d{2} ");
    private static final Pattern RAM = Pattern.compile("\\bRAM \\d+/\\d+[kMG]B\\b");
    /** Input rails: the whole board's power where the board measures it. */
    private static final List<String> INPUT_RAILS = List.of("VDD_IN", "POM_5V_IN");
    /** Memory and swap readings look like rails but are not. */
    private static final Set<String> NOT_RAILS = Set.of("RAM", "SWAP", "IRAM", "lfb", "cached");

    public TegrastatsImporter() {
        super("tegrastats", "NVIDIA Jetson tegrastats log");
    }

    @Override
    public boolean detects(Path file, String head) {
        String first = head
            .lines()
            .filter(l -> !l.isBlank())
            .findFirst()
            .orElse("");
        return RAM.matcher(first).find() && (first.contains("CPU [") || first.contains("EMC_FREQ"));
    }

    @Override
    public ImportedMeasurements measure(Path file, String text) throws ProfileException {
        String[] lines = text.split("\n", -1);
        SummaryStatistics watts = new SummaryStatistics();
        Set<String> railNames = new LinkedHashSet<>();
        String summed = null;
        Optional<LocalDate> date = Optional.empty();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            if (!RAM.matcher(line).find()) {
                throw ProfileException.atLine(
                    file,
                    i + 1,
                    "is not a tegrastats line (no RAM used/total reading)"
                );
            }
            Matcher stamp = STAMP.matcher(line);
            if (date.isEmpty() && stamp.find()) {
                try {
                    date = Optional.of(
                        LocalDate.parse(stamp.group(1), DateTimeFormatter.ofPattern("MM-dd-yyyy"))
                    );
                } catch (DateTimeParseException e) {
                    throw ProfileException.atLine(
                        file,
                        i + 1,
                        "has the time stamp \"" + stamp.group(1) + "\", not a date MM-DD-YYYY"
                    );
                }
            }
            Map<String, Double> rails = new LinkedHashMap<>();
            Matcher m = RAIL.matcher(line);
            while (m.find()) {
                if (!NOT_RAILS.contains(m.group(1))) {
                    rails.put(m.group(1), Double.parseDouble(m.group(2)));
                }
            }
            if (rails.isEmpty()) {
                throw ProfileException.atLine(
                    file,
                    i + 1,
                    "has no power rail reading (NAME cur/avg); run tegrastats as root on a board with INA3221 power monitors"
                );
            }
            String input = INPUT_RAILS.stream().filter(rails::containsKey).findFirst().orElse(null);
            String used = input != null ? input : String.join(" + ", rails.keySet());
            if (summed == null) {
                summed = used;
            } else if (!summed.equals(used)) {
                throw ProfileException.atLine(
                    file,
                    i + 1,
                    "reports the rails " +
                        used +
                        " but earlier lines reported " +
                        summed +
                        " (one board per log)"
                );
            }
            double milliwatts = input != null
                ? rails.get(input)
                : rails.values().stream().mapToDouble(Double::doubleValue).sum();
            watts.addValue(milliwatts / 1000.0);
            railNames.addAll(rails.keySet());
        }
        if (watts.getN() == 0) {
            throw ProfileException.ofFile(file, "is empty", null);
        }
        String input = summed;
        List<String> others = railNames
            .stream()
            .filter(r -> !r.equals(input))
            .toList();
        String rails = summed.contains(" + ")
            ? "sum of " + summed + " (no board input rail)"
            : summed +
              " (board input" +
              (others.isEmpty() ? "" : "; also logged: " + String.join(", ", others)) +
              ")";
        return ImportedMeasurements.boardPower(file, id(), "tegrastats", date, watts, rails);
    }
}
