package io.configspec.app.explorer.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class BackgroundWorkTest {

    @Test
    void startingARunResetsProgressAndSaysWhatItDoes() {
        BackgroundWork work = new BackgroundWork("Open a file.");
        assertEquals("Open a file.", work.messageProperty().get());
        work.setProgress(0.7);
        work.start("Simulating…");
        assertTrue(work.runningProperty().get());
        assertEquals(0.0, work.progressProperty().get());
        assertEquals("Simulating…", work.messageProperty().get());
    }

    @Test
    void cancelReachesOnlyTheCurrentRun() {
        BackgroundWork work = new BackgroundWork();
        AtomicBoolean first = work.start("first");
        work.end("done");
        AtomicBoolean second = work.start("second");
        work.cancel();
        assertTrue(second.get());
        assertFalse(first.get(), "an earlier run's flag stays as it was");
        assertTrue(work.cancelRequested());
    }

    @Test
    void endingARunKeepsItsProgressAndSaysHowItEnded() {
        BackgroundWork work = new BackgroundWork();
        work.start("Sweeping…");
        work.setProgress(0.5);
        work.end("Cancelled.");
        assertFalse(work.isRunning());
        assertEquals(0.5, work.progressProperty().get());
        assertEquals("Cancelled.", work.messageProperty().get());
    }
}
