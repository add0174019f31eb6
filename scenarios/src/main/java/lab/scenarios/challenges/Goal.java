package lab.scenarios.challenges;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What must really happen in Alice's browser for an attack challenge to be solved. Each goal names the decisive
 * request the victim must receive from her browser during the delivery, and the effect that must follow.
 */
public enum Goal {
    /** A credentialed read of {@code GET /api/me}, and her e-mail address and phone number in the delivery's loot. */
    STEAL_PROFILE("Alice's e-mail address and phone number reach the loot, read by her own browser"),
    /** A request of hers to a settings endpoint, with her session, that changed her e-mail address. */
    CHANGE_EMAIL("Alice's e-mail address becomes one the attacker chose, changed by a request from her browser"),
    /** A read of {@code /internal/admin} through the rebinding name, and the admin view's content in the loot. */
    ADMIN_CONTENT("the internal admin page's content reaches the loot, read by Alice's browser"),
    /** Her password in the delivery's loot, typed by her into a page that greeted her by her name. */
    PASSWORD("Alice's password reaches the loot: she typed it into a replica she trusted");

    private final String description;

    Goal(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Goal parse(String text) {
        for (Goal goal : values()) {
            if (goal.key().equals(text)) {
                return goal;
            }
        }
        throw new IllegalArgumentException("unknown goal '" + text + "'; expected one of "
                + Arrays.stream(values()).map(Goal::key).collect(Collectors.joining(", ")));
    }
}
