package io.configspec.engine.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.configspec.engine.measure.ProfilingRequest;
import io.configspec.engine.sensors.SensorSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Java client of a {@link BoardAgent}, for the desktop and the tests. Blocking calls (run them off
 * the UI thread); {@link #stream} delivers readings on a background thread. Thread-safe.
 */
public final class AgentClient implements AutoCloseable {

    private final URI base;
    private final String token;
    private final HttpClient http;
    private final Duration requestTimeout;

    /**
     * @param host host name or address of the board
     * @param port the agent's port
     * @param token the bearer token the agent printed (or read from its token file)
     */
    public AgentClient(String host, int port, String token) {
        this(host, port, token, Duration.ofSeconds(10));
    }

    public AgentClient(String host, int port, String token, Duration requestTimeout) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(token, "token");
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        this.base = URI.create("http://" + h + ":" + port + "/api/v1/");
        this.token = token.strip();
        this.requestTimeout = requestTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public URI baseUri() {
        return base;
    }

    public AgentInfo info() throws IOException {
        return AgentInfo.fromJson(send(get("info")));
    }

    public SensorSnapshot sensors() throws IOException {
        return AgentJson.parseSnapshot(send(get("sensors")));
    }

    public JobStatus startJob(ProfilingRequest request) throws IOException {
        byte[] body = AgentJson.MAPPER.writeValueAsBytes(request.toJson());
        return JobStatus.fromJson(
            send(
                builder("jobs")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build()
            )
        );
    }

    public JobStatus job(String id) throws IOException {
        return JobStatus.fromJson(send(get("jobs/" + id)));
    }

    public JobStatus cancelJob(String id) throws IOException {
        return JobStatus.fromJson(send(builder("jobs/" + id).DELETE().build()));
    }

    /**
     * Polls a job until it finishes.
     *
     * @param onProgress called with each polled status (on the calling thread)
     * @throws IOException on connection loss or if {@code timeout} passes first
     */
    public JobStatus awaitJob(
        String id,
        Duration timeout,
        Duration pollInterval,
        Consumer<JobStatus> onProgress
    ) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JobStatus status = job(id);
            onProgress.accept(status);
            if (status.state().finished()) {
                return status;
            }
            if (System.nanoTime() > deadline) {
                throw new AgentException(
                    "job " + id + " did not finish within " + timeout,
                    new TimeoutException()
                );
            }
            Thread.sleep(pollInterval.toMillis());
        }
    }

    /** An open reading stream; {@link #close()} disconnects. */
    public interface Stream extends AutoCloseable {
        @Override
        void close();

        boolean isOpen();
    }

    /**
     * Opens {@code GET /stream} and calls {@code onReading} for each reading on a background
     * thread, then {@code onEnd} once with null (the agent ended the stream) or the failure
     * (connection lost, refused, 401).
     *
     * @param hz readings per second (up to the agent's {@code maxStreamHz})
     * @param count readings to receive before the agent ends the stream, or ≤ 0 for no limit
     */
    public Stream stream(
        double hz,
        long count,
        Consumer<SensorSnapshot> onReading,
        Consumer<Throwable> onEnd
    ) {
        String query = String.format(Locale.ROOT, "stream?hz=%s", hz) + (count > 0 ? "&count=" + count : "");
        HttpRequest request = HttpRequest.newBuilder(base.resolve(query))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "text/event-stream")
            .GET()
            .build();
        final class Handle implements Stream {

            volatile boolean open = true;
            volatile InputStream body;

            @Override
            public void close() {
                open = false;
                InputStream b = body;
                if (b != null) {
                    try {
                        b.close();
                    } catch (IOException ignored) {
                        // closing a dead connection
                    }
                }
            }

            @Override
            public boolean isOpen() {
                return open;
            }
        }
        Handle handle = new Handle();
        Thread.ofVirtual()
            .name("configspec-agent-stream")
            .start(() -> {
                Throwable failure = null;
                try {
                    HttpResponse<InputStream> response = http.send(
                        request,
                        HttpResponse.BodyHandlers.ofInputStream()
                    );
                    handle.body = response.body();
                    if (response.statusCode() != 200) {
                        String text = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                        throw error(response.statusCode(), text);
                    }
                    if (!handle.open) {
                        response.body().close();
                        return;
                    }
                    readEvents(response.body(), handle, onReading);
                } catch (IOException e) {
                    failure = handle.open ? describe(e) : null;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failure = e;
                } catch (RuntimeException e) {
                    failure = e;
                } finally {
                    handle.open = false;
                    onEnd.accept(failure);
                }
            });
        return handle;
    }

    private static void readEvents(InputStream body, Stream handle, Consumer<SensorSnapshot> onReading)
        throws IOException {
        try (
            var reader = new java.io.BufferedReader(
                new java.io.InputStreamReader(body, StandardCharsets.UTF_8)
            );
            java.util.stream.Stream<String> lines = reader.lines()
        ) {
            StringBuilder data = new StringBuilder();
            for (String line : (Iterable<String>) lines::iterator) {
                if (!handle.isOpen()) {
                    return;
                }
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        onReading.accept(AgentJson.parseSnapshot(AgentJson.MAPPER.readTree(data.toString())));
                        data.setLength(0);
                    }
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private HttpRequest get(String path) {
        return builder(path).GET().build();
    }

    private HttpRequest.Builder builder(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
            .timeout(requestTimeout)
            .header("Authorization", "Bearer " + token);
    }

    private JsonNode send(HttpRequest request) throws IOException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException("interrupted while calling " + request.uri(), e);
        } catch (IOException e) {
            throw describe(e);
        }
        String text = new String(response.body(), StandardCharsets.UTF_8);
        if (response.statusCode() / 100 != 2) {
            throw error(response.statusCode(), text);
        }
        return AgentJson.MAPPER.readTree(text);
    }

    private AgentException describe(IOException e) {
        if (e instanceof AgentException a) {
            return a;
        }
        String why = e instanceof ConnectException
            ? "connection refused"
            : e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage();
        return new AgentException(
            "cannot reach the agent at " + base.getHost() + ":" + base.getPort() + " (" + why + ")",
            e
        );
    }

    private static AgentException error(int status, String body) {
        String message;
        try {
            message = AgentJson.MAPPER.readTree(body).path("error").asText(body);
        } catch (IOException | RuntimeException e) {
            message = body;
        }
        return new AgentException(status, "agent answered " + status + ": " + message);
    }

    /** Closes the connections at once, open streams included (HttpClient.close() would wait for them). */
    @Override
    public void close() {
        http.shutdownNow();
    }
}
