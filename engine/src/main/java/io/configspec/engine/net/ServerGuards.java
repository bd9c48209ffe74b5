package io.configspec.engine.net;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What a {@link GuardedHttpServer} lets in: where it listens, the token every request must carry,
 * and the limits on what a client may send or hold (decision 0063).
 *
 * @param bindAddress the address to listen on; loopback unless the user asks otherwise
 * @param port TCP port, 0 for any free one
 * @param token the bearer token every request must carry
 * @param maxBodyBytes largest request body read, bytes; a larger one is answered 413 after reading
 *     at most this much (nothing when it declares its length)
 * @param maxHeaderBytes largest request line plus headers, bytes (431 beyond)
 * @param idleTimeout a connection that sends nothing for this long is closed (new or kept alive)
 * @param requestTimeout a request whose headers or body have not all arrived this long after its
 *     first byte is closed (slow-header and slow-body clients)
 * @param maxConnections connections served at once; more wait in the listen queue
 * @param failureBurst wrong-token requests from one address answered without delay
 * @param failuresPerSecond after the burst, wrong-token requests answered per second per address
 * @param maxThrottleWait longest a request from a throttled address waits before its token is
 *     checked; beyond it the answer is 429 without checking the token
 */
public record ServerGuards(
    InetAddress bindAddress,
    int port,
    BearerToken token,
    int maxBodyBytes,
    int maxHeaderBytes,
    Duration idleTimeout,
    Duration requestTimeout,
    int maxConnections,
    int failureBurst,
    double failuresPerSecond,
    Duration maxThrottleWait
) {
    public ServerGuards {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(maxThrottleWait, "maxThrottleWait");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        if (maxBodyBytes < 64) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 64, was " + maxBodyBytes);
        }
        if (maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("maxHeaderBytes must be >= 1024, was " + maxHeaderBytes);
        }
        if (idleTimeout.toMillis() < 1 || requestTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("timeouts must be at least 1 ms");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be >= 1, was " + maxConnections);
        }
        if (failureBurst < 1 || !(failuresPerSecond > 0)) {
            throw new IllegalArgumentException("failureBurst must be >= 1 and failuresPerSecond > 0");
        }
    }

    /**
     * Loopback, the given port, token and body limit; 8 KiB of headers, connections closed after
     * 10 s idle or a request not complete 10 s after its first byte, 128 connections, and after 10
     * wrong tokens from one address 2 more per second, a throttled request waiting at most 5 s.
     */
    public static ServerGuards loopback(int port, BearerToken token, int maxBodyBytes) {
        return new ServerGuards(
            InetAddress.getLoopbackAddress(),
            port,
            token,
            maxBodyBytes,
            8 * 1024,
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            128,
            10,
            2.0,
            Duration.ofSeconds(5)
        );
    }

    public ServerGuards withBindAddress(InetAddress address) {
        return copy(d -> d.bindAddress = address);
    }

    /** The same guards with other connection limits (tests use short ones). */
    public ServerGuards withConnectionLimits(Duration idle, Duration request, int connections) {
        return copy(d -> {
            d.idleTimeout = idle;
            d.requestTimeout = request;
            d.maxConnections = connections;
        });
    }

    /** The same guards with another wrong-token policy. */
    public ServerGuards withThrottle(int burst, double perSecond, Duration maxWait) {
        return copy(d -> {
            d.failureBurst = burst;
            d.failuresPerSecond = perSecond;
            d.maxThrottleWait = maxWait;
        });
    }

    /** These guards with what {@code change} sets, checked again by the canonical constructor. */
    private ServerGuards copy(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.build();
    }

    /** The one place the withers copy every component, so a new component is added once. */
    private static final class Draft {

        private InetAddress bindAddress;
        private final int port;
        private final BearerToken token;
        private final int maxBodyBytes;
        private final int maxHeaderBytes;
        private Duration idleTimeout;
        private Duration requestTimeout;
        private int maxConnections;
        private int failureBurst;
        private double failuresPerSecond;
        private Duration maxThrottleWait;

        private Draft(ServerGuards from) {
            bindAddress = from.bindAddress;
            port = from.port;
            token = from.token;
            maxBodyBytes = from.maxBodyBytes;
            maxHeaderBytes = from.maxHeaderBytes;
            idleTimeout = from.idleTimeout;
            requestTimeout = from.requestTimeout;
            maxConnections = from.maxConnections;
            failureBurst = from.failureBurst;
            failuresPerSecond = from.failuresPerSecond;
            maxThrottleWait = from.maxThrottleWait;
        }

        private ServerGuards build() {
            return new ServerGuards(
                bindAddress,
                port,
                token,
                maxBodyBytes,
                maxHeaderBytes,
                idleTimeout,
                requestTimeout,
                maxConnections,
                failureBurst,
                failuresPerSecond,
                maxThrottleWait
            );
        }
    }
}
