package lab.runner.browser;

import java.util.Optional;

/**
 * The Firefox and Playwright versions the catalogue's Firefox expectations were measured with, and the one line a
 * run says when it drives other versions. A Firefox rule (cookie partitioning, Lax by default, where it reports a
 * blocked read) can change with its version or with Playwright's WebDriver BiDi, so a different pairing may give
 * other outcomes: worth saying, not a failure. Whoever measures the catalogue again in a newer pairing updates
 * both constants.
 */
public final class FirefoxDrift {

    /**
     * {@code ./lab run --engine firefox} passed every case with these two: Debian's firefox-esr 153.8.0esr, whose
     * version Playwright reports without the {@code esr}.
     */
    static final String MEASURED_FIREFOX = "153.8.0";

    static final String MEASURED_PLAYWRIGHT = "1.62.0";

    private FirefoxDrift() {}

    /** The line to show when {@code firefox} under Playwright {@code playwright} is not the measured pairing. */
    public static Optional<String> line(BrowserInfo firefox, String playwright) {
        if (firefox.version().equals(MEASURED_FIREFOX) && playwright.equals(MEASURED_PLAYWRIGHT)) {
            return Optional.empty();
        }
        return Optional.of("Firefox " + firefox.version() + " under Playwright " + playwright
                + ": the Firefox expectations were measured with Firefox " + MEASURED_FIREFOX + " under Playwright "
                + MEASURED_PLAYWRIGHT + ", so an outcome may differ (./lab doctor --engine firefox measures the facts"
                + " they rest on).");
    }
}
