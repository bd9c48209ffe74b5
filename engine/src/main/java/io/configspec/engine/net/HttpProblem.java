package io.configspec.engine.net;

/**
 * A request the server refuses: the HTTP status and one sentence for the client, sent as
 * {@code {"error": message}}. Thrown by endpoints and by {@link HttpCall}'s readers.
 */
public final class HttpProblem extends RuntimeException {

    private final int status;

    public HttpProblem(int status, String message) {
        super(message, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 4xx or 5xx, was " + status);
        }
        this.status = status;
    }

    public int status() {
        return status;
    }
}
