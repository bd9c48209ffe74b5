package io.configspec.model.imports;

import io.configspec.model.imports.ToolRows.Row;
import io.configspec.model.io.ProfileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * The CSV log of jetson-stats' {@code jtop} ({@code jtop.stats} written row by row, as its {@code
 * jtop_logger.py} example does; docs/importing.md): jtop 4 and later write one {@code Power NAME}
 * column per rail and {@code Power TOT}, in milliwatts; jtop 3 wrote the board total as {@code
 * power cur} (and {@code power avg}), in milliwatts. Both have {@code time} and {@code uptime}. The
 * board total of each row counts; the import gives mean, spread, minimum and maximum, naming the
 * rails.
 */
public final class JtopImporter extends AbstractImporter implements MeasurementImporter {

    public JtopImporter() {
        super("jtop", "jetson-stats jtop CSV log");
    }

    @Override
    public boolean detects(Path file, String head) {
        List<String> header = ToolRows.csvHeader(head.stripLeading());
        return (
            header.containsAll(List.of("time", "uptime")) &&
            (header.contains("Power TOT") || header.contains("power cur"))
        );
    }

    @Override
    public ImportedMeasurements measure(Path file, String text) throws ProfileException {
        List<String> header = ToolRows.csvHeader(text.stripLeading());
        String total;
        String version;
        if (header.contains("Power TOT")) {
            total = "Power TOT";
            version = "jtop 4 or later";
        } else if (header.contains("power cur")) {
            total = "power cur";
            version = "jtop 3";
        } else {
            throw ProfileException.ofFile(
                file,
                "is not a jtop CSV log: its header has neither 'Power TOT' (jtop 4+) nor 'power cur' (jtop 3)",
                null
            );
        }
        List<String> rails = header
            .stream()
            .filter(h -> h.startsWith("Power ") && !h.equals("Power TOT"))
            .map(h -> h.substring(6))
            .toList();
        List<Row> rows = ToolRows.csv(file, text);
        SummaryStatistics watts = new SummaryStatistics();
        Optional<LocalDate> date = Optional.empty();
        for (Row row : rows) {
            OptionalDouble milliwatts = row.number(total);
            if (milliwatts.isEmpty()) {
                throw row.problem(total + " is empty (no power reading)");
            }
            if (milliwatts.getAsDouble() < 0) {
                throw row.problem(total + " must not be negative but is " + row.text(total).orElse(""));
            }
            watts.addValue(milliwatts.getAsDouble() / 1000.0);
            if (date.isEmpty()) {
                date = row.text("time").flatMap(JtopImporter::day);
            }
        }
        if (watts.getN() == 0) {
            throw ProfileException.ofFile(file, "has a header but no rows", null);
        }
        String described = total.equals("Power TOT")
            ? "jtop Power TOT" + (rails.isEmpty() ? "" : " (rails " + String.join(", ", rails) + ")")
            : "jtop power cur (board total)";
        return ImportedMeasurements.boardPower(
            file,
            id(),
            "jetson-stats (" + version + ")",
            date,
            watts,
            described
        );
    }

    private static Optional<LocalDate> day(String time) {
        try {
            return Optional.of(LocalDate.parse(time.substring(0, Math.min(10, time.length()))));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
