package lab.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import lab.scenarios.ScenarioReader.Where;

/** Reads and checks a case's {@code evidence} object; every case of the catalogue must state at least one check. */
final class EvidenceReader {

    /** The values of {@code Sec-Fetch-Mode}, and {@code none} for a request without it. */
    static final java.util.List<String> SEC_FETCH_MODES =
            java.util.List.of("cors", "no-cors", "navigate", "same-origin", "websocket", "none");

    /** A user name as Flock's seed spells them, or {@code none}. */
    private static final Pattern USER = Pattern.compile("[a-z][a-z0-9]{0,31}");

    /** An RFC 6265 cookie name: printable ASCII without separators. */
    private static final Pattern COOKIE_NAME = Pattern.compile("[!#$%&'*+\\-.^_`|~0-9A-Za-z]+");

    private final Where where;
    private final DefenceVocabulary vocabulary;

    EvidenceReader(Where where, DefenceVocabulary vocabulary) {
        this.where = where;
        this.vocabulary = vocabulary;
    }

    DecisiveEvidence read(JsonNode node) {
        if (node == null) {
            throw where.fail(
                    "evidence",
                    "missing: every case states what must be seen for its outcome to be the lesson's; fields: "
                            + String.join(", ", DecisiveEvidence.FIELDS));
        }
        ScenarioReader.requireObject(where, "evidence", node);
        ScenarioReader.knownFields(where, "evidence.", node, Set.copyOf(DecisiveEvidence.FIELDS));
        String refusedBy = text("refusedBy", node);
        if (refusedBy != null && !"none".equals(refusedBy) && !vocabulary.knows(refusedBy)) {
            throw where.fail("evidence.refusedBy", "unknown defence '" + refusedBy + "' (or none)");
        }
        String secFetchSite = text("secFetchSite", node);
        if (secFetchSite != null && !ScenarioReader.isSecFetchSite(secFetchSite)) {
            throw where.fail(
                    "evidence.secFetchSite",
                    "'" + secFetchSite + "' is not a Sec-Fetch-Site value (same-origin, same-site, cross-site, none)");
        }
        String secFetchMode = text("secFetchMode", node);
        if (secFetchMode != null && !SEC_FETCH_MODES.contains(secFetchMode)) {
            throw where.fail(
                    "evidence.secFetchMode",
                    "'" + secFetchMode + "' is not a Sec-Fetch-Mode value (" + String.join(", ", SEC_FETCH_MODES)
                            + ", or none for no header)");
        }
        String origin = text("origin", node);
        if (origin != null && !"none".equals(origin) && !"null".equals(origin) && !ScenarioReader.isOrigin(origin)) {
            throw where.fail(
                    "evidence.origin",
                    "'" + origin + "' is not an origin without its port (http://evil.localhost), null or none");
        }
        Integer status = null;
        JsonNode statusNode = node.get("status");
        if (statusNode != null) {
            if (!statusNode.isInt() || statusNode.intValue() < 100 || statusNode.intValue() > 599) {
                throw where.fail("evidence.status", "expected an HTTP status code such as 200");
            }
            status = statusNode.intValue();
        }
        String postedAs = text("postedAs", node);
        if (postedAs != null && !USER.matcher(postedAs).matches()) {
            throw where.fail(
                    "evidence.postedAs", "'" + postedAs + "' is not a user name of Flock (such as alice) or none");
        }
        DecisiveEvidence evidence = new DecisiveEvidence(
                browserSays(node.get("browserSays")),
                flag("sessionCookie", node),
                status,
                refusedBy,
                flag("preflight", node),
                flag("requestSent", node),
                secFetchSite,
                origin,
                loot(text("loot", node)),
                flag("emailChanged", node),
                postedAs,
                cookies(node.get("cookies")),
                flag("messageReceived", node),
                text("note", node),
                secFetchMode);
        if (evidence.isEmpty()) {
            throw where.fail("evidence", "states no check; fields: " + String.join(", ", DecisiveEvidence.FIELDS));
        }
        return evidence;
    }

    private Map<String, String> browserSays(JsonNode node) {
        Map<String, String> byEngine = new LinkedHashMap<>();
        if (node == null) {
            return byEngine;
        }
        if (node.isTextual() && !node.asText().isBlank()) {
            Engines.ALL.forEach(engine -> byEngine.put(engine, node.asText()));
            return byEngine;
        }
        if (!node.isObject()) {
            throw where.fail("evidence.browserSays", "expected words the browser says, or one per engine");
        }
        ScenarioReader.engines(where, "evidence.browserSays", node);
        node.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isTextual() || entry.getValue().asText().isBlank()) {
                throw where.fail("evidence.browserSays." + entry.getKey(), "expected a non-empty string");
            }
            byEngine.put(entry.getKey(), entry.getValue().asText());
        });
        return byEngine;
    }

    /**
     * Cookie names: {@code []} states that no cookie at all came along; a name twice, that two cookies of that name
     * came (a sibling's tossed cookie beside the site's own).
     */
    private List<String> cookies(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw where.fail("evidence.cookies", "expected a list of cookie names, such as [\"flock_widget\"] or []");
        }
        List<String> names = new ArrayList<>();
        for (JsonNode name : node) {
            if (!name.isTextual() || !COOKIE_NAME.matcher(name.asText()).matches()) {
                throw where.fail("evidence.cookies", "'" + name.asText() + "' is not a cookie name");
            }
            names.add(name.asText());
        }
        return names;
    }

    private Loot loot(String text) {
        if (text == null) {
            return null;
        }
        for (Loot loot : Loot.values()) {
            if (loot.key().equals(text)) {
                return loot;
            }
        }
        throw where.fail("evidence.loot", "unknown value '" + text + "'; expected one of: private, public, none");
    }

    private Boolean flag(String field, JsonNode node) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw where.fail("evidence." + field, "expected true or false");
        }
        return value.booleanValue();
    }

    private String text(String field, JsonNode node) {
        JsonNode value = node.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw where.fail("evidence." + field, "expected a non-empty string");
        }
        return value.asText();
    }
}
