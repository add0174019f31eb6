package lab.victim.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Live sessions: an unguessable 128-bit id per login, with the user and the session's CSRF token. */
public final class SessionStore {

    public static final String COOKIE_NAME = "session";
    /**
     * Live sessions kept at most: any page can post Alice's published password to {@code /login} (login CSRF),
     * and each login makes a session; past this, the oldest logins are forgotten (about 3 MB in all).
     */
    public static final int MAX_SESSIONS = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    /** Session ids, oldest login first, so that the oldest can go when there are too many. */
    private final Queue<String> byAge = new ConcurrentLinkedQueue<>();

    public Session create(String username) {
        Session session = new Session(randomHex(), username, randomHex());
        sessions.put(session.id(), session);
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

    public Optional<Session> find(String sessionId) {
        return sessionId == null ? Optional.empty() : Optional.ofNullable(sessions.get(sessionId));
    }

    public void end(String sessionId) {
        if (sessionId != null) {
            sessions.remove(sessionId);
            byAge.remove(sessionId);
        }
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
