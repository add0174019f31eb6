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

/** Records a Playwright trace of every case, when asked to, and keeps those of cases that did not end as expected. */
final class CaseTracing {

    static final CaseTracing OFF = new CaseTracing(null);

    /** Where kept traces go; null when cases are not traced. */
    private final Path directory;

    CaseTracing(Path directory) {
        this.directory = directory;
    }

    void start(BrowserContext context) {
        if (directory != null) {
            // DOM snapshots only: the trace viewer replays the page from them, while a screencast frame per
            // paint cost about a fifth of a report run's time (measured with ./lab bench).
            context.tracing()
                    .start(new Tracing.StartOptions().setScreenshots(false).setSnapshots(true));
        }
    }

    /** Keeps the trace of a case that did not end as expected; a matching case's trace is dropped. */
    Path stop(BrowserContext context, Scenario scenario, ScenarioCase scenarioCase, Verdict verdict) {
        if (directory == null || context == null) {
            return null;
        }
        try {
            if (scenarioCase.expected() == null || scenarioCase.expected() == verdict.outcome()) {
                context.tracing().stop();
                return null;
            }
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
