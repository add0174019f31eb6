package lab.runner.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import lab.attacker.loot.Loot;
import lab.scenarios.challenges.Challenge;
import lab.scenarios.challenges.Goal;
import lab.victim.data.Profile;
import lab.victim.journal.JournalEntry;

/**
 * Judges an attack challenge from a delivery's evidence alone: solved only when the victim received the decisive
 * request from Alice's browser during the delivery (with her session cookie where the goal needs it, from the
 * exploit's page) and its effect happened (the secret in the loot her browser posted; her e-mail address changed).
 * Loot without the read, a request from anything but her browser, or traffic outside the delivery solve nothing.
 */
public final class ChallengeJudge {

    private static final Set<String> EMAIL_ENDPOINTS = Set.of("POST /settings/email", "PUT /api/settings/email");

    private ChallengeJudge() {}

    /**
     * @param seeded     Alice's profile as seeded (the secrets)
     * @param otherUsers the e-mail addresses of Flock's other users, which only the internal admin page lists
     */
    public static ChallengeVerdict judge(
            Challenge challenge, DeliveryEvidence e, Profile seeded, List<String> otherUsers, double millis) {
        List<String> seen = describe(e);
        List<String> missing = new ArrayList<>();
        if (e.failure() != null) {
            missing.add(e.failure());
            return verdict(challenge, e, seen, missing, millis);
        }
        Goal goal = challenge.goal();
        switch (goal) {
            case STEAL_PROFILE, PASSWORD -> {
                JournalEntry read = decisive(
                        e,
                        r -> r.method().equals("GET")
                                && r.path().equals("/api/me")
                                && r.sessionCookie()
                                && r.status() == 200
                                && fromExploit(e, r));
                if (read == null) {
                    missing.add("no request from Alice's browser to GET /api/me carried her session cookie from your"
                            + " page and was answered 200 (" + whatArrived(e, "/api/me") + ")");
                }
                if (goal == Goal.STEAL_PROFILE) {
                    if (!lootHas(e, seeded.email()) || !lootHas(e, seeded.phone())) {
                        missing.add("the loot Alice's browser posted during the delivery "
                                + (e.loot().isEmpty()
                                        ? "holds nothing"
                                        : "does not hold both her e-mail address and her phone number"));
                    }
                } else {
                    if (!e.aliceTyped()) {
                        missing.add("Alice typed her password nowhere: she types it only into a page that shows a"
                                + " password field and greets her by her display name");
                    }
                    if (!lootHas(e, "\"" + Alice.PASSWORD + "\"")) {
                        missing.add("the loot Alice's browser posted during the delivery holds no password");
                    }
                }
            }
            case CHANGE_EMAIL -> {
                JournalEntry change = decisive(
                        e,
                        r -> EMAIL_ENDPOINTS.contains(r.method() + " " + r.path())
                                && r.sessionCookie()
                                && Alice.USER.equals(r.user())
                                && r.refusedBy() == null
                                && r.status() < 400
                                && fromExploit(e, r));
                if (change == null) {
                    missing.add("no request from Alice's browser to change her e-mail address was obeyed with her"
                            + " session (" + whatArrived(e, "/settings/email", "/api/settings/email") + ")");
                }
                if (e.emailAfter().equals(seeded.email())) {
                    missing.add("Alice's e-mail address is still " + seeded.email());
                }
            }
            case ADMIN_CONTENT -> {
                JournalEntry admin = decisive(
                        e,
                        r -> r.method().equals("GET")
                                && r.path().equals("/internal/admin")
                                && r.status() == 200
                                && r.host() != null
                                && r.host().startsWith(lab.attacker.rebind.RebindingProxy.HOST_NAME + ":"));
                if (admin == null) {
                    missing.add("the victim answered no GET /internal/admin from Alice's browser under the rebinding"
                            + " name with 200 (" + whatArrived(e, "/internal/admin") + ")");
                }
                if (otherUsers.stream().noneMatch(mail -> lootHas(e, mail))) {
                    missing.add("the loot Alice's browser posted during the delivery holds none of the admin page's"
                            + " user list");
                }
            }
        }
        return verdict(challenge, e, seen, missing, millis);
    }

    private static ChallengeVerdict verdict(
            Challenge challenge, DeliveryEvidence e, List<String> seen, List<String> missing, double millis) {
        boolean solved = missing.isEmpty();
        String text =
                solved ? "Solved: " + challenge.goal().description() + "." : "Not solved: " + missing.get(0) + ".";
        return new ChallengeVerdict(challenge.id(), solved, text, seen, missing, e.screenshot(), millis);
    }

    /**
     * Sent by a script or form of the exploit's page, or of a sandboxed frame it made (whose origin is
     * {@code null}). A request without Origin (a plain navigation, an image) is never a script's read.
     */
    private static boolean fromExploit(DeliveryEvidence e, JournalEntry r) {
        return r.origin() != null
                && (r.origin().equals(e.exploitOrigin()) || r.origin().equals("null"));
    }

    private static JournalEntry decisive(DeliveryEvidence e, Predicate<JournalEntry> test) {
        return e.requests().stream().filter(test).reduce((a, b) -> b).orElse(null);
    }

    private static boolean lootHas(DeliveryEvidence e, String text) {
        return e.loot().stream().map(Loot::payload).anyMatch(p -> p.contains(text));
    }

    private static String whatArrived(DeliveryEvidence e, String... paths) {
        List<String> arrived = e.requests().stream()
                .filter(r -> List.of(paths).contains(r.path()))
                .map(ChallengeJudge::line)
                .toList();
        return arrived.isEmpty() ? "none arrived" : "arrived: " + String.join("; ", arrived);
    }

    /** What Alice's browser sent, one line a request; the delivery's loot; her e-mail address. */
    static List<String> describe(DeliveryEvidence e) {
        List<String> lines = new ArrayList<>();
        lines.add("exploit served at " + e.exploitOrigin() + "; "
                + (e.pageEnded() == null ? "the page did not finish" : e.pageEnded()));
        for (JournalEntry r : e.requests()) {
            if (r.path().equals("/login") || r.path().equals("/") || r.path().startsWith("/static")) {
                continue;
            }
            lines.add("victim received from Alice's browser: " + line(r));
        }
        lines.add(
                e.loot().isEmpty()
                        ? "loot from Alice's browser during the delivery: none"
                        : "loot from Alice's browser during the delivery: "
                                + String.join(
                                        " | ",
                                        e.loot().stream()
                                                .map(l -> abbreviate(l.payload()))
                                                .toList()));
        if (!e.emailAfter().equals(e.emailBefore())) {
            lines.add("Alice's e-mail address changed from " + e.emailBefore() + " to " + e.emailAfter());
        }
        if (e.aliceTyped()) {
            lines.add("Alice trusted the page and typed her password into it");
        }
        if (e.outside().any()) {
            lines.add(e.outside().describe());
        }
        return lines;
    }

    private static String line(JournalEntry r) {
        return r.method() + " " + r.path() + " (Origin: " + (r.origin() == null ? "none" : r.origin())
                + ", session cookie: " + (r.sessionCookie() ? "yes" : "no") + ") -> " + r.status()
                + (r.refusedBy() == null ? "" : " refused by " + r.refusedBy());
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 197) + "...";
    }
}
