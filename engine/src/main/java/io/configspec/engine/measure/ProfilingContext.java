package io.configspec.engine.measure;

import io.configspec.engine.sensors.SensorSampler;
import java.util.concurrent.CancellationException;

/** What a running profiling job sees of its surroundings (the agent, or the desktop in-process). Thread-safe. */
public interface ProfilingContext {
    /** Reports progress in [0, 1] with a short message ("K = 4, context 128: round 3/10"). */
    void progress(double fraction, String message);

    /**
     * Reports the latest measured drafting figures, for live dashboards: tokens/s of the last
     * repetition and its energy per token in J (NaN without a power sensor). Default: ignored.
     */
    default void live(double tokensPerSecond, double joulesPerToken) {}

    /** Whether the job was asked to stop (DELETE, agent shutdown). */
    boolean cancelled();

    /** Throws {@link CancellationException} if the job was asked to stop; call between steps. */
    default void checkCancelled() {
        if (cancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cancelled");
        }
    }

    /** The machine's sensors, sampled continuously. */
    SensorSampler sensors();
}
