package lab.runner.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import lab.runner.browser.LabBrowser;
import lab.runner.scan.Finding;
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
                + " classifies what the answers trust, and confirms each finding in Chromium by loading a page on"
                + " that exact origin that tries to read the endpoint with your cookie (sent as a cross-site cookie,"
                + " SameSite=None, with third-party cookies allowed).")
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
    private ChromiumOption browser;

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
        List<Finding> findings;
        try {
            Scanner.checkReachable(scanTarget);
            try (LabBrowser labBrowser = LabBrowser.start(browser.locate())) {
                findings = Scanner.scan(scanTarget, cookies, labBrowser);
            }
        } catch (IOException e) {
            err.println("lab scan: cannot reach " + url + ": "
                    + (e instanceof java.net.ConnectException
                            ? "nothing answers there (connection refused)"
                            : e.getMessage() == null ? e.toString() : e.getMessage()));
            return ExitCodes.USAGE;
        }
        out.println("Target: " + target);
        if (findings.isEmpty()) {
            out.println("No weakness found: no probe origin was trusted.");
        }
        for (Finding f : findings) {
            out.printf(
                    "%-20s %-10s %-6s %s%n    %s%n    fix: %s%n",
                    f.klass(),
                    f.confirmed() ? "CONFIRMED" : "unconfirmed",
                    f.severity(),
                    f.probeOrigin(),
                    f.detail(),
                    f.fix());
        }
        if (json.file().isPresent()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("target", target.toString());
            document.put(
                    "findings",
                    findings.stream()
                            .map(f -> {
                                Map<String, Object> m = new LinkedHashMap<>();
                                m.put("class", f.klass());
                                m.put("probeOrigin", f.probeOrigin());
                                m.put("confirmed", f.confirmed());
                                m.put("severity", f.severity());
                                m.put("fix", f.fix());
                                m.put("detail", f.detail());
                                return m;
                            })
                            .toList());
            new ObjectMapper()
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(json.file().get().toFile(), document);
        }
        return findings.stream().anyMatch(Finding::confirmed) ? ExitCodes.MISMATCH : ExitCodes.OK;
    }
}
