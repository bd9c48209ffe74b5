package io.configspec.engine.verifier;

import ai.onnxruntime.OrtException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.engine.decoding.Distributions;
import io.configspec.engine.net.BearerToken;
import io.configspec.engine.net.GuardedHttpServer;
import io.configspec.engine.net.HttpCall;
import io.configspec.engine.net.HttpProblem;
import io.configspec.engine.net.RequestJson;
import io.configspec.engine.net.ServerGuards;
import io.configspec.engine.onnx.DecoderModel;
import io.configspec.engine.onnx.DecoderSession;
import io.configspec.model.domain.VerificationMeasurement;
import io.configspec.model.fleet.VerificationRequest;
import io.configspec.model.fleet.VerificationScheduler;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The real verification service (DESIGN §5): an HTTP endpoint hosting the target model, verifying
 * drafts from many clients in batches chosen by a {@link VerificationScheduler} — the same FCFS
 * (SLED) or SLO-aware (WISP) classes the fleet simulator uses.
 *
 * <p>Protocol (JSON over HTTP/1.1, {@code Authorization: Bearer TOKEN} on every request):
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
 *       targetSlackSeconds} (default: the deadline). A slack may be zero or negative (the client
 *       is already late: its deadline has passed), up to a day either way.
 *   <li>{@code DELETE /v1/sessions/{id}}.
 * </ul>
 *
 * <p>Guards (decision 0063): the network ones — loopback by default, the token, body, header,
 * connection and time limits, JSON for every refusal — are {@link GuardedHttpServer}'s; this class
 * adds the protocol's: every field checked (token ids inside the vocabulary, lengths bounded, no
 * unknown field), at most {@link Limits#maxSessions()} sessions open, and sessions unused for
 * {@link Limits#sessionIdle()} closed, so what clients open cannot grow the server without bound.
 *
 * <p>Threads: HTTP requests run on virtual threads and only enqueue; one worker thread forms
 * batches and runs the target. A batch's requests run one after another (the sample models have
 * batch size 1), so a batch costs about the sum of its requests — which the linear verification
 * time estimator fitted to {@link #measurements()} captures. Close the server before its model.
 */
public final class VerificationServer implements AutoCloseable {

    /** Largest request body, bytes: a prompt of {@link Limits#maxPromptTokens()} ids fits well. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private static final Set<String> OPEN_FIELDS = Set.of("prompt");
    private static final Set<String> VERIFY_FIELDS = Set.of(
        "session",
        "drafts",
        "slackSeconds",
        "targetSlackSeconds",
        "expectedTokens"
    );

    /**
     * What one client may hold on the server.
     *
     * @param maxSessions sessions open at once (each holds a KV cache); more are refused with 429
     * @param sessionIdle a session not used for this long is closed
     * @param maxPromptTokens longest prompt
     * @param maxDraftTokens most drafts in one verification
     * @param maxSessionTokens longest a session may grow (prompt plus committed tokens)
     */
    public record Limits(
        int maxSessions,
        Duration sessionIdle,
        int maxPromptTokens,
        int maxDraftTokens,
        int maxSessionTokens
    ) {
        public Limits {
            if (maxSessions < 1 || maxPromptTokens < 1 || maxDraftTokens < 1 || maxSessionTokens < 2) {
                throw new IllegalArgumentException("verification limits must be positive");
            }
            if (sessionIdle.toMillis() < 1) {
                throw new IllegalArgumentException("sessionIdle must be at least 1 ms");
            }
        }

        /** 64 sessions, closed after 2 minutes unused; prompts to 4,096 tokens, 64 drafts, 8,192 per session. */
        public static Limits defaults() {
            return new Limits(64, Duration.ofMinutes(2), 4096, 64, 8192);
        }
    }

    private final DecoderModel target;
    private final VerificationScheduler scheduler;
    private final Limits limits;
    private final int vocabSize;
    private final Thread worker;
    private final ScheduledExecutorService reaper;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Long, Sequence> sessions = new ConcurrentHashMap<>();
    private final Map<Long, CompletableFuture<Verdict>> waiting = new ConcurrentHashMap<>();
    private final Map<Long, int[]> pendingDrafts = new ConcurrentHashMap<>();
    private final List<VerificationMeasurement> measurements = new ArrayList<>();
    /** Per verification request: seconds from its arrival to the start of its batch (guarded by measurements). */
    private final List<Double> queueWaits = new ArrayList<>();
    /** Per batch: seconds the worker took to start it once it was due (guarded by measurements). */
    private final List<Double> reactionDelays = new ArrayList<>();
    /** Earliest arrival since the worker last began to wait, NaN when none (guarded by lock). */
    private double firstArrivalWhileWaiting = Double.NaN;
    private final AtomicLong nextSession = new AtomicLong(1);
    private final AtomicLong nextRequest = new AtomicLong(1);
    private final long epochNanos = System.nanoTime();
    private GuardedHttpServer http;
    private volatile boolean running = true;

    /** One client's sequence on the target: its KV cache and its last committed token. */
    private static final class Sequence {

        final DecoderSession session;
        int lastToken;
        /** Verifications queued for it; it is not expired while any are. */
        int queued;
        long lastUsedNanos = System.nanoTime();
        boolean closed;
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

    private VerificationServer(DecoderModel target, VerificationScheduler scheduler, Limits limits)
        throws OrtException {
        this.target = target;
        this.scheduler = scheduler;
        this.limits = limits;
        this.vocabSize = vocabularyOf(target);
        worker = daemon(this::work, "verifier-worker");
        reaper = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "verifier-sessions"));
    }

    /**
     * Starts a server for {@code target} on {@code 127.0.0.1:port} (0: any free port) with a new
     * random token ({@link #token()}) and the default guards and limits.
     *
     * @param scheduler decides the batches; used only by the server's worker thread afterwards
     */
    public static VerificationServer start(DecoderModel target, VerificationScheduler scheduler, int port)
        throws IOException {
        return start(
            target,
            scheduler,
            ServerGuards.loopback(port, BearerToken.generate(), MAX_BODY_BYTES),
            Limits.defaults()
        );
    }

    /** Starts a server with the given guards and limits. */
    public static VerificationServer start(
        DecoderModel target,
        VerificationScheduler scheduler,
        ServerGuards guards,
        Limits limits
    ) throws IOException {
        VerificationServer server;
        try {
            server = new VerificationServer(target, scheduler, limits);
        } catch (OrtException e) {
            throw new IOException("cannot run the target model: " + e.getMessage(), e);
        }
        server.http = GuardedHttpServer.start("verifier", guards, server::handle);
        server.worker.start();
        long sweep = Math.max(10, Math.min(10_000, limits.sessionIdle().toMillis() / 4));
        server.reaper.scheduleWithFixedDelay(server::expireIdleSessions, sweep, sweep, TimeUnit.MILLISECONDS);
        return server;
    }

    /** The vocabulary size the model declares, or the width of its logits after one token. */
    private static int vocabularyOf(DecoderModel target) throws OrtException {
        int declared = target.signature().vocabSize();
        if (declared > 0) {
            return declared;
        }
        try (DecoderSession probe = target.newSession()) {
            return probe.forward(new int[] { 0 })[0].length;
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Base URI, e.g. {@code http://127.0.0.1:41234}. */
    public URI uri() {
        return http.uri();
    }

    /** The port it listens on. */
    public int port() {
        return http.port();
    }

    /** The bearer token clients must send. */
    public BearerToken token() {
        return http.guards().token();
    }

    /** A client of this server (with its token). */
    public VerifierClient client() {
        return new VerifierClient(uri(), token());
    }

    /** Sessions open now. */
    public int openSessions() {
        return sessions.size();
    }

    /**
     * Every verification request so far: seconds from its arrival to the start of its batch
     * (waiting for the scheduler and for the worker to wake), in batch order.
     */
    public double[] queueWaits() {
        synchronized (measurements) {
            return queueWaits.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /**
     * Every batch so far that the worker waited for (not one started as the previous one ended):
     * seconds from the moment it was due — the arrival that let the scheduler dispatch it, or the
     * wake-up time the scheduler asked for — to the moment the worker thread actually started it.
     * On a quiet machine this is microseconds; on a loaded one it is the time the worker waited
     * for a CPU, which the simulator's server does not have unless it is told.
     */
    public double[] reactionDelays() {
        synchronized (measurements) {
            return reactionDelays.stream().mapToDouble(Double::doubleValue).toArray();
        }
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

    private void handle(HttpCall call) throws IOException {
        String method = call.method();
        String path = call.path();
        if (path.equals("/v1/sessions")) {
            requireMethod(call, "POST");
            openSession(call);
        } else if (path.startsWith("/v1/sessions/")) {
            requireMethod(call, "DELETE");
            closeSession(call, path.substring("/v1/sessions/".length()));
        } else if (path.equals("/v1/verify")) {
            requireMethod(call, "POST");
            verify(call);
        } else {
            throw new HttpProblem(404, "no such endpoint: " + method + " " + path);
        }
    }

    private static void requireMethod(HttpCall call, String method) {
        if (!call.method().equals(method)) {
            call.setHeader("Allow", method);
            throw new HttpProblem(405, "method not allowed; use " + method);
        }
    }

    private void openSession(HttpCall call) throws IOException {
        JsonNode body = object(call.jsonBody(), OPEN_FIELDS);
        int[] ids = tokenIds(body.get("prompt"), "prompt", 1, limits.maxPromptTokens());
        expireIdleSessions();
        if (sessions.size() >= limits.maxSessions()) {
            call.setHeader("Retry-After", String.valueOf(Math.max(1, limits.sessionIdle().toSeconds())));
            throw new HttpProblem(
                429,
                "too many open sessions (" +
                    limits.maxSessions() +
                    "); close one with DELETE /v1/sessions/{id} or wait for unused ones to expire"
            );
        }
        // the prompt is prefilled with the session's first verification, inside its batch
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
        call.reply(200, RequestJson.MAPPER.createObjectNode().put("session", id));
    }

    private void closeSession(HttpCall call, String idText) throws IOException {
        long id;
        try {
            id = Long.parseLong(idText);
        } catch (NumberFormatException e) {
            throw new HttpProblem(400, "session id must be an integer, was '" + idText + "'");
        }
        Sequence s = sessions.remove(id);
        if (s == null) {
            throw new HttpProblem(404, "unknown session " + id);
        }
        release(s);
        call.reply(200, RequestJson.MAPPER.createObjectNode().put("closed", true));
    }

    /** Closes a removed session's KV cache, not while the worker verifies it. */
    private static void release(Sequence s) {
        synchronized (s) {
            if (!s.closed) {
                s.closed = true;
                s.session.close();
            }
        }
    }

    /** Closes sessions unused for longer than the limit and not waiting for a verification. */
    private void expireIdleSessions() {
        long now = System.nanoTime();
        long idle = limits.sessionIdle().toNanos();
        for (Iterator<Map.Entry<Long, Sequence>> it = sessions.entrySet().iterator(); it.hasNext(); ) {
            Sequence s = it.next().getValue();
            boolean expired;
            synchronized (s) {
                expired = s.queued == 0 && now - s.lastUsedNanos > idle;
            }
            if (expired) {
                it.remove();
                release(s);
            }
        }
    }

    private void verify(HttpCall call) throws IOException {
        JsonNode body = object(call.jsonBody(), VERIFY_FIELDS);
        JsonNode sessionNode = body.get("session");
        if (sessionNode == null || !sessionNode.isIntegralNumber() || !sessionNode.canConvertToLong()) {
            throw new HttpProblem(400, "field 'session': must be a session id (an integer)");
        }
        long sessionId = sessionNode.longValue();
        int[] draftIds = tokenIds(body.get("drafts"), "drafts", 0, limits.maxDraftTokens());
        double slack = slack(body, "slackSeconds", Double.POSITIVE_INFINITY);
        double targetSlack = slack(body, "targetSlackSeconds", slack);
        double expected = positive(body, "expectedTokens", 1.0);
        Sequence sequence = sessions.get(sessionId);
        if (sequence == null) {
            throw new HttpProblem(404, "unknown session " + sessionId + " (closed, expired or never opened)");
        }
        int context;
        synchronized (sequence) {
            context = sequence.session.length() + sequence.prefillTokens();
            if (sequence.closed) {
                throw new HttpProblem(404, "unknown session " + sessionId + " (closed or expired)");
            }
            if (context + draftIds.length + 1 > limits.maxSessionTokens()) {
                throw new HttpProblem(
                    400,
                    "session " +
                        sessionId +
                        " would grow past " +
                        limits.maxSessionTokens() +
                        " tokens; open a new session"
                );
            }
            sequence.queued++;
            sequence.lastUsedNanos = System.nanoTime();
        }
        Verdict v;
        try {
            v = submitAndWait(sessionId, sequence, draftIds, slack, targetSlack, expected);
        } finally {
            synchronized (sequence) {
                sequence.queued--;
                sequence.lastUsedNanos = System.nanoTime();
            }
        }
        ObjectNode out = RequestJson.MAPPER.createObjectNode()
            .put("accepted", v.accepted())
            .put("serverSeconds", v.serverSeconds());
        var tokens = out.putArray("tokens");
        for (int t : v.tokens()) {
            tokens.add(t);
        }
        call.reply(200, out);
    }

    private Verdict submitAndWait(
        long sessionId,
        Sequence sequence,
        int[] draftIds,
        double slack,
        double targetSlack,
        double expected
    ) {
        long id = nextRequest.getAndIncrement();
        double now = nowSeconds();
        int prefill = sequence.prefillTokens();
        VerificationRequest request = new VerificationRequest(
            id,
            (int) sessionId,
            now,
            now + slack,
            now + Math.min(slack, targetSlack),
            draftIds.length + 1,
            prefill,
            prefill > 0 ? 0 : sequence.session.length() + 1,
            expected
        );
        CompletableFuture<Verdict> verdict = new CompletableFuture<>();
        pendingDrafts.put(id, draftIds);
        waiting.put(id, verdict);
        lock.lock();
        try {
            scheduler.submit(request);
            if (!(firstArrivalWhileWaiting <= now)) {
                firstArrivalWhileWaiting = now;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            return verdict.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new HttpProblem(500, "verification failed: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw new HttpProblem(503, "verification did not finish within 60 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpProblem(503, "the service is stopping");
        }
    }

    /** The body as an object with only the known fields. */
    private static JsonNode object(JsonNode body, Set<String> fields) {
        if (!body.isObject()) {
            throw new HttpProblem(400, "the body must be a JSON object");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw new HttpProblem(400, "unknown field '" + name + "'");
            }
        }
        return body;
    }

    /** An array of token ids, each an integer inside the vocabulary, with a bounded length. */
    private int[] tokenIds(JsonNode node, String field, int min, int max) {
        if (node == null || !node.isArray()) {
            throw new HttpProblem(400, "field '" + field + "': must be an array of token ids");
        }
        if (node.size() < min || node.size() > max) {
            throw new HttpProblem(
                400,
                "field '" + field + "': must hold " + min + "-" + max + " token ids, has " + node.size()
            );
        }
        int[] ids = new int[node.size()];
        for (int i = 0; i < ids.length; i++) {
            JsonNode id = node.get(i);
            if (
                !id.isIntegralNumber() ||
                !id.canConvertToInt() ||
                id.intValue() < 0 ||
                id.intValue() >= vocabSize
            ) {
                throw new HttpProblem(
                    400,
                    "field '" +
                        field +
                        "[" +
                        i +
                        "]': a token id must be an integer 0-" +
                        (vocabSize - 1) +
                        " (the target's vocabulary), was " +
                        id
                );
            }
            ids[i] = id.intValue();
        }
        return ids;
    }

    /** Largest |slack| a client may send, s (one day): beyond it a deadline means nothing. */
    static final double MAX_SLACK_SECONDS = 86_400;

    /**
     * An optional slack in seconds (a missing one takes {@code fallback}): any finite number up
     * to a day either way. Zero or negative is meaningful — the client is already late, so its
     * deadline lies in the past and the scheduler treats it as the most urgent (earliest deadline).
     */
    private static double slack(JsonNode body, String field, double fallback) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber() || !(Math.abs(node.doubleValue()) <= MAX_SLACK_SECONDS)) {
            throw new HttpProblem(
                400,
                "field '" +
                    field +
                    "': must be a number of seconds between -86400 and 86400 (negative: already late), was " +
                    node
            );
        }
        return node.doubleValue();
    }

    /** An optional positive number (a missing one takes {@code fallback}). */
    private static double positive(JsonNode body, String field, double fallback) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isNumber() || !(node.doubleValue() > 0) || !Double.isFinite(node.doubleValue())) {
            throw new HttpProblem(400, "field '" + field + "': must be a positive number, was " + node);
        }
        return node.doubleValue();
    }

    // ------------------------------------------------------------------------------ worker

    private void work() {
        List<VerificationRequest> batch = new ArrayList<>();
        lock.lock();
        try {
            double requestedWake = Double.NaN; // NaN: the worker did not wait before this batch
            while (running) {
                double now = nowSeconds();
                int n = scheduler.nextBatch(now, batch);
                if (n == 0) {
                    double wake = scheduler.wakeUpSeconds(now);
                    long waitNanos = wake == Double.POSITIVE_INFINITY
                        ? TimeUnit.MILLISECONDS.toNanos(50)
                        : Math.max(1_000L, (long) ((wake - now) * 1e9));
                    requestedWake = wake;
                    firstArrivalWhileWaiting = Double.NaN;
                    changed.awaitNanos(waitNanos);
                    continue;
                }
                // due: the wake-up the scheduler asked for, or the first arrival that woke the worker
                boolean waited = !Double.isNaN(requestedWake);
                double due = !waited
                    ? now
                    : Math.min(
                          requestedWake,
                          Double.isNaN(firstArrivalWhileWaiting) ? now : firstArrivalWhileWaiting
                      );
                requestedWake = Double.NaN;
                lock.unlock(); // clients keep submitting while the batch runs
                long start = System.nanoTime();
                double startSeconds = (start - epochNanos) / 1e9;
                double reaction = Math.max(0.0, startSeconds - due);
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
                        outcomes[i] = verifyDrafts(
                            sessions.get((long) r.clientId()),
                            pendingDrafts.remove(r.id())
                        );
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
                    for (int i = 0; i < n; i++) {
                        queueWaits.add(Math.max(0.0, startSeconds - batch.get(i).arrivalSeconds()));
                    }
                    if (waited) {
                        reactionDelays.add(reaction);
                    }
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
    private static Verdict verifyDrafts(Sequence s, int[] drafts) throws OrtException {
        if (s == null) {
            throw new IllegalStateException("session closed while its verification waited");
        }
        synchronized (s) {
            if (s.closed) {
                throw new IllegalStateException("session closed while its verification waited");
            }
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
        reaper.shutdownNow();
        if (http != null) {
            http.close();
        }
        try {
            worker.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Sequence s : sessions.values()) {
            release(s);
        }
        sessions.clear();
    }
}
