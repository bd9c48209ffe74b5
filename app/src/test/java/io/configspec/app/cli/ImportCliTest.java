package io.configspec.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.testing.ImportFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code configspec import}: profiles that {@code validate} accepts; bad input is one sentence, exit 2, nothing written. */
class ImportCliTest {

    @TempDir
    Path dir;

    @Test
    void aLlamaBenchFileAndAPowerLogBecomeALibraryThatValidates() {
        Path bench = ImportFixtures.copy("llama-bench/b9251-jetson-orin-nano.jsonl", dir);
        Path log = ImportFixtures.copy("tegrastats/orin-nano-jp6.log", dir);
        Path out = dir.resolve("profiles");
        CliRun run = CliRun.of(
            "import",
            bench.toString(),
            log.toString(),
            "--device",
            "orin-nano-lab",
            "--out",
            out.toString()
        );
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wrote   " + out.resolve("devices/orin-nano-lab.json")), run.out());
        assertTrue(run.out().contains("qwen3-1.7b q4_k_m 42.03 tokens/s"), run.out());
        assertTrue(run.out().contains("read    " + log + " (tegrastats"), run.out());
        CliRun validate = CliRun.of("validate", out.toString());
        assertEquals(0, validate.exitCode(), validate.err());
        assertTrue(validate.out().contains("1 devices, 2 drafters"), validate.out());
    }

    @Test
    void dryRunWritesNothing() {
        Path bench = ImportFixtures.copy("llama-bench/b5163-raspberry-pi-5.json", dir);
        CliRun run = CliRun.of("import", "--from", "llama-bench", bench.toString(), "--dry-run");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("would write devices"), run.out());
        assertFalse(Files.exists(dir.resolve("devices")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        value = {
            "llama-bench/broken-negative-rate.json | broken-negative-rate.json: line 41: avg_ts must be greater than 0 but is -18.267002.",
            "llama-bench/broken-row.md | broken-row.md: line 3: t/s \"fast\" is not a rate",
            "llama-bench/broken-missing-column.csv | broken-missing-column.csv: line 3: ",
            "llama-bench/broken-truncated.json | broken-truncated.json: line ",
            "llama-server/broken-no-draft.json | broken-no-draft.json: line 1: timings has no draft_n",
            "llama-server/broken-acceptance-line.log | broken-acceptance-line.log: line 19: ",
            "vllm/broken-label.txt | broken-label.txt: line 19: has a malformed label set",
            "vllm/broken-accepted-exceeds.log | broken-accepted-exceeds.log: line 6: accepted tokens (5804) exceed drafted tokens (4806)",
            "tegrastats/broken-truncated.log | broken-truncated.log: line 4: has no power rail reading",
            "jtop/broken-power.csv | broken-power.csv: line 6: Power TOT must be a number but is \"n/a\"",
            "latency-profiler/broken-acceptance-above-one.csv | broken-acceptance-above-one.csv: line 4: mean_acceptance_rate must be in [0, 1] but is 1.37.",
            "latency-profiler/broken-missing-speed.csv | broken-missing-speed.csv: line 3: tok_s_avg is missing.",
        }
    )
    void aMalformedFileIsOneSentenceExitTwoAndNothingWritten(String fixture, String expected) {
        Path good = ImportFixtures.copy("llama-bench/b5163-raspberry-pi-5.json", dir);
        Path bad = ImportFixtures.copy(fixture, dir);
        Path out = dir.resolve("out");
        CliRun run = CliRun.of(
            "import",
            good.toString(),
            bad.toString(),
            "--device",
            "x",
            "--drafter",
            "qwen3-0.6b",
            "--target",
            "qwen3-32b",
            "--out",
            out.toString()
        );
        run.assertBadInput();
        assertTrue(run.err().contains(expected), run.err());
        assertTrue(run.err().startsWith(bad.toString()), run.err());
        assertEquals("", run.out());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void anUnknownFormatIsExitTwo() {
        Path bench = ImportFixtures.copy("llama-bench/b5163-raspberry-pi-5.json", dir);
        CliRun run = CliRun.of(
            "import",
            "--from",
            "llama-bnch",
            bench.toString(),
            "--out",
            dir.resolve("out").toString()
        );
        assertEquals(2, run.exitCode());
        assertTrue(
            run
                .err()
                .contains(
                    "--from llama-bnch is not a format ConfigSpec imports (known: profile, llama-bench, llama-server"
                ),
            run.err()
        );
        assertFalse(Files.exists(dir.resolve("out")));
    }
}
