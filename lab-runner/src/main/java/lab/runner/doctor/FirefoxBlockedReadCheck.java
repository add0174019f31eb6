package lab.runner.doctor;

import java.util.Optional;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Defences;

/**
 * Firefox hides a credentialed answer wildcarded with {@code Access-Control-Allow-Origin: *}, and reports the
 * blocked read as a page error, not a console message (browser facts 17): the lab's evidence in Firefox comes from
 * there, in Firefox's words.
 */
final class FirefoxBlockedReadCheck implements Check {

    /** The part of Firefox's page error that names the reason. */
    static final String REASON = "Credential is not supported if the CORS header";

    /** How {@link lab.runner.browser.BrowserWords} marks what came as a page error. */
    static final String PAGE_ERROR = "pageerror: ";

    @Override
    public String name() {
        return "wildcard-with-credentials-page-error";
    }

    @Override
    public String expected() {
        return "Allow-Origin * with credentials: /api/me unreadable, and a page error (not a console message) says \""
                + REASON + "\"";
    }

    @Override
    public CheckResult measure(Probe probe) {
        probe.defences(Defences.WIDE_OPEN.with("cors=wildcard,samesite=none"));
        try (ProbePage page = probe.open(ThirdPartyCookies.ALLOWED)) {
            page.logInAsAlice();
            page.open(probe.attackerOriginAs("evil.localhost") + "/loot");
            FetchResult fetched = page.fetch(probe.victimOrigin() + "/api/me", true);
            Optional<String> said = page.browserWords(REASON);
            boolean asPageError = said.map(m -> m.startsWith(PAGE_ERROR)).orElse(false);
            return result(
                    !fetched.read() && asPageError,
                    fetched + "; "
                            + said.map(m -> "the browser said: " + m)
                                    .orElse("the browser did not say \"" + REASON + "\""));
        }
    }
}
