package lab.victim.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoginTokensTest {

    private final LoginTokens tokens = new LoginTokens();

    @Test
    void a_token_matches_only_the_nonce_it_was_made_for_under_this_servers_key() {
        String nonce = tokens.newNonce();
        String token = tokens.tokenFor(nonce);
        assertThat(tokens.matches(nonce, token)).isTrue();
        assertThat(tokens.matches(tokens.newNonce(), token)).isFalse();
        assertThat(new LoginTokens().matches(nonce, token))
                .as("another server's key")
                .isFalse();
    }

    @Test
    void missing_empty_or_overlong_values_never_match() {
        String nonce = tokens.newNonce();
        assertThat(tokens.matches(null, tokens.tokenFor(nonce))).isFalse();
        assertThat(tokens.matches(nonce, null)).isFalse();
        assertThat(tokens.matches("", tokens.tokenFor(""))).isFalse();
        String overlong = "a".repeat(65);
        assertThat(tokens.matches(overlong, tokens.tokenFor(overlong))).isFalse();
    }
}
