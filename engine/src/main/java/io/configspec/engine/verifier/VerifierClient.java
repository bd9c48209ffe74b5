package io.configspec.engine.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.engine.net.BearerToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Client of a {@link VerificationServer}: one instance per client thread (it is cheap; the
 * underlying {@link HttpClient} keeps a connection open).
 */
public final class VerifierClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String authorization;
    private final HttpClient http;

    /** A client of the server at {@code base} that sends {@code token} with every request. */
    public VerifierClient(URI base, BearerToken token) {
        this.base = base;
        this.authorization = "Bearer " + token.value();
        this.http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    }

    /** Opens a sequence on the server with {@code prompt}; returns its session id. */
    public long open(int[] prompt) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        var ids = body.putArray("prompt");
        for (int t : prompt) {
            ids.add(t);
        }
        return post("/v1/sessions", body).get("session").asLong();
    }

    /**
     * Verifies {@code drafts} after the session's last committed token.
     *
     * @param slackSeconds time from now by which the verification should be done (the deadline);
     *        zero or negative when the client is already late
     * @param expectedTokens tokens the client expects from this round (the request's value)
     * @return the accepted drafts followed by the target's own token, and the server's time
     */
    public Verified verify(long session, int[] drafts, int count, double slackSeconds, double expectedTokens)
        throws IOException, InterruptedException {
        return verify(session, drafts, count, slackSeconds, slackSeconds, expectedTokens);
    }

    /**
     * As above with a target: the time from now by which the client would like the verification
     * done to keep an even pace towards its SLO (≤ the slack); a scheduler may defer a heavy
     * request until then.
     */
    public Verified verify(
        long session,
        int[] drafts,
        int count,
        double slackSeconds,
        double targetSlackSeconds,
        double expectedTokens
    ) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("session", session);
        var ids = body.putArray("drafts");
        for (int i = 0; i < count; i++) {
            ids.add(drafts[i]);
        }
        // negative = already late; the service accepts up to a day either way
        double max = VerificationServer.MAX_SLACK_SECONDS;
        if (Double.isFinite(slackSeconds)) {
            body.put("slackSeconds", Math.max(-max, Math.min(max, slackSeconds)));
        }
        if (Double.isFinite(targetSlackSeconds) && targetSlackSeconds < slackSeconds) {
            body.put("targetSlackSeconds", Math.max(-max, Math.min(max, targetSlackSeconds)));
        }
        body.put("expectedTokens", expectedTokens);
        JsonNode reply = post("/v1/verify", body);
        JsonNode tokens = reply.get("tokens");
        int[] out = new int[tokens.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = tokens.get(i).asInt();
        }
        return new Verified(out, reply.path("serverSeconds").asDouble(Double.NaN));
    }

    /**
     * A verification's answer.
     *
     * @param tokens the accepted drafts followed by the target's own token
     * @param serverSeconds time on the server from the request's arrival to the end of its batch
     */
    public record Verified(int[] tokens, double serverSeconds) {}

    /** Closes a session on the server. */
    public void close(long session) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/sessions/" + session))
            .header("Authorization", authorization)
            .DELETE()
            .build();
        http.send(request, HttpResponse.BodyHandlers.discarding());
    }

    private JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .header("Authorization", authorization)
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
            .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        JsonNode node = JSON.readTree(response.body());
        if (response.statusCode() != 200) {
            throw new IOException(
                "verification server answered " +
                    response.statusCode() +
                    " to " +
                    path +
                    ": " +
                    node.path("error").asText()
            );
        }
        return node;
    }
}
