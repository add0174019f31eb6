package lab.runner.lessons;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.SameSiteAttribute;
import lab.runner.lessons.ConsolePage.JournalRow;
import lab.victim.journal.JournalEntry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lesson: the cookie theft of the lab's story (scenario {@code cookie-theft}).
 *
 * <p>Alice is logged in to Flock. She opens a "You won!" page on the spam site, whose script asks Flock for
 * {@code /api/me} with her cookies. Two things decide whether the attacker gets her data: whether the browser
 * sends her session cookie at all (SameSite), and whether Flock's answer allows the spam site's origin to read it
 * (CORS). The first test is the theft; the next two are the trainer's twists, switched in the lab console:
 * CORS off hides the answer but not the request, SameSite=Lax keeps the cookie at home.
 */
class CookieTheftLessonIT {

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
    void alice_s_private_profile_reaches_the_attacker_when_flock_reflects_every_origin() {
        String spamSite = lab.servers().attacker().origin();

        // Flock is careless: it echoes any Origin back as allowed, with credentials, and sets SameSite=None.
        lab.flockDefends("cors=reflect,samesite=none");

        // Alice logs in through Flock's login form; her home page shows the e-mail address only she can see.
        FlockPages flock = lab.flockTab().logInAsAlice();
        String herEmail = flock.privateEmail();
        assertThat(herEmail).isEqualTo(lab.aliceEmailInFlocksDatabase());

        // Her browser keeps the session cookie as SameSite=None: it may go along with requests from any site.
        assertThat(flock.sessionCookie())
                .hasValueSatisfying(cookie -> assertThat(cookie.sameSite).isEqualTo(SameSiteAttribute.NONE));

        // She opens the prize page on the spam site; its script fetches Flock's /api/me with her cookies.
        SpamPage prizePage = lab.spamTab().open("cookie-theft");

        // The script could read Flock's answer: the page's backstage box shows her private e-mail address.
        assertThat(prizePage.awaitReport()).isEqualTo("read");
        assertThat(prizePage.backstage()).contains(herEmail);

        // The script sent it home: the attacker's loot holds her e-mail address.
        assertThat(lab.loot()).anySatisfy(haul -> assertThat(haul.payload()).contains(herEmail));

        // Flock's journal: the request came from the spam site's origin, carrying Alice's session cookie...
        JournalEntry request = lab.victimReceived("GET", "/api/me").orElseThrow();
        assertThat(request.origin()).isEqualTo(spamSite);
        assertThat(request.sessionCookie()).isTrue();
        assertThat(request.user()).isEqualTo(FlockPages.ALICE);

        // ...and Flock answered it, naming the spam site as allowed to read, with credentials: that is the hole.
        assertThat(request.status()).isEqualTo(200);
        assertThat(request.corsHeaders())
                .containsEntry("Access-Control-Allow-Origin", spamSite)
                .containsEntry("Access-Control-Allow-Credentials", "true");
        LessonLab.screenshot(prizePage.tab(), "cookie-theft-stolen");
    }

    @Test
    void with_cors_switched_off_the_request_still_arrives_with_her_cookie_but_the_browser_hides_the_answer() {
        String spamSite = lab.servers().attacker().origin();

        // The trainer opens the lab console and picks the story's careless server: the wide-open preset.
        ConsolePage console = lab.consoleTab();
        assertThat(console.choosePreset("wide-open")).contains("Applied preset wide-open");
        assertThat(console.defenceValue("cors")).isEqualTo("reflect");
        assertThat(console.defenceValue("samesite")).isEqualTo("none");

        // Alice logs in to Flock.
        String herEmail = lab.flockTab().logInAsAlice().privateEmail();

        // The trainer switches CORS off: Flock stops sending any Access-Control-* header.
        assertThat(console.switchDefence("cors", "off")).contains("Applied cors=off");

        // Alice opens the same prize page.
        SpamPage prizePage = lab.spamTab().open("cookie-theft");

        // This time the script gets no answer at all, only a failed fetch: her e-mail is not on the page.
        assertThat(prizePage.awaitReport()).isEqualTo("failed");
        assertThat(prizePage.backstage()).contains("Failed to fetch").doesNotContain(herEmail);

        // Chromium says why in its console: the CORS policy, because no Access-Control-Allow-Origin came back.
        assertThat(prizePage.awaitConsoleMessage("blocked by CORS policy"))
                .contains(spamSite)
                .contains("No 'Access-Control-Allow-Origin' header is present on the requested resource");

        // Yet the console's journal shows the request arrived, from the spam site, WITH Alice's cookie...
        JournalRow row = console.awaitJournalRow("GET", "/api/me");
        assertThat(row.origin()).isEqualTo(spamSite);
        assertThat(row.sessionCookie()).isEqualTo("yes (alice)");

        // ...and Flock answered 200 with her data, but named no origin allowed to read it.
        assertThat(row.status()).isEqualTo("200");
        assertThat(row.corsHeadersReturned()).isEqualTo("(none)");
        JournalEntry request = lab.victimReceived("GET", "/api/me").orElseThrow();
        assertThat(request.sessionCookie()).isTrue();
        assertThat(request.corsHeaders()).isEmpty();

        // CORS hid the answer; it did not stop the request. The loot holds nothing of hers.
        assertThat(lab.loot()).noneSatisfy(haul -> assertThat(haul.payload()).contains(herEmail));
        LessonLab.screenshot(console.tab(), "cookie-theft-console-cors-off");
    }

    @Test
    void with_a_samesite_lax_cookie_the_browser_sends_the_request_without_her_cookie() {
        String spamSite = lab.servers().attacker().origin();

        // The trainer sets Flock's session cookie to SameSite=Lax in the console; CORS still reflects every origin.
        ConsolePage console = lab.consoleTab();
        assertThat(console.switchDefence("samesite", "lax")).contains("Applied samesite=lax");

        // Alice logs in (the SameSite attribute is fixed when the cookie is set, so it must be a new login).
        FlockPages flock = lab.flockTab().logInAsAlice();
        String herEmail = flock.privateEmail();
        assertThat(flock.sessionCookie())
                .hasValueSatisfying(cookie -> assertThat(cookie.sameSite).isEqualTo(SameSiteAttribute.LAX));

        // She opens the prize page.
        SpamPage prizePage = lab.spamTab().open("cookie-theft");

        // The script may read Flock's answer, but it is an anonymous one: 401, nothing private.
        assertThat(prizePage.awaitReport()).isEqualTo("anonymous");
        assertThat(prizePage.backstage()).contains("HTTP 401").doesNotContain(herEmail);

        // The console's journal: the request arrived from the spam site WITHOUT her cookie, and Flock refused it.
        JournalRow row = console.awaitJournalRow("GET", "/api/me");
        assertThat(row.origin()).isEqualTo(spamSite);
        assertThat(row.sessionCookie()).isEqualTo("no");
        assertThat(row.status()).isEqualTo("401");
        assertThat(row.corsHeadersReturned()).contains("Access-Control-Allow-Origin: " + spamSite);
        assertThat(lab.victimReceived("GET", "/api/me").orElseThrow().cookieNames())
                .doesNotContain("session");

        // The browser kept the cookie at home: the loot holds nothing of hers.
        assertThat(lab.loot()).noneSatisfy(haul -> assertThat(haul.payload()).contains(herEmail));
        LessonLab.screenshot(prizePage.tab(), "cookie-theft-samesite-lax");
    }
}
