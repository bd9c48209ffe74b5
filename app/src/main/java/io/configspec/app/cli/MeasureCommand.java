package io.configspec.app.cli;

import io.configspec.engine.decoding.CancellationToken;
import io.configspec.engine.decoding.DecodingSettings;
import io.configspec.engine.decoding.ModelPair;
import io.configspec.engine.measure.KSweep;
import io.configspec.engine.measure.MeasurementProfiles;
import io.configspec.engine.measure.SweepPoint;
import io.configspec.engine.measure.SweepResult;
import io.configspec.engine.onnx.InferenceException;
import io.configspec.engine.onnx.ModelLoadException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code configspec measure}: sweeps K for a drafter–target pair and writes alignment, device
 * (drafting) and server (verification) profiles plus measured-vs-predicted goodput per K.
 */
@Command(
    name = "measure",
    description = "Measure a drafter-target pair over a K sweep and write measured profiles."
)
public final class MeasureCommand extends EngineCommand {

    @Mixin
    ModelPairOptions pair;

    @Option(
        names = "--k-range",
        defaultValue = "1..8",
        description = "K range MIN..MAX (default: ${DEFAULT-VALUE})."
    )
    String kRange;

    @Mixin
    PromptsFileOption prompts;

    @Option(names = "--out", required = true, description = "Directory for the measured profiles.")
    Path out;

    @Override
    int run(PrintWriter stdout, PrintWriter err) throws ModelLoadException, InferenceException, IOException {
        String draft = pair.requiredDraft("to measure a pair");
        String target = pair.target;
        pair.check();
        int[] range = EngineCommandSupport.parseKRange(kRange);
        List<String> texts = prompts.read();
        try (ModelPair models = pair.load(draft)) {
            List<int[]> ids = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                int[] encoded = models.tokenizer().encode(texts.get(i));
                if (encoded.length == 0) {
                    throw new EngineCommandSupport.BadInputException(
                        prompts.file() + ": line " + (i + 1) + " encodes to no tokens"
                    );
                }
                ids.add(encoded);
            }
            DecodingSettings settings = DecodingSettings.greedy(range[0]).withDynamicThreshold(pair.dynamic);
            KSweep sweep = new KSweep(models.target(), models.drafter(), settings, draft, target);
            SweepResult result = sweep.run(
                ids,
                range[0],
                range[1],
                pair.maxTokens,
                new CancellationToken(),
                EngineCommandSupport.progressLines(err)
            );
            MeasurementProfiles.Written written = MeasurementProfiles.write(
                out,
                result,
                models.drafterEntry(),
                models.targetEntry(),
                prompts.file().getFileName().toString(),
                LocalDate.now()
            );
            stdout.printf(
                "α %.3f (measured, %d rounds); drafting %.1f tokens/s + %.2f ms/round; target alone %.1f tokens/s%n",
                result.pooled().acceptanceRate(),
                result.pooled().rounds(),
                result.draftTokensPerSecond(),
                result.draftOverheadSeconds() * 1e3,
                result.targetOnly().goodputTokensPerSecond()
            );
            stdout.printf(
                "%3s %8s %8s %12s %12s %8s%n",
                "K",
                "E[N]",
                "E[N]^",
                "measured",
                "predicted",
                "error"
            );
            for (SweepPoint p : result.points()) {
                stdout.printf(
                    "%3d %8.2f %8.2f %8.1f t/s %8.1f t/s %7.1f%%%n",
                    p.k(),
                    p.statistics().expectedTokensPerRound(),
                    p.predictedExpectedTokensPerRound(),
                    p.measuredGoodputTokensPerSecond(),
                    p.predictedGoodputTokensPerSecond(),
                    p.relativeError() * 100
                );
            }
            stdout.printf(
                "median |error| %.1f%% (T_v measured per K), %.1f%% (T_v fitted over K); time outside ONNX Runtime %.1f%% of a round; best K (measured) %d%n",
                result.medianRelativeError() * 100,
                result.medianRelativeErrorFittedVerify() * 100,
                result.overheadFraction() * 100,
                result.bestMeasuredK()
            );
            stdout.printf(
                "wrote %s, %s, %s, %s, %s%n",
                written.alignment(),
                written.device(),
                written.server(),
                written.models(),
                written.sweep()
            );
            stdout.flush();
            return EngineCommandSupport.OK;
        }
    }
}
