package lab.victim.defence;

import java.util.List;

/** A defence that is a whole number of seconds from 0 to {@code max}, listed as the values 0 and N. */
public record Seconds(int max, String whenZero, String whenN) implements ValueType<Integer> {

    /**
     * @param whenZero what 0 seconds does
     * @param whenN    what N seconds does; the bound is added to it when listed
     */
    public static Seconds upTo(int max, String whenZero, String whenN) {
        return new Seconds(max, whenZero, whenN);
    }

    @Override
    public List<Choice> choices() {
        return List.of(new Choice("0", whenZero), new Choice("N", whenN + " (at most " + max + ")"));
    }

    @Override
    public Integer parse(String defence, String text) {
        // At most six digits, so that a long number is refused as out of range rather than overflowing.
        if (text.matches("\\d{1,6}")) {
            int seconds = Integer.parseInt(text);
            if (seconds <= max) {
                return seconds;
            }
        }
        throw ValueType.unknownValue(defence, text, "a whole number of seconds from 0 to " + max);
    }

    @Override
    public String format(Integer value) {
        return String.valueOf(value);
    }
}
