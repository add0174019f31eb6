package lab.victim.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The login form's pre-session CSRF token (login-token=on): the form page sets a random nonce in a cookie and
 * puts an HMAC of it, under a key made at start, into the form. A login must present both, so a page on another
 * site, which can neither read the cookie nor compute the HMAC, cannot post the form. Nothing is stored per
 * visitor: a flood of login pages costs no memory.
 */
public final class LoginTokens {

    /** The pre-session cookie, sent only to the login form's own path. */
    public static final String COOKIE_NAME = "login_nonce";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int MAX_NONCE_LENGTH = 64;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    public LoginTokens() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        key = new SecretKeySpec(bytes, ALGORITHM);
    }

    /** A fresh nonce for the pre-session cookie. */
    public String newNonce() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The token the login form carries for {@code nonce}. */
    public String tokenFor(String nonce) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(nonce.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code token} was made for {@code nonce}; a missing or overlong value never matches. */
    public boolean matches(String nonce, String token) {
        if (nonce == null || token == null || nonce.isEmpty() || nonce.length() > MAX_NONCE_LENGTH) {
            return false;
        }
        return MessageDigest.isEqual(
                tokenFor(nonce).getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }
}
