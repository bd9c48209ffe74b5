package io.configspec.app.explorer.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestValueCoalescerTest {

    /**
     * Runs submitted work only when the test says so, to interleave a "drag" with a computation;
     * UI actions run at once (or as a test's subclass says).
     */
    private static class ManualExecutor extends SteppedTaskExecutor {

        @Override
        public void runOnUi(Runnable action) {
            action.run();
        }
    }

    @Test
    void aBurstOfInputsComputesOnlyTheFirstAndTheLatest() {
        ManualExecutor executor = new ManualExecutor();
        List<Integer> computed = new ArrayList<>();
        List<Integer> published = new ArrayList<>();
        LatestValueCoalescer<Integer, Integer> coalescer = new LatestValueCoalescer<>(
            executor,
            v -> {
                computed.add(v);
                return v * 10;
            },
            published::add,
            e -> {}
        );
        coalescer.submit(1);
        for (int v = 2; v <= 50; v++) {
            coalescer.submit(v);
        }
        assertEquals(1, executor.pendingCount());
        executor.runNext();
        // 1 is superseded by 50 before it is published: only the newest state reaches the screen.
        assertEquals(List.of(), published);
        executor.runNext();
        assertEquals(List.of(1, 50), computed);
        assertEquals(List.of(500), published);
        assertTrue(executor.idle());
        assertTrue(!coalescer.busy());
    }

    /**
     * A worker hands a result to the UI thread while the user moves the slider again: the newer
     * input's result must not reach the screen before the older one (which would then replace it:
     * the chart stuck on a what-if the sliders no longer show).
     */
    @Test
    void aResultIsHandedToTheUiBeforeANewerComputationCanStart() {
        List<Runnable> ui = new ArrayList<>();
        List<Integer> published = new ArrayList<>();
        List<Runnable> onFirstHandOver = new ArrayList<>();
        ManualExecutor executor = new ManualExecutor() {
            @Override
            public void runOnUi(Runnable action) {
                // The user's next input arrives, and is computed, at the moment the worker hands over.
                List<Runnable> meanwhile = List.copyOf(onFirstHandOver);
                onFirstHandOver.clear();
                meanwhile.forEach(Runnable::run);
                ui.add(action);
            }
        };
        LatestValueCoalescer<Integer, Integer> coalescer = new LatestValueCoalescer<>(
            executor,
            v -> v,
            published::add,
            e -> {}
        );
        coalescer.submit(1);
        onFirstHandOver.add(() -> {
            coalescer.submit(2);
            while (!executor.idle()) executor.runNext();
        });
        while (!executor.idle() || !ui.isEmpty()) {
            if (!executor.idle()) executor.runNext();
            else ui.removeFirst().run();
        }
        assertEquals(2, published.getLast(), "the newest input's result is on screen: " + published);
        assertEquals(
            published.stream().sorted().distinct().toList(),
            published,
            "never an older result after a newer one"
        );
        assertTrue(!coalescer.busy());
    }

    @Test
    void busyIsFalseWhenTheLastResultIsPublished() {
        List<Runnable> ui = new ArrayList<>();
        List<Boolean> busyAtPublish = new ArrayList<>();
        ManualExecutor executor = new ManualExecutor() {
            @Override
            public void runOnUi(Runnable action) {
                ui.add(action);
            }
        };
        @SuppressWarnings("unchecked")
        LatestValueCoalescer<Integer, Integer>[] c = new LatestValueCoalescer[1];
        c[0] = new LatestValueCoalescer<>(executor, v -> v, v -> busyAtPublish.add(c[0].busy()), e -> {});
        c[0].submit(1);
        executor.runNext();
        ui.removeFirst().run();
        assertEquals(
            List.of(false),
            busyAtPublish,
            "a view reading busy() when it shows the result sees idle"
        );
    }

    @Test
    void failuresAreReportedAndTheNextInputStillRuns() {
        List<Throwable> failures = new ArrayList<>();
        List<Integer> published = new ArrayList<>();
        LatestValueCoalescer<Integer, Integer> coalescer = new LatestValueCoalescer<>(
            new SynchronousTaskExecutor(),
            v -> {
                if (v < 0) {
                    throw new IllegalArgumentException("negative");
                }
                return v;
            },
            published::add,
            failures::add
        );
        coalescer.submit(-1);
        coalescer.submit(3);
        assertEquals(1, failures.size());
        assertEquals(List.of(3), published);
    }

    @Test
    void guardRejectsWorkOnTheUiThread() {
        FxThreadGuard.registerUiThread();
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () ->
                FxThreadGuard.requireBackground("evaluating the configuration space")
            );
            assertTrue(e.getMessage().startsWith("evaluating the configuration space must not run"));
        } finally {
            FxThreadGuard.clearRegistration();
        }
        FxThreadGuard.requireBackground("evaluating the configuration space");
    }
}
