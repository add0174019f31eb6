package lab.victim.web;

/**
 * The login form's model.
 *
 * @param why        why the visitor was sent here without a session, in plain words, or null
 * @param loggedInAs the user whose session came along with this request, or null
 */
public record LoginPage(String username, String error, String why, String loggedInAs) {

    public LoginPage(String username, String error) {
        this(username, error, null, null);
    }
}
