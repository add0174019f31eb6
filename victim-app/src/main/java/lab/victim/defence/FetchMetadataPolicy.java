package lab.victim.defence;

/**
 * A resource-isolation policy on Fetch Metadata request headers: the server refuses requests that another
 * site started, except top-level GET navigations (following a link must keep working).
 */
public final class FetchMetadataPolicy {

    private FetchMetadataPolicy() {}

    /**
     * @param site   {@code Sec-Fetch-Site}, or null when the client sent none (not a browser, an old one, or a browser
     *               request to a URL that is not potentially trustworthy: plain HTTP other than localhost)
     * @param mode   {@code Sec-Fetch-Mode}, or null
     * @param dest   {@code Sec-Fetch-Dest}, or null
     * @param method the request method
     */
    public static boolean allows(String site, String mode, String dest, String method) {
        if (site == null) {
            // Clients that send no Fetch Metadata cannot be told apart; other defences must cover them.
            return true;
        }
        if (site.equals("same-origin") || site.equals("same-site") || site.equals("none")) {
            return true;
        }
        // A cross-site link or typed URL: allowed as a plain navigation, but not as <object>/<embed> loads.
        return "navigate".equals(mode) && "GET".equals(method) && !"object".equals(dest) && !"embed".equals(dest);
    }
}
