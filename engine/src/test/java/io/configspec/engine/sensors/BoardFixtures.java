package io.configspec.engine.sensors;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.configspec.model.testing.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fixture trees shaped like real boards' sysfs/procfs, in {@code src/test/resources/boards/NAME}.
 * Names containing {@code :} (RAPL's {@code intel-rapl:0}) are stored as {@code %3A} so the
 * repository checks out on every OS; {@link #copy} restores them.
 */
final class BoardFixtures {

    static final String JETSON_ORIN_NANO = "jetson-orin-nano";
    static final String RASPBERRY_PI_5 = "raspberry-pi-5";
    static final String X86_RAPL = "x86-rapl";
    static final String LAPTOP_BATTERY = "laptop-battery";
    static final String NO_POWER_VM = "no-power-vm";

    private BoardFixtures() {}

    static Path source(String board) {
        try {
            return Path.of(BoardFixtures.class.getResource("/boards/" + board).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a board's tree into {@code target} (a test's temporary directory) and returns its root. */
    static Path copy(String board, Path target) {
        return FileTrees.copy(
            source(board),
            target.resolve(board),
            relative -> true,
            name -> name.replace("%3A", ":")
        );
    }

    static String recordedVcgencmd() {
        try {
            return Files.readString(source(RASPBERRY_PI_5).resolve("vcgencmd-pmic_read_adc.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A runner that fails the test if anything is run. */
    static CommandRunner forbiddenRunner() {
        return command -> {
            throw new AssertionError("no command may run here, but " + command + " was");
        };
    }

    /** A fake monotonic clock that advances only when slept on, running a hook at each sleep. */
    /** The sensors found under {@code root} with default options; running a command fails the test. */
    static SensorSuite detect(Path root) {
        return detect(root, SensorOptions.defaults());
    }

    /** The sensors found under {@code root} with {@code options}; running a command fails the test. */
    static SensorSuite detect(Path root, SensorOptions options) {
        return SensorSuite.detect(new SysfsReader(root), forbiddenRunner(), options);
    }

    /** Asserts that one of the suite's notes contains {@code text}. */
    static void assertNoteContains(SensorSuite suite, String text) {
        assertTrue(
            suite
                .notes()
                .stream()
                .anyMatch(n -> n.contains(text)),
            suite.notes().toString()
        );
    }

    static final class FakeClock implements MonotonicClock {

        long nanos = 1_000_000_000L;
        Runnable onSleep = () -> {};

        @Override
        public long nanoTime() {
            return nanos;
        }

        @Override
        public void sleepMillis(long millis) {
            nanos += millis * 1_000_000L;
            onSleep.run();
        }
    }
}
