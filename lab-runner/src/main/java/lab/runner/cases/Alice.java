package lab.runner.cases;

import com.microsoft.playwright.Page;
import java.util.Map;

/**
 * Alice, the victim of every story, at the keyboard: she logs in to Flock through its own form, as a person
 * would, and falls for what the attacker's page asks her, answering as her scenario's data says she would.
 */
public final class Alice {

    /** Alice's user name on Flock, and the password the seed gives her. */
    public static final String USER = "alice";

    public static final String PASSWORD = "wonderland";

    /** Where Flock's post box sends what she writes. */
    static final String POST_PATH = "/posts";

    private final Map<String, String> answers;

    /** @param answers what she types when a page asks her something, by question (the scenario's aliceAnswers) */
    Alice(Map<String, String> answers) {
        this.answers = answers;
    }

    /** She logs in through the victim's own form: the cookie is set by a real response. */
    static void logIn(Page page, String victimOrigin) {
        page.navigate(victimOrigin + "/login");
        page.fill("#username", USER, AT_ONCE);
        page.fill("#password", PASSWORD, AT_ONCE);
        page.click("button[type=submit]", CLICK_AT_ONCE);
        page.waitForSelector("#private-profile");
    }

    /*
     * Flock's own forms are plain, static and in view as soon as their page has arrived: the checks Playwright
     * makes before typing or clicking by default (visible, stable over two animation frames, enabled) cost about
     * 50 ms a field on the 2-core machine and cannot fail here. The text still goes in through the browser's input
     * path, and the click is a real click on the button.
     */
    private static final Page.FillOptions AT_ONCE = new Page.FillOptions().setForce(true);

    private static final Page.ClickOptions CLICK_AT_ONCE = new Page.ClickOptions().setForce(true);

    /**
     * Back on Flock after the attacker's page, she writes {@code text} in the post box of its home page, trusting
     * that she is logged in as herself. When Flock shows her the login form instead, she writes nothing.
     *
     * @return whether she found the post box and posted
     */
    static boolean postOnFlock(Page page, String victimOrigin, String text) {
        page.navigate(victimOrigin + "/");
        if (page.locator("#compose textarea").count() == 0) {
            return false;
        }
        page.fill("#compose textarea", text, AT_ONCE);
        page.waitForResponse(
                response -> response.url().endsWith(POST_PATH),
                () -> page.click("#compose button[type=submit]", CLICK_AT_ONCE));
        page.waitForLoadState();
        return true;
    }

    /** What a page asks when it wants her to click what it shows her ({@code lab.ask('click')}). */
    static final String CLICK = "click";

    /**
     * She answers the page's {@code question} (a phishing form asking her password) and submits it; asked to click,
     * she clicks the middle of what the page shows as {@code #lab-click-here}, with the mouse, as a person would:
     * whatever the browser has on top at that point (a transparent frame, say) gets the click.
     */
    void answer(Page page, String question) {
        if (CLICK.equals(question)) {
            var box = page.locator("#lab-click-here").boundingBox();
            if (box == null) {
                throw new IllegalStateException("the page asked Alice to click, but shows no #lab-click-here");
            }
            page.mouse().click(box.x + box.width / 2, box.y + box.height / 2);
            // A click into a cross-origin frame leaves no trace in the page itself (a person's shows only as the
            // page losing focus, which not every engine reports for a synthetic click): the page learns of it here.
            page.evaluate("document.body.dataset.labClicked = 'true'");
            return;
        }
        String answer = answers.get(question);
        if (answer == null) {
            throw new IllegalStateException(
                    "the page asked Alice for '" + question + "', which the scenario's aliceAnswers do not give");
        }
        page.fill("#lab-" + question, answer);
        page.click("#lab-submit");
    }
}
