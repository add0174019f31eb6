package lab.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import lab.runner.browser.BrowserOptions;
import lab.runner.browser.LabBrowser;
import lab.runner.scan.Finding;
import lab.runner.scan.ScanReport;
import lab.runner.scan.ScanTarget;
import lab.runner.scan.Scanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./lab scan URL}: a CORS policy checked by its headers and confirmed in a real browser. */
@Command(
        name = "scan",
        mixinStandardHelpOptions = true,
        description = "Checks the CORS policy of an endpoint you own: sends the origins misconfiguration scanners try,"
                + " classifies what the answers trust, and confirms each finding in a real browser (Chromium, or"
                + " Firefox, or each in turn: --engine) by loading a page on that exact origin that tries to read the"
                + " endpoint with your cookie (sent as a cross-site cookie, SameSite=None, with third-party cookies"
                + " allowed). Also probes what CORS cannot guard: a JSONP form of the endpoint (?callback=NAME) and a"
                + " WebSocket handshake from another origin.")
final class ScanCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "URL", description = "The endpoint, for example http://social.localhost:7001/api/me.")
    private String url;

    @Option(
            names = "--cookie",
            paramLabel = "NAME=VALUE",
            description = "A cookie of yours for the endpoint (repeatable).")
    private List<String> cookies = new ArrayList<>();

    @Mixin
    private JsonFileOption json;

    @Option(names = "--allow-remote", description = "Allow a target that is not on this machine (one you own).")
    private boolean allowRemote;

    @Mixin
    private BrowserOption browser;

    @Mixin
    private EngineOption engine;

    @Override
    public Integer call() throws Exception {
        // The probes name *.localhost hosts in the Host header while connecting to 127.0.0.1 (see HeaderProbes).
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        URI target;
        try {
            target = new URI(url);
        } catch (URISyntaxException e) {
            err.println("lab scan: '" + url + "' is not a URL");
            return ExitCodes.USAGE;
        }
        if (!"http".equals(target.getScheme()) && !"https".equals(target.getScheme()) || target.getHost() == null) {
            err.println("lab scan: '" + url + "' is not an http or https URL");
            return ExitCodes.USAGE;
        }
        ScanTarget scanTarget;
        try {
            scanTarget = ScanTarget.of(target, allowRemote);
        } catch (IllegalArgumentException e) {
            err.println("lab scan: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        for (String cookie : cookies) {
            if (!cookie.matches("[^=;\\s]+=[^;\\s]*")) {
                err.println("lab scan: --cookie '" + cookie + "' is not NAME=VALUE");
                return ExitCodes.USAGE;
            }
        }
        // Every browser is found before anything is sent: a missing one fails now (exit 3), naming its package.
        Map<String, Optional<Path>> executables = new LinkedHashMap<>();
        for (String key : engine.engines(err)) {
            executables.put(key, browser.locate(engine, key, BrowserOptions.HEADLESS, spec));
        }
        List<ScanReport.Confirmed> runs = new ArrayList<>();
        try {
            Scanner.checkReachable(scanTarget);
            for (Map.Entry<String, Optional<Path>> each : executables.entrySet()) {
                try (LabBrowser labBrowser =
                        LabBrowser.start(each.getKey(), each.getValue(), BrowserOptions.HEADLESS)) {
                    List<Finding> findings = Scanner.scan(scanTarget, cookies, labBrowser);
                    runs.add(new ScanReport.Confirmed(labBrowser.info(), findings));
                }
            }
        } catch (IOException e) {
            err.println("lab scan: cannot reach " + url + ": "
                    + (e instanceof java.net.ConnectException
                            ? "nothing answers there (connection refused)"
                            : e.getMessage() == null ? e.toString() : e.getMessage()));
            return ExitCodes.USAGE;
        }
        ScanReport.print(out, target, runs);
        if (json.file().isPresent()) {
            ScanReport.writeJson(json.file().get(), target, runs);
        }
        return runs.stream().flatMap(r -> r.findings().stream()).anyMatch(Finding::confirmed)
                ? ExitCodes.MISMATCH
                : ExitCodes.OK;
    }
}
