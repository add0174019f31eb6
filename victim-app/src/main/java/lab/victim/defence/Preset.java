package lab.victim.defence;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Named starting points for a workshop: the careless server, the browser alone, and everything on. */
public enum Preset {
    WIDE_OPEN(
            "wide-open",
            "the story's careless server: reflects every origin with credentials, SameSite=None, no checks",
            Defences.WIDE_OPEN),
    BROWSER_DEFAULTS(
            "browser-defaults",
            "no server defences at all: no CORS headers, no SameSite attribute, no checks; what the browser does on its own",
            Defences.BROWSER_DEFAULTS),
    HARDENED(
            "hardened",
            "every defence on: exact allowlist, SameSite=Strict, Host, Origin, CSRF-token and Fetch-Metadata checks",
            Defences.HARDENED);

    private final String key;
    private final String meaning;
    private final Defences defences;

    Preset(String key, String meaning, Defences defences) {
        this.key = key;
        this.meaning = meaning;
        this.defences = defences;
    }

    public String key() {
        return key;
    }

    public String meaning() {
        return meaning;
    }

    public Defences defences() {
        return defences;
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
