package io.configspec.engine.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.configspec.engine.profiler.ProfilingContext;
import io.configspec.engine.profiler.ProfilingRequest;

/** Runs one profiling job to completion on the calling thread and returns its result as JSON. */
@FunctionalInterface
public interface JobRunner {
    /**
     * @throws java.util.concurrent.CancellationException when it stopped because {@link
     *     ProfilingContext#cancelled()} became true
     * @throws Exception any failure; its message is shown to the user
     */
    JsonNode run(ProfilingRequest request, ProfilingContext context) throws Exception;
}
