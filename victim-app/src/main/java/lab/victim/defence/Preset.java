package lab.victim.defence;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Named starting points for a workshop: the careless server, the browser alone, and everything on. What each
 * sets is declared with each defence in {@link DefenceRegistry}; {@code browser-defaults} is every defence at
 * its default.
 */
public enum Preset {
    WIDE_OPEN(
            "wide-open",
            "the story's careless server: reflects every origin with credentials, SameSite=None, no checks"),
    BROWSER_DEFAULTS(
            "browser-defaults",
            "no server defences at all: no CORS headers, no SameSite attribute, no checks; what the browser does on its own"),
    HARDENED(
            "hardened",
            "every defence on: exact allowlist, SameSite=Strict, __Host- cookies, Host, Origin, CSRF-token,"
                    + " login-token, Fetch-Metadata and WebSocket Origin checks, no JSONP");

    private final String key;
    private final String meaning;

    Preset(String key, String meaning) {
        this.key = key;
        this.meaning = meaning;
    }

    public String key() {
        return key;
    }

    public String meaning() {
        return meaning;
    }

    /** Every defence at its value in this preset. */
    public Defences defences() {
        return Defences.of(this);
    }

    public static Preset byKey(String key) {
        for (Preset preset : values()) {
            if (preset.key.equals(key)) {
                return preset;
            }
        }
        throw new IllegalArgumentException("unknown preset '" + key + "'; expected one of: "
                + Arrays.stream(values()).map(Preset::key).collect(Collectors.joining(", ")));
    }
}
