package lab.victim.defence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FetchMetadataPolicyTest {

    @Test
    void same_origin_same_site_and_user_initiated_requests_pass() {
        assertThat(FetchMetadataPolicy.allows("same-origin", "cors", "empty", "PUT"))
                .isTrue();
        assertThat(FetchMetadataPolicy.allows("same-site", "cors", "empty", "GET"))
                .isTrue();
        assertThat(FetchMetadataPolicy.allows("none", "navigate", "document", "GET"))
                .isTrue();
    }

    @Test
    void a_cross_site_link_still_works() {
        assertThat(FetchMetadataPolicy.allows("cross-site", "navigate", "document", "GET"))
                .isTrue();
    }

    @Test
    void cross_site_fetches_form_posts_and_embeds_are_refused() {
        assertThat(FetchMetadataPolicy.allows("cross-site", "cors", "empty", "GET"))
                .isFalse();
        assertThat(FetchMetadataPolicy.allows("cross-site", "no-cors", "image", "GET"))
                .isFalse();
        assertThat(FetchMetadataPolicy.allows("cross-site", "navigate", "document", "POST"))
                .isFalse();
        assertThat(FetchMetadataPolicy.allows("cross-site", "navigate", "object", "GET"))
                .isFalse();
        assertThat(FetchMetadataPolicy.allows("cross-site", "cors", "empty", "OPTIONS"))
                .isFalse();
    }

    @Test
    void clients_without_fetch_metadata_are_left_to_the_other_defences() {
        assertThat(FetchMetadataPolicy.allows(null, null, null, "POST")).isTrue();
    }
}
