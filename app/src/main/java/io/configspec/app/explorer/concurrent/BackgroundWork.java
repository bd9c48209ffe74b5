package io.configspec.app.explorer.concurrent;

import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The state of a view's long work (a simulation, a profiling run, a report): whether it runs, how
 * far it is, one sentence of what it does or how it ended, and the cancel flag of the current run.
 * A view model composes one and drives it; the view binds its run and cancel buttons, progress bar
 * and message line to it (Cryptomator's and JabRef's background-task state, written once for
 * every view).
 *
 * <p>Threading: the properties change on the UI thread only (the owner calls these methods from
 * there, e.g. inside {@link TaskExecutor#runOnUi}); the cancel flag {@link #start} returns is
 * safe to read on the worker thread.
 */
public final class BackgroundWork {

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper message;
    private volatile AtomicBoolean cancelled = new AtomicBoolean();

    public BackgroundWork() {
        this("");
    }

    /** @param initialMessage what the message line says before the first run */
    public BackgroundWork(String initialMessage) {
        this.message = new ReadOnlyStringWrapper(this, "message", initialMessage);
    }

    /** Whether a run is under way. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** How far the current (or last) run is, 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** What the work does now, or how it ended, in one sentence. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /**
     * Starts a run: running, progress 0, {@code message} on the message line, and a fresh cancel
     * flag, which the caller hands to the worker (a later {@link #cancel} sets it).
     */
    public AtomicBoolean start(String message) {
        AtomicBoolean flag = new AtomicBoolean();
        cancelled = flag;
        running.set(true);
        progress.set(0);
        this.message.set(message);
        return flag;
    }

    /** Marks the work as running without resetting progress (a run found already under way). */
    public void resume() {
        running.set(true);
    }

    /** Sets how far the run is, 0 to 1. */
    public void setProgress(double fraction) {
        progress.set(fraction);
    }

    /** Puts {@code text} on the message line. */
    public void setMessage(String text) {
        message.set(text);
    }

    /** Ends the run (progress stays where it is) and says {@code text} on the message line. */
    public void end(String text) {
        running.set(false);
        message.set(text);
    }

    /** Asks the current run to stop: sets its cancel flag (the worker stops at its next check). */
    public void cancel() {
        cancelled.set(true);
    }

    /** Whether the current (or last) run was asked to stop. */
    public boolean cancelRequested() {
        return cancelled.get();
    }
}
