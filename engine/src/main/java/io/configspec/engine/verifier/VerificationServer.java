package io.configspec.engine.verifier;

import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.configspec.engine.decoding.Distributions;
import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.DecoderSession;
import io.configspec.model.domain.VerificationMeasurement;
import io.configspec.model.fleet.VerificationRequest;
import io.configspec.model.fleet.VerificationScheduler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The real verification service (DESIGN §5): an HTTP endpoint on the loopback interface hosting
 * the target model, verifying drafts from many clients in batches chosen by a {@link
 * VerificationScheduler} — the same FCFS (SLED) or SLO-aware (WISP) classes the fleet simulator
 * uses.
 *
 * <p>Protocol (JSON over HTTP/1.1, loopback only):
 *
 * <ul>
 *   <li>{@code POST /v1/sessions {"prompt": [ids]}} → {@code {"session": id}}: opens a sequence.
 *       The prompt is prefilled with the session's first verification, inside its batch, so a
 *       prefill costs the batch what it costs (verification interference) and the scheduler sees
 *       it coming ({@link VerificationRequest#prefillTokens()}).
 *   <li>{@code POST /v1/verify {"session": id, "drafts": [ids], "slackSeconds": s,
 *       "targetSlackSeconds": t, "expectedTokens": e}} → {@code {"accepted": a, "tokens": [ids]}}:
 *       greedy verification of the drafts after the session's last committed token; {@code
 *       tokens} are the accepted drafts plus the target's own next token; {@code serverSeconds}
 *       is the time from arrival to the end of its batch. The request's deadline is its arrival
 *       plus {@code slackSeconds}, its target (even pace) its arrival plus {@code
 *       targetSlackSeconds} (default: the deadline).
 *   <li>{@code DELETE /v1/sessions/{id}}.
 * </ul>
 *
 * <p>Threads: HTTP handlers run on a small pool and only enqueue; one worker thread forms batches
 * and runs the target. A batch's requests run one after another (the sample models have batch
 * size 1), so a batch costs about the sum of its requests — which the linear verification time
 * estimator fitted to {@link #measurements()} captures. Close the server before its model.
 */
public final class VerificationServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DecoderModel target;
    private final VerificationScheduler scheduler;
    private final HttpServer http;
    private final Thread worker;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Long, Sequence> sessions = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Verdict>> waiting = new ConcurrentHashMap<>();
    private final List<VerificationMeasurement> measurements = new ArrayList<>();
    private final AtomicLong nextSession = new AtomicLong(1);
    private final AtomicLong nextRequest = new AtomicLong(1);
    private final long epochNanos = System.nanoTime();
    private volatile boolean running = true;

    /** One client's sequence on the target: its KV cache and its last committed token. */
    private static final class Sequence {

        final DecoderSession session;
        int lastToken;
        /** Prompt tokens (all but the last) not yet in the KV cache: prefilled with the first verification. */
        volatile int[] pendingPrefill;

        Sequence(DecoderSession session, int lastToken, int[] pendingPrefill) {
            this.session = session;
            this.lastToken = lastToken;
            this.pendingPrefill = pendingPrefill;
        }

        /** Prompt tokens the next verification must prefill first. */
        int prefillTokens() {
            int[] pending = pendingPrefill;
            return pending == null ? 0 : pending.length;
        }
    }

    /** The outcome of one verification; {@code serverSeconds} from arrival to the batch's end. */
    record Verdict(int accepted, int[] tokens, double serverSeconds) {}

    private VerificationServer(DecoderModel target, VerificationScheduler scheduler, int port)
        throws IOException {
        this.target = target;
        this.scheduler = scheduler;
        this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        http.setExecutor(Executors.newFixedThreadPool(8, r -> daemon(r, "verifier-http")));
        http.createContext("/v1/sessions", this::handleSessions);
        http.createContext("/v1/verify", this::handleVerify);
        worker = daemon(this::work, "verifier-worker");
    }

    /**
     * Starts a server for {@code target} on {@code 127.0.0.1:port} (0: any free port).
     *
     * @param scheduler decides the batches; used only by the server's worker thread afterwards
     */
    public static VerificationServer start(DecoderModel target, VerificationScheduler scheduler, int port)
        throws IOException {
        VerificationServer server = new VerificationServer(target, scheduler, port);
        server.http.start();
        server.worker.start();
        return server;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Base URI, e.g. {@code http://127.0.0.1:41234}. */
    public URI uri() {
        InetSocketAddress address = http.getAddress();
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    /** Every batch run so far: its composition and measured latency (a copy). */
    public List<VerificationMeasurement> measurements() {
        synchronized (measurements) {
            return List.copyOf(measurements);
        }
    }

    private double nowSeconds() {
        return (System.nanoTime() - epochNanos) / 1e9;
    }

    // ------------------------------------------------------------------------------ HTTP

    private void handleSessions(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getPath();
            if (method.equals("POST") && path.equals("/v1/sessions")) {
                JsonNode body = read(exchange);
                JsonNode prompt = body.get("prompt");
                if (prompt == null || !prompt.isArray() || prompt.isEmpty()) {
                    reply(exchange, 400, error("prompt must be a non-empty array of token ids"));
                    return;
                }
                int[] ids = new int[prompt.size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = prompt.get(i).asInt();
                }
                DecoderSession session = target.newSession();
                long id = nextSession.getAndIncrement();
                sessions.put(
                    id,
                    new Sequence(
                        session,
                        ids[ids.length - 1],
                        ids.length > 1 ? java.util.Arrays.copyOf(ids, ids.length - 1) : null
                    )
                );
                reply(exchange, 200, JSON.createObjectNode().put("session", id));
            } else if (method.equals("DELETE") && path.startsWith("/v1/sessions/")) {
                long id = Long.parseLong(path.substring("/v1/sessions/".length()));
                Sequence s = sessions.remove(id);
                if (s != null) {
                    synchronized (s) {
                        // not while the worker verifies it
                        s.session.close();
                    }
                }
                reply(exchange, 200, JSON.createObjectNode().put("closed", s != null));
            } else {
                reply(exchange, 404, error("no such endpoint: " + method + " " + path));
            }
        } catch (RuntimeException e) {
            reply(exchange, 400, error(String.valueOf(e.getMessage())));
        }
    }

    private void handleVerify(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                reply(exchange, 405, error("use POST"));
                return;
            }
            JsonNode body = read(exchange);
            long sessionId = body.path("session").asLong(-1);
            Sequence sequence = sessions.get(sessionId);
            if (sequence == null) {
                reply(exchange, 404, error("unknown session " + sessionId));
                return;
            }
            JsonNode drafts = body.path("drafts");
            int k = drafts.isArray() ? drafts.size() : 0;
            double slack = body.path("slackSeconds").asDouble(Double.POSITIVE_INFINITY);
            double targetSlack = body.path("targetSlackSeconds").asDouble(slack);
            double expected = body.path("expectedTokens").asDouble(1.0);
            long id = nextRequest.getAndIncrement();
            double now = nowSeconds();
            int prefill = sequence.prefillTokens();
            VerificationRequest request = new VerificationRequest(
                id,
                (int) sessionId,
                now,
                now + slack,
                now + Math.min(slack, targetSlack),
                k + 1,
                prefill,
                prefill > 0 ? 0 : sequence.session.length() + 1,
                Math.max(1e-6, expected)
            );
            int[] draftIds = new int[k];
            for (int i = 0; i < k; i++) {
                draftIds[i] = drafts.get(i).asInt();
            }
            CompletableFuture<Verdict> verdict = new CompletableFuture<>();
            pendingDrafts.put(id, draftIds);
            waiting.put(id, verdict);
            lock.lock();
            try {
                scheduler.submit(request);
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            Verdict v;
            try {
                v = verdict.get(60, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                reply(exchange, 500, error("verification failed: " + e.getCause().getMessage()));
                return;
            } catch (Exception e) {
                reply(exchange, 503, error("verification did not finish: " + e));
                return;
            }
            ObjectNode out = JSON.createObjectNode()
                .put("accepted", v.accepted())
                .put("serverSeconds", v.serverSeconds());
            var tokens = out.putArray("tokens");
            for (int t : v.tokens()) {
                tokens.add(t);
            }
            reply(exchange, 200, out);
        } catch (RuntimeException e) {
            reply(exchange, 400, error(String.valueOf(e.getMessage())));
        }
    }

    private final Map<Long, int[]> pendingDrafts = new ConcurrentHashMap<>();

    private static JsonNode read(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            JsonNode node = JSON.readTree(in.readAllBytes());
            return node == null ? JSON.createObjectNode() : node;
        }
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // ------------------------------------------------------------------------------ worker

    private void work() {
        List<VerificationRequest> batch = new ArrayList<>();
        lock.lock();
        try {
            while (running) {
                double now = nowSeconds();
                int n = scheduler.nextBatch(now, batch);
                if (n == 0) {
                    double wake = scheduler.wakeUpSeconds(now);
                    long waitNanos = wake == Double.POSITIVE_INFINITY
                        ? TimeUnit.MILLISECONDS.toNanos(50)
                        : Math.max(1_000L, (long) ((wake - now) * 1e9));
                    changed.awaitNanos(waitNanos);
                    continue;
                }
                lock.unlock(); // clients keep submitting while the batch runs
                long start = System.nanoTime();
                long verified = 0;
                long prefill = 0;
                long context = 0;
                // Run the batch, then answer all its requests together at its end, as a batched
                // forward pass would (and as the fleet model assumes).
                Object[] outcomes = new Object[n];
                for (int i = 0; i < n; i++) {
                    VerificationRequest r = batch.get(i);
                    verified += r.verifiedTokens();
                    prefill += r.prefillTokens();
                    context += r.contextTokens();
                    try {
                        outcomes[i] = verify(sessions.get((long) r.clientId()), pendingDrafts.remove(r.id()));
                    } catch (OrtException | RuntimeException e) {
                        outcomes[i] = e;
                    }
                }
                double done = nowSeconds();
                double seconds = (System.nanoTime() - start) / 1e9;
                synchronized (measurements) {
                    // recorded before anyone hears back
                    measurements.add(
                        new VerificationMeasurement(
                            n,
                            (int) verified,
                            context,
                            Math.max(1e-9, seconds),
                            prefill
                        )
                    );
                }
                for (int i = 0; i < n; i++) {
                    VerificationRequest r = batch.get(i);
                    CompletableFuture<Verdict> future = waiting.remove(r.id());
                    if (outcomes[i] instanceof Verdict v) {
                        future.complete(new Verdict(v.accepted(), v.tokens(), done - r.arrivalSeconds()));
                    } else {
                        future.completeExceptionally((Throwable) outcomes[i]);
                    }
                }
                lock.lock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Greedy verification, as {@code SpeculativeDecoder} does it. */
    private static Verdict verify(Sequence s, int[] drafts) throws OrtException {
        if (s == null) {
            throw new IllegalStateException("session closed while its verification waited");
        }
        synchronized (s) {
            return verifyLocked(s, drafts);
        }
    }

    private static Verdict verifyLocked(Sequence s, int[] drafts) throws OrtException {
        if (s.pendingPrefill != null) {
            // the session's first verification: its prompt enters the KV cache in this batch
            s.session.forward(s.pendingPrefill);
            s.pendingPrefill = null;
        }
        int base = s.session.length();
        int[] input = new int[drafts.length + 1];
        input[0] = s.lastToken;
        System.arraycopy(drafts, 0, input, 1, drafts.length);
        float[][] logits = s.session.forward(input);
        int accepted = 0;
        int bonus = -1;
        for (int i = 0; i < drafts.length && bonus < 0; i++) {
            int best = Distributions.argmax(logits[i]);
            if (best == drafts[i]) {
                accepted++;
            } else {
                bonus = best;
            }
        }
        if (bonus < 0) {
            bonus = Distributions.argmax(logits[drafts.length]);
        }
        s.session.truncate(base + 1 + accepted);
        s.lastToken = bonus;
        int[] tokens = java.util.Arrays.copyOf(drafts, accepted + 1);
        tokens[accepted] = bonus;
        return new Verdict(accepted, tokens, 0);
    }

    @Override
    public void close() {
        running = false;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        http.stop(0);
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Sequence s : sessions.values()) {
            s.session.close();
        }
        sessions.clear();
        ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
    }
}
