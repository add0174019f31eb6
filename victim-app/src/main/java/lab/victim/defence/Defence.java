package lab.victim.defence;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every defence the victim can switch, with its values and what each does: the one catalogue that the
 * command line, the console and {@code ./lab defences} all read.
 */
public enum Defence {
    CORS("cors", "Which other origins may read the private /api/* answers (CORS response headers)."),
    CORS_CREDENTIALS(
            "cors-credentials",
            "Whether CORS answers allow reads of credentialed requests (Access-Control-Allow-Credentials: true)."),
    CORS_MAX_AGE("cors-max-age", "How long a browser may cache a preflight answer (Access-Control-Max-Age)."),
    SAMESITE("samesite", "The SameSite attribute of the session cookie, fixed when the cookie is set at login."),
    HOST_CHECK(
            "host-check", "Whether requests must name the site's own host:port in Host (the DNS-rebinding defence)."),
    CSRF_TOKEN("csrf-token", "Whether state-changing requests must carry the session's synchronizer token."),
    ORIGIN_CHECK("origin-check", "Whether state-changing requests must carry an allowed Origin header."),
    FETCH_METADATA(
            "fetch-metadata",
            "Whether cross-site requests are refused unless they are top-level GET navigations (Sec-Fetch-* headers).");

    private final String key;
    private final String summary;

    Defence(String key, String summary) {
        this.key = key;
        this.summary = summary;
    }

    public String key() {
        return key;
    }

    public String summary() {
        return summary;
    }

    /** The values this defence takes, each with one sentence on what it does. */
    public List<Choice> choices() {
        return switch (this) {
            case CORS ->
                Arrays.stream(CorsMode.values())
                        .map(m -> new Choice(m.key(), m.meaning()))
                        .toList();
            case SAMESITE ->
                Arrays.stream(SameSiteMode.values())
                        .map(m -> new Choice(m.key(), m.meaning()))
                        .toList();
            case CORS_CREDENTIALS ->
                List.of(
                        new Choice("true", "trusted origins may read answers to requests sent with cookies"),
                        new Choice(
                                "false",
                                "no Allow-Credentials header: browsers hide answers to requests sent with cookies"));
            case CORS_MAX_AGE ->
                List.of(
                        new Choice(
                                "0", "browsers ask again before every non-simple request, so a switch applies at once"),
                        new Choice(
                                "N",
                                "browsers may reuse a preflight answer for N seconds (at most "
                                        + Defences.MAX_CORS_MAX_AGE + ")"));
            case HOST_CHECK ->
                onOff(
                        "requests whose Host is not social.localhost:PORT are refused with 421: a rebound DNS name cannot reach the site",
                        "any Host is served: a page whose DNS name was rebound to the site's address is served as if it were the site");
            case CSRF_TOKEN ->
                onOff(
                        "state-changing requests of a logged-in user must carry the session's token (form field _csrf or header X-CSRF-Token), else 403",
                        "a state-changing request that carries the session cookie is obeyed, whoever sent it");
            case ORIGIN_CHECK ->
                onOff(
                        "state-changing requests must carry an Origin on the allowlist, else 403",
                        "the Origin header of state-changing requests is ignored");
            case FETCH_METADATA ->
                onOff(
                        "cross-site requests are refused with 403 unless they are top-level GET navigations (a resource-isolation policy)",
                        "Sec-Fetch-Site, -Mode and -Dest are ignored");
        };
    }

    /** This defence's value in {@code defences}, as it is typed on the command line. */
    public String valueIn(Defences d) {
        return switch (this) {
            case CORS -> d.cors().key();
            case CORS_CREDENTIALS -> String.valueOf(d.corsCredentials());
            case CORS_MAX_AGE -> String.valueOf(d.corsMaxAge());
            case SAMESITE -> d.samesite().key();
            case HOST_CHECK -> onOff(d.hostCheck());
            case CSRF_TOKEN -> onOff(d.csrfToken());
            case ORIGIN_CHECK -> onOff(d.originCheck());
            case FETCH_METADATA -> onOff(d.fetchMetadata());
        };
    }

