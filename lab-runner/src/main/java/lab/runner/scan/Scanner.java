package lab.runner.scan;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.runner.browser.LabBrowser;

/** Probes a target's CORS policy by its headers, then confirms in the browser what a page could really read. */
public final class Scanner {

    private static final Map<String, String> FIXES = Map.ofEntries(
            Map.entry(
                    "reflect", "Compare Origin exactly against a fixed list of trusted origins instead of echoing it."),
            Map.entry("null", "Never trust the origin 'null': sandboxed iframes and data: URLs of any site send it."),
            Map.entry(
                    "suffix",
                    "Compare the whole origin (scheme, host, port) exactly; 'ends with' also matches evil look-alikes."),
            Map.entry("prefix", "Compare the whole origin exactly; 'starts with' also matches longer host names."),
            Map.entry("regex", "Escape the dots and anchor the pattern, or better, compare against an exact list."),
            Map.entry(
                    "subdomains",
                    "List the subdomains you trust by name; any other subdomain (user pages, takeovers) can read."),
            Map.entry("wildcard", "Keep Access-Control-Allow-Origin: * for public data only, never with credentials."),
            Map.entry("missing-vary", "Send Vary: Origin with every answer whose CORS headers depend on Origin."),
            Map.entry("preflight-permissive", "Approve preflights only for trusted origins, methods and headers."),
            Map.entry(
                    "other-scheme",
                    "Trust only the scheme you serve: an http origin can be played by anyone on the network path."),
            Map.entry(
                    "framing",
                    "Send Content-Security-Policy: frame-ancestors 'self' (and X-Frame-Options: SAMEORIGIN for old"
                            + " browsers), listing any partner that must frame it."));

    private Scanner() {}

    /** Fails fast, before any browser starts, when nothing answers at {@code target}. */
    public static void checkReachable(ScanTarget target) throws IOException, InterruptedException {
        new HeaderProbes(target, List.of()).anonymousBody();
    }

    /** Scans a loopback {@code target}; {@code cookies} are NAME=VALUE pairs the user owns for it. */
    public static List<Finding> scan(URI target, List<String> cookies, LabBrowser browser)
            throws IOException, InterruptedException {
        return scan(ScanTarget.of(target, false), cookies, browser);
    }

    /** Scans {@code scanTarget}; {@code cookies} are NAME=VALUE pairs the user owns for it. */
    public static List<Finding> scan(ScanTarget scanTarget, List<String> cookies, LabBrowser browser)
            throws IOException, InterruptedException {
        URI target = scanTarget.uri();
        HeaderProbes probes = new HeaderProbes(scanTarget, cookies);
        List<String[]> cookiePairs = cookies.stream().map(c -> c.split("=", 2)).toList();
        Optional<String> anonymous = probes.anonymousBody();
        try (BrowserConfirmation confirmation = new BrowserConfirmation(browser)) {
            Map<String, String> origins = HeaderProbes.probeOrigins(target, confirmation.port());
            Map<String, HeaderProbes.Answer> answers = new LinkedHashMap<>();
            for (Map.Entry<String, String> probe : origins.entrySet()) {
                answers.put(probe.getKey(), probes.get(probe.getValue()));
            }
            HeaderProbes.Answer arbitrary = answers.get("reflect");
            HeaderProbes.Answer preflight = probes.preflight(origins.get("reflect"));
            List<Finding> findings = new ArrayList<>();
            for (String found : HeaderProbes.classify(answers, preflight, arbitrary)) {
                String origin = origins.getOrDefault(found, origins.get("reflect"));
                HeaderProbes.Answer answer = answers.getOrDefault(found, arbitrary);
                // The other scheme on the target's own port cannot be served by the scanner: a header-level finding.
                boolean confirmable = !found.equals("missing-vary")
                        && !found.equals("preflight-permissive")
                        && !found.equals("other-scheme");
                String klass = found.equals("other-scheme") ? "subdomains" : found;
                BrowserConfirmation.Read read = confirmable
                        ? confirmation.read(target, origin, cookiePairs)
                        : new BrowserConfirmation.Read(false, null, "not a read: a header-level finding");
                boolean privateRead = read.read()
                        && !cookies.isEmpty()
                        && (anonymous.isEmpty() || !anonymous.get().equals(read.body()));
                String severity = privateRead ? "high" : read.read() ? "low" : "info";
                String detail = "Access-Control-Allow-Origin: " + answer.allowOrigin()
                        + (answer.allowCredentials() ? ", Allow-Credentials: true" : "")
                        + (read.read()
                                ? "; the browser let a page on " + origin + " read the answer"
                                        + (privateRead ? " with the cookie (it differs from the anonymous answer)" : "")
                                : "; the browser did not let the page read it"
                                        + (read.error() == null ? "" : ": " + read.error()));
                findings.add(new Finding(klass, origin, read.read(), severity, FIXES.get(found), detail));
            }
            if (probes.framingProtection().isEmpty()) {
                findings.add(new Finding(
                        "framing",
                        "any site",
                        false,
                        "info",
                        FIXES.get("framing"),
                        "no Content-Security-Policy frame-ancestors and no X-Frame-Options: any site may frame this"
                                + " answer (clickjacking, or a framed page posting to its parent); a header-level"
                                + " finding"));
            }
            return findings;
        }
    }
}
