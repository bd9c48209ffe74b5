package io.configspec.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configspec.engine.decoding.CancellationToken;
import io.configspec.engine.decoding.DecodingSettings;
import io.configspec.engine.decoding.GenerationResult;
import io.configspec.engine.decoding.ModelPair;
import io.configspec.engine.decoding.RunStatistics;
import io.configspec.engine.decoding.TokenListener;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.onnx.ModelCatalog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code configspec generate}: speculative (or, with {@code --k 0}, target-only) generation on
 * ONNX models, printing the text (streamed) or a JSON summary.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Generate text with speculative decoding on ONNX models (--k 0: the target alone)."
)
public final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
        names = "--models",
        defaultValue = "samples/models",
        description = "Models directory (default: ${DEFAULT-VALUE})."
    )
    Path models;

    @Option(names = "--draft", description = "Draft model name (required unless --k 0).")
    String draft;

    @Option(names = "--target", required = true, description = "Target model name.")
    String target;

    @Option(
        names = "--k",
        defaultValue = "4",
        description = "Speculative length K, 0 = target alone (default: ${DEFAULT-VALUE})."
    )
    int k;

    @Option(names = "--prompt", required = true, description = "Prompt text.")
    String prompt;

    @Option(
        names = "--max-tokens",
        defaultValue = "32",
        description = "Tokens to generate (default: ${DEFAULT-VALUE})."
    )
    int maxTokens;

    @Option(
        names = "--temperature",
        defaultValue = "0",
        description = "0 = greedy (default), otherwise sampling temperature."
    )
    double temperature;

    @Option(
        names = "--top-p",
        defaultValue = "1",
        description = "Nucleus mass for sampling (default: ${DEFAULT-VALUE})."
    )
    double topP;

    @Option(names = "--seed", defaultValue = "0", description = "Sampling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--dynamic",
        defaultValue = "0",
        description = "Dynamic drafting: stop when drafter confidence < THRESHOLD (0 = off)."
    )
    double dynamic;

    @Option(
        names = "--threads",
        defaultValue = "1",
        description = "ONNX Runtime intra-op threads (default: ${DEFAULT-VALUE})."
    )
    int threads;

    @Option(
        names = "--format",
        defaultValue = "text",
        description = "text or json (default: ${DEFAULT-VALUE})."
    )
    ModelsCommand.OutputFormat format;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return EngineCommandSupport.guarded(err, () -> {
            if (k < 0) {
                throw new EngineCommandSupport.BadInputException("--k must be >= 0, was " + k);
            }
            if (k > 0 && draft == null) {
                throw new EngineCommandSupport.BadInputException(
                    "--draft is required when --k is greater than 0"
                );
            }
            if (maxTokens < 1) {
                throw new EngineCommandSupport.BadInputException(
                    "--max-tokens must be >= 1, was " + maxTokens
                );
            }
            DecodingSettings settings = new DecodingSettings(k, temperature, topP, seed, dynamic, -1);
            ModelCatalog catalog = ModelCatalog.scan(models);
            try (
                ModelPair pair = ModelPair.load(
                    catalog,
                    k == 0 ? null : draft,
                    target,
                    EngineOptions.defaults().withIntraOpThreads(threads)
                )
            ) {
                int[] ids = pair.tokenizer().encode(prompt);
                if (ids.length == 0) {
                    throw new EngineCommandSupport.BadInputException("--prompt encodes to no tokens");
                }
                List<Integer> streamed = new ArrayList<>();
                StringBuilder printed = new StringBuilder();
                // Streams text as tokens arrive: prints whatever the decoded text grew by.
                TokenListener listener = format == ModelsCommand.OutputFormat.text
                    ? (index, token) -> {
                          streamed.add(token);
                          String text = pair
                              .tokenizer()
                              .decode(streamed.stream().mapToInt(Integer::intValue).toArray());
                          if (text.startsWith(printed.toString())) {
                              out.print(text.substring(printed.length()));
                              out.flush();
                              printed.setLength(0);
                              printed.append(text);
                          }
                      }
                    : TokenListener.NONE;
                GenerationResult result = pair
                    .decoder(settings)
                    .generate(ids, maxTokens, listener, new CancellationToken());
                String text = pair.tokenizer().decode(result.tokens());
                RunStatistics s = result.statistics();
                if (format == ModelsCommand.OutputFormat.json) {
                    ObjectMapper mapper = new ObjectMapper();
                    ObjectNode json = mapper.createObjectNode();
                    json.put("text", text);
                    json.put("tokens", result.tokens().length);
                    json.put("rounds", s.rounds());
                    putNumber(json, "acceptanceRate", s.acceptanceRate());
                    putNumber(json, "expectedTokensPerRound", s.expectedTokensPerRound());
                    putNumber(json, "goodputTokensPerSecond", s.goodputTokensPerSecond());
                    json.put("draftSeconds", s.draftSeconds());
                    json.put("verifySeconds", s.verifySeconds());
                    ArrayNode tokenIds = json.putArray("tokenIds");
                    for (int t : result.tokens()) {
                        tokenIds.add(t);
                    }
                    out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(json));
                } else {
                    if (!text.startsWith(printed.toString())) {
                        out.println();
                        out.print(text);
                    } else {
                        out.print(text.substring(printed.length()));
                    }
                    out.println();
                    err.printf(
                        "%d tokens in %d rounds, α %.3f, E[N] %.2f, %.1f tokens/s (measured)%n",
                        result.tokens().length,
                        s.rounds(),
                        s.acceptanceRate(),
                        s.expectedTokensPerRound(),
                        s.goodputTokensPerSecond()
                    );
                }
                out.flush();
                return EngineCommandSupport.OK;
            }
        });
    }

    private static void putNumber(ObjectNode json, String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            json.putNull(field);
        } else {
            json.put(field, value);
        }
    }
}
