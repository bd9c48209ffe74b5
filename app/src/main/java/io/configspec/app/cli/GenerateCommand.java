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
import io.configspec.engine.onnx.InferenceException;
import io.configspec.engine.onnx.ModelLoadException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code configspec generate}: speculative (or, with {@code --k 0}, target-only) generation on
 * ONNX models, printing the text (streamed) or a JSON summary.
 */
@Command(
    name = "generate",
    description = "Generate text with speculative decoding on ONNX models (--k 0: the target alone)."
)
public final class GenerateCommand extends EngineCommand {

    @Mixin
    ModelPairOptions pair;

    @Mixin
    OutputOptions output;

    @Option(
        names = "--k",
        defaultValue = "4",
        description = "Speculative length K, 0 = target alone (default: ${DEFAULT-VALUE})."
    )
    int k;

    @Option(names = "--prompt", required = true, description = "Prompt text.")
    String prompt;

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

    @Override
    int run(PrintWriter out, PrintWriter err) throws ModelLoadException, InferenceException, IOException {
        if (k < 0) {
            throw new EngineCommandSupport.BadInputException("--k must be >= 0, was " + k);
        }
        String draft = k == 0 ? null : pair.requiredDraft("when --k is greater than 0");
        pair.check();
        OutputFormat format = output.format(OutputFormat.TEXT, OutputFormat.JSON);
        boolean streaming = format == OutputFormat.TEXT && output.out() == null;
        DecodingSettings settings = new DecodingSettings(k, temperature, topP, seed, pair.dynamic, -1);
        try (ModelPair models = pair.load(draft)) {
            int[] ids = models.tokenizer().encode(prompt);
            if (ids.length == 0) {
                throw new EngineCommandSupport.BadInputException("--prompt encodes to no tokens");
            }
            List<Integer> streamed = new ArrayList<>();
            StringBuilder printed = new StringBuilder();
            // Streams text as tokens arrive: prints whatever the decoded text grew by.
            TokenListener listener = streaming
                ? (index, token) -> {
                      streamed.add(token);
                      String text = models
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
            GenerationResult result = models
                .decoder(settings)
                .generate(ids, pair.maxTokens, listener, new CancellationToken());
            String text = models.tokenizer().decode(result.tokens());
            RunStatistics s = result.statistics();
            if (format == OutputFormat.JSON) {
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
                String document = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(json);
                output.write(out, err, w -> w.write(document + System.lineSeparator()));
            } else {
                if (!streaming) {
                    output.write(out, err, w -> w.write(text + System.lineSeparator()));
                } else if (!text.startsWith(printed.toString())) {
                    out.println();
                    out.print(text);
                    out.println();
                } else {
                    out.print(text.substring(printed.length()));
                    out.println();
                }
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
    }

    private static void putNumber(ObjectNode json, String field, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            json.putNull(field);
        } else {
            json.put(field, value);
        }
    }
}
