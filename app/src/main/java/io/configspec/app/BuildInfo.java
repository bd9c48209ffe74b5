package io.configspec.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Facts about this build (resource {@code io/configspec/app/version.properties}, filled in by Maven). */
public final class BuildInfo {

    private BuildInfo() {}

    /** The ConfigSpec version, e.g. {@code 0.1.0-SNAPSHOT}, or "unknown". */
    public static String version() {
        return property("version", "unknown");
    }

    /** A property of the build ({@code version}, {@code onnxruntime}), or {@code fallback}. */
    public static String property(String name, String fallback) {
        try (InputStream in = BuildInfo.class.getResourceAsStream("/io/configspec/app/version.properties")) {
            if (in == null) {
                return fallback;
            }
            Properties properties = new Properties();
            properties.load(in);
            String value = properties.getProperty(name, fallback);
            return value.startsWith("${") ? fallback : value;
        } catch (IOException e) {
            return fallback;
        }
    }
}
