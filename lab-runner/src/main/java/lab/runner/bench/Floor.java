package lab.runner.bench;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitUntilState;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import io.javalin.Javalin;
import java.util.List;
import lab.runner.LabServers;
import lab.runner.cases.CaseRunner;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.auth.SessionStore;
import lab.victim.defence.Defences;
import lab.runner.browser.LabBrowser;
import lab.scenarios.ThirdPartyCookies;

/**
 * The floor: what a case costs with no lab around it. A bare loop, in the same browser, of the one
 * navigation and the one cross-origin credentialed fetch a case needs, against a trivial server that
 * answers at once. The lab's per-case time is compared with this.
 */
final class Floor {

    private static final String PAGE = """
            <!DOCTYPE html><html><body><script>
            fetch('http://other.localhost:' + location.port + '/data', { credentials: 'include' })
              .then(r => r.json()).then(() => document.body.dataset.done = 'read')
              .catch(() => document.body.dataset.done = 'failed');
            </script></body></html>""";

    /** As often as the lab looks at a case's page. */
    private static final double POLL_MILLIS = 5;

    private Floor() {
    }

    static double[] measure(LabBrowser browser, int iterations) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/page", ctx -> ctx.html(PAGE));
            config.routes.get("/data", ctx -> {
                ctx.header("Access-Control-Allow-Origin", ctx.header("Origin"));
                ctx.header("Access-Control-Allow-Credentials", "true");
                ctx.contentType("application/json").result("{\"ok\":true}");
            });
        }).start("127.0.0.1", 0);
        try {
            return loop(browser, "http://floor.localhost:" + app.port() + "/page",
                    "() => document.body && document.body.dataset.done", iterations);
        } finally {
            app.stop();
        }
    }

    /**
     * The same loop on the lab's own cookie-theft page, against the lab's own servers with Alice's session
     * cookie in the browser: what the page itself costs (its kit, the fetch to the real victim, the exfiltration
     * to the attacker), without the runner around it (no defences switched, no evidence gathered).
     */
    static double[] measureLabPage(LabBrowser browser, ScenarioCatalogue catalogue, int iterations) {
        try (LabServers servers = LabServers.start(catalogue, Defences.WIDE_OPEN, 0, 0)) {
            String session = servers.victim().sessions().create(CaseRunner.VICTIM_USER).id();
            browser.context(ThirdPartyCookies.ALLOWED).addCookies(List.of(new Cookie(SessionStore.COOKIE_NAME, session)
                    .setUrl(servers.victim().origin()).setSameSite(SameSiteAttribute.NONE).setSecure(true).setHttpOnly(true)));
            String url = servers.attacker().origin() + "/scenarios/" + catalogue.find("cookie-theft").orElseThrow().pagePath();
            return loop(browser, url, "() => document.body && document.body.dataset.labResult", iterations);
        }
    }

    /**
     * One page, navigated again and again, each navigation awaited only until its document arrives and the page
     * then watched from inside for its result: the cheapest way for a bare loop, and the lab's way too.
     */
    private static double[] loop(LabBrowser browser, String url, String done, int iterations) {
        Page page = browser.newPage(ThirdPartyCookies.ALLOWED);
        try {
            double[] millis = new double[iterations];
            for (int i = -3; i < iterations; i++) {
                long t = System.nanoTime();
                page.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
                page.waitForFunction(done, null,
                        new Page.WaitForFunctionOptions().setPollingInterval(POLL_MILLIS));
                if (i >= 0) {
                    millis[i] = (System.nanoTime() - t) / 1e6;
                }
            }
            return millis;
        } finally {
            page.close();
        }
    }
}
