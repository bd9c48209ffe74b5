package io.configspec.engine.agent;

import io.configspec.engine.net.BearerToken;
import io.configspec.engine.net.ServerGuards;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * How the agent listens.
 *
 * @param guards address, port, token and the limits on what clients send (see {@link ServerGuards})
 * @param maxStreams concurrent {@code /stream} clients
 * @param samplePeriod how often sensors are sampled (also the fastest stream rate)
 */
public record AgentConfig(ServerGuards guards, int maxStreams, Duration samplePeriod) {
    /** The default port of {@code configspec agent}. */
    public static final int DEFAULT_PORT = 7878;

    /** Largest job request body, bytes. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    public AgentConfig {
        Objects.requireNonNull(guards, "guards");
        if (maxStreams < 1) {
            throw new IllegalArgumentException("maxStreams must be >= 1, was " + maxStreams);
        }
        if (samplePeriod.toMillis() < 10) {
            throw new IllegalArgumentException("samplePeriod must be >= 10 ms, was " + samplePeriod);
        }
    }

    /** Loopback, the given port and token, 16 KiB bodies, the default guards, 8 streams, 50 ms sampling. */
    public static AgentConfig loopback(int port, BearerToken token) {
        return new AgentConfig(ServerGuards.loopback(port, token, MAX_BODY_BYTES), 8, Duration.ofMillis(50));
    }

    public AgentConfig withBindAddress(InetAddress address) {
        return new AgentConfig(guards.withBindAddress(address), maxStreams, samplePeriod);
    }

    public AgentConfig withGuards(ServerGuards newGuards) {
        return new AgentConfig(newGuards, maxStreams, samplePeriod);
    }

    public InetAddress bindAddress() {
        return guards.bindAddress();
    }

    public int port() {
        return guards.port();
    }

    public BearerToken token() {
        return guards.token();
    }

    public int maxBodyBytes() {
        return guards.maxBodyBytes();
    }

    /** Highest stream rate in readings per second (one per sample). */
    public double maxStreamHz() {
        return 1000.0 / samplePeriod.toMillis();
    }
}
