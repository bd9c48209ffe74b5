package io.configspec.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.export.ServingStack;
import io.configspec.model.testing.SampleFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/exports.md shows each serving stack's export of the paper scenario's goodput
 * recommendation: every command there, run now, prints exactly the text shown under it, every
 * stack (and each llama.cpp dialect) is shown, and the models are the real ones the profiles name.
 * The names in each text are checked against upstream by {@code UpstreamNamesTest} (model).
 */
class ExportsGuideTest {

    private static final Pattern EXAMPLE = Pattern.compile(
        "```sh\n\\./configspec (export [^\n]+)\n```\n\n```text\n(.*?)```",
        Pattern.DOTALL
    );

    private record Example(List<String> args, String shown) {}

    private static List<Example> examples() throws Exception {
        Path guide = SampleFiles.root().getParent().resolve("docs/exports.md");
        String text = Files.readString(guide);
        List<Example> examples = new ArrayList<>();
        Matcher m = EXAMPLE.matcher(text);
        while (m.find()) {
            examples.add(new Example(List.of(m.group(1).split(" ")), m.group(2)));
        }
        return examples;
    }

    @Test
    void everyCommandInTheGuidePrintsWhatTheGuideShows() throws Exception {
        List<Example> examples = examples();
        assertFalse(examples.isEmpty());
        Set<ServingStack> stacks = EnumSet.noneOf(ServingStack.class);
        Set<String> dialects = new java.util.TreeSet<>();
        for (Example e : examples) {
            List<String> args = new ArrayList<>();
            for (String a : e.args()) {
                args.add(
                    a.equals("samples/scenarios/configspec-paper.json")
                        ? SampleFiles.paperScenario().toString()
                        : a
                );
            }
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, run.exitCode(), e.args() + ": " + run.err());
            assertEquals(
                e.shown(),
                run.out(),
                "docs/exports.md is out of date for: " + String.join(" ", e.args())
            );
            String format = args.get(args.indexOf("--format") + 1);
            ServingStack stack = ServingStack.fromCliName(format).orElseThrow();
            stacks.add(stack);
            if (stack == ServingStack.LLAMA_CPP) {
                int d = args.indexOf("--llamacpp-dialect");
                dialects.add(d < 0 ? "spec-type" : args.get(d + 1));
            }
            assertTrue(
                args.contains("--objective")
                    ? args.get(args.indexOf("--objective") + 1).equals("goodput")
                    : true
            );
        }
        assertEquals(EnumSet.allOf(ServingStack.class), stacks, "every stack is shown");
        assertEquals(Set.of("spec-type", "draft-max", "draft"), dialects, "every llama.cpp dialect is shown");
    }
}
