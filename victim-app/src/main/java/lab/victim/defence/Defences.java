package lab.victim.defence;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The victim's server-side defences at one moment: every defence of {@link DefenceRegistry} with a value of
 * its type. Immutable: a change builds a new value that {@link DefenceSettings} swaps in atomically, so a
 * request never sees half of a change. Values are checked when they are set, so a {@code Defences} never
 * holds one its defence does not take.
 */
public final class Defences {

    private static final Map<Preset, Defences> PRESETS = presets();

    /** The careless server of the cookie-theft story: trusts every origin and lets the cookie go anywhere. */
    public static final Defences WIDE_OPEN = PRESETS.get(Preset.WIDE_OPEN);
    /** No server-side defence at all: whatever is stopped is stopped by the browser on its own. */
    public static final Defences BROWSER_DEFAULTS = PRESETS.get(Preset.BROWSER_DEFAULTS);
    /** Every defence on, with the exact allowlist. */
    public static final Defences HARDENED = PRESETS.get(Preset.HARDENED);

    /** In registry order; the values are of each key's type. */
    private final Map<Defence<?>, Object> values;

    private Defences(Map<Defence<?>, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /** The defences of {@code preset}, as the registry's declarations give them. */
    static Defences of(Preset preset) {
        return PRESETS.get(preset);
    }

    private static Map<Preset, Defences> presets() {
        Map<Preset, Defences> presets = new EnumMap<>(Preset.class);
        for (Preset preset : Preset.values()) {
            Map<Defence<?>, Object> values = new LinkedHashMap<>();
            for (Defence<?> defence : Defence.values()) {
                values.put(defence, defence.valueIn(preset));
            }
            presets.put(preset, new Defences(values));
        }
        return presets;
    }

    /** The value of {@code defence}. */
    @SuppressWarnings("unchecked") // every value was checked against its defence's type when it was set
    public <T> T get(Defence<T> defence) {
        return (T) values.get(defence);
    }

    /** The session cookie's SameSite mode (the lab runner reuses logins only when it is set). */
    public SameSiteMode samesite() {
        return get(DefenceRegistry.SAMESITE);
    }

    /** The name prefix of Flock's cookies. */
    public CookiePrefix cookiePrefix() {
        return get(DefenceRegistry.COOKIE_PREFIX);
    }

    /** Whether and how state-changing requests must carry a CSRF token. */
    public CsrfTokenMode csrfToken() {
        return get(DefenceRegistry.CSRF_TOKEN);
    }

    /**
     * What a login response sets, in words: the defences fixed into its cookies when they are set (SameSite and
     * the name prefix). Two logins under equal shapes leave equal cookies, so the lab runner may reuse one for
     * the other.
     */
    public String loginShape() {
        return samesite().key() + "," + cookiePrefix().key();
    }

    /** Which origins may read private answers. */
    public CorsMode cors() {
        return get(DefenceRegistry.CORS);
    }

    /** This value with {@code defence} set to {@code value}; the error names the defence. */
    public <T> Defences with(Defence<T> defence, T value) {
        Map<Defence<?>, Object> changed = new LinkedHashMap<>(values);
        changed.put(defence, defence.type().check(defence.key(), value));
        return new Defences(changed);
    }

    /** This value with one defence changed; the error names the unknown defence or value and the valid ones. */
    public Defences with(String defence, String value) {
        return withParsed(Defence.byKey(defence), value);
    }

    private <T> Defences withParsed(Defence<T> defence, String value) {
        return with(defence, defence.parse(value));
    }

    /** This value with every {@code defence=value} pair of a map applied in order. */
    public Defences with(Map<String, String> changes) {
        Defences result = this;
        for (Map.Entry<String, String> change : changes.entrySet()) {
            result = result.with(change.getKey(), change.getValue());
        }
        return result;
    }

    /**
     * This value with a comma-separated list such as {@code cors=reflect,samesite=none} applied. Blank input
     * changes nothing; a malformed pair is an error that quotes it.
     */
    public Defences with(String spec) {
        Map<String, String> changes = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            String trimmed = pair.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0 || eq == trimmed.length() - 1) {
                throw new IllegalArgumentException(
                        "malformed defence '" + trimmed + "'; expected name=value, for example cors=reflect");
            }
            changes.put(
                    trimmed.substring(0, eq).strip(), trimmed.substring(eq + 1).strip());
        }
        return with(changes);
    }

    /** Every defence and its value as typed on the command line, in registry order. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (Defence<?> defence : values.keySet()) {
            map.put(defence.key(), defence.formatIn(this));
        }
        return map;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Defences that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        asMap().forEach((name, value) -> text.append(text.length() == 0 ? "" : ",")
                .append(name)
                .append('=')
                .append(value));
        return text.toString();
    }
}
