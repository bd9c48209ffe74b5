package io.configspec.engine.net;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * How the services read a request body: strict JSON (a repeated key, trailing content or NaN is
 * an error) within small {@link StreamReadConstraints}, an error being one sentence with its line
 * and column.
 */
public final class RequestJson {

    /** Deepest nesting of arrays and objects accepted in a request. */
    public static final int MAX_NESTING = 32;

    /** Longest number, in characters. */
    public static final int MAX_NUMBER_LENGTH = 64;

    /** The mapper every request body is read with. */
    public static final JsonMapper MAPPER = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build()
        );
    }

    private RequestJson() {}

    /**
     * Parses a request body.
     *
     * @throws HttpProblem 400 naming what is wrong and where, for malformed, repeated-key,
     *     too-deep or empty bodies
     */
    public static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            throw new HttpProblem(400, "the body is empty; a JSON object was expected");
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new HttpProblem(400, "malformed JSON: " + e.getOriginalMessage() + at(e.getLocation()));
        } catch (IOException e) {
            throw new HttpProblem(400, "malformed JSON: " + e.getMessage());
        }
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
