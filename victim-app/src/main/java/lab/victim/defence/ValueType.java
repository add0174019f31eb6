package lab.victim.defence;

import java.util.List;

/**
 * The values one defence can take: how they are listed, typed on the command line and checked. Every parse
 * error names the defence and the valid values, because a learner reads it at a prompt.
 *
 * @param <T> the value as enforcement code sees it
 */
public sealed interface ValueType<T> permits OneOf, Flag, Seconds {

    /** Every value (or value range) with one sentence on what it does, in the order they are listed. */
    List<Choice> choices();

    /** {@code text} as typed on the command line; the error names {@code defence} and the valid values. */
    T parse(String defence, String text);

    /** {@code value} as typed on the command line: {@code parse(defence, format(value))} gives it back. */
    String format(T value);

    /** {@code value} itself when it is one of these values; the error names {@code defence}. */
    default T check(String defence, T value) {
        if (value == null) {
            throw new IllegalArgumentException("defence '" + defence + "' cannot be without a value");
        }
        return parse(defence, format(value));
    }

    static IllegalArgumentException unknownValue(String defence, String text, String expected) {
        return new IllegalArgumentException(
                "unknown value '" + text + "' for defence '" + defence + "'; expected " + expected);
    }
}
