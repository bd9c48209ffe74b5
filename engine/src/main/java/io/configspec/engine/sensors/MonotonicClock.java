package io.configspec.engine.sensors;

/**
 * Monotonic time and sleeping, replaceable in tests (a fake clock that advances when "sleeping").
 */
public interface MonotonicClock {
    /** Monotonic nanoseconds (only differences are meaningful). */
    long nanoTime();

    /** Sleeps about {@code millis} ms. */
    void sleepMillis(long millis) throws InterruptedException;

    MonotonicClock SYSTEM = new MonotonicClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepMillis(long millis) throws InterruptedException {
            Thread.sleep(millis);
        }
    };
}
