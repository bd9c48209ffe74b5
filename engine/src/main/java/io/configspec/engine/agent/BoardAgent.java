package io.configspec.engine.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.configspec.engine.profiler.ProfilingRequest;
import io.configspec.engine.sensors.SensorSampler;
import io.configspec.engine.sensors.SensorSnapshot;
import io.configspec.engine.sensors.SensorSuite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * The board agent: a small authenticated HTTP/JSON server (JDK {@code com.sun.net.httpserver},
 * no other dependency, no JavaFX) that reports the board's sensors and runs profiling jobs.
 * Protocol in docs/profile-your-board.md and decision 0060.
 *
 * <ul>
 *   <li>{@code GET /api/v1/info}: board, CPU, memory, sensors found, running job
 *   <li>{@code GET /api/v1/sensors}: one reading
 *   <li>{@code GET /api/v1/stream?hz=H&count=N}: server-sent events, one reading per event
 *   <li>{@code POST /api/v1/jobs}: start a job (202; 409 while one runs)
 *   <li>{@code GET|DELETE /api/v1/jobs/{id}}: status, cancel
 * </ul>
 *
 * Every request needs {@code Authorization: Bearer TOKEN} (401 otherwise, checked before
 * anything else). Errors are JSON {@code {"error": "..."}} with a 4xx/5xx status.
 */
