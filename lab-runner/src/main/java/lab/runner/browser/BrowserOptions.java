package lab.runner.browser;

/**
 * How the browser window is shown: headless (the default), or headed and slowed down so that a room can
 * follow what the browser does.
 *
 * @param slowMoMillis a pause Playwright inserts before each browser operation, 0 for none
 */
public record BrowserOptions(boolean headed, double slowMoMillis) {

    public static final BrowserOptions HEADLESS = new BrowserOptions(false, 0);

    public BrowserOptions {
        if (slowMoMillis < 0) {
            throw new IllegalArgumentException("--slow-mo must be 0 or more milliseconds");
        }
    }

    /** Fails clearly when a headed window is asked for where no display exists (a server, CI). */
    void requireDisplayIfHeaded() {
        if (headed && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new BrowserUnavailableException("--headed needs a display (DISPLAY or WAYLAND_DISPLAY is not set);"
                    + " run without --headed, or under a desktop session or xvfb-run");
        }
    }
}
