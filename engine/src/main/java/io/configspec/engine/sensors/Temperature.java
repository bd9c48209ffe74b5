package io.configspec.engine.sensors;

/**
 * One thermal zone's temperature.
 *
 * @param zone the zone's {@code type} ({@code cpu-thermal}, {@code x86_pkg_temp}, {@code CPU-therm})
 * @param celsius °C
 */
public record Temperature(String zone, double celsius) {}
