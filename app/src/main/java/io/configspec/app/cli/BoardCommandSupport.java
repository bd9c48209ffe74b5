package io.configspec.app.cli;

import io.configspec.engine.sensors.CommandRunner;
import io.configspec.engine.sensors.RaspberryPiPmicPowerSource;
import io.configspec.engine.sensors.SensorOptions;
import io.configspec.engine.sensors.SensorSuite;
import io.configspec.engine.sensors.SysfsReader;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Options shared by the board commands ({@code agent}, {@code profile}): where models and sensors are. */
final class BoardCommandSupport {

    private BoardCommandSupport() {}

    /** Model and sensor options (a picocli mixin). */
    static final class BoardOptions {

        @Option(
            names = "--models",
            paramLabel = "DIR",
            description = "Models directory (one subdirectory per ONNX model, as 'configspec models generate' writes). Default: samples/models."
        )
        Path models;

        @Option(
            names = "--twins",
            paramLabel = "DIR",
            description = "Where architecture twins are generated and cached. Default: ~/.cache/configspec/twins."
        )
        Path twins;

        @Option(
            names = "--pmic-scale",
            paramLabel = "FACTOR",
            defaultValue = "1.0",
            description = "Raspberry Pi 5: calibration factor applied to the PMIC rail sum (default ${DEFAULT-VALUE})."
        )
        double pmicScale;

        @Option(
            names = "--pmic-offset",
            paramLabel = "WATTS",
            defaultValue = "0.0",
            description = "Raspberry Pi 5: watts added to the scaled PMIC rail sum (default ${DEFAULT-VALUE})."
        )
        double pmicOffsetWatts;

        @Option(
            names = "--sysfs-root",
            paramLabel = "DIR",
            hidden = true,
            description = "Read sensors under DIR instead of / (testing)."
        )
        Path sysfsRoot;

        Path modelsDirectory() {
            if (models != null) {
                return models;
            }
            String home = System.getProperty("configspec.home");
            return (home == null ? Path.of("") : Path.of(home)).resolve("samples/models");
        }

        Path twinsDirectory() {
            return twins != null
                ? twins
                : Path.of(System.getProperty("user.home"), ".cache", "configspec", "twins");
        }

        SensorSuite detectSensors() {
            RaspberryPiPmicPowerSource.Calibration calibration;
            try {
                calibration = new RaspberryPiPmicPowerSource.Calibration(pmicScale, pmicOffsetWatts);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(
                    new picocli.CommandLine(new Object()),
                    "--pmic-scale/--pmic-offset: " + e.getMessage()
                );
            }
            SysfsReader sysfs = sysfsRoot == null ? SysfsReader.system() : new SysfsReader(sysfsRoot);
            CommandRunner runner = sysfsRoot == null
                ? CommandRunner.system(Duration.ofSeconds(2))
                : CommandRunner.none();
            return SensorSuite.detect(
                sysfs,
                runner,
                SensorOptions.defaults().withPmicCalibration(calibration)
            );
        }
    }
}
