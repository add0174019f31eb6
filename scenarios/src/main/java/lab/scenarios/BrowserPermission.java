package lab.scenarios;

/**
 * A browser permission a case's Alice grants the attacker's page before she opens it (a case's
 * {@code permissions}). Each engine grants it its own way, or has no such permission at all.
 */
public enum BrowserPermission {
    /**
     * Chromium's Local Network Access permission: a public page may reach loopback and private addresses. Without
     * it Chromium (142 and later) refuses such requests; a person would see a prompt.
     */
    LOCAL_NETWORK_ACCESS("local-network-access");

    private final String key;

    BrowserPermission(String key) {
        this.key = key;
    }

    /** Its name in {@code scenario.json} (and Playwright's). */
    public String key() {
        return key;
    }

    /** The permission named {@code key}; the error lists the known ones. */
    public static BrowserPermission parse(String key) {
        for (BrowserPermission permission : values()) {
            if (permission.key.equals(key)) {
                return permission;
            }
        }
        throw new IllegalArgumentException("unknown browser permission '" + key + "'; expected one of: "
                + java.util.Arrays.stream(values()).map(BrowserPermission::key).toList());
    }
}
