package lab.victim.defence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

    private static final List<String> SCENARIOS =
            List.of("cookie-theft", "csrf-form-post", "csrf-json", "dns-rebinding", "third-party-cookies");

    @Test
    void a_typo_finds_the_name_it_was_meant_to_be() {
        assertThat(DidYouMean.closest("cooke-theft", SCENARIOS)).contains("cookie-theft");
        assertThat(DidYouMean.closest("cookie-thfet", SCENARIOS)).contains("cookie-theft");
        assertThat(DidYouMean.closest("CSRF-JSON", SCENARIOS)).contains("csrf-json");
        assertThat(DidYouMean.closest("corss", List.of("cors", "samesite", "csrf-token")))
                .contains("cors");
    }

    @Test
    void a_prefix_of_three_letters_or_more_is_completed() {
        assertThat(DidYouMean.closest("dns", SCENARIOS)).contains("dns-rebinding");
        assertThat(DidYouMean.closest("same", List.of("cors", "samesite"))).contains("samesite");
    }

    @Test
    void a_word_far_from_every_name_gets_no_suggestion() {
        assertThat(DidYouMean.closest("firewall", List.of("cors", "samesite", "csrf-token")))
                .isEmpty();
        assertThat(DidYouMean.closest("no-such-scenario", SCENARIOS)).isEmpty();
        assertThat(DidYouMean.closest("", SCENARIOS)).isEmpty();
    }

    @Test
    void the_error_asks_the_question_only_when_a_name_is_close() {
        List<String> defences = List.of("cors", "samesite");
        assertThat(DidYouMean.unknown("defence", "corss", defences))
                .isEqualTo("unknown defence 'corss'; did you mean 'cors'? The defences: cors, samesite.");
        assertThat(DidYouMean.unknown("defence", "firewall", defences))
                .isEqualTo("unknown defence 'firewall'. The defences: cors, samesite.");
    }

    @Test
    void distance_counts_single_letter_edits() {
        assertThat(DidYouMean.distance("cors", "cors")).isZero();
        assertThat(DidYouMean.distance("cor", "cors")).isEqualTo(1);
        assertThat(DidYouMean.distance("cors", "corn")).isEqualTo(1);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
    }
}
