package io.configspec.model.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one input file into a JSON tree, strictly (docs/file-format.md, "Encoding and limits"):
 * only regular files (the type is checked before the file is opened, so a FIFO cannot block),
 * at most {@link #MAX_FILE_BYTES}, strict UTF-8 (a malformed byte is refused with its offset; a
 * byte-order mark at the very start is skipped), no duplicate keys, no trailing content, and
 * Jackson's {@link StreamReadConstraints} on nesting, number, text and name length. Every problem
 * is one {@link ProfileException}; the limits are restated in words with the line and the field.
 */
public final class JsonInput {

    /** Files larger than this are refused before they are read (50 MB). */
    public static final long MAX_FILE_BYTES = 50L * 1000 * 1000;

    static final int MAX_DEPTH = 64;
    static final int MAX_NUMBER_DIGITS = 100;
    static final int MAX_TEXT_CHARS = 1_000_000;
    static final int MAX_NAME_CHARS = 1_000;

    static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
        .maxNestingDepth(MAX_DEPTH)
        .maxNumberLength(MAX_NUMBER_DIGITS)
        .maxStringLength(MAX_TEXT_CHARS)
        .maxNameLength(MAX_NAME_CHARS)
        .maxDocumentLength(MAX_FILE_BYTES)
        .build();

    private JsonInput() {}

    /** A file parsed strictly into a tree, not yet validated against a schema. */
    public static JsonNode readTree(Path file) throws ProfileException {
        byte[] bytes = bytes(file);
        int start = afterByteOrderMark(file, bytes);
        return parse(file, bytes, start, null);
    }

    /**
     * A file's text, already read by {@link #readText}, parsed under the same limits as {@link
     * #readTree(Path)}: an importer that looked at the text first does not read the file again.
     */
    public static JsonNode readTree(Path file, String text) throws ProfileException {
        return parse(file, null, 0, text);
    }

    /** Parses {@code text}, or {@code bytes} from {@code start} when {@code text} is null. */
    private static JsonNode parse(Path file, byte[] bytes, int start, String text) throws ProfileException {
        JsonMapper mapper = ProfileCodec.mapper();
        JsonParser parser = null;
        JsonNode tree;
        try {
            parser = text == null
                ? mapper.createParser(bytes, start, bytes.length - start)
                : mapper.createParser(text);
            try (JsonParser open = parser) {
                tree = mapper.readTree(open);
            }
        } catch (StreamConstraintsException e) {
            throw limit(file, parser, e);
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            String reason = "not valid JSON: " + firstLine(e.getOriginalMessage());
            if (location != null && location.getLineNr() > 0) {
                throw ProfileException.atLine(file, location.getLineNr(), location.getColumnNr(), reason, e);
            }
            throw ProfileException.ofFile(file, "is " + reason, e);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        String[] fault = tree == null ? null : fault(tree);
        if (fault != null) {
            throw ProfileException.atField(file, fault[0].isEmpty() ? "(the document)" : fault[0], fault[1]);
        }
        return tree;
    }

    /**
     * A text file (another tool's log, CSV file or table, for importers) under the same rules as JSON files: regular file,
     * at most {@link #MAX_FILE_BYTES}, strict UTF-8 (offset of a malformed byte named), a leading
     * byte-order mark skipped.
     */
    public static String readText(Path file) throws ProfileException {
        byte[] bytes = bytes(file);
        int start = afterByteOrderMark(file, bytes);
        return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    }

    /** Where the content starts (after a UTF-8 byte-order mark, if any), once the bytes are checked to be UTF-8. */
    private static int afterByteOrderMark(Path file, byte[] bytes) throws ProfileException {
        int start = bytes.length >= 3 &&
            (bytes[0] & 0xff) == 0xef &&
            (bytes[1] & 0xff) == 0xbb &&
            (bytes[2] & 0xff) == 0xbf
            ? 3
            : 0;
        checkUtf8(file, bytes, start);
        return start;
    }

    /** The file's bytes, after checking its type and size without opening it. */
    private static byte[] bytes(Path file) throws ProfileException {
        byte[] bytes = null;
        long size;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                throw ProfileException.ofFile(file, "is a directory, not a file", null);
            }
            if (!attributes.isRegularFile()) {
                throw ProfileException.ofFile(
                    file,
                    "is not a regular file (a FIFO, socket or device); only regular files are read",
                    null
                );
            }
            size = attributes.size();
            if (size <= MAX_FILE_BYTES) {
                try (InputStream in = Files.newInputStream(file)) {
                    bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
                    size = bytes.length;
                }
            }
        } catch (NoSuchFileException e) {
            throw ProfileException.ofFile(file, "does not exist", e);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        if (size > MAX_FILE_BYTES) {
            throw ProfileException.ofFile(
                file,
                String.format(
                    Locale.ROOT,
                    "is %.1f MB, larger than the %d MB limit for input files",
                    size / 1e6,
                    MAX_FILE_BYTES / 1_000_000
                ),
                null
            );
        }
        return bytes;
    }

