package io.configspec.model.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.io.ScenarioLoader;
import io.configspec.model.testing.SampleFiles;
import java.lang.management.ManagementFactory;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 20, reproducer 1: a space knows its size and memory before it is built, and refuses what does not fit. */
class SpaceSizeTest {

    private static ConfigurationSpace space;
    private static WhatIf base;

    @BeforeAll
    static void load() throws Exception {
        var loaded = ScenarioLoader.load(SampleFiles.illustrativeScenario());
        space = loaded.space();
        base = loaded.scenario().whatIf();
    }

    private static WhatIf kMax(int kMax) {
        return base.withKRange(OptionalInt.empty(), OptionalInt.of(kMax));
    }

    @Test
    void countsAreLongAndExactPastTheIntRange() {
        SpaceSize size = space.sizeOf(kMax(100_000_000));
        long combinations = space.combinations().size();
        assertEquals(combinations * (100_000_000L - size.kMin() + 1), size.configurations());
        assertTrue(size.configurations() > Integer.MAX_VALUE);
        assertTrue(size.totalBytes() > 0);
    }

    @Test
    void aSpaceLargerThanAnArrayIsRefusedNotOverflowed() {
        SpaceTooLargeException e = assertThrows(SpaceTooLargeException.class, () ->
            space.evaluate(kMax(100_000_000))
        );
        assertTrue(e.getMessage().contains("more memory cannot help"), e.getMessage());
        assertThrows(SpaceTooLargeException.class, () -> space.size(kMax(100_000_000)));
    }

    @Test
    void aSpaceThatDoesNotFitTheHeapIsRefusedInOneSentenceNamingWhatWouldDo() {
        SpaceSize size = space.sizeOf(kMax(1_000_000));
        long oneGigabyte = 1_000_000_000L;

        SpaceTooLargeException e = assertThrows(SpaceTooLargeException.class, () ->
            size.requireFits(oneGigabyte)
        );

        String message = e.getMessage();
        assertTrue(message.contains(String.format("%,d configurations", size.configurations())), message);
        assertTrue(message.contains("GB"), message);
        int fitting = size.largestFittingKMax(oneGigabyte);
        assertTrue(message.contains("--set kMax=" + fitting), message);
        assertTrue(message.contains("-Xmx"), message);
        assertEquals(1, message.lines().count());
        assertTrue(space.sizeOf(kMax(fitting)).fits(oneGigabyte));
        assertFalse(space.sizeOf(kMax(fitting + 1)).fits(oneGigabyte));
    }

    @Test
    void bytesAreSaidInTheUnitThatKeepsTheNumberShort() {
        assertEquals("1 MB", SpaceSize.inWords(1));
        assertEquals("850 MB", SpaceSize.inWords(850_000_000L));
        assertEquals("6.3 GB", SpaceSize.inWords(6_300_000_000L));
        assertEquals("999.9 GB", SpaceSize.inWords(999_900_000_000L));
        assertEquals("21.6 TB", SpaceSize.inWords(21_575_900_000_000L));
    }

    @Test
    void theEstimateMatchesWhatAnEvaluationAllocates() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        WhatIf whatIf = kMax(2000);
        SpaceSize size = space.sizeOf(whatIf);
        space.evaluate(kMax(20)); // warm up: classes and per-combination tables
        long before = threads.getCurrentThreadAllocatedBytes();
        EvaluatedSpace rows = space.evaluate(whatIf);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertEquals(size.configurations(), rows.size());
        double ratio = allocated / (double) size.evaluationBytes();
        assertTrue(
            ratio > 0.9 && ratio < 1.2,
            "allocated " + allocated + " bytes, estimated " + size.evaluationBytes()
        );
    }
}
