package lab.victim.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Live sessions: an unguessable 128-bit id per login, with the user and the session's CSRF token. */
public final class SessionStore {

    public static final String COOKIE_NAME = "session";

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    public Session create(String username) {
        Session session = new Session(randomHex(), username, randomHex());
        sessions.put(session.id(), session);
        return session;
    }

    public Optional<Session> find(String sessionId) {
        return sessionId == null ? Optional.empty() : Optional.ofNullable(sessions.get(sessionId));
    }

    public void end(String sessionId) {
        if (sessionId != null) {
            sessions.remove(sessionId);
        }
    }

    public void clear() {
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
