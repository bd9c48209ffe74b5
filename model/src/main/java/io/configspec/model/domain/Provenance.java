package io.configspec.model.domain;

import java.time.LocalDate;

/**
 * Where a number came from. Every number in a profile has one, per record or per field: {@link
 * Measured} by a tool on real hardware, taken from the {@link Literature}, or an {@link
 * Illustrative} placeholder that the user should replace (the GUI shows it as such).
 */
public sealed interface Provenance {
    /** The JSON {@code kind} of this provenance: {@code measured}, {@code literature}, {@code illustrative}. */
    String kind();

    /** One short phrase for tables and tooltips, e.g. {@code literature (llama.cpp discussion #4167)}. */
    String label();

    /**
     * Measured by a tool.
     *
     * @param tool tool and version that measured it, e.g. {@code configspec-profiler 0.1.0}
     * @param date day of the measurement
     * @param sampleCount number of samples (rounds, prompts, readings) behind the figure, ≥ 1
     * @param source the file the figure was imported from (e.g. {@code pi5-bench.json}), or empty
     * @param note what exactly was measured, where a reader needs it (e.g. {@code tg128, 4 threads;
     *     VDD_IN, sd 0.4 W}), or empty
     */
    record Measured(String tool, LocalDate date, int sampleCount, String source, String note) implements
        Provenance {
        public Measured {
            FieldChecks.text("tool", tool);
            FieldChecks.present("date", date);
            FieldChecks.positive("sampleCount", sampleCount);
            source = source == null ? "" : source;
            note = note == null ? "" : note;
        }

        /** Measured by a tool of this program (no imported file, no note). */
        public Measured(String tool, LocalDate date, int sampleCount) {
            this(tool, date, sampleCount, "", "");
        }

        @Override
        public String kind() {
            return "measured";
        }

        @Override
        public String label() {
            return (
                "measured (" +
                tool +
                ", " +
                date +
                ", n=" +
                sampleCount +
                (source.isEmpty() ? "" : ", from " + source) +
                (note.isEmpty() ? "" : "; " + note) +
                ")"
            );
        }
    }

    /**
     * Taken from a publication or public benchmark.
     *
     * @param source citation or URL
     */
    record Literature(String source) implements Provenance {
        public Literature {
            FieldChecks.text("source", source);
        }

        @Override
        public String kind() {
            return "literature";
        }

        @Override
        public String label() {
            return "literature (" + source + ")";
        }
    }

    /**
     * A plausible placeholder, not a measurement.
     *
     * @param note optional remark on how the figure was chosen (may be empty)
     */
    record Illustrative(String note) implements Provenance {
        public Illustrative {
            note = note == null ? "" : note;
        }

        public Illustrative() {
            this("");
        }

        @Override
        public String kind() {
            return "illustrative";
        }

        @Override
        public String label() {
            return note.isEmpty() ? "illustrative" : "illustrative (" + note + ")";
        }
    }
}
