package io.configspec.engine.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Mutants of full job requests (deleted fields, wrong types, huge, negative and fractional numbers,
 * nulls, unknown fields, both or neither of drafter and twin): each is either a request the schema
 * accepts, written back to the same JSON, or one {@link IllegalArgumentException} sentence naming a
 * field — never another exception. Fixed seed, so a failure reproduces.
 */
class ProfilingRequestFuzzTest {

    private static final JsonMapper JSON = new JsonMapper();

    /** What every refusal looks like: a field named, or the one rule between drafter and twin. */
    private static final Pattern SENTENCE = Pattern.compile(
        "(field '[A-Za-z.\\[\\]0-9]+': .+|unknown field '[^']+'|give exactly one of 'drafter' and 'twin')"
    );

    private static final List<JsonNode> ODD_VALUES = List.of(
        JsonNodeFactory.instance.nullNode(),
        TextNode.valueOf("8"),
        TextNode.valueOf(""),
        TextNode.valueOf("../../etc/passwd"),
        IntNode.valueOf(-1),
        IntNode.valueOf(0),
        IntNode.valueOf(Integer.MAX_VALUE),
        JsonNodeFactory.instance.numberNode(new java.math.BigInteger("1" + "0".repeat(40))),
        DoubleNode.valueOf(2.5),
        DoubleNode.valueOf(1e300),
        JsonNodeFactory.instance.booleanNode(true),
        JsonNodeFactory.instance.arrayNode().add(0),
        JsonNodeFactory.instance.arrayNode().add(1).add(TextNode.valueOf("2")),
        JsonNodeFactory.instance.arrayNode(),
        JsonNodeFactory.instance.objectNode().put("preset", "qwen2.5-0.5b")
    );

    @Test
    void everyMutantIsAcceptedOrRefusedInOneSentence() throws Exception {
        List<ObjectNode> originals = List.of(
            (ObjectNode) JSON.readTree(
                "{\"drafter\": \"d\", \"target\": \"t\", \"kValues\": [1, 2, 4], \"contextLengths\": [16, 64]," +
                    " \"warmupRounds\": 1, \"rounds\": 4, \"repetitions\": 2, \"idleSeconds\": 0.2," +
                    " \"verifyBatchSizes\": [1, 2], \"prompts\": 3}"
            ),
            (ObjectNode) JSON.readTree(
                "{\"twin\": {\"preset\": \"qwen2.5-0.5b\", \"precision\": \"int4\", \"layers\": 2}," +
                    " \"kValues\": [1, 2], \"rounds\": 6}"
            )
        );
        List<ObjectNode> mutants = new ArrayList<>();
        for (ObjectNode original : originals) {
            // every field, top-level and the twin's: deleted, each odd value, an unknown neighbour
            for (String path : paths(original)) {
                ObjectNode deleted = original.deepCopy();
                parent(deleted, path).remove(leaf(path));
                mutants.add(deleted);
                ObjectNode unknown = original.deepCopy();
                parent(unknown, path).put(leaf(path) + "x", 1);
                mutants.add(unknown);
                for (JsonNode odd : ODD_VALUES) {
                    ObjectNode mutant = original.deepCopy();
                    parent(mutant, path).set(leaf(path), odd);
                    mutants.add(mutant);
                }
            }
        }
        Random random = new Random(14);
        for (int i = 0; i < 200; i++) {
            ObjectNode mutant = originals.get(i % originals.size()).deepCopy();
            mutate(mutant, random);
            mutants.add(mutant);
        }
        int accepted = 0;
        int refused = 0;
        for (ObjectNode mutant : mutants) {
            try {
                ProfilingRequest request = ProfilingRequest.fromJson(mutant);
                assertEquals(request, ProfilingRequest.fromJson(request.toJson()), mutant.toString());
                accepted++;
            } catch (IllegalArgumentException e) {
                assertTrue(SENTENCE.matcher(e.getMessage()).matches(), mutant + " → " + e.getMessage());
                refused++;
            } catch (RuntimeException e) {
                fail(mutant + " → " + e, e);
            }
        }
        assertTrue(refused >= 300, "refused " + refused + ", accepted " + accepted);
    }

    /** The request's fields as paths: {@code rounds}, {@code twin.layers}, … */
    private static List<String> paths(ObjectNode request) {
        List<String> paths = new ArrayList<>();
        request
            .properties()
            .forEach(field -> {
                paths.add(field.getKey());
                if (field.getValue() instanceof ObjectNode inner) {
                    inner.fieldNames().forEachRemaining(name -> paths.add(field.getKey() + "." + name));
                }
            });
        return paths;
    }

    private static ObjectNode parent(ObjectNode request, String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? request : (ObjectNode) request.get(path.substring(0, dot));
    }

    private static String leaf(String path) {
        return path.substring(path.indexOf('.') + 1);
    }

    /** One or two damages: a field deleted, replaced by an odd value, or an unknown field added. */
    private static void mutate(ObjectNode request, Random random) {
        for (int n = 1 + random.nextInt(2); n > 0; n--) {
            ObjectNode target = request.get("twin") instanceof ObjectNode twin && random.nextInt(3) == 0
                ? twin
                : request;
            List<String> names = new ArrayList<>();
            target.fieldNames().forEachRemaining(names::add);
            if (names.isEmpty()) {
                continue;
            }
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(6)) {
                case 0 -> target.remove(name);
                case 1 -> target.put(name + "x", 1);
                case 2 -> request.put(request.has("drafter") ? "twin" : "drafter", "d");
                default -> target.set(name, ODD_VALUES.get(random.nextInt(ODD_VALUES.size())));
            }
        }
    }
}
