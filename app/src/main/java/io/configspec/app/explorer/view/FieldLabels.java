package io.configspec.app.explorer.view;

import io.configspec.app.explorer.viewmodel.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Readable names and units for the numeric fields of profile files, for the library tree: {@code
 * memoryGiB = 8.000} reads "memory = 8.000 GiB", {@code drafting[2].tokensPerSecond} reads
 * "drafting #3 · speed = 12.40 tokens/s" (issue 19, item 11). The JSON name stays in the tooltip.
 */
final class FieldLabels {

    /** Field names whose words or unit are not derivable from the name. */
    private static final Map<String, String[]> SPECIAL = Map.ofEntries(
        Map.entry("tokensPerSecond", new String[] { "speed", "tokens/s" }),
        Map.entry("acceptanceRate", new String[] { "acceptance rate α", "" }),
        Map.entry("acceptanceLow", new String[] { "acceptance, low", "" }),
        Map.entry("acceptanceHigh", new String[] { "acceptance, high", "" }),
        Map.entry("dollarsPerMillionVerifiedTokens", new String[] { "price", "$/1M verified tokens" }),
        Map.entry("dollarsPerMillionTokens", new String[] { "price", "$/1M tokens" }),
        Map.entry("dollarsPerGpuHour", new String[] { "price", "$/GPU-hour" }),
        Map.entry(
            "contextSlowdownPerThousandTokens",
            new String[] { "slowdown per 1000 context tokens", "×" }
        ),
        Map.entry("parameterCount", new String[] { "parameters", "" }),
        Map.entry("sampleCount", new String[] { "samples", "" }),
        Map.entry("contextTokens", new String[] { "context", "tokens" }),
        Map.entry("verifiedTokens", new String[] { "verified", "tokens" }),
        Map.entry("rttSeconds", new String[] { "round trip (RTT)", "s" })
    );

    /** Unit suffixes of field names, longest first. */
    private static final String[][] SUFFIXES = {
        { "MegabitsPerSecond", "Mbit/s" },
        { "PerSecond", "/s" },
        { "Seconds", "s" },
        { "Watts", "W" },
        { "GiB", "GiB" },
        { "Bytes", "bytes" },
    };

    private FieldLabels() {}

    /** "drafting #3 · speed" for {@code drafting[2].tokensPerSecond}. */
    static String name(String label) {
        String[] parts = splitOutsideBrackets(label);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            String index = "";
            int bracket = part.indexOf('[');
            if (bracket > 0 && part.endsWith("]")) {
                try {
                    index = " #" + (Integer.parseInt(part.substring(bracket + 1, part.length() - 1)) + 1);
                } catch (NumberFormatException e) {
                    index = " " + part.substring(bracket);
                }
                part = part.substring(0, bracket);
            }
            out.add((i == parts.length - 1 ? nameAndUnit(part)[0] : words(part)) + index);
        }
        return String.join(" · ", out);
    }

    /** Splits at the dots between names, not those inside a key ({@code drafting[qwen3-0.6b/q8_0]}). */
    private static String[] splitOutsideBrackets(String label) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < label.length(); i++) {
            char ch = label.charAt(i);
            if (ch == '[') depth++;
            else if (ch == ']' && depth > 0) depth--;
            else if (ch == '.' && depth == 0) {
                parts.add(label.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(label.substring(start));
        return parts.toArray(String[]::new);
    }

    /** The unit of the field's last name, or "". */
    static String unit(String label) {
        String[] parts = splitOutsideBrackets(label);
        String last = parts[parts.length - 1].replaceAll("\\[.*\\]$", "");
        return nameAndUnit(last)[1];
    }

    /** "speed = 12.40 tokens/s". */
    static String display(String label, double value) {
        String unit = unit(label);
        String number = Numbers.plain(value);
        return (
            name(label) + " = " + number + (unit.isEmpty() ? "" : unit.startsWith("/") ? unit : " " + unit)
        );
    }

    private static String[] nameAndUnit(String field) {
        String[] special = SPECIAL.get(field);
        if (special != null) return special;
        for (String[] suffix : SUFFIXES) {
            if (field.endsWith(suffix[0]) && field.length() > suffix[0].length()) {
                return new String[] {
                    words(field.substring(0, field.length() - suffix[0].length())),
                    suffix[1],
                };
            }
        }
        return new String[] { words(field), "" };
    }

    /** camelCase → "camel case"; RTT and GPU stay upper case. */
    private static String words(String camel) {
        String spaced = camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.replace("rtt", "RTT").replace("gpu", "GPU").replace("cpu", "CPU");
    }
}
