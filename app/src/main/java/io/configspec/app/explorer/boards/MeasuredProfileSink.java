package io.configspec.app.explorer.boards;

import io.configspec.engine.measure.ProfilingResult;
import java.nio.file.Path;
import java.util.List;

/**
 * Where a finished measurement goes: into the profile library, so the Pareto view shows it at once
 * beside the illustrative profile it replaces. Called on the UI thread.
 */
@FunctionalInterface
public interface MeasuredProfileSink {
    /**
     * @param result the measurement
     * @param files the profile files written for it (device, models, alignment, server)
     */
    void accept(ProfilingResult result, List<Path> files);
}
