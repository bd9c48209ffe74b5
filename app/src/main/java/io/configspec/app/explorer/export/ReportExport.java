package io.configspec.app.explorer.export;

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
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * File › Export report as a view model: writes {@link ScenarioReport} for the window's current
 * evaluation off the UI thread, with progress and cancel; the file is written atomically, so a
 * cancel or a failure leaves whatever was there before. Properties change on the UI thread only.
 */
public final class ReportExport {

    private final TaskExecutor executor;
    private final ChartRenderer renderer;
    private final Supplier<Instant> clock;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private volatile AtomicBoolean cancel = new AtomicBoolean();

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
        if (running.get()) {
            throw new IllegalStateException("a report is being written already");
        }
        AtomicBoolean cancelled = new AtomicBoolean();
        cancel = cancelled;
        running.set(true);
        progress.set(0);
        message.set("Preparing the report…");
        Instant now = clock.get();
        return executor
            .submit(() -> {
                ScenarioReport.write(file, evaluation, renderer, now, (done, total, step) -> {
                    if (cancelled.get()) throw new CancellationException("cancelled");
                    executor.runOnUi(() -> {
                        if (!cancelled.get()) {
                            progress.set(done / (double) total);
                            message.set(step + "…");
                        }
                    });
                });
                return file;
            })
            .whenComplete((p, err) ->
                executor.runOnUi(() -> {
                    running.set(false);
                    if (err == null) {
                        progress.set(1);
                        message.set("Report saved to " + file.getFileName() + ".");
                    } else if (unwrap(err) instanceof CancellationException) {
                        progress.set(0);
                        message.set("Cancelled: " + file.getFileName() + " was not written.");
                    } else {
                        message.set("Report not saved: " + message(err));
                    }
                })
            );
    }

    /** Asks the running report to stop at its next step; nothing is written. */
    public void cancel() {
        if (running.get()) {
            cancel.set(true);
            message.set("Cancelling…");
        }
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What is happening, or how it ended, in one sentence. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
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
