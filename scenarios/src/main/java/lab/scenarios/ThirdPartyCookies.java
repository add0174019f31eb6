package lab.scenarios;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A browser-side setting, not a server defence: whether the browser sends cookies on requests that a page of
 * another site makes. Chrome allows them in a normal window; Incognito, Safari and a fresh full Chromium profile
 * block them; Firefox partitions them (Total Cookie Protection), which here has the same effect. Each engine maps
 * the setting to its own mechanism (Chromium: its cookie controls; Firefox: the
 * {@code network.cookie.cookieBehavior} preference).
 */
public enum ThirdPartyCookies {
    /** Sent cross-site when their SameSite attribute allows it: a normal Chrome window; Firefox's "allow all". */
    ALLOWED,
    /** Never sent cross-site: Incognito, Safari, Firefox's "block cross-site cookies". */
    BLOCKED,
    /**
     * What a fresh install does out of the box: a normal Chrome window allows them; Firefox keeps a separate jar
     * per top-level site (Total Cookie Protection), so Flock's first-party cookie is not in evil.localhost's jar.
     */
    BROWSER_DEFAULT;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static ThirdPartyCookies parse(String text) {
        for (ThirdPartyCookies value : values()) {
            if (value.key().equalsIgnoreCase(text.strip())) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown third-party cookie setting '" + text + "'; expected one of "
                + Arrays.stream(values()).map(ThirdPartyCookies::key).collect(Collectors.joining(", ")));
    }
}
