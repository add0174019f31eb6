package lab.runner.bench;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.SameSiteAttribute;
import com.microsoft.playwright.options.WaitUntilState;
import io.javalin.Javalin;
import java.net.URI;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import lab.runner.LabServers;
import lab.runner.browser.LabBrowser;
import lab.runner.browser.PageReports;
import lab.runner.cases.CaseRunner;
import lab.scenarios.ScenarioCatalogue;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.auth.SessionStore;
import lab.victim.defence.Defences;

/**
 * The floor, and the steps from it to a lab case. The floor is what a case costs with no lab around it: a bare
 * loop, in the same browser, of the one navigation and the one cross-origin credentialed fetch a case needs,
 * against a trivial server that answers at once and lets the page read the answer. Each step then puts back one
 * part of a real case, so the benchmark itself shows what the lab's per-case time is made of:
 * <ol>
 *   <li>the fetch goes to the lab's victim, with Alice's cookie, and CORS refuses the read, as in most cases;</li>
 *   <li>the page is the lab's cookie-theft page (its look, its kit, its backstage box), the read still refused;</li>
 *   <li>the read succeeds: the page shows the stolen profile and sends it to the attacker's backend.</li>
 * </ol>
 * The runner (defences, cookies, evidence) and the catalogue's other kinds of case are what remains between
 * the last step and the lab's per-case median.
 *
 * <p>Every step is measured in the same page, in rounds that take the steps in turn, so that the machine's
 * drift from minute to minute falls on all of them alike; the first navigations after a switch (another site,
 * a new renderer) are not counted. Each step checks that it did what it says, from the page's report and what
 * the victim and the attacker's backend received, and fails otherwise.
 */
final class Floor {

    /** One rung: what it adds to the one before, and its times in milliseconds. */
    enum Step {
        FLOOR("floor", "floor: bare navigation + fetch"),
        VICTIM_REFUSED("victimRefused", "+ the fetch goes to the lab's victim, CORS refuses"),
        LAB_PAGE_REFUSED("labPageRefused", "+ the lab's cookie-theft page (look, kit)"),
        LAB_PAGE_READ("labPageRead", "+ the read succeeds: shown and sent home");

        final String key;
        final String label;

        Step(String key, String label) {
            this.key = key;
            this.label = label;
        }
    }

    private static final String FLOOR_PAGE = """
            <!DOCTYPE html><html><body><script>
            fetch(%s, { credentials: 'include' })
              .then(r => r.json()).then(() => document.body.dataset.labResult = 'read')
              .catch(() => document.body.dataset.labResult = 'failed');
            </script></body></html>""";

    private static final double TIMEOUT_MILLIS = 10_000;
    /** Navigations after a switch of step that are not counted: the first one changes site (and renderer). */
    private static final int WARM_UP = 2;

    private Floor() {}

    /**
     * Measures every step: {@code rounds} rounds of {@code perRound} counted navigations a step.
     *
     * @throws IllegalStateException when a step did not do what it measures (the read was not refused, or not
     *                               Alice's, or nothing was sent home)
     */
    static Map<Step, double[]> measure(LabBrowser browser, ScenarioCatalogue catalogue, int rounds, int perRound) {
        try (LabServers servers = LabServers.start(catalogue, Defences.WIDE_OPEN, 0, 0)) {
            String victimApi = servers.victim().origin() + "/api/me";
            Javalin trivial = Javalin.create(config -> {
                        config.startup.showJavalinBanner = false;
                        config.routes.get(
                                "/page",
                                ctx -> ctx.html(
                                        FLOOR_PAGE.formatted("'http://other.localhost:' + location.port + '/data'")));
                        config.routes.get("/victim-page", ctx -> ctx.html(FLOOR_PAGE.formatted(quoted(victimApi))));
                        config.routes.get("/data", ctx -> {
                            ctx.header("Access-Control-Allow-Origin", ctx.header("Origin"));
                            ctx.header("Access-Control-Allow-Credentials", "true");
                            ctx.contentType("application/json").result("{\"ok\":true}");
                        });
                    })
                    .start(LabServers.LOOPBACK, 0);
            try {
                logInAlice(browser, servers);
                String floorOrigin = "http://floor.localhost:" + trivial.port();
                String attackerOrigin = servers.attacker().origin();
                String labPage = attackerOrigin + "/scenarios/"
                        + catalogue.find("cookie-theft").orElseThrow().pagePath();
                Page page = browser.newPage(ThirdPartyCookies.ALLOWED);
                try {
                    Map<Step, List<Double>> times = new EnumMap<>(Step.class);
                    for (int round = 0; round < rounds; round++) {
                        for (Step step : Step.values()) {
                            Run run = switch (step) {
                                case FLOOR -> new Run(floorOrigin, floorOrigin + "/page", "read", Defences.WIDE_OPEN);
                                case VICTIM_REFUSED ->
                                    new Run(floorOrigin, floorOrigin + "/victim-page", "failed", refusing());
                                case LAB_PAGE_REFUSED -> new Run(attackerOrigin, labPage, "failed", refusing());
                                case LAB_PAGE_READ -> new Run(attackerOrigin, labPage, "read", Defences.WIDE_OPEN);
                            };
                            times.computeIfAbsent(step, s -> new ArrayList<>())
                                    .addAll(measureStep(page, servers, step, run, perRound));
                        }
                    }
                    Map<Step, double[]> result = new EnumMap<>(Step.class);
                    times.forEach((step, list) -> result.put(
                            step, list.stream().mapToDouble(Double::doubleValue).toArray()));
                    return result;
                } finally {
                    page.close();
                }
            } finally {
                trivial.stop();
            }
        }
    }

