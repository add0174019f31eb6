package lab.runner.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import lab.runner.LabCatalogue;
import lab.runner.LabSession;
import lab.runner.browser.BrowserLocator;
import lab.runner.doctor.CheckResult;
import lab.runner.doctor.Diagnosis;
import lab.runner.doctor.Doctor;
import lab.runner.doctor.DoctorTable;
import lab.victim.defence.Defences;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./lab doctor}: the browser facts the lessons rely on, measured in the browser the lab drives. */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = "Measures, in the lab's headless Chromium against the lab's own servers, the browser facts the"
                + " lessons rely on (*.localhost names on loopback, Secure cookies over plain http, Lax by default,"
                + " Access-Control-Allow-Origin: * refused with credentials, third-party cookies sent or not per"
                + " browser setting, ports and subdomains same-site) and prints each with PASS or FAIL, what the"
                + " lessons expect and what the browser did. Run it after a browser or Playwright upgrade.",
        footerHeading = "%nExit status:%n",
        footer = {
            "  0  every check passed",
            "  1  at least one check failed: this browser breaks an assumption of the lessons",
            "  2  bad command line",
            "  3  the lab could not start (browser, port)",
            "130  stopped by Ctrl-C"
        })
final class DoctorCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print the browser and the checks as JSON instead of a table.")
    private boolean json;

    @Option(
            names = "--browser",
            paramLabel = "PATH",
            description =
                    "The Chromium binary to examine (default: /usr/bin/chromium if present, else Playwright's own).")
    private Path browser;

    @Override
    public Integer call() {
        Optional<Path> executable = BrowserLocator.locate(Optional.ofNullable(browser));
        Diagnosis diagnosis;
        try (LabSession session = LabSession.start(LabCatalogue.load(), executable, Defences.WIDE_OPEN)) {
            List<CheckResult> checks = Doctor.of(session).runAll();
            if (session.closing()) {
                // Ctrl-C: the browser was stopped under the checks, so their results say nothing.
                return ExitCodes.INTERRUPTED;
            }
            diagnosis = new Diagnosis(session.browser().info(), checks);
        }
        if (json) {
            spec.commandLine().getOut().println(diagnosis.toJson());
            spec.commandLine().getOut().flush();
        } else {
            DoctorTable.print(spec.commandLine().getOut(), diagnosis);
        }
        return diagnosis.allPassed() ? ExitCodes.OK : ExitCodes.MISMATCH;
    }
}
