package io.configspec.model.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.analysis.ConfigurationSpace;
import io.configspec.model.analysis.EvaluatedSpace;
import io.configspec.model.analysis.Objective;
import io.configspec.model.analysis.WhatIf;
import io.configspec.model.domain.Configuration;
import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.testing.SampleFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A streamed evaluation ({@link ScenarioEvaluation#scan}) answers exactly as a whole-space one:
 * the same fronts, recommendations (with their reasons), counts, and the same bytes from the row
 * writer, whatever the block size; and {@link ConfigurationSpace#evaluateRows} gives every row the
 * bits a whole-space evaluation gives it.
 */
class StreamedEvaluationTest {

    private static final List<Objective> GOODPUT_ENERGY = List.of(
        Objective.GOODPUT,
        Objective.JOULES_PER_TOKEN
    );
    private static final List<Objective> TPOT_COST = List.of(
        Objective.TIME_PER_TOKEN,
        Objective.DOLLARS_PER_MILLION_TOKENS
    );
    private static final List<Objective> ONE = List.of(Objective.TOKENS_PER_JOULE);

    /** Every scenario (not fleet scenario) among the samples. */
    private static List<ScenarioLoader.LoadedScenario> scenarios() throws IOException {
        List<ScenarioLoader.LoadedScenario> loaded = new ArrayList<>();
        try (Stream<Path> files = Files.list(SampleFiles.root().resolve("scenarios"))) {
            for (Path file : files.sorted().toList()) {
                try {
                    // fleet scenarios (fleet.json, wisp-paper.json, ...) are another kind of file
                    if (
                        !(io.configspec.model.io.ProfileCodec.read(file) instanceof
                                io.configspec.model.io.ProfileDocument.FleetScenarioDocument)
                    ) {
                        loaded.add(ScenarioLoader.load(file));
                    }
                } catch (Exception e) {
                    throw new AssertionError(file + ": " + e.getMessage(), e);
                }
            }
        }
        assertTrue(!loaded.isEmpty());
        return loaded;
    }

    /** What-ifs that move the front, the constraints and the recommendations about. */
    private static List<WhatIf> whatIfs(ScenarioLoader.LoadedScenario loaded) {
        WhatIf own = loaded.scenario().whatIf();
        int kMin = own.kMin().orElse(loaded.scenario().kMin());
        int kMax = own.kMax().orElse(loaded.scenario().kMax());
        List<WhatIf> list = new ArrayList<>();
        list.add(own);
        list.add(own.with("alphaScale", "0.7"));
        list.add(own.with("pricing", "gpu-time").with("energy", "whole-round"));
        list.add(own.with("minGoodput", "3"));
        list.add(own.with("minGoodput", "1000000")); // nothing feasible
        if (kMax > kMin) {
            list.add(own.with("kMax", Integer.toString(kMin + 1)));
        }
        return list;
    }

    @Test
    void blocksAndSelectionsHoldTheBitsOfTheWholeSpace() throws IOException {
        SplittableRandom random = new SplittableRandom(21);
        for (ScenarioLoader.LoadedScenario loaded : scenarios()) {
            for (WhatIf whatIf : whatIfs(loaded)) {
                ConfigurationSpace space = loaded.space();
                EvaluatedSpace whole = space.evaluate(whatIf);
                int n = whole.size();
                for (int blockRows : new int[] { 1, 5, 13, n }) {
                    EvaluatedSpace block = null;
                    for (long first = 0; first < n; first += blockRows) {
                        int count = (int) Math.min(blockRows, n - first);
                        block = space.evaluateRows(whatIf, first, count, block);
                        for (int i = 0; i < count; i++) {
                            assertSameRow(whole, (int) first + i, block, i);
                        }
                    }
                }
                long[] selection = random.longs(n / 3 + 1, 0, n).distinct().sorted().toArray();
                EvaluatedSpace selected = space.evaluateRows(whatIf, selection);
                for (int i = 0; i < selection.length; i++) {
                    assertSameRow(whole, (int) selection[i], selected, i);
                    assertEquals(i, selected.rowOf(selection[i]));
                }
            }
        }
    }

    private static void assertSameRow(EvaluatedSpace whole, int row, EvaluatedSpace part, int i) {
        String where = "row " + row;
        assertEquals(row, part.globalRow(i), where);
        assertEquals(whole.configuration(row), part.configuration(i), where);
        assertEquals(whole.combinationIndex(row), part.combinationIndex(i), where);
        assertEquals(whole.feasible(row), part.feasible(i), where);
        for (Objective objective : Objective.values()) {
            assertEquals(
                Double.doubleToRawLongBits(whole.value(objective, row)),
                Double.doubleToRawLongBits(part.value(objective, i)),
                where + " " + objective
            );
        }
        assertEquals(whole.expectedTokensPerRound(row), part.expectedTokensPerRound(i), 0.0, where);
        assertEquals(whole.roundTimeSeconds(row), part.roundTimeSeconds(i), 0.0, where);
        assertEquals(whole.acceptanceRate(row), part.acceptanceRate(i), 0.0, where);
        assertEquals(whole.draftTokensPerSecond(row), part.draftTokensPerSecond(i), 0.0, where);
        assertEquals(whole.speedupOverCloudOnly(row), part.speedupOverCloudOnly(i), 0.0, where);
    }

    @Test
    void aStreamedEvaluationAnswersAsTheWholeSpaceWhateverTheBlockSize() throws IOException {
        for (ScenarioLoader.LoadedScenario loaded : scenarios()) {
            for (WhatIf whatIf : whatIfs(loaded)) {
                ScenarioEvaluation whole = ScenarioEvaluation.evaluate(loaded, whatIf);
                for (int blockRows : new int[] { 3, 100, ScenarioEvaluation.BLOCK_ROWS }) {
                    ScenarioEvaluation streamed = ScenarioEvaluation.scan(
                        loaded,
                        whatIf,
                        ConfigurationFilter.ALL,
                        List.of(GOODPUT_ENERGY, TPOT_COST, ONE),
                        blockRows
                    );
                    String where =
                        loaded.file().getFileName() + " " + whatIf.settings() + " blocks of " + blockRows;
                    assertTrue(streamed.streamed());
                    assertEquals(whole.configurationCount(), streamed.configurationCount(), where);
                    assertEquals(whole.feasibleCount(), streamed.feasibleCount(), where);
                    for (List<Objective> objectives : List.of(
                        Objective.GOODPUT_COST_ENERGY,
                        GOODPUT_ENERGY,
                        TPOT_COST,
                        ONE
                    )) {
                        assertEquals(
                            configurations(whole, whole.frontBestFirst(objectives)),
                            configurations(streamed, streamed.frontBestFirst(objectives)),
                            where + " front " + objectives
                        );
                    }
                    for (List<Objective> objectives : List.of(
                        Objective.GOODPUT_COST_ENERGY,
                        GOODPUT_ENERGY,
                        TPOT_COST
                    )) {
                        assertEquals(
                            whole.normalisedHypervolume(objectives),
                            streamed.normalisedHypervolume(objectives),
                            1e-12,
                            where + " hypervolume " + objectives
                        );
                    }
                    assertEquals(
                        whole
                            .recommendations()
                            .stream()
                            .map(r -> r.kind() + " " + r.configuration() + " " + r.reason())
                            .toList(),
                        streamed
                            .recommendations()
                            .stream()
                            .map(r -> r.kind() + " " + r.configuration() + " " + r.reason())
                            .toList(),
                        where
                    );
                    for (ConfigurationRowWriter.Format format : ConfigurationRowWriter.Format.values()) {
                        assertEquals(
                            written(w ->
                                ConfigurationRowWriter.writeRecommendations(
                                    format,
                                    w,
                                    whole,
                                    whole.recommendations()
                                )
                            ),
                            written(w ->
                                ConfigurationRowWriter.writeRecommendations(
                                    format,
                                    w,
                                    streamed,
                                    streamed.recommendations()
                                )
                            ),
                            where + " recommendations as " + format
                        );
                        assertEquals(
                            written(w ->
                                ConfigurationRowWriter.writeRows(
                                    format,
                                    w,
                                    whole,
                                    whole.frontBestFirst(GOODPUT_ENERGY)
                                )
                            ),
                            written(w ->
                                ConfigurationRowWriter.writeRows(
                                    format,
                                    w,
                                    streamed,
                                    streamed.frontBestFirst(GOODPUT_ENERGY)
                                )
                            ),
                            where + " front rows as " + format
                        );
                        if (format != ConfigurationRowWriter.Format.TEXT) {
                            assertEquals(
                                written(w -> ConfigurationRowWriter.writeAllRows(format, w, whole)),
                                written(w -> ConfigurationRowWriter.writeAllRows(format, w, streamed)),
                                where + " every row as " + format
                            );
                        }
                    }
                }
            }
        }
    }

    @Test
    void aStreamedEvaluationRefusesWhatItDoesNotHold() throws IOException {
        ScenarioLoader.LoadedScenario loaded = scenarios().getFirst();
        ScenarioEvaluation streamed = ScenarioEvaluation.scan(
            loaded,
            loaded.scenario().whatIf(),
            ConfigurationFilter.ALL,
            List.of()
        );
        assertThrows(IllegalStateException.class, () -> streamed.front(GOODPUT_ENERGY));
        assertThrows(IllegalStateException.class, streamed::bestGoodputPerDevice);
        assertThrows(IllegalArgumentException.class, () ->
            ConfigurationRowWriter.writeAllRows(
                ConfigurationRowWriter.Format.TEXT,
                new StringWriter(),
                streamed
            )
        );
        // a row it holds is found by its configuration, one it does not hold is not
        Configuration best = streamed.recommendations().getFirst().configuration();
        assertEquals(best, streamed.configuration(streamed.rowOf(best)));
        assertTrue(streamed.size() < streamed.configurationCount());
    }

    private static List<Configuration> configurations(ScenarioEvaluation e, int[] rows) {
        return Arrays.stream(rows).mapToObj(e::configuration).toList();
    }

    private interface Writing {
        void to(StringWriter writer) throws IOException;
    }

    private static String written(Writing writing) throws IOException {
        StringWriter writer = new StringWriter();
        writing.to(writer);
        return writer.toString();
    }
}
