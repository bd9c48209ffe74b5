package io.configspec.app.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --models DIR}: the folder of ONNX models (Optimum layout) the engine's commands read,
 * {@code samples/models} unless given. Use as a picocli {@code @Mixin}.
 */
final class ModelsDirectoryOption {

    @Option(
        names = "--models",
        defaultValue = "samples/models",
        description = "Models directory (default: ${DEFAULT-VALUE})."
    )
    Path models;
}
