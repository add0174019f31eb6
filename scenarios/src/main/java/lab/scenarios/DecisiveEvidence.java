package lab.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What must be seen for a case's outcome to be the lesson's, and not the same outcome for another reason. Every
 * check is optional (null: not checked); the runner compares each stated check with what the browser, the
 * victim's journal and the attacker's loot recorded.
 *
 * @param browserSays   a fragment of the browser's own words (console or page error) per engine, e.g.
 *                      {@code must not be the wildcard}; an engine that is missing is not checked
 * @param sessionCookie whether the deciding request reached the victim with Alice's session cookie
 * @param status        the status the victim answered the deciding request with
 * @param refusedBy     the defence (key) that refused the deciding request, or {@code none} for no refusal
 * @param preflight     whether the victim received a CORS preflight (OPTIONS) for the request
 * @param requestSent   whether the deciding request reached the victim at all
 * @param secFetchSite  the {@code Sec-Fetch-Site} header the victim received
 * @param origin        the {@code Origin} the victim received, without its port ({@code http://evil.localhost},
 *                      {@code null} for the opaque origin), or {@code none} when there was no Origin header
 * @param loot          what the attacker's backend holds afterwards
 * @param emailChanged  whether Alice's e-mail address changed to the attacker's
 * @param postedAs      the account Alice's next post ran under ({@code alice}, {@code mallory}, ...), or {@code none}
 *                      when it ran without a session; for scenarios where Alice writes on Flock after the attack
 * @param cookies       the names of the cookies the deciding request carried to the victim, exactly (in any order,
 *                      a name as often as it came): which jar the browser took them from shows here
 *                      ({@code ["flock_widget"]}, {@code []}), and a tossed cookie beside the site's own
 *                      ({@code ["session", "session", "csrf"]})
 * @param messageReceived whether the attacker's page received a {@code postMessage} from the victim's origin (a
 *                      framed widget talking to its parent), as the runner saw it in the page, not as the page says
 * @param note          words for the lesson's table beside the checks (not checked)
 * @param secFetchMode  the {@code Sec-Fetch-Mode} header the victim received ({@code cors}, {@code websocket}, ...),
 *                      or {@code none} when there was none (Chromium sends no Fetch Metadata on a WebSocket handshake)
 */
public record DecisiveEvidence(
        Map<String, String> browserSays,
        Boolean sessionCookie,
        Integer status,
        String refusedBy,
        Boolean preflight,
        Boolean requestSent,
        String secFetchSite,
        String origin,
        Loot loot,
        Boolean emailChanged,
        String postedAs,
        List<String> cookies,
        Boolean messageReceived,
        String note,
        String secFetchMode) {

    /** No check at all: only for cases built in code (tests, exploratory probes). */
    public static final DecisiveEvidence NONE = new DecisiveEvidence(
            Map.of(), null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** The JSON field names, in the order the lesson tables list them. */
    public static final List<String> FIELDS = List.of(
            "requestSent",
            "preflight",
            "sessionCookie",
            "origin",
            "secFetchSite",
            "secFetchMode",
            "status",
            "refusedBy",
            "browserSays",
            "loot",
            "emailChanged",
            "postedAs",
            "cookies",
            "messageReceived",
            "note");

    public DecisiveEvidence {
        browserSays = browserSays == null ? Map.of() : Map.copyOf(browserSays);
        cookies = cookies == null ? null : List.copyOf(cookies);
    }

    /** The checks without {@code postedAs}, {@code cookies}, {@code messageReceived} and {@code secFetchMode}. */
    public DecisiveEvidence(
            Map<String, String> browserSays,
            Boolean sessionCookie,
            Integer status,
            String refusedBy,
            Boolean preflight,
            Boolean requestSent,
            String secFetchSite,
            String origin,
            Loot loot,
            Boolean emailChanged,
            String note) {
        this(
                browserSays,
                sessionCookie,
                status,
                refusedBy,
                preflight,
                requestSent,
                secFetchSite,
                origin,
                loot,
                emailChanged,
                null,
                null,
                null,
                note,
                null);
    }

    /** What the browser must have said in {@code engine}, if the case states it. */
    public Optional<String> browserSays(String engine) {
        return Optional.ofNullable(browserSays.get(engine));
    }

    /** True when nothing would be checked. */
    public boolean isEmpty() {
        return describe(Engines.CHROMIUM).isEmpty() && browserSays.isEmpty();
    }

    /**
     * The checks in words for every engine, for lesson tables: the browser's words once when every engine says the
     * same, else each engine's ({@code Chromium: "..."; Firefox: "..."}).
     */
    public List<String> describeEveryEngine() {
        List<String> said = new ArrayList<>();
        if (browserSays.size() == Engines.ALL.size()
                && browserSays.values().stream().distinct().count() == 1) {
            said.add("browser: \"" + browserSays.values().iterator().next() + "\"");
        } else {
            for (String engine : Engines.ALL) {
                browserSays(engine).ifPresent(words -> said.add(Engines.displayName(engine) + ": \"" + words + "\""));
            }
        }
        return describe(said);
    }

    /** The checks in words, for lesson tables and reports: {@code cookie sent; status 200; browser: "..."}. */
    public List<String> describe(String engine) {
        return describe(browserSays(engine)
                .map(words -> List.of("browser: \"" + words + "\""))
                .orElse(List.of()));
    }

    private List<String> describe(List<String> browserWords) {
        List<String> parts = new ArrayList<>();
        if (requestSent != null) {
            parts.add(requestSent ? "request reached Flock" : "request never reached Flock");
        }
        if (preflight != null) {
            parts.add(preflight ? "preflight sent" : "no preflight");
        }
        if (sessionCookie != null) {
            parts.add(sessionCookie ? "session cookie sent" : "no session cookie");
        }
        if (origin != null) {
            parts.add("none".equals(origin) ? "no Origin header" : "Origin `" + origin + "`");
        }
        if (secFetchSite != null) {
            parts.add("`Sec-Fetch-Site: " + secFetchSite + "`");
        }
        if (secFetchMode != null) {
            parts.add("none".equals(secFetchMode) ? "no `Sec-Fetch-Mode`" : "`Sec-Fetch-Mode: " + secFetchMode + "`");
        }
        if (status != null) {
            parts.add("Flock answered " + status);
        }
        if (refusedBy != null) {
            parts.add("none".equals(refusedBy) ? "no defence refused it" : "refused by `" + refusedBy + "`");
        }
        parts.addAll(browserWords);
        if (loot != null) {
            parts.add(
                    switch (loot) {
                        case PRIVATE -> "loot holds Alice's private data";
                        case PUBLIC -> "loot holds only public data";
                        case NONE -> "loot holds nothing";
                    });
        }
        if (emailChanged != null) {
            parts.add(emailChanged ? "e-mail changed" : "e-mail unchanged");
        }
        if (postedAs != null) {
            parts.add(
                    "none".equals(postedAs)
                            ? "Alice's next post ran without a session"
                            : "Alice's next post ran as `" + postedAs + "`");
        }
        if (cookies != null) {
            parts.add(
                    cookies.isEmpty()
                            ? "no cookie at all"
                            : "cookies: "
                                    + String.join(
                                            ", ",
                                            cookies.stream()
                                                    .map(c -> "`" + c + "`")
                                                    .toList()));
        }
        if (messageReceived != null) {
            parts.add(messageReceived ? "the page received Flock's message" : "no message from Flock reached the page");
        }
        return parts;
    }
}
