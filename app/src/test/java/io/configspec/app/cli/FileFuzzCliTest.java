package io.configspec.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.configspec.model.io.ProfileSchemas;
import io.configspec.model.testing.SampleFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 acceptance 2: mutants of every sample file (deleted fields, wrong types, NaN and huge
 * numbers, α above 1, truncations, 100,000-deep nesting, a 50 MB file) through {@code validate}
 * and {@code sweep --out}. Every mutant the schema or JSON itself refuses gets exit 2 and one
 * sentence naming the mutated file; no run prints a stack trace, hangs, or writes anything. The
 * mutants are drawn from a fixed seed, so a failure reproduces.
 */
class FileFuzzCliTest {

    private static final int MUTANTS_PER_FILE = 24;
    private static final String HOLE = "\"@@mutant@@\"";
    private static final ObjectMapper PLAIN = new ObjectMapper();

    @TempDir
    Path dir;

    /** A mutated file: its text, and whether it is invalid by construction (not JSON, or over a limit). */
    record Mutant(String operator, String text, boolean brokenByConstruction) {}

    @Test
    @Timeout(600)
    void everyInvalidMutantIsOneSentenceAndExitTwo() throws Exception {
        SampleFiles.copyTo(dir);
        List<Path> samples;
        try (Stream<Path> walk = Files.walk(dir)) {
            samples = walk
                .filter(p -> p.toString().endsWith(".json"))
                .sorted()
                .toList();
        }
        SplittableRandom random = new SplittableRandom(14);
        int runs = 0,
            invalid = 0,
            exitTwo = 0,
            accepted = 0;
        long slowest = 0;
        Map<String, Integer> perOperator = new TreeMap<>();
        for (Path file : samples) {
            String original = Files.readString(file);
            List<Mutant> mutants = new ArrayList<>();
            for (int i = 0; i < MUTANTS_PER_FILE; i++) {
                mutants.add(mutate(original, random, i));
            }
            for (int i = 0; i < 6 && original.contains("acceptanceRate"); i++) {
                ObjectNode root = (ObjectNode) PLAIN.readTree(original);
                mutants.add(
                    new Mutant(
                        "α above 1",
                        replaceField(root, random, "acceptanceRate", "acceptanceHigh"),
                        false
                    )
                );
            }
            if (file.endsWith("raspberry-pi-5.json")) {
                mutants.add(new Mutant("50 MB file", fiftyMegabytes(original), true));
            }
            for (Mutant mutant : mutants) {
                Files.writeString(file, mutant.text());
                boolean isInvalid = mutant.brokenByConstruction() || !schemaValid(mutant.text());
                Map<Path, String> before = snapshot();
                boolean viaScenario = file.toString().contains("profiles") && runs % 2 == 1;
                Path out = dir.resolve("out.csv");
                boolean scenario = original.contains("\"kind\": \"scenario\"");
                // a profile only a fleet scenario reads (samples/profiles/wisp-paper) is checked through it
                Path fleetScenario = viaScenario &&
                    scenarioLoading(file).toString().endsWith("wisp-paper.json")
                    ? scenarioLoading(file)
                    : null;
                String[] args = fleetScenario != null
                    ? new String[] { "validate", fleetScenario.toString() }
                    : scenario || viaScenario
                        ? new String[] {
                              "sweep",
                              "--scenario",
                              (viaScenario ? scenarioLoading(file) : file).toString(),
                              "--format",
                              "csv",
                              "--out",
                              out.toString(),
                          }
                        : new String[] { "validate", file.toString() };
                long start = System.nanoTime();
                CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CliRun.of(args));
                slowest = Math.max(slowest, System.nanoTime() - start);
                runs++;
                perOperator.merge(mutant.operator(), 1, Integer::sum);
                String context = mutant.operator() + " of " + file + " via " + args[0] + ": " + run.err();
                assertFalse(run.err().contains("\tat "), context);
                assertFalse(run.err().contains("Exception"), context);
                assertTrue(run.exitCode() == 0 || run.exitCode() == 2, context);
                if (isInvalid) {
                    invalid++;
                    assertEquals(2, run.exitCode(), context);
                    assertTrue(run.err().startsWith(file.toString()), context);
                }
                if (run.exitCode() == 2) {
                    exitTwo++;
                    assertEquals(1, run.err().strip().lines().count(), context);
                    assertTrue(run.err().strip().endsWith("."), context);
                    assertTrue(run.err().startsWith(dir.toString()), context);
                    assertEquals("", run.out(), context);
                    assertEquals(before, snapshot(), "nothing written: " + context);
                } else {
                    accepted++;
                    Files.deleteIfExists(out);
                }
            }
            Files.writeString(file, original);
        }
        System.out.printf(
            "file fuzz: %d runs over %d sample files (%s); %d invalid by construction or schema, all exit 2; %d exit 2 in all, %d accepted; slowest run %.0f ms%n",
            runs,
            samples.size(),
            perOperator,
            invalid,
            exitTwo,
            accepted,
            slowest / 1e6
        );
        assertTrue(runs >= 300, "runs " + runs);
        assertTrue(invalid >= 300, "invalid mutants " + invalid);
    }

    /** The bundled scenario that loads a sample profile file. */
    private Path scenarioLoading(Path profile) {
        String path = dir.relativize(profile).toString().replace('\\', '/');
        String scenario = path.startsWith("profiles/wisp-paper/")
            ? "wisp-paper.json"
            : path.startsWith("profiles/illustrative-domains/")
                ? "illustrative-workload-mix.json"
                : path.startsWith("profiles/illustrative/")
                    ? "illustrative-edge.json"
                    : path.startsWith("profiles/configspec-paper-profiler-csv/")
                        ? "configspec-paper-profiler-speeds.json"
                        : "configspec-paper.json";
        return dir.resolve("scenarios").resolve(scenario);
    }

    private static boolean schemaValid(String text) {
        JsonNode tree;
        try {
            tree = PLAIN.readTree(text);
        } catch (IOException e) {
            return false;
        }
        if (tree == null || !tree.isObject() || !tree.path("kind").isTextual()) {
            return false;
        }
        try {
            return ProfileSchemas.violations(tree.get("kind").asText(), tree).isEmpty();
        } catch (RuntimeException e) {
            return false; // unknown kind: no schema
        }
    }

    private static Mutant mutate(String original, SplittableRandom random, int index) throws IOException {
        ObjectNode root = (ObjectNode) PLAIN.readTree(original);
        return switch (index % 10) {
            case 0, 1 -> {
                List<ObjectNode> objects = collect(root, JsonNode::isObject);
                ObjectNode target = objects.get(random.nextInt(objects.size()));
                List<String> names = new ArrayList<>();
                target.fieldNames().forEachRemaining(names::add);
                target.remove(names.get(random.nextInt(names.size())));
                yield new Mutant("deleted field", PLAIN.writeValueAsString(root), false);
            }
            case 2, 3 -> {
                JsonNode[] wrong = {
                    TextNode.valueOf("12"),
                    PLAIN.getNodeFactory().numberNode(7),
                    PLAIN.createObjectNode(),
                    PLAIN.createArrayNode(),
                    PLAIN.getNodeFactory().nullNode(),
                    PLAIN.getNodeFactory().booleanNode(true),
                };
                yield new Mutant(
                    "wrong type",
                    replaceOne(root, random, JsonNode::isValueNode, n -> wrong[random.nextInt(wrong.length)]),
                    false
                );
            }
            case 4, 5 -> {
                String[] numbers = {
                    "NaN",
                    "Infinity",
                    "1e400",
                    "-1e400",
                    "9".repeat(1200),
                    "\"NaN\"",
                    "-0.5",
                    "1e-400",
                };
                String raw = numbers[random.nextInt(numbers.length)];
                String text = replaceOne(root, random, JsonNode::isNumber, n ->
                    TextNode.valueOf("@@mutant@@")
                );
                yield new Mutant(
                    "NaN/huge number",
                    text.replace(HOLE, raw),
                    !raw.startsWith("\"") && !raw.startsWith("-0") && !raw.equals("1e-400")
                );
            }
            case 6 -> {
                String text = replaceField(
                    root,
                    random,
                    "acceptanceRate",
                    "acceptanceHigh",
                    "acceptanceLow",
                    "confidence"
                );
                yield text == null
                    ? new Mutant(
                          "truncated",
                          original.substring(0, random.nextInt(original.length() - 2) + 1),
                          true
                      )
                    : new Mutant("α above 1", text, false);
            }
            case 7, 8 -> new Mutant(
                "truncated",
                original.substring(0, random.nextInt(original.length() - 2) + 1),
                true
            );
            default -> {
                String text = replaceOne(root, random, n -> true, n -> TextNode.valueOf("@@mutant@@"));
                yield new Mutant(
                    "100,000-deep nesting",
                    text.replace(HOLE, "[".repeat(100_000) + "]".repeat(100_000)),
                    true
                );
            }
        };
    }

    /** Sets one acceptance-like field (if the file has one) above 1. */
    private static String replaceField(ObjectNode root, SplittableRandom random, String... names)
        throws IOException {
        List<ObjectNode> holders = collect(root, n -> n.isObject() && Stream.of(names).anyMatch(n::has));
        if (holders.isEmpty()) {
            return null;
        }
        ObjectNode holder = holders.get(random.nextInt(holders.size()));
        for (String name : names) {
            if (holder.has(name)) {
                holder.put(name, 1 + random.nextDouble() * 2 + 1e-3);
                break;
            }
        }
        return PLAIN.writeValueAsString(root);
    }

    private static String replaceOne(
        ObjectNode root,
        SplittableRandom random,
        java.util.function.Predicate<JsonNode> which,
        Function<JsonNode, JsonNode> replacement
    ) throws IOException {
        List<JsonNode[]> slots = new ArrayList<>(); // {parent, key-or-index holder}
        List<Object> keys = new ArrayList<>();
        collectSlots(root, which, slots, keys);
        int pick = random.nextInt(slots.size());
        JsonNode parent = slots.get(pick)[0];
        Object key = keys.get(pick);
        JsonNode old = key instanceof Integer i ? parent.get(i) : parent.get((String) key);
        if (parent instanceof ObjectNode o) {
            o.set((String) key, replacement.apply(old));
        } else {
            ((ArrayNode) parent).set((Integer) key, replacement.apply(old));
        }
        return PLAIN.writeValueAsString(root);
    }

    private static void collectSlots(
        JsonNode node,
        java.util.function.Predicate<JsonNode> which,
        List<JsonNode[]> slots,
        List<Object> keys
    ) {
        if (node.isObject()) {
            node
                .fieldNames()
                .forEachRemaining(name -> {
                    if (which.test(node.get(name))) {
                        slots.add(new JsonNode[] { node });
                        keys.add(name);
                    }
                    collectSlots(node.get(name), which, slots, keys);
                });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (which.test(node.get(i))) {
                    slots.add(new JsonNode[] { node });
                    keys.add(i);
                }
                collectSlots(node.get(i), which, slots, keys);
            }
        }
    }

    private static List<ObjectNode> collect(JsonNode node, java.util.function.Predicate<JsonNode> which) {
        List<ObjectNode> found = new ArrayList<>();
        if (which.test(node) && node instanceof ObjectNode o && o.size() > 0) {
            found.add(o);
        }
        node.elements().forEachRemaining(child -> found.addAll(collect(child, which)));
        return found;
    }

    /** The sample with a 50 MB description: over the size limit. */
    private static String fiftyMegabytes(String original) {
        return original.replaceFirst("\\{", "{\"description\": \"" + "x".repeat(50_000_000) + "\",");
    }

    private Map<Path, String> snapshot() throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(p, Files.size(p) + "@" + Files.getLastModifiedTime(p));
            }
        }
        return files;
    }
}
