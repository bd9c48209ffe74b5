package io.configspec.app.explorer.concurrent;

/**
 * Fails fast when evaluation or file I/O is started on the FX application thread, where it
 * would freeze the window. Every service entry point the explorer uses for such work calls
 * {@link #requireBackground}. The FX thread is recognised without touching the JavaFX toolkit
 * (so view-model tests can run without one): by registration from the application's start, or
 * by the toolkit's thread name.
 */
public final class FxThreadGuard {

    private static final String FX_THREAD_NAME = "JavaFX Application Thread";
    private static volatile Thread registered;

    private FxThreadGuard() {}

    /** Records the calling thread as the UI thread (called once from the application's start). */
    public static void registerUiThread() {
        registered = Thread.currentThread();
    }

    /** Forgets a registration (tests). */
    public static void clearRegistration() {
        registered = null;
    }

    public static boolean onUiThread() {
        Thread current = Thread.currentThread();
        return current == registered || FX_THREAD_NAME.equals(current.getName());
    }

    /**
     * @param work what is about to run, for the message (e.g. "evaluating the configuration space")
     * @throws IllegalStateException when called on the UI thread
     */
    public static void requireBackground(String work) {
        if (onUiThread()) {
            throw new IllegalStateException(
                work + " must not run on the JavaFX application thread; submit it through the TaskExecutor"
            );
        }
    }
}
