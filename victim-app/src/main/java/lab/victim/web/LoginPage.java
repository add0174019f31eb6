package lab.victim.web;

/**
 * The login form, with the error of a failed attempt (null when there is none).
 *
 * @param loginToken the pre-session token the form carries (checked only when login-token=on)
 */
public record LoginPage(String username, String error, String loginToken) {}
