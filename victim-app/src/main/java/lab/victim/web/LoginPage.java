package lab.victim.web;

/**
 * The login form's model.
 *
 * @param error      the error of a failed attempt, or null
 * @param loginToken the pre-session token the form carries (checked only when login-token=on)
 * @param why        why the visitor was sent here without a session, in plain words, or null
 * @param loggedInAs the user whose session came along with this request, or null
 */
public record LoginPage(String username, String error, String loginToken, String why, String loggedInAs) {}
