package lab.victim.defence;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import lab.victim.defence.RequestGuard.Refusal;

/**
 * One defence the victim can switch: its key, one sentence on what it decides, its values each with one
 * sentence, its default, its value in every {@link Preset}, and the hook that enforces it. Every defence is
 * declared once, in {@link DefenceRegistry}; the command line, the console, {@code ./lab defences}, the
 * presets and the victim's enforcement points all read it from there.
 *
 * @param <T> its value as enforcement code sees it: an enum of choices, a flag, or a number of seconds
 */
public final class Defence<T> {

    private final String key;
    private final String summary;
    private final ValueType<T> type;
    private final T defaultValue;
    private final T wideOpen;
    private final T hardened;
    private final Enforcement<T> enforcement;

    private Defence(Builder<T> builder, Enforcement<T> enforcement) {
        this.key = builder.key;
        this.summary = Objects.requireNonNull(builder.summary, () -> "defence '" + key + "' declares no summary");
        this.type = builder.type;
        this.defaultValue = declared(builder.defaultValue, "default (browser-defaults)");
        this.wideOpen = declared(builder.wideOpen, "wide-open");
        this.hardened = declared(builder.hardened, "hardened");
        this.enforcement =
                Objects.requireNonNull(enforcement, () -> "defence '" + key + "' declares no enforcement hook");
    }

    private T declared(T value, String what) {
        if (value == null) {
            throw new IllegalStateException("defence '" + key + "' declares no " + what + " value");
        }
        return type.check(key, value);
    }

    /** Every defence, in registry order: the order they are listed and their request guards run. */
    public static Defence<?>[] values() {
        return DefenceRegistry.ALL.toArray(Defence<?>[]::new);
    }

    /** The defence named {@code key}; the error lists every defence. */
    public static Defence<?> byKey(String key) {
        for (Defence<?> defence : DefenceRegistry.ALL) {
            if (defence.key.equals(key)) {
                return defence;
            }
        }
        List<String> keys = DefenceRegistry.ALL.stream().map(Defence::key).toList();
        throw new IllegalArgumentException(DidYouMean.unknown("defence", key, keys));
    }

    public String key() {
        return key;
    }

    /** One sentence on what this defence decides. */
    public String summary() {
        return summary;
    }

    /** The values this defence takes, each with one sentence on what it does. */
    public List<Choice> choices() {
        return type.choices();
    }

    public ValueType<T> type() {
        return type;
    }

    /** Its value when nothing sets it: what the server does without this defence configured. */
    public T defaultValue() {
        return defaultValue;
    }

    /** Its value in {@code preset}. */
    public T valueIn(Preset preset) {
        return switch (preset) {
            case WIDE_OPEN -> wideOpen;
            case BROWSER_DEFAULTS -> defaultValue;
            case HARDENED -> hardened;
        };
    }

    public Enforcement<T> enforcement() {
        return enforcement;
    }

    @Override
    public String toString() {
        return key;
    }

    /** {@code text} as a value of this defence; the error names this defence and its valid values. */
    T parse(String text) {
        return type.parse(key, text);
    }

    /** Its value in {@code defences}, as typed on the command line. */
    String formatIn(Defences defences) {
        return type.format(defences.get(this));
    }

    /** Why this defence, as set in {@code defences}, refuses {@code request}; empty when it does not. */
    public Optional<Refusal> refusal(Defences defences, GuardedRequest request) {
        return enforcement instanceof RequestGuard<T> guard
                ? guard.check(defences.get(this), request)
                : RequestGuard.PASS;
    }

    /** Adds what this defence, as set in {@code defences}, puts into a CORS answer. */
    void contributeCors(Defences defences, CorsHeaders headers) {
        if (enforcement instanceof CorsContribution<T> contribution) {
            contribution.contribute(defences.get(this), headers);
        }
    }

    /** What this defence, as set in {@code defences}, appends to the session cookie; "" when nothing. */
    public String sessionCookieAttributes(Defences defences) {
        return enforcement instanceof SessionCookieContribution<T> contribution
                ? contribution.cookieAttributes(defences.get(this))
                : "";
    }

    /** Puts what this defence, as set in {@code defences}, adds to every answer's headers through {@code header}. */
    public void contributeHeaders(Defences defences, BiConsumer<String, String> header) {
        if (enforcement instanceof ResponseHeaderContribution<T> contribution) {
            contribution.contribute(defences.get(this), header);
        }
    }

    /**
     * The declaration of one defence in {@link DefenceRegistry}. Values are set by name, never by position;
     * the enforcement hook comes last and finishes the declaration.
     */
    public static final class Builder<T> {

        private final String key;
        private final ValueType<T> type;
        private final Consumer<Defence<?>> registry;
        private String summary;
        private T defaultValue;
        private T wideOpen;
        private T hardened;

        Builder(String key, ValueType<T> type, Consumer<Defence<?>> registry) {
            this.key = Objects.requireNonNull(key);
            this.type = Objects.requireNonNull(type);
            this.registry = registry;
        }

        /** One sentence on what this defence decides. */
        public Builder<T> summary(String summary) {
            this.summary = summary;
            return this;
        }

        /** Its value when nothing sets it, which is also its value in {@link Preset#BROWSER_DEFAULTS}. */
        public Builder<T> byDefault(T value) {
            this.defaultValue = value;
            return this;
        }

        /** Its value in {@link Preset#WIDE_OPEN}. */
        public Builder<T> wideOpen(T value) {
            this.wideOpen = value;
            return this;
        }

        /** Its value in {@link Preset#HARDENED}. */
        public Builder<T> hardened(T value) {
            this.hardened = value;
            return this;
        }

        /** Enforced by refusing requests; finishes the declaration. */
        public Defence<T> guard(RequestGuard<T> guard) {
            return enforcedBy(guard);
        }

        /** Enforced through the CORS headers of private answers; finishes the declaration. */
        public Defence<T> corsHeaders(CorsContribution<T> contribution) {
            return enforcedBy(contribution);
        }

        /** Enforced through the session cookie's attributes; finishes the declaration. */
        public Defence<T> sessionCookie(SessionCookieContribution<T> contribution) {
            return enforcedBy(contribution);
        }

        /** Enforced through headers on every answer of the site; finishes the declaration. */
        public Defence<T> responseHeaders(ResponseHeaderContribution<T> contribution) {
            return enforcedBy(contribution);
        }

        /** Enforced by a hook object that may implement several of the hook interfaces. */
        public Defence<T> enforcedBy(Enforcement<T> enforcement) {
            Defence<T> defence = new Defence<>(this, enforcement);
            registry.accept(defence);
            return defence;
        }
    }
}
