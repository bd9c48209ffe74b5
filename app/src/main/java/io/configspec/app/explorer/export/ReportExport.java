package io.configspec.app.explorer.export;

import io.configspec.app.explorer.concurrent.BackgroundWork;
import io.configspec.app.explorer.concurrent.TaskExecutor;
import io.configspec.model.report.ChartRenderer;
import io.configspec.model.report.ScenarioReport;
import io.configspec.model.service.ScenarioEvaluation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * File › Export report as a view model: writes {@link ScenarioReport} for the window's current
 * evaluation off the UI thread, with progress and cancel; the file is written atomically, so a
 * cancel or a failure leaves whatever was there before. Properties change on the UI thread only.
 */
public final class ReportExport {

    private final TaskExecutor executor;
    private final ChartRenderer renderer;
    private final Supplier<Instant> clock;
    private final BackgroundWork work = new BackgroundWork();

    /**
     * @param renderer draws the charts (the app's: JFreeChart through Batik)
     * @param clock the report's "generated" time
     */
    public ReportExport(TaskExecutor executor, ChartRenderer renderer, Supplier<Instant> clock) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Starts writing the report of {@code evaluation} to {@code file}. UI thread.
     *
     * @return completes with {@code file}, or with the failure ({@link CancellationException} when
     *     cancelled); the properties are updated before it completes' UI callbacks run
     * @throws IllegalStateException if a report is being written already
     */
    public CompletableFuture<Path> start(ScenarioEvaluation evaluation, Path file) {
        if (work.isRunning()) {
            throw new IllegalStateException("a report is being written already");
        }
        AtomicBoolean cancelled = work.start("Preparing the report…");
        Instant now = clock.get();
        return executor
            .submit(() -> {
                ScenarioReport.write(file, evaluation, renderer, now, (done, total, step) -> {
                    if (cancelled.get()) throw new CancellationException("cancelled");
                    executor.runOnUi(() -> {
                        if (!cancelled.get()) {
                            work.setProgress(done / (double) total);
                            work.setMessage(step + "…");
                        }
                    });
                });
                return file;
            })
            .whenComplete((p, err) ->
                executor.runOnUi(() -> {
                    if (err == null) {
                        work.setProgress(1);
                        work.end("Report saved to " + file.getFileName() + ".");
                    } else if (unwrap(err) instanceof CancellationException) {
                        work.setProgress(0);
                        work.end("Cancelled: " + file.getFileName() + " was not written.");
                    } else {
                        work.end("Report not saved: " + message(err));
                    }
                })
            );
    }

    /** Asks the running report to stop at its next step; nothing is written. */
    public void cancel() {
        if (work.isRunning()) {
            work.cancel();
            work.setMessage("Cancelling…");
        }
    }

    /** Whether a report is being written, how far it is and what is happening (or how it ended). */
    public BackgroundWork work() {
        return work;
    }

    static Throwable unwrap(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) e = e.getCause();
        return e;
    }

    /** The sentence of a failure (its message, or its type when it has none). */
    static String message(Throwable e) {
        Throwable cause = unwrap(e);
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
