package io.configspec.app.explorer.viewmodel;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The configurations table's filter: words typed by the user, each of which must match the row.
 * {@code k=4} matches K exactly; a word made of digits and dots ("5", "8", "1.5") must start one of
 * the row's words, so "pi 5" finds the Raspberry Pi 5 and not a Pi 4 row whose drafter is
 * "Qwen2.5"; any other word matches anywhere in the row's names and ids ("rasp", "q4_k", "orin").
 * Case does not matter.
 */
public final class TableFilter {

    /** The searchable text of one device × drafter × quantisation × target. */
    public record Row(String text, Set<String> words) {
        /** Builds the row from its names and ids. */
        public static Row of(String... fields) {
            String text = String.join(" ", fields).toLowerCase(Locale.ROOT);
            Set<String> words = new HashSet<>();
            for (String w : text.split("[\\s()\\[\\],;:/·→+\\-]+")) {
                if (!w.isEmpty()) words.add(w);
            }
            return new Row(text, Set.copyOf(words));
        }
    }

    private final List<String> words;
    private final OptionalInt k;
    private final boolean impossible;

    private TableFilter(List<String> words, OptionalInt k, boolean impossible) {
        this.words = words;
        this.k = k;
        this.impossible = impossible;
    }

    /** Parses what the user typed (null or blank: matches everything). */
    public static TableFilter parse(String typed) {
        String text = typed == null ? "" : typed.trim().toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        OptionalInt k = OptionalInt.empty();
        boolean impossible = false;
        for (String w : text.isEmpty() ? new String[0] : text.split("\\s+")) {
            if (w.startsWith("k=")) {
                try {
                    int value = Integer.parseInt(w.substring(2));
                    if (k.isPresent() && k.getAsInt() != value) impossible = true;
                    k = OptionalInt.of(value);
                } catch (NumberFormatException e) {
                    impossible = true;
                }
            } else {
                words.add(w);
            }
        }
        return new TableFilter(List.copyOf(words), k, impossible);
    }

    /** Whether it lets every row through. */
    public boolean isEmpty() {
        return words.isEmpty() && k.isEmpty() && !impossible;
    }

    /** Whether a row with this text and this K matches. */
    public boolean matches(Row row, int rowK) {
        if (impossible || (k.isPresent() && k.getAsInt() != rowK)) {
            return false;
        }
        for (String w : words) {
            if (!matchesWord(row, w)) return false;
        }
        return true;
    }

    private static boolean matchesWord(Row row, String word) {
        if (word.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            for (String w : row.words()) {
                if (w.startsWith(word)) return true;
            }
            return false;
        }
        return row.text().contains(word);
    }
}
