package lab.victim.defence;

import java.util.List;

/** A defence that is either on or off, typed as one of two words ({@code on}/{@code off} or {@code true}/{@code false}). */
public record Flag(Choice yes, Choice no) implements ValueType<Boolean> {

    /** A check that is {@code on} or {@code off}; each sentence says what that word does. */
    public static Flag onOff(String whenOn, String whenOff) {
        return new Flag(new Choice("on", whenOn), new Choice("off", whenOff));
    }

    /** A header switch that is {@code true} or {@code false}; each sentence says what that word does. */
    public static Flag trueFalse(String whenTrue, String whenFalse) {
        return new Flag(new Choice("true", whenTrue), new Choice("false", whenFalse));
    }

    @Override
    public List<Choice> choices() {
        return List.of(yes, no);
    }

    @Override
    public Boolean parse(String defence, String text) {
        if (yes.value().equals(text)) {
            return true;
        }
        if (no.value().equals(text)) {
            return false;
        }
        throw ValueType.unknownValue(defence, text, "one of: " + yes.value() + ", " + no.value());
    }

    @Override
    public String format(Boolean value) {
        return value ? yes.value() : no.value();
    }
}
