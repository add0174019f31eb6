package lab.runner.cases;

import lab.scenarios.AttackKind;
import lab.scenarios.Outcome;
import lab.victim.journal.JournalEntry;

/**
 * Decides a case's outcome from its evidence alone. The expectation table is never consulted here: a broken
 * defence or a browser that changed its rules shows up as a different outcome, not as a silent pass.
 */
public final class OutcomeJudge {

    private OutcomeJudge() {}

    /** @param victimUser the user logged in to the victim during the case (whose data is at stake) */
    public static Verdict judge(AttackKind kind, Evidence evidence, String victimUser) {
        if (evidence.failure() != null) {
            return new Verdict(Outcome.ERROR, evidence.failure());
        }
        return switch (kind) {
            case READ -> read(evidence, victimUser);
            case ACTION -> action(evidence, victimUser);
            case PUBLIC -> publicRead(evidence, victimUser);
        };
    }

    private static Verdict read(Evidence e, String victimUser) {
        JournalEntry received = e.victimReceived();
        if (received == null) {
            return notSent(e);
        }
        String request = WhatTheVictimReceived.request(received);
        if (e.lootHasPrivate()) {
            return new Verdict(
                    Outcome.STOLEN,
                    "the victim answered " + request + " with " + WhatTheVictimReceived.corsText(received)
                            + "; the page read " + victimUser + "'s private data and the attacker's backend stored it");
        }
        if (received.refusedBy() != null) {
            return refused(received, request);
        }
        if (!received.sessionCookie()) {
            return new Verdict(
                    Outcome.COOKIE_WITHHELD,
                    "the victim received " + request + " without a session cookie and answered " + received.status()
                            + "; the page saw: " + abbreviate(e.pageSaw()));
        }
        if ("read".equals(e.pageResult()) || "anonymous".equals(e.pageResult())) {
            return new Verdict(
                    Outcome.ERROR,
                    "contradictory evidence: the victim saw " + victimUser + "'s session and the page reported '"
                            + e.pageResult() + "', but the loot holds no private data");
        }
        return new Verdict(
                Outcome.READ_BLOCKED,
                "the victim received " + request + " with " + victimUser
                        + "'s session cookie and answered " + received.status() + " with "
                        + WhatTheVictimReceived.corsText(received)
                        + ", but the page could not read it; " + browserReason(e));
    }

    private static Verdict action(Evidence e, String victimUser) {
        JournalEntry received = e.victimReceived();
        if (e.actionPerformed()) {
            return new Verdict(
                    Outcome.ACTION_PERFORMED,
                    "the victim obeyed "
                            + (received == null
                                    ? "the forged request"
                                    : WhatTheVictimReceived.request(received)
                                            + (received.sessionCookie()
                                                    ? " (it carried " + victimUser + "'s session cookie)"
                                                    : ""))
                            + ": " + victimUser + "'s e-mail address is now the attacker's");
        }
        String postedAs = e.alicePostedAs();
        boolean underAnother = postedAs != null && !postedAs.equals("none") && !postedAs.equals(victimUser);
        if (underAnother && e.alicePostAccepted()) {
            return new Verdict(
                    Outcome.ACTION_PERFORMED,
                    (received == null ? "" : "the victim obeyed " + WhatTheVictimReceived.request(received) + "; ")
                            + victimUser + "'s next post ran under " + postedAs
                            + "'s session: what she wrote is in the attacker's account");
        }
        if (received == null) {
            return notSent(e);
        }
        String request = WhatTheVictimReceived.request(received);
        if (received.equals(e.alicePost())) {
            return aliceOwnPostKept(received, request, postedAs, victimUser);
        }
        String why;
        if (received.refusedBy() != null) {
            why = "the " + received.refusedBy() + " defence refused " + request + " with " + received.status();
        } else if (!received.sessionCookie()) {
            why = "the browser sent " + request + " without the session cookie, so the victim did not act for "
                    + victimUser + " (" + received.status() + ")";
        } else {
            why = "the victim received " + request + " with " + victimUser + "'s session and answered "
                    + received.status() + ", but nothing changed";
        }
        if (underAnother) {
            why += "; " + victimUser + "'s next post came under " + postedAs + "'s session, and Flock refused it ("
                    + e.alicePost().status() + "): nothing she wrote is in " + postedAs + "'s account";
        } else if (postedAs != null) {
            why += "; " + victimUser + "'s next post ran "
                    + (postedAs.equals("none") ? "without a session" : "under her own session");
        }
        return new Verdict(Outcome.ACTION_BLOCKED, why);
    }

    /**
     * The deciding request is Alice's own post (the attack only prepared her browser, as session tossing does), and
     * it did not land in another account: it ran as herself, or Flock refused it.
     */
    private static Verdict aliceOwnPostKept(JournalEntry post, String request, String postedAs, String victimUser) {
        String why;
        if (post.refusedBy() != null || post.status() >= 400) {
            why = (post.refusedBy() == null ? "Flock" : "the " + post.refusedBy() + " defence") + " refused "
                    + victimUser + "'s " + request + " with " + post.status() + ": it came "
                    + ("none".equals(postedAs) ? "without a session" : "under " + postedAs + "'s session")
                    + ", and nothing she wrote is in any account";
        } else if ("none".equals(postedAs)) {
            why = victimUser + "'s " + request + " came without a session (" + post.status() + ")";
        } else {
            why = victimUser + "'s " + request + " ran under her own session and Flock answered " + post.status()
                    + ": what she wrote is in her own account";
        }
        return new Verdict(Outcome.ACTION_BLOCKED, why);
    }

    private static Verdict publicRead(Evidence e, String victimUser) {
        if (e.lootHasPrivate()) {
            return new Verdict(Outcome.STOLEN, "the attacker's backend stored " + victimUser + "'s private data");
        }
        JournalEntry received = e.victimReceived();
        if (received == null) {
            return new Verdict(Outcome.ERROR, "the victim never received the attacker's request");
        }
        if (!e.lootHasPublic()) {
            return new Verdict(
                    Outcome.ERROR,
                    "the attacker got neither private nor public data; the page saw: " + abbreviate(e.pageSaw()));
        }
        return new Verdict(
                Outcome.PUBLIC_READ,
                "the victim received " + WhatTheVictimReceived.request(received)
                        + (received.sessionCookie() ? " with " : " without ") + "a session cookie and answered "
                        + received.status() + "; the attacker kept only public data");
    }

    private static Verdict notSent(Evidence e) {
        if (e.preflight() != null) {
            return new Verdict(
                    Outcome.REQUEST_NOT_SENT,
                    "the victim received only the preflight " + WhatTheVictimReceived.request(e.preflight())
                            + ", answered with " + WhatTheVictimReceived.corsText(e.preflight())
                            + "; the browser never sent the real request; "
                            + browserReason(e));
        }
        return new Verdict(Outcome.REQUEST_NOT_SENT, "the victim never received the request; " + browserReason(e));
    }

    private static Verdict refused(JournalEntry received, String request) {
        return new Verdict(
                Outcome.REJECTED_BY_SERVER,
                "the " + received.refusedBy() + " defence refused " + request + " with " + received.status());
    }

    private static String browserReason(Evidence e) {
        return e.browserSaid() != null
                ? "the browser said: " + e.browserSaid()
                : "the page saw: " + abbreviate(e.pageSaw());
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "nothing";
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 157) + "...";
    }
}
