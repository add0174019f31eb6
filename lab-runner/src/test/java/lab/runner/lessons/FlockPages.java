package lab.runner.lessons;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.Cookie;
import java.util.Optional;

/**
 * Flock, the victim site, as Alice uses it in her tab: the login form, her home page with the private profile
 * only she can see, and her settings. Everything is done through the pages, as a person would.
 */
final class FlockPages {

    /** Alice's account, as the seed creates it (README: alice / wonderland). */
    static final String ALICE = "alice";

    private static final String ALICE_PASSWORD = "wonderland";

    private final Page tab;
    private final String origin;

    FlockPages(Page tab, String origin) {
        this.tab = tab;
        this.origin = origin;
    }

    /** Alice types her name and password into Flock's login form; Flock's answer sets her session cookie. */
    FlockPages logInAsAlice() {
        tab.navigate(origin + "/login");
        tab.fill("#username", ALICE);
        tab.fill("#password", ALICE_PASSWORD);
        tab.click("button[type=submit]");
        tab.waitForSelector("#private-profile");
        return this;
    }

    /** Her home page's private profile box: the e-mail address only she (and her cookie) can see. */
    String privateEmail() {
        tab.navigate(origin + "/");
        return tab.textContent("#private-profile #email").strip();
    }

    /** The session cookie as the browser stored it, with the SameSite attribute Flock gave it at login. */
    Optional<Cookie> sessionCookie() {
        return tab.context().cookies(origin).stream()
                .filter(c -> c.name.equals("session"))
                .findFirst();
    }

    /** Alice changes her e-mail address herself, through Flock's settings form (which carries her CSRF token). */
    String changeEmailInSettings(String email) {
        tab.navigate(origin + "/settings");
        tab.fill("#email", email);
        tab.click("form[action='/settings/email'] button[type=submit]");
        tab.waitForSelector("#settings-notice");
        return tab.textContent("#settings-notice").strip();
    }

    /** The e-mail address the settings form shows: what Flock holds for her. */
    String settingsEmail() {
        tab.navigate(origin + "/settings");
        return tab.inputValue("#email");
    }
}
