package io.configspec.model.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.configspec.model.testing.SampleFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every exporter writes exactly the names (flags, keys) and fixed values that docs/decisions/0023
 * cites from the upstream parser of its stack, and nothing else.
 */
class UpstreamNamesTest {

    private static final int K = 6;
    private static final ServingExports.Request REQUEST = new ServingExports.Request(
        "models/target-7b",
        "models/draft-0.5b",
        K,
        List.of("ConfigSpec goodput: a test configuration")
    );

    /** name → expected value ("" when the record gives none), per stack key ("vllm", "llamacpp/spec-type", …). */
    private static Map<String, Map<String, String>> record;

    @BeforeAll
    static void readRecord() throws IOException {
        Path file = SampleFiles.root()
            .getParent()
            .resolve("docs/decisions/0023-serving-stack-exports-upstream-names.md");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int begin = lines.indexOf("<!-- upstream-names:begin -->");
        int end = lines.indexOf("<!-- upstream-names:end -->");
        assertTrue(begin >= 0 && end > begin, "the record marks its table of names");
        record = new TreeMap<>();
        for (String line : lines.subList(begin + 3, end)) {
            String[] cells = line.split("\\|", -1);
            String stack = cells[1].strip();
            String dialect = cells[2].strip();
            String kind = cells[3].strip();
            String name = cells[4].strip();
            String value = cells[5].strip();
            String key = dialect.isEmpty() ? stack : stack + "/" + dialect;
            record.computeIfAbsent(key, x -> new TreeMap<>()).put(kind + " " + name, resolve(value));
        }
    }

    private static String resolve(String value) {
        return switch (value) {
            case "K" -> Integer.toString(K);
            case "K+1" -> Integer.toString(K + 1);
            default -> value;
        };
    }

    @Test
    void theRecordCoversEveryStackAndEveryLlamaCppDialect() {
        for (ServingStack stack : ServingStack.values()) {
            if (stack == ServingStack.LLAMA_CPP) {
                for (LlamaCppDialect dialect : LlamaCppDialect.values()) {
                    assertTrue(record.containsKey("llamacpp/" + dialect.cliName()), dialect.cliName());
                }
            } else {
                assertTrue(record.containsKey(stack.cliName()), stack.cliName());
            }
        }
    }

    @Test
    void vllmNamesAreThoseOfSpeculativeConfig() throws Exception {
        Map<String, String> found = new TreeMap<>();
        List<String> words = shellWords(command(ServingExports.vllmServeCommand(REQUEST)));
        found.put("command " + words.get(0) + " " + words.get(1), "");
        flags(words.subList(3, words.size()), found);
        JsonNode config = new ObjectMapper().readTree(found.remove("flag --speculative-config"));
        found.put("flag --speculative-config", "");
        for (Iterator<Map.Entry<String, JsonNode>> it = config.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            found.put("key " + field.getKey(), field.getValue().asText());
        }
        assertMatchesRecord("vllm", found);
        assertEquals("models/target-7b", words.get(2));
        assertEquals("models/draft-0.5b", config.get("model").asText());
    }

    @ParameterizedTest
    @EnumSource(LlamaCppDialect.class)
    void llamaServerNamesAreThoseOfArgCppInEachDialect(LlamaCppDialect dialect) {
        List<String> words = shellWords(command(ServingExports.llamaServerCommand(REQUEST, dialect)));
        Map<String, String> found = new TreeMap<>();
        found.put("command " + words.get(0), "");
        flags(words.subList(1, words.size()), found);
        assertMatchesRecord("llamacpp/" + dialect.cliName(), found);
    }

    @Test
    void sglangNamesAreThoseOfServerArgs() {
        List<String> words = shellWords(command(ServingExports.sglangLaunchCommand(REQUEST)));
        Map<String, String> found = new TreeMap<>();
        found.put("command " + String.join(" ", words.subList(0, 3)), "");
        flags(words.subList(3, words.size()), found);
        assertMatchesRecord("sglang", found);
    }

    @Test
    void tensorRtLlmNamesAreThoseOfDraftTargetDecodingConfig() {
        Map<String, String> found = new TreeMap<>();
        List<String> parents = new ArrayList<>();
        for (String line : ServingExports.tensorRtLlmConfig(REQUEST).lines().toList()) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int depth = (line.length() - line.stripLeading().length()) / 2;
            String[] keyValue = line.strip().split(":\\s*", 2);
            while (parents.size() > depth) {
                parents.remove(parents.size() - 1);
            }
            String path = parents.isEmpty() ? keyValue[0] : String.join(".", parents) + "." + keyValue[0];
            if (keyValue[1].isEmpty()) {
                parents.add(keyValue[0]);
            } else {
                found.put("key " + path, keyValue[1]);
            }
        }
        assertMatchesRecord("trtllm", found);
    }

    @Test
    void ortGenAiNamesAreThoseOfConfigCpp() {
        String program = shellWords(jqLine(ServingExports.ortGenAiScript(REQUEST)))
            .stream()
            .filter(w -> w.startsWith(".model"))
            .findFirst()
            .orElseThrow();
        Map<String, String> found = new TreeMap<>();
        Matcher assignment = Pattern.compile("(\\.[a-z_.]+) = ([^|)]+)").matcher(program);
        while (assignment.find()) {
            String path = assignment.group(1).substring(1);
            String value = assignment.group(2).strip();
            if (path.equals("filename")) {
                path = "model.draft.filename";
            }
            found.put("key " + path, value.matches("\\d+") ? value : "");
        }
        assertMatchesRecord("ortgenai", found);
        assertTrue(
            program.contains("$draft[0].model.decoder"),
            "the draft block is the draft's own decoder: " + program
        );
    }

    private static void assertMatchesRecord(String key, Map<String, String> found) {
        Map<String, String> expected = record.get(key);
        assertEquals(expected.keySet(), found.keySet(), key + ": names written versus names in 0023");
        for (Map.Entry<String, String> e : expected.entrySet()) {
            if (!e.getValue().isEmpty()) {
                assertEquals(e.getValue(), found.get(e.getKey()), key + ": value of " + e.getKey());
            }
        }
    }

    /** The one line of the text that is not a comment. */
    private static String command(String text) {
        List<String> commands = text
            .lines()
            .filter(l -> !l.startsWith("#") && !l.isBlank())
            .toList();
        assertEquals(1, commands.size(), text);
        assertFalse(text.lines().anyMatch(String::isBlank), "no blank lines: " + text);
        return commands.get(0);
    }

    private static String jqLine(String script) {
        Optional<String> line = script
            .lines()
            .filter(l -> l.startsWith("jq "))
            .findFirst();
        return line.orElseThrow(() -> new AssertionError("no jq line: " + script));
    }

    /** Flags and their values: a word starting with '-' followed by a word that does not. */
    private static void flags(List<String> words, Map<String, String> found) {
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            assertTrue(word.startsWith("-"), "expected a flag at " + i + ": " + words);
            String value = i + 1 < words.size() && !words.get(i + 1).startsWith("-") ? words.get(++i) : "";
            found.put("flag " + word, value);
        }
    }

    /** Splits a POSIX shell line into words (single quotes and the '\'' escape only). */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\'') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == '\'') {
                quoted = true;
                inWord = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (c == ' ') {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
