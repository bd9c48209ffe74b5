package io.configspec.app.cli;

import io.configspec.engine.agent.AgentConfig;
import io.configspec.engine.agent.BoardAgent;
import io.configspec.engine.agent.JobRunner;
import io.configspec.engine.measure.BoardProfiler;
import io.configspec.engine.measure.OnnxModelProvider;
import io.configspec.engine.net.BearerToken;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.sensors.PowerSource;
import io.configspec.engine.sensors.SensorSuite;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code configspec agent}: the headless board agent (no JavaFX). Listens on loopback unless
 * {@code --bind} says otherwise, prints its address and token, serves until SIGTERM or Ctrl-C
 * (a shutdown hook cancels a running job and stops cleanly).
 */
@Command(
    name = "agent",
    description = {
        "Run the board agent: report this machine's sensors and run profiling jobs for the desktop explorer.",
        "Every request needs the bearer token printed at start (or read from --token-file).",
    }
)
final class AgentCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    BoardCommandSupport.BoardOptions board;

    @Option(
        names = "--bind",
        paramLabel = "ADDR",
        defaultValue = "127.0.0.1",
        description = "Address to listen on (default ${DEFAULT-VALUE}: this machine only; 0.0.0.0 for every interface)."
    )
    String bind;

    @Option(
        names = "--port",
        paramLabel = "P",
        defaultValue = "7878",
        description = "TCP port (default ${DEFAULT-VALUE}; 0 picks a free one)."
    )
    int port;

    @Option(
        names = "--token-file",
        paramLabel = "F",
        description = "File whose first line is the token (at least 16 characters). Default: a new random token, printed."
    )
    Path tokenFile;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(
                spec.commandLine(),
                "--port must be 0-65535, was " + port
            );
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new CommandLine.ParameterException(
                spec.commandLine(),
                "--bind: unknown address '" + bind + "'"
            );
        }
        BearerToken token;
        if (tokenFile != null) {
            try {
                token = BearerToken.read(tokenFile);
            } catch (IOException e) {
                throw new CommandLine.ParameterException(
                    spec.commandLine(),
                    "--token-file: " + e.getMessage()
                );
            }
        } else {
            token = BearerToken.generate();
        }
        SensorSuite suite = board.detectSensors();
        BoardProfiler profiler = new BoardProfiler(
            new OnnxModelProvider(board.modelsDirectory(), board.twinsDirectory(), EngineOptions.defaults())
        );
        JobRunner runner = JobRunner.of(profiler);
        BoardAgent agent = BoardAgent.start(
            AgentConfig.loopback(port, token).withBindAddress(address),
            suite,
            runner
        );
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(
            () -> {
                agent.close();
                stopped.countDown();
            },
            "configspec-agent-shutdown"
        );
        Runtime.getRuntime().addShutdownHook(hook);

        out.println(
            "configspec agent on " +
                suite.boardInfo().boardName() +
                " (" +
                suite.boardInfo().cpuCores() +
                " × " +
                suite.boardInfo().cpuModel() +
                ")"
        );
        out.println(
            "  listening on http://" +
                hostForUrl(agent.address().getAddress()) +
                ":" +
                agent.port() +
                "/api/v1/"
        );
        if (!address.isLoopbackAddress()) {
            out.println(
                "  WARNING: not loopback-only: anyone who can reach this port and knows the token can run jobs"
            );
        }
        out.println(tokenFile != null ? "  token: from " + tokenFile : "  token: " + token.value());
        if (suite.powerSources().isEmpty()) {
            out.println("  power: none found (profiles will carry no measured power)");
        }
        for (PowerSource source : suite.powerSources()) {
            out.println("  power: " + source.id() + " - " + source.description());
        }
        suite.notes().forEach(n -> out.println("  note: " + n));
        out.println(
            "  models: " +
                board.modelsDirectory().toAbsolutePath() +
                "; twins: " +
                board.twinsDirectory().toAbsolutePath()
        );
        out.println("Stop with Ctrl-C or SIGTERM.");
        out.flush();
        stopped.await();
        return ConfigSpecCli.OK;
    }

    private static String hostForUrl(InetAddress address) {
        String host = address.getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