    static ProfileException cannotRead(Path file, IOException e) {
        String why = e instanceof AccessDeniedException ? "permission denied" : firstLine(e.getMessage());
        return ProfileException.ofFile(file, "cannot be read (" + why + ")", e);
    }

    /** Refuses overlong forms, encoded surrogates and code points above U+10FFFF, naming the byte offset. */
    private static void checkUtf8(Path file, byte[] bytes, int start) throws ProfileException {
        int ascii = start;
        while (ascii < bytes.length && bytes[ascii] >= 0) {
            ascii++; // ASCII needs no decoding
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder(); // reports malformed input
        ByteBuffer in = ByteBuffer.wrap(bytes, ascii, bytes.length - ascii);
        CharBuffer out = CharBuffer.allocate(Math.min(8192, in.remaining())); // sized to the input: most files are small
        while (in.hasRemaining()) {
            CoderResult result = decoder.decode(in, out.clear(), true);
            if (result.isError()) {
                throw ProfileException.ofFile(
                    file,
                    String.format(
                        Locale.ROOT,
                        "is not valid UTF-8: byte 0x%02X at byte offset %d does not start a well-formed character (save the file as UTF-8)",
                        bytes[in.position()] & 0xff,
                        in.position()
                    ),
                    null
                );
            }
        }
    }

    /**
     * The first value JSON allows but these files do not (a number beyond double range, a lone
     * surrogate from an escape) as {field path, reason}, or null. A path is built only for a fault.
     */
    private static String[] fault(JsonNode node) {
        if (node.isContainerNode()) {
            int index = 0;
            for (JsonNode child : node) {
                String[] fault = fault(child);
                if (fault != null) {
                    String name = node.isArray()
                        ? "[" + index + "]"
                        : node.properties().stream().skip(index).findFirst().orElseThrow().getKey();
                    return new String[] { name + member(fault[0]), fault[1] };
                }
                index++;
            }
        } else if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            return new String[] { "", "must be a finite number but is " + node.asText() };
        } else if (node.isTextual()) {
            String text = node.textValue();
            for (int i = 0; i < text.length(); ) {
                int c = text.codePointAt(i); // a lone surrogate is its own code point here
                if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                    String reason = "contains a lone surrogate \\u%04X, which is not a character";
                    return new String[] { "", String.format(Locale.ROOT, reason, c) };
                }
                i += Character.charCount(c);
            }
        }
        return null;
    }

    /** A path inside a member ({@code x}, {@code [2].y}) as it follows the member's name or index. */
    private static String member(String path) {
        return path.isEmpty() || path.startsWith("[") ? path : "." + path;
    }

    /** A Jackson limit, restated: where, which field, and the limit in words. */
    private static ProfileException limit(Path file, JsonParser parser, StreamConstraintsException e) {
        // each of Jackson's limits in words, by how Jackson's message about it starts (built only
        // here: String.format's first use costs a fresh JVM tens of milliseconds)
        Map<String, String> limits = Map.of(
            "Document nesting depth",
            "nests objects and arrays more than " + MAX_DEPTH + " levels deep",
            "Number value length",
            "holds a number longer than " + MAX_NUMBER_DIGITS + " digits",
            "String value length",
            String.format(Locale.ROOT, "holds a text longer than %,d characters", MAX_TEXT_CHARS),
            "Name length",
            String.format(Locale.ROOT, "holds a field name longer than %,d characters", MAX_NAME_CHARS)
        );
        String message = e.getMessage() == null ? "" : e.getMessage();
        String what = limits
            .entrySet()
            .stream()
            .filter(limit -> message.startsWith(limit.getKey()))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse("is larger than an input file may be");
        String field = parser == null || parser.getParsingContext() == null
            ? ""
            : parser.getParsingContext().pathAsPointer().toString();
        var location = parser == null ? null : parser.currentLocation();
        return ProfileException.atLine(
            file,
            location == null ? 1 : Math.max(1, location.getLineNr()),
            location == null ? 1 : Math.max(1, location.getColumnNr()),
            (field.isEmpty() ? "the document" : "field " + abbreviate(field, 60)) +
                " " +
                what +
                ", the limit for input files",
            e
        );
    }

    static String abbreviate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 3) + "...";
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.lines().findFirst().orElse("").strip();
        // Jackson appends source references ("(start marker at [Source: ...; line: 1, column: 1])");
        // the sentence already names the file, line and column.
        for (String noise : new String[] { " (start marker at", " at [Source:", " [Source:" }) {
            int at = line.indexOf(noise);
            if (at > 0) {
                line = line.substring(0, at);
            }
        }
        return line.replaceAll("[.:]+$", "");
    }
}
