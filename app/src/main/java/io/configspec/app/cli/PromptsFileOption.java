package io.configspec.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --prompts FILE}, required: the prompts the commands that drive a model pair with them read
 * ({@code measure}, {@code fleet-loopback}). Use as a picocli {@code @Mixin}.
 */
final class PromptsFileOption {

    @Option(names = "--prompts", required = true, description = "Prompts file, one prompt per line.")
    Path prompts; // named for the help's "--prompts=<prompts>"

    /** The prompts file given. */
    Path file() {
        return prompts;
    }

    /**
     * The prompts, one a line ({@link EngineCommandSupport#readPrompts}).
     *
     * @throws EngineCommandSupport.BadInputException when the file is missing or holds no prompt
     */
    List<String> read() throws IOException {
        return EngineCommandSupport.readPrompts(prompts);
    }
}
