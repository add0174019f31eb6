package lab.scenarios;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A browser-side setting, not a server defence: whether the browser sends cookies on requests that a page of
 * another site makes. Chrome allows them in a normal window; Incognito, Safari and a fresh full Chromium profile
 * block them; Firefox partitions them (Total Cookie Protection), which here has the same effect.
 */
public enum ThirdPartyCookies {
    ALLOWED,
    BLOCKED;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
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
