package lab.victim.defence;

/**
 * The name prefix of Flock's cookies (the session cookie, and the double-submit token's cookie when
 * {@code csrf-token=double-submit}), fixed when they are set at login. A {@code __Host-} cookie must be set with
 * {@code Secure}, {@code Path=/} and no {@code Domain}, so the browser refuses any cookie of that name that a
 * sibling subdomain tries to set for the parent domain: it can be neither overwritten nor shadowed.
 */
public enum CookiePrefix implements DefenceValue {
    NONE(
            "none",
            "plain names (session, csrf): a page on a sibling subdomain can set a cookie of the same name for"
                    + " Domain=social.localhost, and the browser sends both",
            ""),
    HOST(
            "__Host-",
            "__Host-session and __Host-csrf, set with Secure and Path=/ and no Domain: the browser refuses such a"
                    + " cookie from any other host, so a sibling can neither overwrite nor shadow them",
            "__Host-");

    private final String key;
    private final String meaning;
    private final String prefix;

    CookiePrefix(String key, String meaning, String prefix) {
        this.key = key;
        this.meaning = meaning;
        this.prefix = prefix;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String meaning() {
        return meaning;
    }

    /** {@code name} as Flock names the cookie under this prefix: {@code session} or {@code __Host-session}. */
    public String cookieName(String name) {
        return prefix + name;
    }

    /** What the prefix requires of the cookie, starting with {@code "; "}: {@code __Host-} needs Secure. */
    public String cookieAttributes() {
        return this == HOST ? "; Secure" : "";
    }
}
