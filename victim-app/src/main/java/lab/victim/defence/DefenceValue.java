package lab.victim.defence;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A value a defence can take: its key as typed on the command line and one sentence on what it does. */
public interface DefenceValue {

    String key();

    String meaning();

    /** Parses {@code text} as one of {@code type}'s values; the error names the defence and every valid value. */
    static <E extends Enum<E> & DefenceValue> E parse(Class<E> type, String defence, String text) {
        for (E value : type.getEnumConstants()) {
            if (value.key().equals(text)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown value '" + text + "' for defence '" + defence
                + "'; expected one of: "
                + Arrays.stream(type.getEnumConstants()).map(DefenceValue::key).collect(Collectors.joining(", ")));
    }
}
