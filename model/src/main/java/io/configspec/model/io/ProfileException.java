package io.configspec.model.io;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A profile or scenario file that cannot be used. Its facts are fields (file, field path such as
 * {@code drafting[2].tokensPerSecond}, or line and column for malformed JSON, and the reason);
 * {@link #getMessage()} is one sentence a user can act on, naming the field by its path and its
 * JSON pointer, e.g. {@code samples/profiles/devices/rpi5.json: drafting[2].tokensPerSecond must be
 * greater than 0 but is -3 (at /drafting/2/tokensPerSecond).}
 */
public final class ProfileException extends Exception {

    private final Path file;
    private final String field;
    private final int line;
    private final int column;
    private final String reason;

    private ProfileException(Path file, String field, int line, int column, String reason, Throwable cause) {
        super(sentence(file, field, line, column, reason), cause);
        this.file = file;
        this.field = field;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /**
     * A problem with one field.
     *
     * @param field JSON path of the field, e.g. {@code drafting[2].tokensPerSecond}; null for the
     *     whole file
     * @param reason phrased to follow the field name, e.g. {@code must be greater than 0 but is -3.0}
     */
    public static ProfileException atField(Path file, String field, String reason) {
        return new ProfileException(file, field, 0, 0, reason, null);
    }

    /** A problem with the file as a whole; {@code reason} follows "the file", e.g. {@code is empty}. */
    public static ProfileException ofFile(Path file, String reason, Throwable cause) {
        return new ProfileException(file, null, 0, 0, reason, cause);
    }

    /** A syntax problem at a position (1-based line and column). */
    public static ProfileException atLine(Path file, int line, int column, String reason, Throwable cause) {
        return new ProfileException(file, null, line, column, reason, cause);
    }

    /** A problem on one line of a text file (a tool's log or table), 1-based. */
    public static ProfileException atLine(Path file, int line, String reason) {
        return new ProfileException(file, null, line, 0, reason, null);
    }

    private static String sentence(Path file, String field, int line, int column, String reason) {
        String where;
        String at = "";
        if (field != null) {
            where = ": " + field + " ";
            at = " (at " + pointer(field) + ")";
        } else if (line > 0) {
            where = column > 0 ? ": line " + line + ", column " + column + ": " : ": line " + line + ": ";
        } else {
            where = " ";
        }
        String text = file + where + strip(reason) + at;
        return text + ".";
    }

    private static String strip(String reason) {
        String text = reason.strip();
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** The JSON pointer of a field path: {@code drafting[2].tokensPerSecond} → {@code /drafting/2/tokensPerSecond}. */
    static String pointer(String field) {
        StringBuilder pointer = new StringBuilder();
        for (String part : field.split("\\.")) {
            int bracket = part.indexOf('[');
            pointer.append('/').append(escape(bracket < 0 ? part : part.substring(0, bracket)));
            if (bracket >= 0) {
                for (String index : part.substring(bracket + 1).split("]\\[?")) {
                    if (!index.isEmpty()) {
                        pointer.append('/').append(index);
                    }
                }
            }
        }
        return pointer.toString();
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** JSON path of the field at fault, if the problem is with one field. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }

    /** The JSON pointer of the field at fault ({@code /drafting/2/tokensPerSecond}), if one. */
    public Optional<String> pointer() {
        return field().map(ProfileException::pointer);
    }

    /** 1-based line of a syntax error, 0 when not known. */
    public int line() {
        return line;
    }

    /** 1-based column of a syntax error, 0 when not known. */
    public int column() {
        return column;
    }

    /** The problem, without file and field. */
    public String reason() {
        return reason;
    }
}
