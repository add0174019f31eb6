package lab.runner.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The Playwright for Java version the lab was built with (from {@code lab-versions.properties}, filled by the
 * build). A stock Firefox works with some Playwright versions and not others (browser facts 14), so a failure to
 * drive one names both versions.
 */
public final class PlaywrightVersion {

    private PlaywrightVersion() {}

    /** The version, or {@code "unknown"} outside a built jar. */
    public static String get() {
        String version = orNull();
        return version == null ? "unknown" : version;
    }

    /** The version, or null when the build did not record it. */
    static String orNull() {
        try (InputStream in = PlaywrightVersion.class.getClassLoader().getResourceAsStream("lab-versions.properties")) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("playwright");
            return version == null || version.startsWith("$") ? null : version;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
