package io.configspec.app.explorer.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LatestValueCoalescerTest {

    /** Runs submitted work only when the test says so, to interleave a "drag" with a computation. */
    private static final class ManualExecutor implements TaskExecutor {

        final List<Runnable> queued = new ArrayList<>();

        @Override
        public <T> CompletableFuture<T> submit(Callable<T> work) {
            CompletableFuture<T> future = new CompletableFuture<>();
            queued.add(() -> {
                try {
                    future.complete(work.call());
                } catch (Exception e) {
                    future.completeExceptionally(e);
                }
            });
            return future;
        }

        @Override
        public <T> CompletableFuture<T> submitAfter(java.time.Duration delay, Callable<T> work) {
            return submit(work);
        }

        @Override
        public void runOnUi(Runnable action) {
            action.run();
        }

        @Override
        public void close() {}

        void runNext() {
            queued.removeFirst().run();
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
        assertEquals(1, executor.queued.size());
        executor.runNext();
        // 1 is superseded by 50 before it is published: only the newest state reaches the screen.
        assertEquals(List.of(), published);
        executor.runNext();
        assertEquals(List.of(1, 50), computed);
        assertEquals(List.of(500), published);
        assertTrue(executor.queued.isEmpty());
        assertTrue(!coalescer.busy());
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
