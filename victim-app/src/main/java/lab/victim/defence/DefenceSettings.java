package lab.victim.defence;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/** The victim's current defences, read by every handler on every request so that a switch applies at once. */
public final class DefenceSettings {

    private final AtomicReference<Defences> current;

    public DefenceSettings(Defences initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial));
    }

    public Defences current() {
        return current.get();
    }

    public void set(Defences defences) {
        current.set(Objects.requireNonNull(defences));
    }

    /** Applies a change atomically and returns the new value; a failing change leaves the old value in place. */
    public Defences update(UnaryOperator<Defences> change) {
        return current.updateAndGet(change);
    }
}
