package lab.runner.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeaderProbesTest {

    private static final URI TARGET = URI.create("http://api.localhost:7001/me");

    /** Answers as a server trusting exactly {@code trusted} (with credentials and Vary) would give them. */
    private static Map<String, HeaderProbes.Answer> answers(String... trusted) {
        Map<String, HeaderProbes.Answer> answers = new LinkedHashMap<>();
        HeaderProbes.probeOrigins(TARGET, 9000)
                .forEach((klass, origin) -> answers.put(
                        klass,
                        new HeaderProbes.Answer(
                                origin, java.util.List.of(trusted).contains(klass) ? origin : null, true, true)));
        return answers;
    }

    private static HeaderProbes.Answer untrusted() {
        return new HeaderProbes.Answer("http://arbitrary-scan.localhost:9000", null, false, true);
    }

    @Test
    void the_probes_are_look_alikes_of_the_target_on_the_scanners_port() {
        assertThat(HeaderProbes.probeOrigins(TARGET, 9000))
                .containsEntry("suffix", "http://evilapi.localhost:9000")
                .containsEntry("prefix", "http://api.localhost.evil-scan.localhost:9000")
                .containsEntry("regex", "http://wwwxapi.localhost:9000")
                .containsEntry("subdomains", "http://scan-sub.api.localhost:9000")
                .containsEntry("other-scheme", "https://api.localhost:7001")
                .containsEntry("null", "null");
    }

    @Test
    void a_suffix_check_explains_the_subdomain_and_regex_probes_it_also_passes() {
        assertThat(HeaderProbes.classify(
                        answers("suffix", "regex", "subdomains", "other-scheme"), untrusted(), untrusted()))
                .containsExactly("suffix");
    }

    @Test
    void trusting_only_the_other_scheme_is_its_own_finding() {
        assertThat(HeaderProbes.classify(answers("other-scheme"), untrusted(), untrusted()))
                .containsExactly("other-scheme");
    }

    @Test
    void a_trusted_origin_answered_without_vary_is_reported() {
        Map<String, HeaderProbes.Answer> answers = answers();
        answers.put("null", new HeaderProbes.Answer("null", "null", true, false));
        assertThat(HeaderProbes.classify(answers, untrusted(), untrusted())).containsExactly("null", "missing-vary");
    }

    @Test
    void a_preflight_that_approves_an_arbitrary_origin_is_reported_when_nothing_else_explains_it() {
        HeaderProbes.Answer preflight = new HeaderProbes.Answer(
                "http://arbitrary-scan.localhost:9000", "http://arbitrary-scan.localhost:9000", true, true);
        assertThat(HeaderProbes.classify(answers(), preflight, untrusted())).containsExactly("preflight-permissive");
        assertThat(HeaderProbes.classify(answers(), untrusted(), untrusted())).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void framing_protection_is_a_frame_ancestors_directive_or_an_x_frame_options_that_forbids_others() {
        org.assertj.core.api.Assertions.assertThat(HeaderProbes.framingProtection(
                        java.util.List.of("default-src 'self'; frame-ancestors 'self'"), java.util.List.of()))
                .hasValue("Content-Security-Policy: frame-ancestors 'self'");
        org.assertj.core.api.Assertions.assertThat(
                        HeaderProbes.framingProtection(java.util.List.of(), java.util.List.of("SAMEORIGIN")))
                .hasValue("X-Frame-Options: SAMEORIGIN");
        org.assertj.core.api.Assertions.assertThat(HeaderProbes.framingProtection(
                        java.util.List.of("default-src 'self'"), java.util.List.of("ALLOW-FROM http://x.localhost")))
                .isEmpty();
        org.assertj.core.api.Assertions.assertThat(
                        HeaderProbes.framingProtection(java.util.List.of(), java.util.List.of()))
                .isEmpty();
    }
}
