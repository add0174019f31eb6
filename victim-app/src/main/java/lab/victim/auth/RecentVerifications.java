package lab.victim.auth;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers for a few minutes that a password matched a stored hash, so the same account logging in again is
 * checked with one HMAC instead of the full PBKDF2 work. A workshop logs the same few seeded accounts in over and
 * over (the lab runner logs Alice in once per cookie setting, a challenge delivery once per attempt), and each
 * full check costs a core about 200 ms. The same idea as Apache's {@code mod_authn_socache}.
 *
 * <p>Only a password that already passed the full check can take the short path: a wrong one does not match the
 * remembered HMAC and goes through PBKDF2 as before, so guessing costs what it did. What is kept is an HMAC of the
 * password under a key that lives only in this process's memory, keyed by the stored hash itself: a changed
 * password has a new stored hash, so its old entry can never match again. Entries expire, and the oldest go first
 * when the table is full.
 *
 * <p>This part of the victim is not a lesson.
 */
final class RecentVerifications {

    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(10);
    static final int DEFAULT_CAPACITY = 256;

    private static final String MAC = "HmacSHA256";

    private final byte[] key = new byte[32];
    private final Duration lifetime;
    private final int capacity;
    private final Clock clock;

    /** By stored hash, in insertion order, so the oldest entry is the first to go. */
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    private record Entry(byte[] mac, Instant expires) {}

    RecentVerifications() {
        this(DEFAULT_LIFETIME, DEFAULT_CAPACITY, Clock.systemUTC());
    }

    RecentVerifications(Duration lifetime, int capacity, Clock clock) {
        if (lifetime.isNegative() || lifetime.isZero() || capacity < 1) {
            throw new IllegalArgumentException("lifetime and capacity must be positive");
        }
        this.lifetime = lifetime;
        this.capacity = capacity;
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    /** True when {@code password} passed the full check against {@code stored} within the lifetime. */
    boolean matched(String stored, char[] password) {
        Entry entry;
        synchronized (entries) {
            entry = entries.get(stored);
            if (entry != null && !clock.instant().isBefore(entry.expires())) {
                entries.remove(stored);
                entry = null;
            }
        }
        // Constant-time comparison, as for the full hash.
        return entry != null && MessageDigest.isEqual(entry.mac(), mac(stored, password));
    }

    /** Remembers that {@code password} has just passed the full check against {@code stored}. */
    void remember(String stored, char[] password) {
        Entry entry = new Entry(mac(stored, password), clock.instant().plus(lifetime));
        synchronized (entries) {
            entries.remove(stored);
            entries.put(stored, entry);
            while (entries.size() > capacity) {
                entries.remove(entries.keySet().iterator().next());
            }
        }
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private byte[] mac(String stored, char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(new SecretKeySpec(key, MAC));
            // The stored hash names the account's current password; the zero byte keeps the two fields apart.
            mac.update(stored.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(MAC + " is not available in this JDK", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
        }
    }
}
