package io.configspec.app.cli;

import io.configspec.engine.decoding.ModelPair;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.onnx.InferenceException;
import io.configspec.engine.onnx.ModelCatalog;
import io.configspec.engine.onnx.ModelLoadException;
import io.configspec.engine.verifier.LoopbackExperiment;
import io.configspec.model.fleet.FleetPolicy;
import io.configspec.model.io.ProfileCodec;
import io.configspec.model.io.ProfileDocument;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code configspec fleet-loopback}: M client threads drafting with a sample drafter against the
 * real verification service on loopback, compared with the fleet simulator (docs/fleet.md).
 */
@Command(
    name = "fleet-loopback",
    description = "Run M drafting clients against the real verification service on loopback and compare with the simulator."
)
final class FleetLoopbackCommand extends EngineCommand {

    @Option(
        names = "--models",
        required = true,
        description = "Models directory (configspec models generate --out DIR)."
    )
    Path models;

    @Option(names = "--draft", required = true, description = "Draft model name.")
    String draft;

    @Option(names = "--target", required = true, description = "Target model name.")
    String target;

    @Mixin
    PromptsFileOption prompts;

    @Option(
        names = "--policy",
        defaultValue = "sled",
        converter = FleetOptions.PolicyConverter.class,
        description = "sled or wisp (default: ${DEFAULT-VALUE})."
    )
    FleetPolicy policy;

    @Option(
        names = "--clients",
        defaultValue = "4",
        description = "Client threads (default: ${DEFAULT-VALUE})."
    )
    int clients;

    @Option(names = "--k", defaultValue = "3", description = "SLED's K (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(
        names = "--max-k",
        defaultValue = "6",
        description = "WISP's largest K (default: ${DEFAULT-VALUE})."
    )
    int maxK;

    @Option(
        names = "--duration",
        defaultValue = "20",
        description = "Seconds of measurement (default: ${DEFAULT-VALUE})."
    )
    double duration;

    @Option(
        names = "--tokens",
        defaultValue = "32",
        description = "Output tokens per request (default: ${DEFAULT-VALUE})."
    )
    int tokens;

    @Option(
        names = "--think",
        defaultValue = "0.2",
        description = "Mean think time, s (default: ${DEFAULT-VALUE})."
    )
    double think;

    @Option(
        names = "--slo-tpot-ms",
        defaultValue = "1000",
        description = "TPOT SLO, ms (default: ${DEFAULT-VALUE})."
    )
    double sloMillis;

    @Option(
        names = "--max-batch",
        defaultValue = "8",
        description = "Largest verification batch (default: ${DEFAULT-VALUE})."
    )
    int maxBatch;

    @Option(
        names = "--batch-timeout-ms",
        defaultValue = "2",
        description = "SLED's FCFS timeout and WISP's hold, ms (default: ${DEFAULT-VALUE})."
    )
    double timeoutMillis;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--server-profile-out",
        paramLabel = "FILE",
        description = "Write the verification service's fitted T_v (with its measured batches) as a server profile, for a fleet scenario's \"server\"."
    )
    Path serverProfileOut;

    @Option(
        names = "--server-id",
        defaultValue = "loopback-fitted",
        description = "Id of the written server profile (default: ${DEFAULT-VALUE})."
    )
    String serverId;

    @Override
    int run(PrintWriter out, PrintWriter err) throws ModelLoadException, InferenceException, IOException {
        List<String> texts = prompts.read();
        try (
            ModelPair pair = ModelPair.load(
                ModelCatalog.scan(models),
                draft,
                target,
                EngineOptions.defaults()
            )
        ) {
            List<int[]> ids = new ArrayList<>();
            for (String text : texts) {
                int[] encoded = pair.tokenizer().encode(text);
                if (encoded.length > 0) {
                    ids.add(encoded);
                }
            }
            if (ids.isEmpty()) {
                throw new EngineCommandSupport.BadInputException(
                    prompts.file() + ": no prompt encodes to any token"
                );
            }
            var settings = new LoopbackExperiment.Settings(
                policy,
                clients,
                k,
                maxK,
                sloMillis / 1000,
                duration,
                tokens,
                think,
                maxBatch,
                timeoutMillis / 1000,
                seed
            );
            LoopbackExperiment.Report report;
            try {
                report = LoopbackExperiment.run(pair.target(), pair.drafter(), ids, settings);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.IOException("interrupted", e);
            }
            out.println(report.summary());
            if (serverProfileOut != null) {
                ProfileCodec.write(
                    serverProfileOut,
                    new ProfileDocument.ServerDocument(
                        report.fittedServerProfile(serverId, target, LocalDate.now())
                    )
                );
                var fit = report.serverFit();
                out.printf(
                    Locale.ROOT,
                    "wrote %s: T_v = %.3f ms + %.4f ms/verified + %.4f ms/prefill + %.6f ms/context + %.4f ms/request (R² %.3f over %d batches; measured)%n",
                    serverProfileOut,
                    fit.estimator().interceptSeconds() * 1e3,
                    fit.estimator().secondsPerVerifiedToken() * 1e3,
                    fit.estimator().secondsPerPrefillToken() * 1e3,
                    fit.estimator().secondsPerContextToken() * 1e3,
                    fit.estimator().secondsPerRequest() * 1e3,
                    fit.rSquared(),
                    fit.sampleCount()
                );
            }
            out.flush();
            return EngineCommandSupport.OK;
        }
    }
}
