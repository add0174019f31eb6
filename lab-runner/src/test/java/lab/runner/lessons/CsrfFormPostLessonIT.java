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
 * Lesson: cross-site request forgery with a plain HTML form (scenario {@code csrf-form-post}).
 *
 * <p>The spam page holds a hidden form that posts a new e-mail address to Flock's settings, and submits it as soon
 * as it loads. A form post is a "simple" request: no CORS check happens before it is sent, and the attacker never
 * needs to read the answer. What stops it is the cookie staying at home (SameSite) or Flock refusing a request its
 * own pages did not make (a CSRF token).
 */
class CsrfFormPostLessonIT {

    /** The address the attacker's form writes into Alice's account, taking over her password resets. */
    private static final String ATTACKERS_EMAIL = "mallory@evil.example";

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
    void a_hidden_form_on_the_spam_page_changes_alice_s_e_mail_when_her_cookie_goes_along_and_flock_asks_no_token() {
        String spamSite = lab.servers().attacker().origin();
        String flockSite = lab.servers().victim().origin();

        // Flock sets its cookie SameSite=None and asks no CSRF token: any request carrying her cookie is obeyed.
        lab.flockDefends("samesite=none,csrf-token=off");

        // Alice logs in; her settings page shows her own e-mail address.
        FlockPages flock = lab.flockTab().logInAsAlice();
        String herEmail = flock.settingsEmail();
        assertThat(herEmail).isNotEqualTo(ATTACKERS_EMAIL);

        // She opens the spam page; its script submits the hidden form: POST /settings/email to Flock.
        SpamPage spamPage = lab.spamTab().open("csrf-form-post");

        // The browser follows the form to Flock, which thanks her for a change she never made.
        spamPage.awaitArrivalAt(flockSite);
        assertThat(spamPage.url()).isEqualTo(flockSite + "/settings?saved=1");
        assertThat(spamPage.visibleText()).contains("Your e-mail address was changed.");

        // Her own home page now shows the attacker's address.
        assertThat(flock.privateEmail()).isEqualTo(ATTACKERS_EMAIL);
        assertThat(lab.aliceEmailInFlocksDatabase()).isEqualTo(ATTACKERS_EMAIL);

        // Flock's journal: the POST came from the spam site, with her session cookie, and no defence refused it.
        JournalEntry post = lab.victimReceived("POST", "/settings/email").orElseThrow();
        assertThat(post.origin()).isEqualTo(spamSite);
        assertThat(post.secFetchSite()).isEqualTo("cross-site");
        assertThat(post.sessionCookie()).isTrue();
        assertThat(post.refusedBy()).isNull();
        assertThat(post.status()).isEqualTo(303);
        LessonLab.screenshot(spamPage.tab(), "csrf-form-post-performed");
    }

    @Test
    void with_csrf_tokens_switched_on_flock_refuses_the_forged_post_though_her_cookie_came_along() {
        String spamSite = lab.servers().attacker().origin();
        String flockSite = lab.servers().victim().origin();

        // The trainer switches the CSRF token check on in the console; the cookie is still SameSite=None.
        ConsolePage console = lab.consoleTab();
        assertThat(console.switchDefence("csrf-token", "on")).contains("Applied csrf-token=on");
        assertThat(console.defenceValue("samesite")).isEqualTo("none");

        // Alice logs in; her settings page shows her own e-mail address.
        FlockPages flock = lab.flockTab().logInAsAlice();
        String herEmail = flock.settingsEmail();

        // She opens the spam page; its hidden form posts the attacker's address to Flock as before.
        SpamPage spamPage = lab.spamTab().open("csrf-form-post");

        // The browser lands on Flock's refusal: the form could not carry her token, which only Flock's pages know.
        spamPage.awaitArrivalAt(flockSite);
        assertThat(spamPage.visibleText()).contains("missing or wrong CSRF token");

        // The console's journal says who refused: the request came with her cookie, and csrf-token said 403.
        JournalRow row = console.awaitJournalRow("POST", "/settings/email");
        assertThat(row.origin()).isEqualTo(spamSite);
        assertThat(row.sessionCookie()).isEqualTo("yes (alice)");
        assertThat(row.refusedBy()).isEqualTo("csrf-token");
        assertThat(row.status()).isEqualTo("403");
        assertThat(lab.victimReceived("POST", "/settings/email").orElseThrow().refusedBy())
                .isEqualTo("csrf-token");

        // Her e-mail address is still her own.
        assertThat(flock.privateEmail()).isEqualTo(herEmail);
        assertThat(lab.aliceEmailInFlocksDatabase()).isEqualTo(herEmail);

        // Alice herself can still change it from Flock's settings page: her form carries the token.
        assertThat(flock.changeEmailInSettings("alice@looking-glass.example"))
                .isEqualTo("Your e-mail address was changed.");
        JournalEntry ownPost = lab.victimReceived("POST", "/settings/email").orElseThrow();
        assertThat(ownPost.origin()).isEqualTo(flockSite);
        assertThat(ownPost.refusedBy()).isNull();
        assertThat(lab.aliceEmailInFlocksDatabase()).isEqualTo("alice@looking-glass.example");
        LessonLab.screenshot(console.tab(), "csrf-form-post-console-csrf-token");
    }

    @Test
    void with_a_samesite_lax_cookie_the_forged_post_arrives_without_her_cookie_and_changes_nothing() {
        String spamSite = lab.servers().attacker().origin();
        String flockSite = lab.servers().victim().origin();

        // Flock sets its cookie SameSite=Lax and still asks no CSRF token.
        lab.flockDefends("samesite=lax,csrf-token=off");

        // Alice logs in: the browser stores her cookie as Lax, kept from cross-site POSTs.
        FlockPages flock = lab.flockTab().logInAsAlice();
        String herEmail = flock.settingsEmail();
        assertThat(flock.sessionCookie())
                .hasValueSatisfying(cookie -> assertThat(cookie.sameSite).isEqualTo(SameSiteAttribute.LAX));

        // She opens the spam page; its hidden form posts the attacker's address to Flock.
        SpamPage spamPage = lab.spamTab().open("csrf-form-post");

        // The browser lands on Flock's login form: to Flock, the post came from nobody.
        spamPage.awaitArrivalAt(flockSite);
        assertThat(spamPage.url()).startsWith(flockSite + "/login?why=cookie-withheld");
        // The form says why: the post came from another site without her cookie, and nothing was done.
        assertThat(spamPage.visibleText())
                .contains(
                        "came from another site (Sec-Fetch-Site: cross-site) and arrived without Flock's session cookie")
                .contains("SameSite=Lax");

        // Flock's journal: the POST arrived from the spam site without her cookie; no server defence was needed.
        JournalEntry post = lab.victimReceived("POST", "/settings/email").orElseThrow();
        assertThat(post.origin()).isEqualTo(spamSite);
        assertThat(post.sessionCookie()).isFalse();
        assertThat(post.cookieNames()).doesNotContain("session");
        assertThat(post.refusedBy()).isNull();
        assertThat(post.status()).isEqualTo(302);

        // Her e-mail address is still her own.
        assertThat(flock.privateEmail()).isEqualTo(herEmail);
        assertThat(lab.aliceEmailInFlocksDatabase()).isEqualTo(herEmail);
        LessonLab.screenshot(spamPage.tab(), "csrf-form-post-samesite-lax");
    }
}
