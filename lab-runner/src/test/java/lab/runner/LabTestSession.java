package lab.runner;

import java.util.Optional;
import lab.runner.browser.BrowserEngines;
import lab.runner.browser.BrowserOptions;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.defence.Defences;

/**
 * Starts the lab the way {@code ./lab run} does, for the browser suites.
 *
 * <p>Headless unless asked otherwise: {@code -Dlab.headed=true} opens a real browser window (it needs a display:
 * a desktop session, or {@code xvfb-run}), and {@code -Dlab.slowMo=400} pauses 400 ms before every browser
 * operation so that a room can follow what the browser does. Both exist for the lesson tests; any suite honours
 * them.
 */
public final class LabTestSession {

    /** Opens a browser window for the suites: {@code -Dlab.headed=true}. */
    public static final String HEADED_PROPERTY = "lab.headed";
    /** Milliseconds Playwright waits before each browser operation: {@code -Dlab.slowMo=400}. */
    public static final String SLOW_MO_PROPERTY = "lab.slowMo";

    private LabTestSession() {}

    public static LabSession start(ScenarioCatalogue catalogue) {
        return start(catalogue, BrowserEngines.DEFAULT);
    }

    /** As {@link #start(ScenarioCatalogue)}, in {@code engine}'s browser (a missing one fails, saying what to install). */
    public static LabSession start(ScenarioCatalogue catalogue, String engine) {
        BrowserOptions options = browserOptions();
        return LabSession.start(
                catalogue,
                engine,
                BrowserEngines.locate(engine, Optional.empty(), options),
                options,
                Defences.WIDE_OPEN);
    }

    /**
     * Headless by default; headed and slowed down when the system properties say so. A headed run where no
     * display exists is refused here, before anything starts, naming the property that asked for it.
     */
    public static BrowserOptions browserOptions() {
        boolean headed = Boolean.parseBoolean(System.getProperty(HEADED_PROPERTY, "false"));
        double slowMo = slowMoMillis(System.getProperty(SLOW_MO_PROPERTY, "0"));
        if (headed && blank(System.getenv("DISPLAY")) && blank(System.getenv("WAYLAND_DISPLAY"))) {
            throw new IllegalStateException("-D" + HEADED_PROPERTY + "=true needs a display, and neither DISPLAY nor"
                    + " WAYLAND_DISPLAY is set: run the tests from a desktop session, or under xvfb-run"
                    + " (xvfb-run -a mvn ...), or leave -D" + HEADED_PROPERTY + " out to run headless");
        }
        return new BrowserOptions(headed, slowMo);
    }

    private static double slowMoMillis(String value) {
        try {
            double millis = Double.parseDouble(value.strip());
            if (millis < 0) {
                throw new NumberFormatException();
            }
            return millis;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "-D" + SLOW_MO_PROPERTY + " must be 0 or more milliseconds, was '" + value + "'", e);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
