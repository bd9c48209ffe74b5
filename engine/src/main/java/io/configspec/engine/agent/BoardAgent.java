package io.configspec.engine.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.engine.measure.ProfilingRequest;
import io.configspec.engine.net.GuardedHttpServer;
import io.configspec.engine.net.HttpCall;
import io.configspec.engine.net.HttpProblem;
import io.configspec.engine.sensors.SensorSampler;
import io.configspec.engine.sensors.SensorSnapshot;
import io.configspec.engine.sensors.SensorSuite;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * The board agent: a small authenticated HTTP/JSON server (no JavaFX) that reports the board's
 * sensors and runs profiling jobs. Protocol in docs/profile-your-board.md and decision 0060; the
 * guards (token, limits, timeouts, JSON refusals) are {@link GuardedHttpServer}'s, decision 0063.
 *
 * <ul>
 *   <li>{@code GET /api/v1/info}: board, CPU, memory, sensors found, running job
 *   <li>{@code GET /api/v1/sensors}: one reading
 *   <li>{@code GET /api/v1/stream?hz=H&count=N}: server-sent events, one reading per event
 *   <li>{@code POST /api/v1/jobs}: start a job (202; 409 while one runs; 400 naming the field when
 *       any parameter is invalid, before anything runs)
 *   <li>{@code GET|DELETE /api/v1/jobs/{id}}: status, cancel
 * </ul>
 *
 * Every request needs {@code Authorization: Bearer TOKEN} (401 otherwise, checked before
 * anything else). Errors are JSON {@code {"error": "..."}} with a 4xx/5xx status.
 */
public final class BoardAgent implements AutoCloseable {

    private static final String PREFIX = "/api/v1/";

    private final AgentConfig config;
    private final SensorSuite suite;
    private final SensorSampler sampler;
    private final JobManager jobs;
    private final JobRunner runner;
    private final Semaphore streams;
    private GuardedHttpServer server;
    private volatile boolean closing;

    private BoardAgent(AgentConfig config, SensorSuite suite, JobRunner runner) {
        this.config = config;
        this.suite = suite;
        this.runner = runner;
        this.sampler = new SensorSampler(suite, config.samplePeriod(), 1200);
        this.jobs = new JobManager(runner, sampler);
        this.streams = new Semaphore(config.maxStreams());
    }

    /** Starts an agent; {@link #close()} stops it. */
    public static BoardAgent start(AgentConfig config, SensorSuite suite, JobRunner runner)
        throws IOException {
        BoardAgent agent = new BoardAgent(config, suite, runner);
        try {
            agent.server = GuardedHttpServer.start("configspec-agent", config.guards(), agent::handle);
        } catch (IOException e) {
            agent.sampler.close();
            agent.jobs.close(0);
            throw e;
        }
        return agent;
    }

    public InetSocketAddress address() {
        return server.address();
    }

    public int port() {
        return server.port();
    }

    public JobManager jobs() {
        return jobs;
    }

    /** Connections open now (for tests of the connection guards). */
    public int openConnections() {
        return server.openConnections();
    }

    /** Stops accepting requests, cancels a running job (waiting up to 5 s for it), ends streams. */
    @Override
    public void close() {
        if (closing) {
            return;
        }
        closing = true;
        jobs.close(5000);
        server.close();
        sampler.close();
    }

    private void handle(HttpCall call) throws IOException {
        String path = call.path();
        String method = call.method();
        if (!path.startsWith(PREFIX)) {
            throw new HttpProblem(404, "no such resource: " + path);
        }
        String resource = path.substring(PREFIX.length());
        switch (resource) {
            case "info" -> onlyGet(call, () -> call.reply(200, info()));
            case "sensors" -> onlyGet(call, () -> call.reply(200, AgentJson.snapshot(sampler.latest())));
            case "stream" -> onlyGet(call, () -> stream(call));
            case "jobs" -> {
                if (method.equals("POST")) {
                    submitJob(call);
                } else {
                    methodNotAllowed(call, "POST");
                }
            }
            default -> {
                if (resource.startsWith("jobs/") && resource.indexOf('/', 5) < 0 && resource.length() > 5) {
                    job(call, method, resource.substring(5));
                } else {
                    throw new HttpProblem(404, "no such resource: " + path);
                }
            }
        }
    }

    private interface Action {
        void run() throws IOException;
    }

    private void onlyGet(HttpCall call, Action action) throws IOException {
        if (call.method().equals("GET")) {
            action.run();
        } else {
            methodNotAllowed(call, "GET");
        }
    }

    private static void methodNotAllowed(HttpCall call, String allowed) throws IOException {
        call.setHeader("Allow", allowed);
        call.replyError(405, "method not allowed; use " + allowed);
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

    private void stream(HttpCall call) throws IOException {
        Map<String, String> query = call.query();
        double hz;
        long count;
        try {
            hz = query.containsKey("hz") ? Double.parseDouble(query.get("hz")) : 2.0;
            count = query.containsKey("count") ? Long.parseLong(query.get("count")) : Long.MAX_VALUE;
        } catch (NumberFormatException e) {
            throw new HttpProblem(400, "query 'hz' must be a number and 'count' an integer");
        }
        if (!(hz >= 0.1 && hz <= config.maxStreamHz())) {
            throw new HttpProblem(
                400,
                "query 'hz' must be 0.1-" + config.maxStreamHz() + ", was " + query.get("hz")
            );
        }
        if (count < 1) {
            throw new HttpProblem(400, "query 'count' must be >= 1");
        }
        if (!streams.tryAcquire()) {
            throw new HttpProblem(503, "too many streams open (" + config.maxStreams() + ")");
        }
        try {
            call.setHeader("Cache-Control", "no-cache");
            try (OutputStream out = call.stream(200, "text/event-stream; charset=utf-8")) {
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
            }
        } finally {
            streams.release();
        }
    }

    private void submitJob(HttpCall call) throws IOException {
        JsonNode json = call.jsonBody();
        ProfilingRequest request;
        try {
            request = ProfilingRequest.fromJson(json);
            runner.check(request);
        } catch (IllegalArgumentException e) {
            throw new HttpProblem(400, e.getMessage());
        }
        try {
            JobStatus status = jobs.submit(request);
            call.setHeader("Location", PREFIX + "jobs/" + status.id());
            call.reply(202, status.toJson());
        } catch (JobConflictException e) {
            call.reply(409, AgentJson.error(e.getMessage()).put("runningJob", e.runningJobId()));
        }
    }

    private void job(HttpCall call, String method, String id) throws IOException {
        Optional<JobStatus> status = switch (method) {
            case "GET" -> jobs.status(id);
            case "DELETE" -> jobs.cancel(id);
            default -> {
                methodNotAllowed(call, "GET, DELETE");
                yield null;
            }
        };
        if (status == null) {
            return;
        }
        if (status.isEmpty()) {
            throw new HttpProblem(404, "no such job: " + id);
        }
        call.reply(method.equals("DELETE") ? 202 : 200, status.get().toJson());
    }
}
