package io.configspec.app.cli;

import io.configspec.engine.decoding.ModelPair;
import io.configspec.engine.onnx.EngineOptions;
import io.configspec.engine.onnx.ModelCatalog;
import io.configspec.engine.onnx.ModelLoadException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of commands that run a drafter–target pair on ONNX Runtime ({@code generate},
 * {@code measure}): where the models are, which two, how many tokens, dynamic drafting and
 * threads. Use as a picocli {@code @Mixin}.
 */
public final class ModelPairOptions {

    @Mixin
    ModelsDirectoryOption directory;

    @Option(names = "--draft", description = "Draft model name.")
    String draft;

    @Option(names = "--target", required = true, description = "Target model name.")
    String target;

    @Option(
        names = "--max-tokens",
        defaultValue = "32",
        description = "Tokens generated per prompt (default: ${DEFAULT-VALUE})."
    )
    int maxTokens;

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

    /**
     * Checks the numbers given.
     *
     * @throws EngineCommandSupport.BadInputException naming the option at fault
     */
    void check() {
        if (maxTokens < 1) {
            throw new EngineCommandSupport.BadInputException("--max-tokens must be >= 1, was " + maxTokens);
        }
        if (threads < 1) {
            throw new EngineCommandSupport.BadInputException("--threads must be >= 1, was " + threads);
        }
    }

    /**
     * Loads the pair from the models directory on the asked-for number of threads.
     *
     * @param draft the drafter, or null for the target alone
     */
    ModelPair load(String draft) throws ModelLoadException {
        return ModelPair.load(
            ModelCatalog.scan(directory.models),
            draft,
            target,
            EngineOptions.defaults().withIntraOpThreads(threads)
        );
    }

    /** The draft model, which this command needs. */
    String requiredDraft(String why) {
        if (draft == null) {
            throw new EngineCommandSupport.BadInputException("--draft is required " + why);
        }
        return draft;
    }
}
