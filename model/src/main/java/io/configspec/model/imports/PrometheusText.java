package io.configspec.model.imports;

import io.configspec.model.io.ProfileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Prometheus text exposition format (version 0.0.4, what {@code /metrics} serves): one sample
 * per line, {@code name{label="value",…} value [timestamp]}, {@code #} lines for HELP and TYPE.
 * Only what the importers need: samples with their labels, each checked; a line that is not a
 * sample is an error naming it. (Prometheus' Java client writes this format but has no reader, so
 * this small one is ours: decision 0026.)
 */
final class PrometheusText {

    /**
     * One sample.
     *
     * @param name metric name as written (with {@code _total} for counters)
     * @param labels label → value
     * @param value the value
     * @param line line of the file, 1-based
     */
    record Sample(String name, Map<String, String> labels, double value, int line) {}

    private PrometheusText() {}

    static List<Sample> parse(Path file, String text) throws ProfileException {
        List<Sample> samples = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            samples.add(sample(file, i + 1, line));
        }
        return samples;
    }

    private static Sample sample(Path file, int number, String line) throws ProfileException {
        int i = 0;
        while (i < line.length() && isNameChar(line.charAt(i), i == 0)) {
            i++;
        }
        if (i == 0) {
            throw ProfileException.atLine(
                file,
                number,
                "is not a Prometheus sample (expected a metric name)"
            );
        }
        String name = line.substring(0, i);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (true) {
                while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == ',')) {
                    i++;
                }
                if (i < line.length() && line.charAt(i) == '}') {
                    i++;
                    break;
                }
                int start = i;
                while (i < line.length() && isNameChar(line.charAt(i), i == start) && line.charAt(i) != ':') {
                    i++;
                }
                if (
                    i == start || i + 1 >= line.length() || line.charAt(i) != '=' || line.charAt(i + 1) != '"'
                ) {
                    throw ProfileException.atLine(file, number, "has a malformed label set in " + name);
                }
                String label = line.substring(start, i);
                i += 2;
                StringBuilder value = new StringBuilder();
                while (i < line.length() && line.charAt(i) != '"') {
                    char c = line.charAt(i);
                    if (c == '\\' && i + 1 < line.length()) {
                        char next = line.charAt(++i);
                        value.append(next == 'n' ? '\n' : next);
                    } else {
                        value.append(c);
                    }
                    i++;
                }
                if (i >= line.length()) {
                    throw ProfileException.atLine(file, number, "has an unterminated label value in " + name);
                }
                i++;
                labels.put(label, value.toString());
            }
        }
        String[] rest = line.substring(i).strip().split("\\s+");
        if (rest.length < 1 || rest.length > 2 || rest[0].isEmpty()) {
            throw ProfileException.atLine(file, number, "has no value for " + name);
        }
        double value;
        try {
            value = switch (rest[0]) {
                case "+Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(rest[0]);
            };
        } catch (NumberFormatException e) {
            throw ProfileException.atLine(
                file,
                number,
                name + " has the value \"" + ToolRows.shorten(rest[0]) + "\", not a number"
            );
        }
        return new Sample(name, labels, value, number);
    }

    private static boolean isNameChar(char c, boolean first) {
        return (
            (c >= 'a' && c <= 'z') ||
            (c >= 'A' && c <= 'Z') ||
            c == '_' ||
            c == ':' ||
            (!first && c >= '0' && c <= '9')
        );
    }
}
