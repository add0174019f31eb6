package lab.runner.scan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.runner.browser.BrowserInfo;

/** What {@code ./lab scan} found, per browser that confirmed it: in the terminal and as JSON. */
public final class ScanReport {

    /** The findings as one browser confirmed them. */
    public record Confirmed(BrowserInfo browser, List<Finding> findings) {}

    private ScanReport() {}

    public static void print(PrintWriter out, URI target, List<Confirmed> runs) {
        out.println("Target: " + target);
        for (Confirmed run : runs) {
            BrowserInfo browser = run.browser();
            out.println(
                    "Confirmed in " + browser.name() + " " + browser.version() + " (" + browser.executable() + "):");
            if (run.findings().isEmpty()) {
                out.println("No weakness found: no probe origin was trusted.");
            }
            for (Finding f : run.findings()) {
                out.printf(
                        "%-20s %-10s %-6s %s%n    %s%n    fix: %s%n",
                        f.klass(),
                        f.confirmed() ? "CONFIRMED" : "unconfirmed",
                        f.severity(),
                        f.probeOrigin(),
                        f.detail(),
                        f.fix());
            }
        }
        out.flush();
    }

    /**
     * {@code {target, browsers: [{name, version, executable}], findings: [{..., browser}]}}: each finding names the
     * browser that confirmed it (or did not), so one engine's file and every engine's read the same way.
     */
    public static void writeJson(Path file, URI target, List<Confirmed> runs) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("target", target.toString());
        document.put("browsers", runs.stream().map(Confirmed::browser).toList());
        document.put(
                "findings",
                runs.stream()
                        .flatMap(run -> run.findings().stream().map(f -> {
                            Map<String, Object> m = new LinkedHashMap<>();
                            m.put("class", f.klass());
                            m.put("probeOrigin", f.probeOrigin());
                            m.put("confirmed", f.confirmed());
                            m.put("severity", f.severity());
                            m.put("fix", f.fix());
                            m.put("detail", f.detail());
                            m.put("browser", run.browser().name());
                            return m;
                        }))
                        .toList());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
    }
}
