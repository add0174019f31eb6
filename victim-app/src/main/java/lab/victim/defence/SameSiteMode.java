package lab.victim.defence;

/** The {@code SameSite} attribute of the session cookie, fixed when the cookie is set at login. */
public enum SameSiteMode implements DefenceValue {
    UNSET(
            "unset",
            "no SameSite attribute: Chromium treats the cookie as Lax (Lax by default), except on a cross-site"
                    + " top-level POST in its first two minutes; Firefox and Safari treat it as None",
            ""),
    NONE(
            "none",
            "SameSite=None; Secure: the cookie goes along on cross-site requests too, where the browser allows third-party cookies",
            "; SameSite=None; Secure"),
    LAX(
            "lax",
            "SameSite=Lax: the cookie goes along on same-site requests and on top-level GET navigations from other sites",
            "; SameSite=Lax"),
    STRICT(
            "strict",
            "SameSite=Strict: the cookie goes along only on requests started by the same site",
            "; SameSite=Strict");

    private final String key;
    private final String meaning;
    private final String cookieAttributes;

    SameSiteMode(String key, String meaning, String cookieAttributes) {
        this.key = key;
        this.meaning = meaning;
        this.cookieAttributes = cookieAttributes;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String meaning() {
        return meaning;
    }

    /** What this mode appends to a {@code Set-Cookie} header, starting with {@code "; "} (empty for {@link #UNSET}). */
    public String cookieAttributes() {
        return cookieAttributes;
    }
}
