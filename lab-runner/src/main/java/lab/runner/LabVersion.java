package lab.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The lab's version, from the build (the {@code lab} line of {@code lab-versions.properties}, filled in from the
 * pom): the one number {@code ./lab --version}, the report and the distribution's file name show.
 */
public final class LabVersion {

    private LabVersion() {}

    public static String get() {
        Properties properties = new Properties();
        try (InputStream in = LabVersion.class.getClassLoader().getResourceAsStream("lab-versions.properties")) {
            if (in == null) {
                return "unknown";
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("lab", "unknown");
    }
}