public final class BoardAgent implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(BoardAgent.class.getName());
    private static final String PREFIX = "/api/v1/";

    private final AgentConfig config;
    private final SensorSuite suite;
    private final SensorSampler sampler;
    private final JobManager jobs;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Semaphore streams;
    private volatile boolean closing;

    private BoardAgent(AgentConfig config, SensorSuite suite, JobRunner runner) throws IOException {
        this.config = config;
        this.suite = suite;
        this.sampler = new SensorSampler(suite, config.samplePeriod(), 1200);
        this.jobs = new JobManager(runner, sampler);
        this.streams = new Semaphore(config.maxStreams());
        this.executor = Executors.newVirtualThreadPerTaskExecutor();
        try {
            this.server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 16);
        } catch (IOException e) {
            sampler.close();
            jobs.close(0);
            throw new IOException(
                "cannot listen on " +
                    config.bindAddress().getHostAddress() +
                    ":" +
                    config.port() +
                    ": " +
                    e.getMessage(),
                e
            );
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
    }

    /** Starts an agent; {@link #close()} stops it. */
    public static BoardAgent start(AgentConfig config, SensorSuite suite, JobRunner runner)
        throws IOException {
        BoardAgent agent = new BoardAgent(config, suite, runner);
        agent.server.start();
        return agent;
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public JobManager jobs() {
        return jobs;
    }

    public SensorSampler sampler() {
        return sampler;
    }

    /** Stops accepting requests, cancels a running job (waiting up to 5 s for it), ends streams. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        jobs.close(5000);
        server.stop(1);
        executor.shutdownNow();
        sampler.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (
                !config
                    .token()
                    .matchesAuthorizationHeader(exchange.getRequestHeaders().getFirst("Authorization"))
            ) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"configspec-agent\"");
                sendJson(exchange, 401, AgentJson.error("missing or wrong bearer token"));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            if (!path.startsWith(PREFIX)) {
                sendJson(exchange, 404, AgentJson.error("no such resource: " + path));
                return;
            }
            String resource = path.substring(PREFIX.length());
            switch (resource) {
                case "info" -> onlyGet(exchange, method, () -> sendJson(exchange, 200, info()));
                case "sensors" -> onlyGet(exchange, method, () ->
                    sendJson(exchange, 200, AgentJson.snapshot(sampler.latest()))
                );
                case "stream" -> onlyGet(exchange, method, () -> stream(exchange));
                case "jobs" -> {
                    if (method.equals("POST")) {
                        submitJob(exchange);
                    } else {
                        methodNotAllowed(exchange, "POST");
                    }
                }
                default -> {
                    if (
                        resource.startsWith("jobs/") && resource.indexOf('/', 5) < 0 && resource.length() > 5
                    ) {
                        job(exchange, method, resource.substring(5));
                    } else {
                        sendJson(exchange, 404, AgentJson.error("no such resource: " + path));
                    }
                }
            }
        } catch (IOException e) {
            // The client went away: nothing to answer. Jobs run on their own thread and carry on.
            LOG.log(System.Logger.Level.DEBUG, "client gone: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "request failed", e);
            try {
                sendJson(exchange, 500, AgentJson.error("internal error: " + e.getClass().getSimpleName()));
            } catch (IOException | RuntimeException ignored) {
                // headers may already be sent
            }
        }
    }

    private interface Action {
        void run() throws IOException;
    }

    private void onlyGet(HttpExchange exchange, String method, Action action) throws IOException {
        if (method.equals("GET")) {
            action.run();
        } else {
            methodNotAllowed(exchange, "GET");
        }
    }

    private void methodNotAllowed(HttpExchange exchange, String allowed) throws IOException {
        exchange.getResponseHeaders().set("Allow", allowed);
        sendJson(exchange, 405, AgentJson.error("method not allowed; use " + allowed));
    }

    private ObjectNode info() {
        ObjectNode json = AgentJson.MAPPER.createObjectNode();
        json.put("protocolVersion", AgentJson.PROTOCOL_VERSION);
        json.put("agent", "configspec-agent");
        json.set("board", AgentJson.board(suite.boardInfo()));
        SensorSnapshot latest = sampler.latest();
        json.set("sensors", AgentJson.sensorsFound(suite, latest));
        json.put("maxStreamHz", config.maxStreamHz());
        json.put("maxBodyBytes", config.maxBodyBytes());
        Optional<JobStatus> running = jobs.running();
        if (running.isPresent()) {
            json.put("runningJob", running.get().id());
        } else {
            json.putNull("runningJob");
        }
        return json;
    }

    private void stream(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange);
        double hz;
        long count;
        try {
            hz = query.containsKey("hz") ? Double.parseDouble(query.get("hz")) : 2.0;
            count = query.containsKey("count") ? Long.parseLong(query.get("count")) : Long.MAX_VALUE;
        } catch (NumberFormatException e) {
            sendJson(exchange, 400, AgentJson.error("query 'hz' must be a number and 'count' an integer"));
            return;
        }
        if (!(hz >= 0.1 && hz <= config.maxStreamHz())) {
            sendJson(
                exchange,
                400,
                AgentJson.error("query 'hz' must be 0.1-" + config.maxStreamHz() + ", was " + query.get("hz"))
            );
            return;
        }
        if (count < 1) {
            sendJson(exchange, 400, AgentJson.error("query 'count' must be >= 1"));
            return;
        }
        if (!streams.tryAcquire()) {
            sendJson(exchange, 503, AgentJson.error("too many streams open (" + config.maxStreams() + ")"));
            return;
        }
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            long periodNanos = (long) (1e9 / hz);
            long next = System.nanoTime();
            for (long sent = 0; sent < count && !closing; sent++) {
                String event =
                    "id: " +
                    sent +
                    "\nevent: reading\ndata: " +
                    AgentJson.MAPPER.writeValueAsString(AgentJson.snapshot(sampler.latest())) +
                    "\n\n";
                out.write(event.getBytes(StandardCharsets.UTF_8));
                out.flush();
                next += periodNanos;
                long wait = next - System.nanoTime();
                if (wait > 0 && sent + 1 < count) {
                    try {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
        } finally {
            streams.release();
        }
    }

    private void submitJob(HttpExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            sendJson(
                exchange,
                415,
                AgentJson.error("the body must be JSON (Content-Type: application/json)")
            );
            return;
        }
        byte[] body = readBody(exchange);
        if (body == null) {
            sendJson(
                exchange,
                413,
                AgentJson.error("the body is larger than " + config.maxBodyBytes() + " bytes")
            );
            return;
        }
        ProfilingRequest request;
        try {
            JsonNode json = AgentJson.MAPPER.readTree(body);
            request = ProfilingRequest.fromJson(json);
        } catch (JsonProcessingException e) {
            sendJson(exchange, 400, AgentJson.error("malformed JSON: " + e.getOriginalMessage()));
            return;
        } catch (IllegalArgumentException e) {
            sendJson(exchange, 400, AgentJson.error(e.getMessage()));
            return;
        }
        try {
            JobStatus status = jobs.submit(request);
            exchange.getResponseHeaders().set("Location", PREFIX + "jobs/" + status.id());
            sendJson(exchange, 202, status.toJson());
        } catch (JobConflictException e) {
            sendJson(exchange, 409, AgentJson.error(e.getMessage()).put("runningJob", e.runningJobId()));
        }
    }

    private void job(HttpExchange exchange, String method, String id) throws IOException {
        Optional<JobStatus> status = switch (method) {
            case "GET" -> jobs.status(id);
            case "DELETE" -> jobs.cancel(id);
            default -> {
                methodNotAllowed(exchange, "GET, DELETE");
                yield null;
            }
        };
        if (status == null) {
            return;
        }
        if (status.isEmpty()) {
            sendJson(exchange, 404, AgentJson.error("no such job: " + id));
        } else {
            sendJson(exchange, method.equals("DELETE") ? 202 : 200, status.get().toJson());
        }
    }

    /** The body, or null if it exceeds the limit (by Content-Length or by reading). */
    private byte[] readBody(HttpExchange exchange) throws IOException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > config.maxBodyBytes()) {
                    return null;
                }
            } catch (NumberFormatException e) {
                return null;
            }
        }
        InputStream in = exchange.getRequestBody();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int n;
        while ((n = in.read(buffer)) > 0) {
            out.write(buffer, 0, n);
            if (out.size() > config.maxBodyBytes()) {
                return null;
            }
        }
        return out.toByteArray();
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> params = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(key, value);
        }
        return params;
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode json) throws IOException {
        byte[] bytes = AgentJson.MAPPER.writeValueAsBytes(json);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
