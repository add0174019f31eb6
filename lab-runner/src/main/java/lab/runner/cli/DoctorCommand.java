package lab.runner.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import lab.runner.LabCatalogue;
import lab.runner.LabSession;
import lab.runner.browser.BrowserInfo;
import lab.runner.browser.BrowserOptions;
import lab.runner.browser.BrowserUnavailableException;
import lab.runner.doctor.CheckResult;
import lab.runner.doctor.Diagnosis;
import lab.runner.doctor.Doctor;
import lab.runner.doctor.DoctorTable;
import lab.runner.doctor.FirefoxVersion;
import lab.victim.defence.Defences;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./lab doctor}: the browser facts the lessons rely on, measured in the browser the lab drives. */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = "Measures, in the lab's headless Chromium (or Firefox: --engine) against the lab's own servers,"
                + " the browser facts the"
                + " lessons rely on (*.localhost names on loopback, Secure cookies over plain http, Lax by default,"
                + " Access-Control-Allow-Origin: * refused with credentials, third-party cookies sent or not per"
                + " browser setting, the third-party cookie default of a fresh headless shell and of a fresh full"
                + " Chromium (a second browser launch each, a few seconds), Sec-Fetch-* arriving at the *.localhost"
                + " origins and not at a plain-HTTP name mapped to loopback, ports and subdomains same-site, a"
                + " WebSocket handshake from another site with its Origin and without Sec-Fetch-*, the JSON API"
                + " included as a script blocked by ORB while the JSONP endpoint runs, Local Network Access denied"
                + " then granted, a cookie tossed by a sibling subdomain reaching the site first while __Host-session"
                + " resists it, a partitioned cookie back only under the same top-level site, a cached preflight"
                + " outliving a CORS switch and Chromium's two-hour cap on it (with libfaketime; SKIPPED without), a"
                + " cookie set by a cross-site login post stored even when Strict) and prints each with PASS, FAIL or"
                + " SKIPPED, what the"
                + " lessons expect and what the browser did. Run it after a browser or Playwright upgrade.")
final class DoctorCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private JsonPrintOption json;

    @Mixin
    private BrowserOption browser;

    @Mixin
    private EngineOption engine;

    @Override
    public Integer call() {
        List<String> engines = engine.engines(spec.commandLine().getErr());
        Map<String, Optional<Path>> executables = new LinkedHashMap<>();
        for (String key : engines) {
            executables.put(key, browser.locate(engine, key, BrowserOptions.HEADLESS, spec));
        }
        List<Diagnosis> diagnoses = new ArrayList<>();
        for (Map.Entry<String, Optional<Path>> each : executables.entrySet()) {
            Diagnosis diagnosis = diagnose(each.getKey(), each.getValue());
            if (diagnosis == null) {
                return ExitCodes.INTERRUPTED;
            }
            diagnoses.add(diagnosis);
        }
        for (Diagnosis diagnosis : diagnoses) {
            if (json.asJson()) {
                spec.commandLine().getOut().println(diagnosis.toJson());
            } else {
                DoctorTable.print(spec.commandLine().getOut(), diagnosis);
            }
        }
        spec.commandLine().getOut().flush();
        return diagnoses.stream().allMatch(Diagnosis::allPassed) ? ExitCodes.OK : ExitCodes.MISMATCH;
    }

    /** The diagnosis of one engine; null when Ctrl-C stopped it. */
    private Diagnosis diagnose(String key, Optional<Path> executable) {
        try (LabSession session =
                LabSession.start(LabCatalogue.load(), key, executable, BrowserOptions.HEADLESS, Defences.WIDE_OPEN)) {
            BrowserInfo info;
            try {
                info = session.browser().info();
            } catch (BrowserUnavailableException e) {
                if (!key.equals("firefox")) {
                    throw e;
                }
                // A Firefox that is installed but does not start under this Playwright: the pairing broke.
                return FirefoxVersion.failedDiagnosis(executable.orElseThrow(), e.getMessage());
            }
            List<CheckResult> checks = Doctor.allChecks(session);
            if (session.closing()) {
                // Ctrl-C: the browser was stopped under the checks, so their results say nothing.
                return null;
            }
            return new Diagnosis(info, checks);
        }
    }
}
