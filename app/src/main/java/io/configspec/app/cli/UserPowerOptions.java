package io.configspec.app.cli;

import io.configspec.engine.measure.MeasuredProfiles;
import java.time.LocalDate;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --power-watts}, {@code --idle-watts} and {@code --power-meter} of {@code profile}: the
 * power a user read off a meter (or estimated) for a board without a power sensor, checked and
 * turned into the profile's {@link MeasuredProfiles.UserPower}. Use as a picocli {@code @Mixin}.
 */
final class UserPowerOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    @Option(
        names = "--power-watts",
        paramLabel = "W",
        description = "Drafting power to record when the board has no power sensor (an estimate, marked illustrative, unless --power-meter names the meter it was read from). Without it such a board's profile has no power: energy reads 'not measured'."
    )
    Double powerWatts;

    @Option(
        names = "--idle-watts",
        paramLabel = "W",
        description = "Idle power to record with --power-watts (default: the drafting power)."
    )
    Double idleWatts;

    @Option(
        names = "--power-meter",
        paramLabel = "METER",
        description = "The external meter --power-watts was read from (e.g. 'USB meter UM25C'): recorded as measured by you."
    )
    String powerMeter;

    /**
     * Checks the watts given, before anything is measured.
     *
     * @throws CommandLine.ParameterException naming the option at fault
     */
    void check() {
        if (powerWatts != null && !(powerWatts > 0 && powerWatts < Double.POSITIVE_INFINITY)) {
            throw new CommandLine.ParameterException(
                command.commandLine(),
                "--power-watts must be a positive number of watts, was " + powerWatts
            );
        }
        if (
            idleWatts != null &&
            (powerWatts == null || !(idleWatts >= 0 && idleWatts < Double.POSITIVE_INFINITY))
        ) {
            throw new CommandLine.ParameterException(
                command.commandLine(),
                powerWatts == null
                    ? "--idle-watts needs --power-watts"
                    : "--idle-watts must be zero or a positive number of watts, was " + idleWatts
            );
        }
    }

    /** Whether a power was given. */
    boolean given() {
        return powerWatts != null;
    }

    /** {@code options} with the power given, if any, read on {@code date}. */
    MeasuredProfiles.Options applyTo(MeasuredProfiles.Options options, LocalDate date) {
        if (powerWatts == null) {
            return options;
        }
        double idle = idleWatts != null ? idleWatts : powerWatts;
        return options.withUserPower(
            powerMeter != null
                ? MeasuredProfiles.UserPower.metered(powerWatts, idle, powerMeter, date)
                : MeasuredProfiles.UserPower.estimated(powerWatts, idle, "given with --power-watts")
        );
    }
}
