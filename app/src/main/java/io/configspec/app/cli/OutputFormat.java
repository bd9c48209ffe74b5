package io.configspec.app.cli;

import io.configspec.model.export.ServingStack;
import io.configspec.model.service.ConfigurationRowWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The value of {@code --format}, the same option in every command ({@link OutputOptions}): text for
 * people ({@code table} is another name for it), JSON or CSV for scripts, an Apache Arrow IPC file
 * for data tools ({@code sweep} only), or, for {@code export}, a serving stack's own form. Each
 * command says which of them it writes.
 *
 * @param name the name on the command line
 * @param stack the serving stack, or null for text, JSON and CSV
 */
public record OutputFormat(String name, ServingStack stack) {
    public static final OutputFormat TEXT = new OutputFormat("text", null);
    public static final OutputFormat JSON = new OutputFormat("json", null);
    public static final OutputFormat CSV = new OutputFormat("csv", null);
    /** An Apache Arrow IPC file (a binary file: needs {@code --out}). */
    public static final OutputFormat ARROW = new OutputFormat("arrow", null);

    /** The format of a serving stack, e.g. {@code vllm}. */
    public static OutputFormat of(ServingStack stack) {
        return new OutputFormat(stack.cliName(), stack);
    }

    /** The format called {@code name} (case-insensitive; {@code table} is {@code text}), if any. */
    public static Optional<OutputFormat> fromName(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "text", "table" -> Optional.of(TEXT);
            case "json" -> Optional.of(JSON);
            case "csv" -> Optional.of(CSV);
            case "arrow" -> Optional.of(ARROW);
            default -> ServingStack.fromCliName(n).map(OutputFormat::of);
        };
    }

    /** Whether this is a serving stack's format. */
    public boolean serving() {
        return stack != null;
    }

    /** The row writer's format of text, JSON or CSV (not Arrow: {@link ArrowRowWriter} writes it). */
    public ConfigurationRowWriter.Format rows() {
        return switch (name) {
            case "json" -> ConfigurationRowWriter.Format.JSON;
            case "csv" -> ConfigurationRowWriter.Format.CSV;
            case "text" -> ConfigurationRowWriter.Format.TEXT;
            default -> throw new IllegalStateException(name + " is not a row format");
        };
    }

    @Override
    public String toString() {
        return name;
    }

    /** picocli converter of {@code --format}. */
    static final class Converter implements CommandLine.ITypeConverter<OutputFormat> {

        @Override
        public OutputFormat convert(String value) {
            return fromName(value).orElseThrow(() ->
                new CommandLine.TypeConversionException(
                    "'" +
                        value +
                        "' is not an output format (text, json, csv, arrow, or for export " +
                        ServingStack.cliNames() +
                        ")"
                )
            );
        }
    }

    /** The names shown in help. */
    static final class Names implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            List<String> names = new ArrayList<>(List.of("text", "json", "csv", "arrow"));
            return names.iterator();
        }
    }
}
