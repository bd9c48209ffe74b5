package io.configspec.engine.net;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.IdleTimeoutHandler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/**
 * An HTTP/1.1 server with the guards every network service of ConfigSpec needs (decision 0063),
 * kept apart from what the service speaks: it binds where {@link ServerGuards} says (loopback by
 * default), refuses a request without the bearer token (401, slowed down per address after
 * repeated wrong tokens, 429 when a client keeps guessing), bounds the body (413 after reading at
 * most the limit, or a declared body of at most {@link #MAX_DISCARDED_BYTES} that it reads and
 * discards first, so the client reads the 413 instead of a connection reset) and the headers (431), closes connections that idle or send a request too
 * slowly, serves a bounded number at once, and answers every refusal — its own or Jetty's — as
 * JSON {@code {"error": "..."}}.
 *
 * <p>The {@link Endpoint} sees only authenticated requests, each on its own virtual thread, and
 * may block (a long verification, a stream of events). An {@link HttpProblem} it throws becomes
 * the JSON answer; any other exception becomes a 500 naming no class and is logged once.
 */
public final class GuardedHttpServer implements AutoCloseable {

    /** What a service does with an authenticated request. */
    @FunctionalInterface
    public interface Endpoint {
        void handle(HttpCall call) throws IOException;
    }

    private static final System.Logger LOG = System.getLogger(GuardedHttpServer.class.getName());

    /** How long a connection may idle while its answer is computed or streamed, ms. */
    static final long ANSWER_IDLE_MILLIS = 120_000;

    private final ServerGuards guards;
    private final Endpoint endpoint;
    private final Server server;
    private final ServerConnector connector;
    private final NetworkConnectionLimit connectionLimit;
    private final AuthThrottle throttle;
    private final SlowRequests slowRequests;
    private final ScheduledExecutorService sweeper;

