package lab.runner.cases;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.Tracing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;

/** Records a Playwright trace of a case, when asked to: the re-run of a case that did not end as expected. */
final class CaseTracing {

    static final CaseTracing OFF = new CaseTracing(null);

    /** Where kept traces go; null when cases are not traced. */
    private final Path directory;

    CaseTracing(Path directory) {
        this.directory = directory;
    }

    boolean on() {
        return directory != null;
    }

    void start(BrowserContext context) {
        if (directory != null) {
            // DOM snapshots, from which the trace viewer replays the page; the report has the case's screenshot.
            context.tracing()
                    .start(new Tracing.StartOptions().setScreenshots(false).setSnapshots(true));
        }
    }

    /** Keeps the case's trace in the directory, named after the case. */
    Path stop(BrowserContext context, Scenario scenario, ScenarioCase scenarioCase) {
        if (directory == null || context == null) {
            return null;
        }
        try {
            Files.createDirectories(directory);
            Path trace = directory.resolve(slug(scenario.caseName(scenarioCase)) + ".zip");
            context.tracing().stop(new Tracing.StopOptions().setPath(trace));
            return trace;
        } catch (PlaywrightException | IOException e) {
            return null;
        }
    }

    /** A file name made from a case name: lower case letters, digits and dashes. */
    static String slug(String text) {
        String slug =
                text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() <= 120 ? slug : slug.substring(0, 120);
    }
}
