package io.configspec.engine.agent;

import java.util.Locale;

/** Life cycle of a profiling job: RUNNING, then exactly one of the final states. */
public enum JobState {
    RUNNING,
    SUCCEEDED,
    FAILED,
    CANCELLED;

    public boolean finished() {
        return this != RUNNING;
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobState fromJson(String text) {
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