    /** How a step is run: where its page lives, what the page must report, and the victim's defences. */
    private record Run(String origin, String url, String expectedResult, Defences defences) {}

    /** The victim as most cases meet it: Alice's cookie is sent, but no CORS header lets the page read the answer. */
    private static Defences refusing() {
        return Defences.WIDE_OPEN.with(Map.of("cors", "off"));
    }

    private static List<Double> measureStep(Page page, LabServers servers, Step step, Run run, int counted) {
        servers.victim().defences().set(run.defences());
        long journalMark = servers.victim().journal().lastSeq();
        long lootMark = servers.attacker().loot().lastId();
        PageReports reports = PageReports.of(page);
        List<Double> millis = new ArrayList<>();
        for (int i = -WARM_UP; i < counted; i++) {
            long started = System.nanoTime();
            reports.expect(run.origin());
            page.navigate(run.url(), new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
            PageReports.Report report = reports.next(page, TIMEOUT_MILLIS);
            long ended = System.nanoTime();
            if (!run.expectedResult().equals(report.value())) {
                throw new IllegalStateException("the benchmark's step '" + step.key + "' expected the page to report "
                        + run.expectedResult() + ", it reported " + report.value() + " (" + report.saw() + ")");
            }
            if (i >= 0) {
                millis.add((ended - started) / 1e6);
            }
        }
        verify(servers, step, journalMark, lootMark, counted + WARM_UP);
        return millis;
    }

    /** A step that uses the lab's servers measured only if every read was Alice's and, read, sent home. */
    private static void verify(LabServers servers, Step step, long journalMark, long lootMark, int navigations) {
        if (step == Step.FLOOR) {
            return;
        }
        List<String> readers = servers.victim().journal().since(journalMark).stream()
                .filter(e -> e.path().equals("/api/me") && e.method().equals("GET"))
                .map(e -> String.valueOf(e.user()))
                .toList();
        if (readers.size() != navigations || !readers.stream().allMatch(CaseRunner.VICTIM_USER::equals)) {
            throw new IllegalStateException("the benchmark's step '" + step.key + "' expected " + navigations
                    + " reads of /api/me as " + CaseRunner.VICTIM_USER + ", the victim saw " + readers);
        }
        int sentHome = servers.attacker().loot().since(lootMark).size();
        int expected = step == Step.LAB_PAGE_READ ? navigations : 0;
        if (sentHome != expected) {
            throw new IllegalStateException("the benchmark's step '" + step.key + "' expected " + expected
                    + " hauls at the attacker's backend, it received " + sentHome);
        }
    }

    /**
     * Alice's session, as her login leaves it: a SameSite=None cookie, so that it goes along cross-site. Set by
     * domain and path: the browser refuses a Secure cookie added given with an http:// URL, even one the browser itself
     * would accept from a response on that host.
     */
    private static void logInAlice(LabBrowser browser, LabServers servers) {
        String session =
                servers.victim().sessions().create(CaseRunner.VICTIM_USER).id();
        browser.context(ThirdPartyCookies.ALLOWED)
                .addCookies(List.of(new Cookie(SessionStore.COOKIE_NAME, session)
                        .setDomain(URI.create(servers.victim().origin()).getHost())
                        .setPath("/")
                        .setSameSite(SameSiteAttribute.NONE)
                        .setSecure(true)
                        .setHttpOnly(true)));
    }

    private static String quoted(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