    private GuardedHttpServer(String name, ServerGuards guards, Endpoint endpoint) {
        this.guards = guards;
        this.endpoint = endpoint;
        this.throttle = new AuthThrottle(
            guards.failureBurst(),
            guards.failuresPerSecond(),
            guards.maxThrottleWait().toNanos(),
            System::nanoTime
        );
        VirtualThreadPool threads = new VirtualThreadPool();
        threads.setName(name);
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(guards.maxHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(guards.bindAddress().getHostAddress());
        connector.setPort(guards.port());
        connector.setIdleTimeout(guards.idleTimeout().toMillis());
        slowRequests = new SlowRequests(guards.requestTimeout().toNanos());
        connector.addBean(slowRequests);
        server.addConnector(connector);
        connectionLimit = new NetworkConnectionLimit(guards.maxConnections(), connector);
        server.addBean(connectionLimit);
        server.setErrorHandler(new JsonErrorHandler(guards.maxBodyBytes(), guards.maxHeaderBytes()));
        // While a request is handled, the connection may idle as long as an answer may take to
        // compute (a verification waiting for its batch); a request still arriving is bounded by
        // SlowRequests, a connection between requests by the connector's idle timeout.
        IdleTimeoutHandler answering = new IdleTimeoutHandler(
            new Handler.Abstract() {
                @Override
                public boolean handle(Request request, Response response, Callback callback) {
                    serve(request, response, callback);
                    return true;
                }
            }
        );
        answering.setIdleTimeoutMs(ANSWER_IDLE_MILLIS);
        SizeLimitHandler limit = new SizeLimitHandler(guards.maxBodyBytes(), -1);
        limit.setHandler(answering);
        server.setHandler(new DiscardSmallOversizedBodies(guards.maxBodyBytes(), limit));
        server.setStopTimeout(1000);
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name + "-slow-requests");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a server.
     *
     * @param name names its threads
     * @throws IOException naming the address when it cannot listen there
     */
    public static GuardedHttpServer start(String name, ServerGuards guards, Endpoint endpoint)
        throws IOException {
        GuardedHttpServer s = new GuardedHttpServer(name, guards, endpoint);
        try {
            s.server.start();
        } catch (Exception e) {
            s.close();
            throw new IOException(
                "cannot listen on " +
                    guards.bindAddress().getHostAddress() +
                    ":" +
                    guards.port() +
                    ": " +
                    e.getMessage(),
                e
            );
        }
        long tick = Math.max(10, Math.min(1000, guards.requestTimeout().toMillis() / 4));
        s.sweeper.scheduleWithFixedDelay(s.slowRequests::sweep, tick, tick, TimeUnit.MILLISECONDS);
        return s;
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(guards.bindAddress(), connector.getLocalPort());
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Base URI, e.g. {@code http://127.0.0.1:41234}. */
    public URI uri() {
        String host = guards.bindAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
    }

    public ServerGuards guards() {
        return guards;
    }

    /** Connections accepted and open now (at most {@link ServerGuards#maxConnections()}). */
    public int openConnections() {
        return connectionLimit.getNetworkConnectionCount();
    }

    /** Stops listening, closes connections (waiting up to 1 s for answers in progress). */
    @Override
    public void close() {
        sweeper.shutdownNow();
        try {
            server.stop();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "stopping the server: " + e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------ requests

    /**
     * The most of a too-large declared body the server reads and throws away before answering 413.
     * Closing a connection with unread bytes in its receive buffer makes the kernel send a reset,
     * which can reach the client before it has read the answer ("no bytes received"); a body a
     * little over the limit is therefore drained, a larger one refused at once.
     */
    static final long MAX_DISCARDED_BYTES = 1 << 20;

    /** Drains a declared body over the limit but within {@link #MAX_DISCARDED_BYTES}. */
    private static final class DiscardSmallOversizedBodies extends Handler.Wrapper {

        private final long limit;

        DiscardSmallOversizedBodies(long limit, Handler next) {
            super(next);
            this.limit = limit;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            long declared = request.getLength();
            if (declared > limit && declared <= MAX_DISCARDED_BYTES) {
                Content.Source.consumeAll(request);
            }
            return super.handle(request, response, callback);
        }
    }

    private void serve(Request request, Response response, Callback callback) {
        SlowRequests.Progress progress = slowRequests.of(request);
        HttpCall call = new HttpCall(request, response, guards.maxBodyBytes(), progress::arrived);
        if (hasNoBody(request)) {
            call.arrived();
        }
        try {
            if (authorised(call, Request.getRemoteAddr(request))) {
                endpoint.handle(call);
                if (!call.answered()) {
                    call.replyError(500, "the service gave no answer");
                }
            }
            callback.succeeded();
        } catch (HttpProblem problem) {
            answer(call, callback, problem.status(), problem.getMessage(), null);
        } catch (IOException e) {
            // the client went away: nothing to answer
            callback.failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer(call, callback, 503, "the service is stopping", null);
        } catch (RuntimeException e) {
            answer(call, callback, 500, "internal error", e);
        } finally {
            progress.arrived();
        }
    }

    /** Whether the request declares no body (HTTP/1.1: neither a length above 0 nor chunks). */
    private static boolean hasNoBody(Request request) {
        HttpFields headers = request.getHeaders();
        return (
            !headers.contains(HttpHeader.TRANSFER_ENCODING) &&
            headers.getLongField(HttpHeader.CONTENT_LENGTH) <= 0
        );
    }

    private static void answer(
        HttpCall call,
        Callback callback,
        int status,
        String message,
        Exception cause
    ) {
        if (cause != null) {
            LOG.log(System.Logger.Level.WARNING, "request failed", cause);
        }
        if (call.answered()) {
            callback.failed(cause != null ? cause : new IOException(message));
            return;
        }
        try {
            call.replyError(status, message);
            callback.succeeded();
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
        }
    }

    /** Checks the token, after waiting out the address's wrong-token penalty; answers 401/429. */
    private boolean authorised(HttpCall call, String address) throws IOException, InterruptedException {
        long wait = throttle.waitNanos(address);
        if (wait < 0) {
            call.setHeader("Retry-After", String.valueOf(Math.max(1, guards.maxThrottleWait().toSeconds())));
            call.replyError(429, "too many wrong tokens from this address; wait and retry");
            return false;
        }
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
        if (guards.token().matchesAuthorizationHeader(call.header("Authorization"))) {
            return true;
        }
        throttle.failed(address);
        call.setHeader("WWW-Authenticate", "Bearer realm=\"configspec\"");
        call.replyError(401, "missing or wrong bearer token");
        return false;
    }

    // ------------------------------------------------------------------------------ slow requests

    /**
     * Closes a connection whose request has not fully arrived {@code timeoutNanos} after its bytes
     * began to arrive: Jetty's idle timeout closes a silent connection, but not one that sends a
     * byte now and then (slow headers, slow body). A request counts as arrived when the endpoint
     * has its body (or starts, for a request without one); a connection waiting for its answer,
     * streaming one, or idle between requests receives nothing and is left alone.
     */
    static final class SlowRequests implements Connection.Listener {

        private final long timeoutNanos;
        private final Map<Connection, Progress> open = new ConcurrentHashMap<>();

        /** A connection's bytes and requests at the last sweep, and since when a request is arriving. */
        static final class Progress {

            private volatile long arrived;
            private long arrivedSeen;
            private long bytesSeen;
            private long arrivingSince = -1;

            /** A request on this connection has fully arrived. */
            void arrived() {
                arrived++;
            }
        }

        SlowRequests(long timeoutNanos) {
            this.timeoutNanos = timeoutNanos;
        }

        @Override
        public void onOpened(Connection connection) {
            open.put(connection, new Progress());
        }

        @Override
        public void onClosed(Connection connection) {
            open.remove(connection);
        }

        /** The progress of the connection that carries {@code request} (a detached one if unknown). */
        Progress of(Request request) {
            Progress p = open.get(request.getConnectionMetaData().getConnection());
            return p != null ? p : new Progress();
        }

        void sweep() {
            long now = System.nanoTime();
            open.forEach((connection, p) -> {
                long bytes = connection.getBytesIn();
                long arrived = p.arrived;
                if (arrived != p.arrivedSeen) {
                    p.arrivingSince = -1;
                } else if (bytes != p.bytesSeen && p.arrivingSince < 0) {
                    p.arrivingSince = now;
                }
                p.arrivedSeen = arrived;
                p.bytesSeen = bytes;
                if (p.arrivingSince >= 0 && now - p.arrivingSince >= timeoutNanos) {
                    LOG.log(
                        System.Logger.Level.DEBUG,
                        "closing a connection whose request arrives too slowly"
                    );
                    open.remove(connection);
                    connection.close();
                }
            });
        }
    }
}