    /** {@code d} with this defence set to {@code value}; the error names this defence and its valid values. */
    Defences applyTo(Defences d, String value) {
        return switch (this) {
            case CORS ->
                new Defences(
                        DefenceValue.parse(CorsMode.class, key, value),
                        d.corsCredentials(),
                        d.corsMaxAge(),
                        d.samesite(),
                        d.hostCheck(),
                        d.csrfToken(),
                        d.originCheck(),
                        d.fetchMetadata());
            case CORS_CREDENTIALS ->
                new Defences(
                        d.cors(),
                        parseFlag(value, "true", "false"),
                        d.corsMaxAge(),
                        d.samesite(),
                        d.hostCheck(),
                        d.csrfToken(),
                        d.originCheck(),
                        d.fetchMetadata());
            case CORS_MAX_AGE ->
                new Defences(
                        d.cors(),
                        d.corsCredentials(),
                        parseSeconds(value),
                        d.samesite(),
                        d.hostCheck(),
                        d.csrfToken(),
                        d.originCheck(),
                        d.fetchMetadata());
            case SAMESITE ->
                new Defences(
                        d.cors(),
                        d.corsCredentials(),
                        d.corsMaxAge(),
                        DefenceValue.parse(SameSiteMode.class, key, value),
                        d.hostCheck(),
                        d.csrfToken(),
                        d.originCheck(),
                        d.fetchMetadata());
            case HOST_CHECK ->
                new Defences(
                        d.cors(),
                        d.corsCredentials(),
                        d.corsMaxAge(),
                        d.samesite(),
                        parseFlag(value, "on", "off"),
                        d.csrfToken(),
                        d.originCheck(),
                        d.fetchMetadata());
            case CSRF_TOKEN ->
                new Defences(
                        d.cors(),
                        d.corsCredentials(),
                        d.corsMaxAge(),
                        d.samesite(),
                        d.hostCheck(),
                        parseFlag(value, "on", "off"),
                        d.originCheck(),
                        d.fetchMetadata());
            case ORIGIN_CHECK ->
                new Defences(
                        d.cors(),
                        d.corsCredentials(),
                        d.corsMaxAge(),
                        d.samesite(),
                        d.hostCheck(),
                        d.csrfToken(),
                        parseFlag(value, "on", "off"),
                        d.fetchMetadata());
            case FETCH_METADATA ->
                new Defences(
                        d.cors(),
                        d.corsCredentials(),
                        d.corsMaxAge(),
                        d.samesite(),
                        d.hostCheck(),
                        d.csrfToken(),
                        d.originCheck(),
                        parseFlag(value, "on", "off"));
        };
    }

    /** The defence named {@code key}; the error lists every defence. */
    public static Defence byKey(String key) {
        for (Defence defence : values()) {
            if (defence.key.equals(key)) {
                return defence;
            }
        }
        throw new IllegalArgumentException("unknown defence '" + key + "'; expected one of: "
                + Arrays.stream(values()).map(Defence::key).collect(Collectors.joining(", ")));
    }

    private boolean parseFlag(String value, String yes, String no) {
        if (yes.equals(value)) {
            return true;
        }
        if (no.equals(value)) {
            return false;
        }
        throw new IllegalArgumentException(
                "unknown value '" + value + "' for defence '" + key + "'; expected one of: " + yes + ", " + no);
    }

    private int parseSeconds(String value) {
        if (value.matches("\\d{1,6}")) {
            int seconds = Integer.parseInt(value);
            if (seconds <= Defences.MAX_CORS_MAX_AGE) {
                return seconds;
            }
        }
        throw new IllegalArgumentException("unknown value '" + value + "' for defence '" + key
                + "'; expected a whole number of seconds from 0 to " + Defences.MAX_CORS_MAX_AGE);
    }

    private static List<Choice> onOff(String on, String off) {
        return List.of(new Choice("on", on), new Choice("off", off));
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }
}
