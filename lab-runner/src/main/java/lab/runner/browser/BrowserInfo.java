package lab.runner.browser;

/**
 * Which browser ran the cases: every report names it, since the lessons hold only for what was measured.
 *
 * @param executable the binary's path, or a note that Playwright's managed browser ran
 */
public record BrowserInfo(String name, String version, String executable) {}
