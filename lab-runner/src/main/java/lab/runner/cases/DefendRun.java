package lab.runner.cases;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lab.runner.LabServers;
import lab.runner.browser.LabBrowser;
import lab.scenarios.DecisiveEvidence;
import lab.scenarios.Outcome;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;
import lab.scenarios.ScenarioCatalogue;
import lab.scenarios.ThirdPartyCookies;
import lab.scenarios.challenges.Challenge;
import lab.scenarios.challenges.LegitimateUse;
import lab.victim.defence.Defences;

/**
 * Judges a defend challenge in the real browser: under the learner's defences, every listed scenario's attack is
 * run once per attacker host and third-party cookie setting its cases use, and must fail (nothing stolen, nothing
 * changed); then each legitimate use must still work. Outcomes come from the case runner's own judge.
 */
public final class DefendRun {

    private static final Set<Outcome> SUCCEEDED = Set.of(Outcome.STOLEN, Outcome.ACTION_PERFORMED);
    private static final String NEW_EMAIL = "alice.new@wonderland.example";

    private final LabServers servers;
    private final LabBrowser browser;
    private final ScenarioCatalogue catalogue;
    private final ExploitDelivery stage;
    private PartnerSite partner;

    public DefendRun(LabServers servers, LabBrowser browser, ScenarioCatalogue catalogue) {
        this.servers = servers;
        this.browser = browser;
        this.catalogue = catalogue;
        this.stage = new ExploitDelivery(servers, browser);
    }

    /** @param defences the challenge's conditions with the learner's defences over them */
    public ChallengeVerdict judge(Challenge challenge, Defences defences) {
        long started = System.nanoTime();
        List<String> seen = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        seen.add("defences: " + defences);
        CaseRunner runner = new CaseRunner(servers, browser, defences);
        for (String id : challenge.attacks()) {
            Scenario scenario = catalogue.find(id).orElseThrow();
            for (ScenarioCase attack : attacksOf(scenario)) {
                CaseResult result = runner.run(scenario, attack);
                String name = id + " (" + scenario.attackerHostFor(attack) + ", third-party cookies "
                        + attack.thirdPartyCookies().key() + ")";
                String line = name + ": " + result.verdict().outcome() + ": "
                        + result.verdict().why();
                seen.add(line);
                if (SUCCEEDED.contains(result.verdict().outcome())) {
                    missing.add("the attack " + line);
                }
            }
        }
        for (LegitimateUse use : challenge.legitimate()) {
            stage.reset(defences);
            String broken = check(use, challenge.thirdPartyCookies());
            seen.add(use.description() + ": " + (broken == null ? "works" : "BROKEN: " + broken));
            if (broken != null) {
                missing.add("a legitimate use broke: " + use.description() + ": " + broken);
            }
        }
        stage.reset(defences);
        boolean solved = missing.isEmpty();
        String verdict = solved
                ? "Solved: every attack failed and every legitimate use works."
                : "Not solved: " + missing.get(0) + ".";
        return new ChallengeVerdict(
                challenge.id(), solved, verdict, seen, missing, null, (System.nanoTime() - started) / 1e6);
    }

    /** One attack per attacker host and third-party cookie setting the scenario's cases use, under no case defences. */
    static List<ScenarioCase> attacksOf(Scenario scenario) {
        Set<List<Object>> distinct = new LinkedHashSet<>();
        for (ScenarioCase c : scenario.cases()) {
            distinct.add(List.of(scenario.attackerHostFor(c), c.thirdPartyCookies()));
        }
        return distinct.stream()
                .map(key -> new ScenarioCase(
                        Map.of(), (ThirdPartyCookies) key.get(1), (String) key.get(0), Map.of(), DecisiveEvidence.NONE))
                .toList();
    }

    /** Null when the use works, else what went wrong. */
    private String check(LegitimateUse use, ThirdPartyCookies setting) {
        Page page = null;
        try {
            page = browser.freshPage(setting);
            page.setDefaultTimeout(ExploitDelivery.TIME_LIMIT_MILLIS);
            String victim = servers.victim().origin();
            switch (use) {
                case FLOCK_PROFILE -> {
                    Alice.logIn(page, victim);
                    String shown = page.textContent("#private-profile");
                    String email = stage.seededAlice().email();
                    return shown != null && shown.contains(email)
                            ? null
                            : "Flock's home page does not show her e-mail address " + email;
                }
                case FLOCK_SETTINGS -> {
                    Alice.logIn(page, victim);
                    page.navigate(victim + "/settings");
                    page.fill("#email", NEW_EMAIL);
                    page.click("form[action='/settings/email'] button[type=submit]");
                    page.waitForLoadState();
                    String now = servers.victim()
                            .database()
                            .profile(Alice.USER)
                            .orElseThrow()
                            .email();
                    return now.equals(NEW_EMAIL)
                            ? null
                            : "after she saved " + NEW_EMAIL + " in Flock's settings form her address is still " + now;
                }
                case PARTNER_FEED -> {
                    page.navigate(partner().origin() + "/?flock=" + victim);
                    page.waitForSelector("body[data-lab-result]");
                    String result = page.getAttribute("body", "data-lab-result");
                    return "read".equals(result) ? null : "the partner's page could not read the feed (" + result + ")";
                }
            }
            return "unknown use";
        } catch (PlaywrightException e) {
            String message = e.getMessage() == null
                    ? "no details"
                    : e.getMessage().strip().lines().findFirst().orElse("");
            return "the browser step failed: " + message;
        } finally {
            if (page != null) {
                ExploitDelivery.closeQuietly(page);
            }
        }
    }

    private synchronized PartnerSite partner() {
        if (partner == null) {
            partner = PartnerSite.start();
        }
        return partner;
    }

    /** Stops the partner site, if it was started. */
    public synchronized void close() {
        if (partner != null) {
            partner.close();
            partner = null;
        }
    }
}
