package lab.victim.defence;

import static lab.victim.defence.CorsPolicy.ALLOW_CREDENTIALS;
import static lab.victim.defence.CorsPolicy.ALLOW_METHODS;
import static lab.victim.defence.CorsPolicy.ALLOW_ORIGIN;
import static lab.victim.defence.CorsPolicy.MAX_AGE;
import static lab.victim.defence.CorsPolicy.VARY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which origins each CORS mode trusts: exactly the class it is named after, plus the site's own. */
class CorsPolicyTest {

    private static final String OWN = "http://social.localhost:7001";
    private static final String EVIL = "http://evil.localhost:7002";
    private static final String NULL = "null";
    private static final String SUFFIX = "http://evilsocial.localhost:7002";
    private static final String PREFIX = "http://social.localhost.evil.localhost:7002";
    private static final String REGEX = "http://wwwxsocial.localhost:7002";
    private static final String SUBDOMAIN = "http://pages.social.localhost:7002";
    private static final String OTHER_SCHEME = "https://social.localhost:7001";

    private static final String NO_PORT = "http://social.localhost";
    private static final String DOT_AS_ANY = "http://socialxlocalhost:7001";

    /** The origins a scanner such as Corsy or CORScanner would try, plus a few near misses and garbage. */
    private static final List<String> PROBES = List.of(
            EVIL, NULL, SUFFIX, PREFIX, REGEX, SUBDOMAIN, OTHER_SCHEME, NO_PORT, DOT_AS_ANY, "file://", "http://");

    /**
     * What each mode wrongly trusts among the probes. Every flawed mode trusts its namesake; some classes
     * overlap (a host-suffix check also passes subdomains and the other scheme), none includes the attacker.
     */
    private static final Map<CorsMode, Set<String>> TRUSTED_PROBES = Map.of(
            CorsMode.OFF, Set.of(),
            CorsMode.ALLOWLIST, Set.of(),
            CorsMode.NULL, Set.of(NULL),
            CorsMode.SUFFIX, Set.of(SUFFIX, REGEX, SUBDOMAIN, OTHER_SCHEME, NO_PORT),
            CorsMode.PREFIX, Set.of(PREFIX, NO_PORT),
            CorsMode.REGEX, Set.of(REGEX, OTHER_SCHEME, NO_PORT, DOT_AS_ANY),
            CorsMode.SUBDOMAINS, Set.of(SUBDOMAIN, OTHER_SCHEME, NO_PORT));

    private final CorsPolicy policy = new CorsPolicy("social.localhost", Set.of());

    private Set<String> trustedProbes(Defences defences) {
        Set<String> trusted = new LinkedHashSet<>();
        for (String probe : PROBES) {
            if (probe.equals(policy.responseHeaders(defences, probe, OWN).get(ALLOW_ORIGIN))) {
                trusted.add(probe);
            }
        }
        return trusted;
    }

    @ParameterizedTest
    @EnumSource(
            value = CorsMode.class,
            names = {"OFF", "ALLOWLIST", "NULL", "SUFFIX", "PREFIX", "REGEX", "SUBDOMAINS"})
    void each_mode_trusts_exactly_its_class_of_origin_and_never_the_plain_attacker(CorsMode mode) {
        Defences defences = Defences.WIDE_OPEN.with("cors", mode.key());
        assertThat(trustedProbes(defences)).containsExactlyInAnyOrderElementsOf(TRUSTED_PROBES.get(mode));
        assertThat(policy.responseHeaders(defences, EVIL, OWN)).doesNotContainKey(ALLOW_ORIGIN);
    }

    @ParameterizedTest
    @EnumSource(
            value = CorsMode.class,
            names = {"REFLECT", "ALLOWLIST", "NULL", "SUFFIX", "PREFIX", "REGEX", "SUBDOMAINS"})
    void every_mode_but_off_and_wildcard_lets_the_site_itself_read_with_credentials(CorsMode mode) {
        assertThat(policy.responseHeaders(Defences.WIDE_OPEN.with("cors", mode.key()), OWN, OWN))
                .containsEntry(ALLOW_ORIGIN, OWN)
                .containsEntry(ALLOW_CREDENTIALS, "true")
                .containsEntry(VARY, "Origin");
    }

