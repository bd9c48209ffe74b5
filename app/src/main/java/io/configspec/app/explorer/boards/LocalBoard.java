package io.configspec.app.explorer.boards;

import io.configspec.engine.agent.AgentConfig;
import io.configspec.engine.agent.BoardAgent;
import io.configspec.engine.agent.JobRunner;
import io.configspec.engine.measure.BoardProfiler;
import io.configspec.engine.measure.OnnxModelProvider;
import io.configspec.engine.net.BearerToken;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.sensors.SensorSuite;
import java.io.IOException;
import java.nio.file.Path;

/**
 * "Profile this machine": an in-process agent on an ephemeral loopback port with a fresh token,
 * so the desktop talks to this machine exactly as it talks to a board (one code path).
 */
public final class LocalBoard implements AutoCloseable {

    private final BoardAgent agent;
    private final BearerToken token;

    private LocalBoard(BoardAgent agent, BearerToken token) {
        this.agent = agent;
        this.token = token;
    }

    public static LocalBoard start(SensorSuite sensors, Path modelsDirectory, Path twinsDirectory)
        throws IOException {
        BearerToken token = BearerToken.generate();
        BoardProfiler profiler = new BoardProfiler(
            new OnnxModelProvider(modelsDirectory, twinsDirectory, EngineOptions.defaults())
        );
        BoardAgent agent = BoardAgent.start(AgentConfig.loopback(0, token), sensors, JobRunner.of(profiler));
        return new LocalBoard(agent, token);
    }

    public BoardSettings settings() {
        return new BoardSettings("127.0.0.1", agent.port(), token.value());
    }

    @Override
    public void close() {
        agent.close();
    }
}
