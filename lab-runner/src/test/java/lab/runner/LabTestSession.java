package lab.runner;

import java.util.Optional;
import lab.runner.browser.BrowserLocator;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.defence.Defences;

/** Starts the lab the way {@code ./lab run} does, for the browser suites. */
public final class LabTestSession {

    private LabTestSession() {}

    public static LabSession start(ScenarioCatalogue catalogue) {
        return LabSession.start(catalogue, BrowserLocator.locate(Optional.empty()), Defences.WIDE_OPEN);
    }
}
