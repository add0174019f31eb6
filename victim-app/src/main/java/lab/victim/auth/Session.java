package lab.victim.auth;

/**
 * A live login.
 *
 * @param id        the session cookie's value
 * @param csrfToken the synchronizer token that state-changing requests must carry when csrf-token=on
 */
public record Session(String id, String user, String csrfToken) {}
