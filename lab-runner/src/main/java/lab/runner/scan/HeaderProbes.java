package lab.runner.scan;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends the target the origins that CORS misconfiguration scanners try, and classifies what its answers
 * trust. Each probe origin lives on a {@code *.localhost} name at the scanner's own port, so that a browser
 * can later load a page from exactly that origin.
 */
final class HeaderProbes {

    /** What one probe origin got back. */
    record Answer(String origin, String allowOrigin, boolean allowCredentials, boolean varyOrigin) {
        boolean trusted() {
            return origin.equals(allowOrigin) || "*".equals(allowOrigin);
        }
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI target;
    private final URI address;
    private final String hostHeader;
    private final List<String> cookies;

    HeaderProbes(ScanTarget target, List<String> cookies) {
        this.target = target.uri();
        this.cookies = cookies;
        // Connect to the address checked once (the JDK would ask DNS again, and may not know *.localhost at
        // all), naming the host in the Host header as the browser's request would.
        this.address = target.pinned();
        this.hostHeader = this.address.equals(target.uri()) ? null : target.hostHeader();
    }

    private HttpRequest.Builder request() {
        HttpRequest.Builder request = HttpRequest.newBuilder(address).timeout(Duration.ofSeconds(10));
        if (hostHeader != null) {
            request.header("Host", hostHeader);
        }
        return request;
    }

    /** The probe origins by class, for a scanner serving pages at {@code port}. */
    static Map<String, String> probeOrigins(URI target, int port) {
        String host = target.getHost();
        Map<String, String> probes = new LinkedHashMap<>();
        probes.put("reflect", "http://arbitrary-scan.localhost:" + port);
        probes.put("null", "null");
        probes.put("suffix", "http://evil" + host + ":" + port);
        probes.put("prefix", "http://" + host + ".evil-scan.localhost:" + port);
        probes.put("regex", "http://wwwx" + host + ":" + port);
        probes.put("subdomains", "http://scan-sub." + host + ":" + port);
        // The target's own host under the other scheme: trusting http next to https lets anyone on the network path in.
        String otherScheme = "https".equals(target.getScheme()) ? "http" : "https";
        probes.put("other-scheme", otherScheme + "://" + host + (target.getPort() < 0 ? "" : ":" + target.getPort()));
        return probes;
    }

    Answer get(String origin) throws IOException, InterruptedException {
        HttpRequest.Builder request = request().header("Origin", origin);
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return answer(origin, response);
    }

    /** A preflight for a JSON PUT, as a cross-site page's fetch would send it. */
    Answer preflight(String origin) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                request()
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", origin)
                        .header("Access-Control-Request-Method", "PUT")
                        .header("Access-Control-Request-Headers", "content-type")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        Answer answer = answer(origin, response);
        boolean allowsPut = response.headers()
                .firstValue("Access-Control-Allow-Methods")
                .map(m -> m.toUpperCase().contains("PUT") || m.contains("*"))
                .orElse(false);
        return allowsPut ? answer : new Answer(origin, null, false, answer.varyOrigin());
    }

    /**
     * What keeps other sites from framing the target's answer ({@code Content-Security-Policy: frame-ancestors},
     * {@code X-Frame-Options}), in words, or empty when nothing does: any site may then show it in a frame under
     * a decoy (clickjacking) or receive what a framed page posts to its parent.
     */
    Optional<String> framingProtection() throws IOException, InterruptedException {
        HttpRequest.Builder request = request();
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return framingProtection(
                response.headers().allValues("Content-Security-Policy"),
                response.headers().allValues("X-Frame-Options"));
    }

    /** The framing protection of an answer with these header values, in words; empty when there is none. */
    static Optional<String> framingProtection(List<String> contentSecurityPolicies, List<String> frameOptions) {
        for (String policy : contentSecurityPolicies) {
            for (String directive : policy.split(";")) {
                String trimmed = directive.strip();
                if (trimmed.toLowerCase(java.util.Locale.ROOT).startsWith("frame-ancestors")) {
                    return Optional.of("Content-Security-Policy: " + trimmed);
                }
            }
        }
        return frameOptions.stream()
                .map(String::strip)
                .filter(value -> value.equalsIgnoreCase("DENY") || value.equalsIgnoreCase("SAMEORIGIN"))
                .findFirst()
                .map(value -> "X-Frame-Options: " + value);
    }

    /** The body an anonymous client gets, to tell private from public answers. */
    Optional<String> anonymousBody() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request().build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
    }

    private static Answer answer(String origin, HttpResponse<String> response) {
        String allowOrigin =
                response.headers().firstValue("Access-Control-Allow-Origin").orElse(null);
        boolean credentials = response.headers()
                .firstValue("Access-Control-Allow-Credentials")
                .map("true"::equals)
                .orElse(false);
        boolean vary = response.headers().allValues("Vary").stream()
                .anyMatch(v -> v.toLowerCase().contains("origin"));
        return new Answer(origin, allowOrigin, credentials, vary);
    }

    /**
     * The classes the answers show, most telling first: an arbitrary origin trusted means reflection, which
     * explains every other probe; a host suffix check also passes the subdomain and regex probes, so those
     * are only reported when the suffix probe failed.
     */
    static List<String> classify(Map<String, Answer> answers, Answer preflight, Answer arbitrary) {
        List<String> classes = new ArrayList<>();
        if (arbitrary.trusted() && "*".equals(arbitrary.allowOrigin())) {
            classes.add("wildcard");
            return classes;
        }
        if (arbitrary.trusted()) {
            classes.add("reflect");
            if (!arbitrary.varyOrigin()) {
                classes.add("missing-vary");
            }
            return classes;
        }
        if (answers.get("null").trusted()) {
            classes.add("null");
        }
        if (answers.get("suffix").trusted()) {
            classes.add("suffix");
        } else {
            if (answers.get("regex").trusted()) {
                classes.add("regex");
            }
            if (answers.get("subdomains").trusted()) {
                classes.add("subdomains");
            }
        }
        if (answers.get("prefix").trusted()) {
            classes.add("prefix");
        }
        // Trusting the other scheme is part of the "subdomains" class (any subdomain, any scheme) when no
        // broader class already explains it.
        if (answers.get("other-scheme").trusted()
                && !classes.contains("subdomains")
                && !classes.contains("suffix")
                && !classes.contains("regex")) {
            classes.add("other-scheme");
        }
        if (answers.values().stream().anyMatch(a -> a.trusted() && !a.varyOrigin())) {
            classes.add("missing-vary");
        }
        if (preflight.trusted() && classes.isEmpty()) {
            classes.add("preflight-permissive");
        }
        return classes;
    }
}
