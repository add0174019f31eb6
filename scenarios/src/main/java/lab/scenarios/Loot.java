package lab.scenarios;

import java.util.Locale;

/** What the attacker's backend holds after a case: the victim's private data, only public data, or nothing. */
public enum Loot {
    PRIVATE,
    PUBLIC,
    NONE;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
