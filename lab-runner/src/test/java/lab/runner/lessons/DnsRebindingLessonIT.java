package lab.runner.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import lab.attacker.rebind.RebindingProxy;
import lab.runner.lessons.ConsolePage.JournalRow;
import lab.victim.data.Profile;
import lab.victim.journal.JournalEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lesson: DNS rebinding (scenario {@code dns-rebinding}).
 *
 * <p>Flock has an "internal" admin view, {@code /internal/admin}, that trusts anything reaching it from the machine
 * itself. Alice opens a "speed test" at {@code rebind.localhost}, served by the attacker. Then the attacker's DNS
 * answers that name with Flock's address (the lab plays the DNS with a forwarder, {@link RebindingProxy}). The
 * page's next request is same-origin as far as the browser knows, so no CORS or SameSite rule applies, but it
 * lands on Flock. Only Flock's check of the {@code Host} header can tell it was meant for another name.
 */
class DnsRebindingLessonIT {

    private static final String ADMIN_VIEW = "/internal/admin";

    private static LessonLab lab;

    @BeforeAll
    static void openTheLab() {
        lab = LessonLab.start();
    }

    @AfterAll
    static void closeTheLab() {
        if (lab != null) {
            lab.close();
        }
    }

    @BeforeEach
    void startFromTheSeededSite() {
        lab.freshStart();
    }

    @Test
    void the_attacker_s_page_reads_flock_s_internal_admin_view_same_origin_once_its_name_is_rebound() {
        RebindingProxy attackersDns = lab.servers().attacker().rebinding();
        String rebindSite = attackersDns.origin();

        // Flock does not check the Host header: whatever name a request was sent to, Flock answers it.
        lab.flockDefends("host-check=off");

        // Alice logs in to Flock, as every day (her cookie will play no part).
        lab.flockTab().logInAsAlice();

        // For now, the attacker's name rebind.localhost leads to the attacker's own server.
        assertThat(attackersDns.pointsAtVictim()).isFalse();

        // Alice opens the "speed test" at rebind.localhost; the attacker's server sends the page.
        SpamPage speedTest = lab.spamTab().openAt(rebindSite, "dns-rebinding");

        // The page asks the attacker's DNS to switch, then fetches /internal/admin from its own origin.
        assertThat(speedTest.awaitReport()).isEqualTo("read");
        assertThat(attackersDns.pointsAtVictim()).isTrue();

        // The browser never left that origin: to it, this was a same-origin read, with no CORS check at all.
        assertThat(speedTest.url()).startsWith(rebindSite + "/");

        // The page shows every user's e-mail address and phone, read from Flock's internal view.
        for (Profile user : lab.servers().victim().database().allProfiles()) {
            assertThat(speedTest.backstage()).contains(user.email(), user.phone());
        }

        // Flock's journal: the request named rebind.localhost as its Host, sent no Origin and no cookie...
        JournalEntry request = lab.victimReceived("GET", ADMIN_VIEW).orElseThrow();
        assertThat(request.host()).isEqualTo(rebindSite.substring("http://".length()));
        assertThat(request.origin()).isNull();
        assertThat(request.secFetchSite()).isEqualTo("same-origin");
        assertThat(request.cookieNames()).isEmpty();

        // ...and Flock answered it 200, with no CORS header needed, because nobody checked the name.
        assertThat(request.status()).isEqualTo(200);
        assertThat(request.corsHeaders()).isEmpty();
        assertThat(request.refusedBy()).isNull();

        // The attacker's loot holds every user's e-mail address.
        for (Profile user : lab.servers().victim().database().allProfiles()) {
            assertThat(lab.loot()).anySatisfy(haul -> assertThat(haul.payload()).contains(user.email()));
        }
        LessonLab.screenshot(speedTest.tab(), "dns-rebinding-stolen");

        // Alice reloads the speed test in the same tab: opening the page asks the name afresh, so it leads to the
        // attacker's page again (not to Flock's 404), and the page rebinds it and reads the admin view once more.
        long before = lab.victimReceived().stream()
                .filter(e -> e.path().equals(ADMIN_VIEW) && e.status() == 200)
                .count();
        SpamPage again = speedTest.openAt(rebindSite, "dns-rebinding");
        assertThat(again.awaitReport()).isEqualTo("read");
        assertThat(lab.victimReceived().stream()
                        .filter(e -> e.path().equals(ADMIN_VIEW) && e.status() == 200)
                        .count())
                .isGreaterThan(before);
    }

    @Test
    void with_host_check_on_flock_refuses_the_rebound_request_with_421_and_the_journal_names_host_check() {
        RebindingProxy attackersDns = lab.servers().attacker().rebinding();
        String rebindSite = attackersDns.origin();
        String flockSite = lab.servers().victim().origin();

        // The trainer switches Flock's Host check on in the console: Flock answers only to its own name.
        ConsolePage console = lab.consoleTab();
        assertThat(console.switchDefence("host-check", "on")).contains("Applied host-check=on");

        // Alice opens the "speed test" at rebind.localhost, which rebinds its name to Flock as before.
        SpamPage speedTest = lab.spamTab().openAt(rebindSite, "dns-rebinding");

        // The request reached Flock, but Flock refused it: the page reports an answer with nothing in it.
        assertThat(speedTest.awaitReport()).isEqualTo("anonymous");
        assertThat(attackersDns.pointsAtVictim()).isTrue();
        assertThat(speedTest.backstage()).contains("HTTP 421").doesNotContain("@");

        // Chromium's console shows the refusal: 421 Misdirected Request, "this was meant for another server".
        assertThat(speedTest.awaitConsoleMessage("421")).contains("Misdirected Request");

        // The console's journal names the defence: host-check refused Host rebind.localhost with 421.
        JournalRow row = console.awaitJournalRow("GET", ADMIN_VIEW);
        assertThat(row.host()).isEqualTo(rebindSite.substring("http://".length()));
        assertThat(row.refusedBy()).isEqualTo("host-check");
        assertThat(row.status()).isEqualTo("421");
        assertThat(lab.victimReceived("GET", ADMIN_VIEW).orElseThrow().refusedBy())
                .isEqualTo("host-check");

        // Nothing reached the attacker's loot.
        assertThat(lab.loot()).isEmpty();

        // Flock itself still works under its own name: Alice logs in as usual.
        lab.flockTab().logInAsAlice();
        JournalEntry login = lab.victimReceived("POST", "/login").orElseThrow();
        assertThat(login.host()).isEqualTo(flockSite.substring("http://".length()));
        assertThat(login.refusedBy()).isNull();
        LessonLab.screenshot(console.tab(), "dns-rebinding-console-host-check");
    }
}
