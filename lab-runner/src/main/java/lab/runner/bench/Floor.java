package lab.runner.bench;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitUntilState;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import io.javalin.Javalin;
import java.net.URI;
import java.util.List;
import lab.runner.LabServers;
import lab.runner.cases.CaseRunner;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.auth.SessionStore;
import lab.victim.defence.Defences;
import lab.runner.browser.LabBrowser;
import lab.runner.browser.PageReports;
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
              .then(r => r.json()).then(() => document.body.dataset.labResult = 'read')
              .catch(() => document.body.dataset.labResult = 'failed');
            </script></body></html>""";

    private static final double TIMEOUT_MILLIS = 10_000;

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
            return loop(browser, "http://floor.localhost:" + app.port(), "/page", iterations);
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
            // By domain and path, as the victim's login sets it: DevTools refuses a Secure cookie given with an
            // http:// URL, even one the browser itself would accept from a response on that host.
            browser.context(ThirdPartyCookies.ALLOWED).addCookies(List.of(new Cookie(SessionStore.COOKIE_NAME, session)
                    .setDomain(URI.create(servers.victim().origin()).getHost()).setPath("/")
                    .setSameSite(SameSiteAttribute.NONE).setSecure(true).setHttpOnly(true)));
            String path = "/scenarios/" + catalogue.find("cookie-theft").orElseThrow().pagePath();
            double[] millis = loop(browser, servers.attacker().origin(), path, iterations);
            // The loop measures the page's whole attack (read, then exfiltrate) only if every read was Alice's.
            List<String> readers = servers.victim().journal().since(0).stream()
                    .filter(e -> e.path().equals("/api/me")).map(e -> String.valueOf(e.user())).distinct().toList();
            if (!readers.equals(List.of(CaseRunner.VICTIM_USER))) {
                throw new IllegalStateException("the lab-page loop's reads were not all Alice's: " + readers);
            }
            return millis;
        }
    }

    /**
     * One page, navigated again and again, each navigation awaited only until its document arrives and then the
     * page's report awaited as the lab awaits it: the cheapest way for a bare loop, and the lab's way too.
     */
    private static double[] loop(LabBrowser browser, String origin, String path, int iterations) {
        Page page = browser.newPage(ThirdPartyCookies.ALLOWED);
        try {
            PageReports reports = PageReports.of(page);
            double[] millis = new double[iterations];
            for (int i = -3; i < iterations; i++) {
                long t = System.nanoTime();
                reports.expect(origin);
                page.navigate(origin + path, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
                reports.next(page, TIMEOUT_MILLIS);
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
