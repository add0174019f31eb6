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

    /** The fixes for the channels CORS does not guard, by finding class. */
    private static final Map<String, String> CHANNEL_FIXES = Map.of(
            "jsonp",
                    "Retire the JSONP form (serve the data through CORS with an exact allowlist); a script include"
                            + " is never subject to CORS.",
            "websocket-origin",
                    "Check the handshake's Origin against an exact allowlist and refuse others with 403; CORS does not"
                            + " apply to WebSockets.");

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
            channels(scanTarget, cookies, cookiePairs, origins.get("reflect"), confirmation, findings);
            return findings;
        }
    }

    /**
     * The channels CORS does not guard: a JSONP form of the endpoint and a WebSocket at its address, each probed
     * from the arbitrary origin and confirmed by a page on that origin in the browser.
     */
    private static void channels(
            ScanTarget scanTarget,
            List<String> cookies,
            List<String[]> cookiePairs,
            String origin,
            BrowserConfirmation confirmation,
            List<Finding> findings)
            throws IOException, InterruptedException {
        URI target = scanTarget.uri();
        ChannelProbes probes = new ChannelProbes(scanTarget, cookies);
        Optional<ChannelProbes.Jsonp> jsonp = probes.jsonp();
        if (jsonp.isPresent()) {
            BrowserConfirmation.Read read = confirmation.include(target, origin, cookiePairs);
            boolean privateRead =
                    read.read() && !cookies.isEmpty() && jsonp.get().differsWithoutCookie();
            findings.add(new Finding(
                    "jsonp",
                    origin,
                    read.read(),
                    privateRead ? "high" : read.read() ? "low" : "info",
                    CHANNEL_FIXES.get("jsonp"),
                    "?callback=" + ChannelProbes.CALLBACK + " is answered with a script calling it"
                            + (read.read()
                                    ? "; a page on " + origin + " included it and its callback got the data"
                                            + (privateRead ? " (it differs from the anonymous answer)" : "")
                                    : "; the browser did not hand the page the data"
                                            + (read.error() == null ? "" : ": " + read.error()))));
        }
        Optional<List<String>> socket = probes.socket(origin, true);
        if (socket.isPresent()) {
            BrowserConfirmation.Read read = confirmation.openSocket(target, origin, cookiePairs);
            Optional<List<String>> anonymous = cookies.isEmpty() ? socket : probes.socket(origin, false);
            boolean privateRead = read.read()
                    && !cookies.isEmpty()
                    && !anonymous.map(frames -> frames.equals(socket.get())).orElse(false);
            findings.add(new Finding(
                    "websocket-origin",
                    origin,
                    read.read(),
                    privateRead ? "high" : read.read() ? "low" : "info",
                    CHANNEL_FIXES.get("websocket-origin"),
                    "the WebSocket handshake with Origin: " + origin + " was accepted ("
                            + socket.get().size() + " frame" + (socket.get().size() == 1 ? "" : "s") + " in a second)"
                            + (read.read()
                                    ? "; a page on " + origin + " opened it and read its frames"
                                            + (privateRead ? " (they differ from an anonymous handshake's)" : "")
                                    : "; the page in the browser could not open it"
                                            + (read.error() == null ? "" : ": " + read.error()))));
        }
    }
}
