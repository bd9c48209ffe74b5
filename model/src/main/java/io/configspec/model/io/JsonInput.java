package io.configspec.model.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Iterator;
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
final class JsonInput {

    /** Files larger than this are refused before they are read (50 MB). */
    static final long MAX_FILE_BYTES = 50L * 1000 * 1000;

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

    static JsonNode read(Path file) throws ProfileException {
        byte[] bytes = bytes(file);
        int start = afterByteOrderMark(file, bytes);
        JsonParser parser;
        try {
            parser = ProfileCodec.mapper().createParser(bytes, start, bytes.length - start);
        } catch (IOException e) {
            throw ProfileException.ofFile(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        return parse(file, parser);
    }

    /**
     * A file's text, already read by {@link #text}, parsed under the same limits as {@link #read}:
     * an importer that looked at the text first does not read the file again.
     */
    static JsonNode parse(Path file, String text) throws ProfileException {
        JsonParser parser;
        try {
            parser = ProfileCodec.mapper().createParser(text);
        } catch (IOException e) {
            throw ProfileException.ofFile(file, "cannot be read (" + e.getMessage() + ")", e);
        }
        return parse(file, parser);
    }

    private static JsonNode parse(Path file, JsonParser parser) throws ProfileException {
        try (parser) {
            JsonNode tree = ProfileCodec.mapper().readTree(parser);
            if (tree != null && !tree.isMissingNode() && !plain(tree)) {
                checkValues(file, tree, "");
            }
            return tree;
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
            throw ProfileException.ofFile(file, "cannot be read (" + firstLine(e.getMessage()) + ")", e);
        }
    }

    /**
     * A text file (a tool's log, CSV or table) under the same rules as JSON files: regular file,
     * at most {@link #MAX_FILE_BYTES}, strict UTF-8 (offset of a malformed byte named), a leading
     * byte-order mark skipped.
     */
    static String text(Path file) throws ProfileException {
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
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw ProfileException.ofFile(file, "does not exist", e);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        if (attributes.isDirectory()) {
            throw ProfileException.ofFile(file, "is a directory, not a JSON file", null);
        }
        if (!attributes.isRegularFile()) {
            throw ProfileException.ofFile(
                file,
                "is not a regular file (a FIFO, socket or device); only regular files are read",
                null
            );
        }
        if (attributes.size() > MAX_FILE_BYTES) {
            throw tooLarge(file, attributes.size());
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
            if (bytes.length > MAX_FILE_BYTES) {
                throw tooLarge(file, bytes.length);
            }
            return bytes;
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
    }

    static ProfileException cannotRead(Path file, IOException e) {
        String why = e instanceof AccessDeniedException ? "permission denied" : firstLine(e.getMessage());
        return ProfileException.ofFile(file, "cannot be read (" + why + ")", e);
    }

    private static ProfileException tooLarge(Path file, long size) {
        return ProfileException.ofFile(
            file,
            String.format(
                Locale.ROOT,
                "is %.1f MB, larger than the %d MB limit for profile files",
                size / 1e6,
                MAX_FILE_BYTES / 1_000_000
            ),
            null
        );
    }

    /** Refuses overlong forms, encoded surrogates and code points above U+10FFFF, naming the byte offset. */
    private static void checkUtf8(Path file, byte[] bytes, int start) throws ProfileException {
        int i = start;
        while (i < bytes.length && bytes[i] >= 0) {
            i++; // ASCII needs no decoding
        }
        if (i == bytes.length) {
            return;
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(8192);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                int offset = in.position();
                throw ProfileException.ofFile(
                    file,
                    String.format(
                        Locale.ROOT,
                        "is not valid UTF-8: byte 0x%02X at byte offset %d does not start a well-formed character (save the file as UTF-8)",
                        bytes[offset] & 0xff,
                        offset
                    ),
                    null
                );
            }
            if (result.isUnderflow()) {
                return;
            }
            out.clear();
        }
    }

    /** Whether no value needs a closer look (the common case, checked without building paths). */
    private static boolean plain(JsonNode node) {
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                if (!plain(child)) {
                    return false;
                }
            }
            return true;
        }
        if (node.isFloatingPointNumber()) {
            return Double.isFinite(node.doubleValue());
        }
        if (node.isTextual()) {
            String text = node.textValue();
            for (int i = 0; i < text.length(); i++) {
                if (Character.isSurrogate(text.charAt(i))) {
                    return false; // a pair is fine, but let checkValues decide
                }
            }
        }
        return true;
    }

    /** Values JSON allows but profile files do not: numbers beyond double range, lone surrogates from escapes. */
    private static void checkValues(Path file, JsonNode node, String path) throws ProfileException {
        if (node.isNumber() && node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            throw ProfileException.atField(file, path, "must be a finite number but is " + node.asText());
        }
        if (node.isTextual()) {
            String text = node.textValue();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (
                    Character.isHighSurrogate(c) &&
                    i + 1 < text.length() &&
                    Character.isLowSurrogate(text.charAt(i + 1))
                ) {
                    i++;
                } else if (Character.isSurrogate(c)) {
                    throw ProfileException.atField(
                        file,
                        path.isEmpty() ? "(the document)" : path,
                        String.format(
                            Locale.ROOT,
                            "contains a lone surrogate \\u%04X, which is not a character",
                            (int) c
                        )
                    );
                }
            }
        } else if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                checkValues(
                    file,
                    field.getValue(),
                    path.isEmpty() ? field.getKey() : path + "." + field.getKey()
                );
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkValues(file, node.get(i), path + "[" + i + "]");
            }
        }
    }

    /** A Jackson limit, restated: where, which field, and the limit in words. */
    private static ProfileException limit(Path file, JsonParser parser, StreamConstraintsException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String what;
        if (message.startsWith("Document nesting depth")) {
            what = "nests objects and arrays more than " + MAX_DEPTH + " levels deep";
        } else if (message.startsWith("Number value length")) {
            what = "holds a number longer than " + MAX_NUMBER_DIGITS + " digits";
        } else if (message.startsWith("String value length")) {
            what = String.format(Locale.ROOT, "holds a text longer than %,d characters", MAX_TEXT_CHARS);
        } else if (message.startsWith("Name length")) {
            what = String.format(
                Locale.ROOT,
                "holds a field name longer than %,d characters",
                MAX_NAME_CHARS
            );
        } else {
            what = "is larger than a profile file may be";
        }
        String field = parser.getParsingContext() == null
            ? ""
            : parser.getParsingContext().pathAsPointer().toString();
        if (field.length() > 60) {
            field = field.substring(0, 57) + "...";
        }
        var location = parser.currentLocation();
        String where = field.isEmpty() ? "the document" : "field " + field;
        return ProfileException.atLine(
            file,
            Math.max(1, location.getLineNr()),
            Math.max(1, location.getColumnNr()),
            where + " " + what + ", the limit for profile files",
            e
        );
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
        while (line.endsWith(".") || line.endsWith(":")) {
            line = line.substring(0, line.length() - 1);
        }
        return line;
    }
}
