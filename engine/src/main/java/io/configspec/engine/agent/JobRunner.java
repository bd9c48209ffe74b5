package io.configspec.engine.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.configspec.engine.measure.BoardProfiler;
import io.configspec.engine.measure.ProfilingContext;
import io.configspec.engine.measure.ProfilingRequest;

/** Runs one profiling job to completion on the calling thread and returns its result as JSON. */
@FunctionalInterface
public interface JobRunner {
    /**
     * @throws java.util.concurrent.CancellationException when it stopped because {@link
     *     ProfilingContext#cancelled()} became true
     * @throws Exception any failure; its message is shown to the user
     */
    JsonNode run(ProfilingRequest request, ProfilingContext context) throws Exception;

    /**
     * Checks what only this board knows (that the named models exist) before the job is accepted,
     * so a bad request is refused with 400 instead of failing later. The request's own rules are
     * checked by {@link ProfilingRequest} already.
     *
     * @throws IllegalArgumentException naming the field and what is wrong
     */
    default void check(ProfilingRequest request) {}

    /**
     * The runner of a real board: {@code profiler} measures, and refuses a job naming a model this
     * board does not have before it is accepted (400, the field named). The one runner of the
     * {@code agent} command and of the desktop's "profile this machine".
     */
    static JobRunner of(BoardProfiler profiler) {
        return new JobRunner() {
            @Override
            public JsonNode run(ProfilingRequest request, ProfilingContext context) throws Exception {
                return profiler.run(request, context).toJson();
            }

            @Override
            public void check(ProfilingRequest request) {
                profiler.check(request);
            }
        };
    }
}