    @Test
    void off_sends_no_cors_headers_to_anyone() {
        Defences off = Defences.WIDE_OPEN.with("cors", "off");
        assertThat(policy.responseHeaders(off, EVIL, OWN)).isEmpty();
        assertThat(policy.responseHeaders(off, OWN, OWN)).isEmpty();
    }

    @Test
    void wildcard_sends_star_with_credentials_whoever_asks() {
        assertThat(policy.responseHeaders(Defences.WIDE_OPEN.with("cors", "wildcard"), EVIL, OWN))
                .containsEntry(ALLOW_ORIGIN, "*")
                .containsEntry(ALLOW_CREDENTIALS, "true");
    }

    @Test
    void reflect_trusts_every_probe_origin() {
        assertThat(trustedProbes(Defences.WIDE_OPEN)).containsExactlyInAnyOrderElementsOf(PROBES);
    }

    @Test
    void reflect_sends_no_allow_origin_when_the_request_has_no_origin() {
        assertThat(policy.responseHeaders(Defences.WIDE_OPEN, null, OWN)).doesNotContainKey(ALLOW_ORIGIN);
    }

    @Test
    void an_extra_allowlisted_origin_is_trusted_exactly() {
        CorsPolicy withPartner = new CorsPolicy("social.localhost", Set.of("http://partner.localhost:9000"));
        Defences allowlist = Defences.WIDE_OPEN.with("cors", "allowlist");
        assertThat(withPartner.responseHeaders(allowlist, "http://partner.localhost:9000", OWN))
                .containsKey(ALLOW_ORIGIN);
        assertThat(withPartner.responseHeaders(allowlist, "http://partner.localhost:9001", OWN))
                .doesNotContainKey(ALLOW_ORIGIN);
    }

    @Test
    void without_credentials_a_trusted_origin_gets_no_allow_credentials() {
        assertThat(policy.responseHeaders(Defences.WIDE_OPEN.with("cors-credentials", "false"), EVIL, OWN))
                .containsEntry(ALLOW_ORIGIN, EVIL)
                .doesNotContainKey(ALLOW_CREDENTIALS);
    }

    @Test
    void a_preflight_for_a_trusted_origin_lists_methods_headers_and_the_max_age() {
        Map<String, String> headers =
                policy.preflightHeaders(Defences.WIDE_OPEN.with("cors-max-age", "600"), EVIL, OWN);
        assertThat(headers)
                .containsEntry(ALLOW_ORIGIN, EVIL)
                .containsEntry(ALLOW_METHODS, "GET, POST, PUT, DELETE")
                .containsEntry(CorsPolicy.ALLOW_HEADERS, "Content-Type, X-CSRF-Token")
                .containsEntry(MAX_AGE, "600");
    }

    @Test
    void the_headers_keep_one_order_whichever_defence_adds_them() {
        // The journal records the CORS headers in the order they were sent, and the lab shows them so.
        assertThat(policy.preflightHeaders(Defences.WIDE_OPEN, EVIL, OWN).keySet())
                .containsExactly(
                        ALLOW_ORIGIN, ALLOW_CREDENTIALS, VARY, ALLOW_METHODS, CorsPolicy.ALLOW_HEADERS, MAX_AGE);
    }

    @Test
    void a_preflight_for_an_untrusted_origin_approves_nothing() {
        assertThat(policy.preflightHeaders(Defences.HARDENED, EVIL, OWN)).containsOnlyKeys(VARY);
        assertThat(policy.preflightHeaders(Defences.BROWSER_DEFAULTS, EVIL, OWN))
                .isEmpty();
    }
}
