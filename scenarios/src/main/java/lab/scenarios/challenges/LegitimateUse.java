package lab.scenarios.challenges;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Something Flock's real users do that a defence must leave working: a defend challenge checks each it lists. */
public enum LegitimateUse {
    /** Alice logs in and Flock's own profile page shows her private profile. */
    FLOCK_PROFILE("Alice logs in and Flock's own page shows her private profile"),
    /** Alice changes her e-mail address through Flock's own settings form. */
    FLOCK_SETTINGS("Alice changes her e-mail address through Flock's own settings form"),
    /** A partner site on another origin reads Flock's public feed with CORS. */
    PARTNER_FEED("a partner site, partner.localhost, reads Flock's public feed with CORS");

    private final String description;

    LegitimateUse(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static LegitimateUse parse(String text) {
        for (LegitimateUse use : values()) {
            if (use.key().equals(text)) {
                return use;
            }
        }
        throw new IllegalArgumentException("unknown legitimate use '" + text + "'; expected one of "
                + Arrays.stream(values()).map(LegitimateUse::key).collect(Collectors.joining(", ")));
    }
}
