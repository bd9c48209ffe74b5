package io.configspec.app.cli;

import io.configspec.engine.samplemodels.DecoderArchitecture;
import io.configspec.engine.samplemodels.Precision;
import io.configspec.engine.twins.HuggingFaceConfig;
import io.configspec.engine.twins.TwinConfigException;
import io.configspec.engine.twins.TwinGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code configspec twin}: writes an architecture twin (random weights, exact shape of a real
 * model from its Hugging Face {@code config.json}) as an ONNX model in the Optimum layout.
 */
@Command(
    name = "twin",
    description = {
        "Generate an architecture twin: an ONNX decoder with a real model's shape and random weights.",
        "It measures a board's drafting speed and power for that model without downloading its weights.",
    }
)
final class TwinCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    static final class Source {

        @Option(names = "--config", paramLabel = "FILE", description = "A Hugging Face config.json.")
        Path config;

        @Option(
            names = "--preset",
            paramLabel = "NAME",
            description = "A bundled config: ${COMPLETION-CANDIDATES}.",
            completionCandidates = Presets.class
        )
        String preset;
    }

    static final class Presets implements Iterable<String> {

        @Override
        public java.util.Iterator<String> iterator() {
            return HuggingFaceConfig.PRESETS.iterator();
        }
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(
        names = "--precision",
        paramLabel = "P",
        required = true,
        description = "Weight precision: int8, int4, fp16 or fp32."
    )
    String precision;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        required = true,
        description = "Directory to write (model.onnx, model.onnx.data, config.json); replaced if it exists."
    )
    Path out;

    @Option(
        names = "--layers",
        paramLabel = "N",
        description = "Build only N layers (a quicker twin; not the real depth)."
    )
    Integer layers;

    @Option(
        names = "--max-positions",
        paramLabel = "N",
        defaultValue = "8192",
        description = "Longest context the twin supports (default ${DEFAULT-VALUE})."
    )
    int maxPositions;

    @Option(
        names = "--seed",
        paramLabel = "S",
        defaultValue = "42",
        description = "Weight seed (default ${DEFAULT-VALUE})."
    )
    long seed;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        Precision p;
        try {
            p = Precision.parse(precision);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--precision: " + e.getMessage());
        }
        HuggingFaceConfig config;
        try {
            config = source.config != null
                ? HuggingFaceConfig.read(source.config)
                : HuggingFaceConfig.preset(source.preset);
        } catch (TwinConfigException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        DecoderArchitecture shape = config.architecture();
        if (layers != null && (layers < 1 || layers > shape.layers())) {
            throw new CommandLine.ParameterException(
                spec.commandLine(),
                "--layers must be 1-" + shape.layers() + " for " + config.name() + ", was " + layers
            );
        }
        if (maxPositions < 1) {
            throw new CommandLine.ParameterException(
                spec.commandLine(),
                "--max-positions must be >= 1, was " + maxPositions
            );
        }
        w.printf(
            Locale.ROOT,
            "Generating a %s twin of %s (%d layers, hidden %d, %d heads / %d KV heads, MLP %d, vocabulary %d)...%n",
            p.cliName(),
            config.name(),
            layers == null ? shape.layers() : layers,
            shape.hiddenSize(),
            shape.heads(),
            shape.kvHeads(),
            shape.intermediateSize(),
            shape.vocabSize()
        );
        w.flush();
        long start = System.nanoTime();
        TwinGenerator.Twin twin = TwinGenerator.generate(config, p, layers, maxPositions, out, seed, () ->
            false
        );
        double seconds = (System.nanoTime() - start) / 1e9;
        w.printf(
            Locale.ROOT,
            "Wrote %s: %.1f M parameters, %.1f MB on disk, in %.1f s.%n",
            twin.directory(),
            twin.parameters() / 1e6,
            twin.bytesOnDisk() / 1e6,
            seconds
        );
        return ConfigSpecCli.OK;
    }
}
