package lab.victim.defence;

import java.util.Arrays;
import java.util.List;

/** A defence whose values are the constants of an enum, each carrying its key and meaning ({@link CorsMode}). */
public record OneOf<E extends Enum<E> & DefenceValue>(Class<E> type) implements ValueType<E> {

    public static <E extends Enum<E> & DefenceValue> OneOf<E> of(Class<E> type) {
        return new OneOf<>(type);
    }

    @Override
    public List<Choice> choices() {
        return Arrays.stream(type.getEnumConstants())
                .map(value -> new Choice(value.key(), value.meaning()))
                .toList();
    }

    @Override
    public E parse(String defence, String text) {
        return DefenceValue.parse(type, defence, text);
    }

    @Override
    public String format(E value) {
        return value.key();
    }
}
