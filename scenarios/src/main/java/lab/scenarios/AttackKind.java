package lab.scenarios;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the attacker is after, which decides how a case's evidence is read. */
public enum AttackKind {
    /** Read the victim's private data: STOLEN, READ_BLOCKED, COOKIE_WITHHELD, REJECTED_BY_SERVER, REQUEST_NOT_SENT. */
    READ,
    /** Change the victim's state (CSRF): ACTION_PERFORMED, ACTION_BLOCKED, REQUEST_NOT_SENT. */
    ACTION,
    /** Read what is public anyway, or forge requests server-side: PUBLIC_READ unless something private leaks. */
    PUBLIC;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static AttackKind parse(String text) {
        for (AttackKind kind : values()) {
            if (kind.key().equals(text)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown attack kind '" + text + "'; expected read, action or public");
    }
}
