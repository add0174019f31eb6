package lab.victim.auth;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Live sessions: an unguessable 128-bit id per login, mapped to the user it belongs to. */
public final class SessionStore {

    public static final String COOKIE_NAME = "session";

    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> userBySession = new ConcurrentHashMap<>();

    public String create(String username) {
        byte[] id = new byte[16];
        random.nextBytes(id);
        String sessionId = HexFormat.of().formatHex(id);
        userBySession.put(sessionId, username);
        return sessionId;
    }

    public Optional<String> user(String sessionId) {
        return sessionId == null ? Optional.empty() : Optional.ofNullable(userBySession.get(sessionId));
    }

    public void end(String sessionId) {
        if (sessionId != null) {
            userBySession.remove(sessionId);
        }
    }

    public void clear() {
        userBySession.clear();
    }
}
