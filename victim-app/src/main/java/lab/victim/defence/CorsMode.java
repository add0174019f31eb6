package lab.victim.defence;

/**
 * How the victim answers cross-origin reads of its private {@code /api/*} endpoints. Besides the correct
 * {@link #ALLOWLIST} there are the flawed allowlists that CORS scanners look for, each trusting one class of
 * origin it should not; {@link CorsPolicy} holds each one as a small function next to the correct one.
 */
public enum CorsMode implements DefenceValue {
    OFF(
            "off",
            "no CORS headers: the browser lets no other origin read the answers (the same-origin policy on its own)"),
    WILDCARD(
            "wildcard",
            "Access-Control-Allow-Origin: * (with credentials when cors-credentials=true): the classic mistake, which browsers refuse for credentialed requests"),
    REFLECT("reflect", "echoes whatever Origin asks: every site on the web may read every user's data"),
    ALLOWLIST(
            "allowlist",
            "exact match against a list of trusted origins (by default only the site's own), with Vary: Origin"),
    NULL(
            "null",
            "the allowlist plus the origin 'null', which sandboxed iframes, data: URLs and some redirects send: any site can produce it"),
    SUFFIX("suffix", "trusts any origin whose host ends with the site's host name, so evilsocial.localhost passes"),
    PREFIX(
            "prefix",
            "trusts any origin that starts with http://social.localhost, so http://social.localhost.evil.localhost passes"),
    REGEX(
            "regex",
            "an allowlist regex with unescaped dots, ^https?://(www.)?social.localhost(:\\d+)?$, so wwwxsocial.localhost passes"),
    SUBDOMAINS(
            "subdomains",
            "trusts every subdomain of the site's host over any scheme, so one user-content or forgotten subdomain can read everything");

    private final String key;
    private final String meaning;

    CorsMode(String key, String meaning) {
        this.key = key;
        this.meaning = meaning;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String meaning() {
        return meaning;
    }
}
