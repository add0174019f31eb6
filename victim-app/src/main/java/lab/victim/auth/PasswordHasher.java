package lab.victim.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Salted PBKDF2 password hashes, stored as {@code pbkdf2-sha512$ITERATIONS$SALT$HASH} (Base64). The iteration
 * count travels with each hash, so it can be raised later without invalidating stored ones.
 *
 * <p>A password that matched is remembered for a few minutes ({@link RecentVerifications}), so the same account
 * logging in again is not charged the whole work factor again; a wrong password always is.
 *
 * <p>This part of the victim is not a lesson: passwords are never stored or compared in plain text.
 */
public final class PasswordHasher {

    /** OWASP's recommended work factor for PBKDF2-HMAC-SHA512. */
    public static final int DEFAULT_ITERATIONS = 210_000;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
    private static final String PREFIX = "pbkdf2-sha512";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 512;

    private final SecureRandom random = new SecureRandom();
    private final int iterations;
    private final RecentVerifications recent;

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    public PasswordHasher(int iterations) {
        this(iterations, new RecentVerifications());
    }

    PasswordHasher(int iterations, RecentVerifications recent) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive");
        }
        this.iterations = iterations;
        this.recent = recent;
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$"
                + b64.encodeToString(derive(password, salt, iterations));
    }

    /** True when {@code password} matches {@code stored}; false for any malformed stored value. */
    public boolean verify(char[] password, String stored) {
        if (recent.matched(stored, password)) {
            return true;
        }
        boolean matches = verifyInFull(password, stored);
        if (matches) {
            recent.remember(stored, password);
        }
        return matches;
    }

    private static boolean verifyInFull(char[] password, String stored) {
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            return false;
        }
        try {
            int storedIterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (storedIterations < 1) {
                return false;
            }
            // Constant-time comparison: the time taken says nothing about how much of the hash matched.
            return MessageDigest.isEqual(expected, derive(password, salt, storedIterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available in this JDK", e);
        } finally {
            spec.clearPassword();
        }
    }
}
