package io.configspec.engine.agent;

import java.io.IOException;

/** The agent answered with an error status (or could not be reached: status 0). */
public final class AgentException extends IOException {

    private final int status;

    public AgentException(int status, String message) {
        super(message);
        this.status = status;
    }

    public AgentException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
    }

    /** HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }
}
