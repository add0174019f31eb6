package lab.victim.defence;

/** How the victim answers cross-origin reads of its {@code /api/*} endpoints. */
public enum CorsMode implements DefenceValue {
    OFF("off", "no CORS headers: the browser lets no other origin read the answers (the same-origin policy on its own)"),
    WILDCARD("wildcard", "Access-Control-Allow-Origin: * with credentials allowed: the classic mistake, which browsers refuse for credentialed requests"),
    REFLECT("reflect", "echoes whatever Origin asks, with credentials: every site on the web may read every user's data"),
    ALLOWLIST("allowlist", "exact match against a list of trusted origins (by default only the site's own), with credentials and Vary: Origin");

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
