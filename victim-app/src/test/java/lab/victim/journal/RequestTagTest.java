package lab.victim.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestTagTest {

    private static final String CHROMIUM = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "HeadlessChrome/156.0.0.0 Safari/537.36";

    @Test
    void a_tag_appended_to_a_user_agent_is_read_back_from_it() {
        String tag = RequestTag.random();
        String tagged = RequestTag.append(CHROMIUM, tag);

        assertThat(tagged).startsWith(CHROMIUM + " ").endsWith("SameOriginLab/" + tag);
        assertThat(RequestTag.of(tagged)).isEqualTo(tag);
    }

    @Test
    void only_a_request_with_the_very_tag_belongs_to_the_browser() {
        String tag = RequestTag.random();
        String guessed = RequestTag.random();

        assertThat(tag).hasSize(32).isNotEqualTo(guessed);
        assertThat(RequestTag.carries(entry(RequestTag.append(CHROMIUM, tag)), tag))
                .isTrue();
        assertThat(RequestTag.carries(entry(RequestTag.append(CHROMIUM, guessed)), tag))
                .isFalse();
        assertThat(RequestTag.carries(entry(CHROMIUM), tag)).isFalse();
        assertThat(RequestTag.carries(entry(null), tag)).isFalse();
        assertThat(RequestTag.carries(entry(CHROMIUM + " SameOriginLab/" + tag + "x"), tag))
                .isFalse();
    }

    @Test
    void a_tag_is_32_hex_digits() {
        assertThatThrownBy(() -> RequestTag.append(CHROMIUM, "short")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RequestTag.append(CHROMIUM, "x".repeat(32)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JournalEntry entry(String userAgent) {
        return JournalEntry.observed(
                "GET",
                "/api/me",
                null,
                "social.localhost",
                null,
                null,
                null,
                userAgent,
                List.of(),
                false,
                null,
                Map.of(),
                200,
                null);
    }
}
