package io.configspec.engine.agent;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How the agent listens.
 *
 * @param bindAddress the address to listen on; loopback unless the user asks otherwise
 * @param port TCP port, 0 for any free one
 * @param token the bearer token every request must carry
 * @param maxBodyBytes largest accepted request body, bytes
 * @param maxStreams concurrent {@code /stream} clients
 * @param samplePeriod how often sensors are sampled (also the fastest stream rate)
 */
public record AgentConfig(
    InetAddress bindAddress,
    int port,
    AgentToken token,
    int maxBodyBytes,
    int maxStreams,
    Duration samplePeriod
) {
    /** The default port of {@code configspec agent}. */
    public static final int DEFAULT_PORT = 7878;

    public AgentConfig {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(token, "token");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535, was " + port);
        }
        if (maxBodyBytes < 64) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 64, was " + maxBodyBytes);
        }
        if (maxStreams < 1) {
            throw new IllegalArgumentException("maxStreams must be >= 1, was " + maxStreams);
        }
        if (samplePeriod.toMillis() < 10) {
            throw new IllegalArgumentException("samplePeriod must be >= 10 ms, was " + samplePeriod);
        }
    }

    /** Loopback, the given port and token, 16 KiB bodies, 8 streams, 50 ms sampling. */
    public static AgentConfig loopback(int port, AgentToken token) {
        return new AgentConfig(
            InetAddress.getLoopbackAddress(),
            port,
            token,
            16 * 1024,
            8,
            Duration.ofMillis(50)
        );
    }

    public AgentConfig withBindAddress(InetAddress address) {
        return new AgentConfig(address, port, token, maxBodyBytes, maxStreams, samplePeriod);
    }

    /** Highest stream rate in readings per second (one per sample). */
    public double maxStreamHz() {
        return 1000.0 / samplePeriod.toMillis();
    }
}
