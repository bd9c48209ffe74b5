package io.configspec.engine.net;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A service's bearer token (the board agent's, the verification service's): 32 random bytes
 * (base64url, 43 characters) unless a file gives one. Compared in constant time so response timing
 * does not reveal a prefix.
 */
public final class BearerToken {

    /** Shortest token accepted from a file. */
    public static final int MIN_LENGTH = 16;

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._~+/=-]+");

    private final byte[] token;

    private BearerToken(String token) {
        this.token = token.getBytes(StandardCharsets.US_ASCII);
    }

    public static BearerToken generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new BearerToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * A given token.
     *
     * @throws IllegalArgumentException if shorter than {@link #MIN_LENGTH} or not a token68 string
     */
    public static BearerToken of(String token) {
        String t = token.strip();
        if (t.length() < MIN_LENGTH) {
            throw new IllegalArgumentException(
                "the token must have at least " + MIN_LENGTH + " characters, has " + t.length()
            );
        }
        if (!ALLOWED.matcher(t).matches()) {
            throw new IllegalArgumentException("the token may hold only letters, digits and ._~+/=-");
        }
        return new BearerToken(t);
    }

    /** Reads the first line of a token file. */
    public static BearerToken read(Path file) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        String firstLine = content.lines().findFirst().orElse("");
        try {
            return of(firstLine);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public String value() {
        return new String(token, StandardCharsets.US_ASCII);
    }

    /** Whether an {@code Authorization} header value is {@code Bearer <this token>}; constant time in the token. */
    public boolean matchesAuthorizationHeader(String header) {
        if (header == null || header.length() < 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] given = header.substring(7).strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, token);
    }

    @Override
    public String toString() {
        return "BearerToken[hidden]";
    }
}
