package lab.victim.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import lab.victim.defence.CookiePrefix;

/**
 * Live sessions: an unguessable 128-bit id per login, with the user and the session's CSRF token. A session
 * unused for {@link #IDLE_LIMIT} expires (a stolen cookie stops working), and logging out ends it at once.
 */
public final class SessionStore {

    public static final String COOKIE_NAME = "session";
    /** Whether a cookie of this name is Flock's session cookie under one of the cookie-prefix defence's values. */
    public static boolean isSessionCookieName(String name) {
        for (CookiePrefix prefix : CookiePrefix.values()) {
            if (prefix.cookieName(COOKIE_NAME).equals(name)) {
                return true;
            }
        }
        return false;
    }

    public static final Duration IDLE_LIMIT = Duration.ofHours(1);
    /**
     * Live sessions kept at most: any page can post Alice's published password to {@code /login} (login CSRF),
     * and each login makes a session; past this, the oldest logins are forgotten (about 3 MB in all).
     */
    public static final int MAX_SESSIONS = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Live> sessions = new ConcurrentHashMap<>();
    /** Session ids, oldest login first, so that the oldest can go when there are too many. */
    private final Queue<String> byAge = new ConcurrentLinkedQueue<>();

    private final Clock clock;

    /** A session and when it was last used. */
    private static final class Live {
        final Session session;
        volatile Instant lastUsed;

        Live(Session session, Instant lastUsed) {
            this.session = session;
            this.lastUsed = lastUsed;
        }
    }

    public SessionStore() {
        this(Clock.systemUTC());
    }

    /** @param clock what "now" is, so that a test can let an hour pass */
    public SessionStore(Clock clock) {
        this.clock = clock;
    }

    public Session create(String username) {
        return create(username, null);
    }

    /** A new session whose cookie is issued with {@code cookieAttributes} (null when not known). */
    public Session create(String username, String cookieAttributes) {
        Instant now = clock.instant();
        sessions.values().removeIf(live -> expired(live, now));
        Session session = new Session(randomHex(), username, randomHex(), cookieAttributes);
        sessions.put(session.id(), new Live(session, now));
        // A login hashes a password, so walking at most MAX_SESSIONS ids here costs little beside it.
        byAge.removeIf(id -> !sessions.containsKey(id));
        byAge.add(session.id());
        while (sessions.size() > MAX_SESSIONS) {
            String oldest = byAge.poll();
            if (oldest == null) {
                break;
            }
            sessions.remove(oldest);
        }
        return session;
    }

    /** The live session with this id, which counts as a use; empty once it has been idle for an hour. */
    public Optional<Session> find(String sessionId) {
        Live live = sessionId == null ? null : sessions.get(sessionId);
        if (live == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(live, now)) {
            sessions.remove(sessionId, live);
            return Optional.empty();
        }
        live.lastUsed = now;
        return Optional.of(live.session);
    }

    /** How many sessions are live. */
    public int size() {
        return sessions.size();
    }

    private static boolean expired(Live live, Instant now) {
        return live.lastUsed.plus(IDLE_LIMIT).isBefore(now);
    }

    public void end(String sessionId) {
        if (sessionId != null) {
            sessions.remove(sessionId);
            byAge.remove(sessionId);
        }
    }

    /** The live sessions, in no particular order (expired ones left out). */
    public java.util.List<Session> live() {
        Instant now = clock.instant();
        return sessions.values().stream()
                .filter(live -> !expired(live, now))
                .map(live -> live.session)
                .toList();
    }

    /** How many sessions are live. */
    public int count() {
        return sessions.size();
    }

    public void clear() {
        byAge.clear();
        sessions.clear();
    }

    /** Compares a presented CSRF token with the session's in constant time; a missing token never matches. */
    public static boolean tokenMatches(Session session, String presented) {
        return presented != null
                && MessageDigest.isEqual(
                        session.csrfToken().getBytes(StandardCharsets.UTF_8),
                        presented.getBytes(StandardCharsets.UTF_8));
    }

    private String randomHex() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
