package io.configspec.engine.sensors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external command and returns its standard output, e.g. {@code vcgencmd pmic_read_adc} on
 * a Raspberry Pi 5. Replaceable so tests feed recorded output instead of running anything.
 */
@FunctionalInterface
public interface CommandRunner {
    /**
     * @return the command's standard output
     * @throws IOException if the command is missing, fails (non-zero exit) or times out
     */
    String run(List<String> command) throws IOException;

    /** Runs real processes, killing any that take longer than {@code timeout}. */
    static CommandRunner system(Duration timeout) {
        return command -> {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (InputStream out = process.getInputStream()) {
                // The output of the commands we run is a few kB: read it all, then wait.
                byte[] bytes = out.readAllBytes();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly();
                    throw new IOException(command.getFirst() + " did not finish within " + timeout);
                }
                String text = new String(bytes, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new IOException(
                        command.getFirst() + " exited with " + process.exitValue() + ": " + text.strip()
                    );
                }
                return text;
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                throw new IOException(command.getFirst() + " was interrupted", e);
            }
        };
    }

    /** A runner for machines where no command may be run: every call fails. */
    static CommandRunner none() {
        return command -> {
            throw new IOException("running " + command.getFirst() + " is disabled");
        };
    }
}
