package io.configspec.engine.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.configspec.model.io.ProfileSchemas;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The job request's schema (docs/schema/profiling-request.schema.json) is its contract, both ways. */
class ProfilingRequestTest {

    private static final JsonMapper JSON = new JsonMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void absentFieldsTakeTheSchemasDefaults() throws Exception {
        ProfilingRequest r = ProfilingRequest.fromJson(json("{\"drafter\": \"d\"}"));

        assertEquals(List.of(1, 2, 4, 8), r.kValues());
        assertEquals(List.of(32), r.contextLengths());
        assertEquals(2, r.warmupRounds());
        assertEquals(10, r.rounds());
        assertEquals(3, r.repetitions());
        assertEquals(1.0, r.idleSeconds());
        assertEquals(List.of(), r.verifyBatchSizes());
        assertEquals(8, r.prompts());
        assertEquals(r, ProfilingRequest.forDrafter("d"));
    }

    @Test
    void theJsonFormReadsBackEqualAndConformsToTheSchema() {
        ProfilingRequest twin = ProfilingRequest.forTwin("QWEN2.5-0.5B", "Int4", 2)
            .withTarget("t")
            .withKValues(List.of(4, 1, 4))
            .withContextLengths(List.of(64, 16))
            .withRounds(0, 5, 2)
            .withIdleSeconds(0.5)
            .withVerification(List.of(2, 1), 3);

        JsonNode written = twin.toJson();

        assertEquals("qwen2.5-0.5b", twin.twin().preset());
        assertEquals("int4", twin.twin().precision());
        assertEquals(List.of(1, 4), twin.kValues());
        assertEquals(List.of(1, 2), twin.verifyBatchSizes());
        assertEquals(2, written.at("/twin/layers").asInt());
        assertTrue(ProfileSchemas.violations(ProfilingRequest.SCHEMA, written).isEmpty(), written.toString());
        assertEquals(twin, ProfilingRequest.fromJson(written));
        assertNull(twin.withVerification(List.of(), 3).withTarget(null).target());
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
            "{\"drafter\": \"d\", \"rm\": 1}|unknown field 'rm'",
            "{\"twin\": {\"preset\": \"qwen2.5-0.5b\", \"precision\": \"int8\", \"x\": 1}}|unknown field 'twin.x'",
            "{\"drafter\": \"d\", \"kValues\": [0]}|field 'kValues[0]': must be between 1 and 32 but is 0",
            "{\"drafter\": \"d\", \"kValues\": []}|field 'kValues': must list at least 1 entry",
            "{\"drafter\": \"d\", \"rounds\": 1001}|field 'rounds': must be between 1 and 1,000 but is 1001",
            "{\"drafter\": \"d\", \"rounds\": 2.5}|field 'rounds': must be a whole number but is the number 2.5",
            "{\"drafter\": \"../etc\"}|field 'drafter': must be a model name",
            "{\"twin\": {\"preset\": \"qwen2.5-0.5b\", \"precision\": \"int3\"}}|field 'twin.precision': must be int8, int4, fp16 or fp32 but is the text \"int3\"",
            "{\"twin\": {\"preset\": \"qwen2.5-0.5b\"}}|field 'twin.precision': is missing",
            "{\"twin\": {\"preset\": \"gpt-9\", \"precision\": \"int8\"}}|field 'twin.preset': no preset 'gpt-9'; known presets:",
            "{\"twin\": {\"preset\": \"qwen2.5-1.5b\", \"precision\": \"int8\", \"layers\": 256}}|field 'twin.layers': qwen2.5-1.5b has 28 layers",
            "{\"drafter\": \"d\", \"twin\": {\"preset\": \"qwen2.5-0.5b\", \"precision\": \"int8\"}}|give exactly one of 'drafter' and 'twin'",
            "{}|give exactly one of 'drafter' and 'twin'",
            "{\"drafter\": \"d\", \"verifyBatchSizes\": [1]}|field 'verifyBatchSizes': needs a 'target'",
        }
    )
    void aBadRequestIsOneSentenceNamingTheField(String body, String expected) throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
            ProfilingRequest.fromJson(json(body))
        );

        assertTrue(e.getMessage().startsWith(expected), e.getMessage());
    }

    @Test
    void aRequestBuiltInCodeIsHeldToTheSameSchema() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
            new ProfilingRequest(
                null,
                new ProfilingRequest.Twin("qwen2.5-0.5b", "int8", null),
                null,
                List.of(1),
                List.of(32),
                2,
                0,
                3,
                1,
                List.of(),
                8
            )
        );
        IllegalArgumentException idle = assertThrows(IllegalArgumentException.class, () ->
            ProfilingRequest.forDrafter("d").withIdleSeconds(61)
        );

        assertEquals("field 'rounds': must be between 1 and 1,000 but is 0", e.getMessage());
        assertEquals("field 'idleSeconds': must be between 0 and 60 but is 61.0", idle.getMessage());
    }
}
