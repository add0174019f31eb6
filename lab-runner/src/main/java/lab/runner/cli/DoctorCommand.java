package lab.runner.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import lab.runner.LabCatalogue;
import lab.runner.LabSession;
import lab.runner.doctor.CheckResult;
import lab.runner.doctor.Diagnosis;
import lab.runner.doctor.Doctor;
import lab.runner.doctor.DoctorTable;
import lab.victim.defence.Defences;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ./lab doctor}: the browser facts the lessons rely on, measured in the browser the lab drives. */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = "Measures, in the lab's headless Chromium against the lab's own servers, the browser facts the"
                + " lessons rely on (*.localhost names on loopback, Secure cookies over plain http, Lax by default,"
                + " Access-Control-Allow-Origin: * refused with credentials, third-party cookies sent or not per"
                + " browser setting, the third-party cookie default of a fresh headless shell and of a fresh full"
                + " Chromium (a second browser launch each, a few seconds), Sec-Fetch-* arriving at the *.localhost"
                + " origins and not at a plain-HTTP name mapped to loopback, ports and subdomains same-site) and prints each with PASS or FAIL, what the"
                + " lessons expect and what the browser did. Run it after a browser or Playwright upgrade.")
final class DoctorCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private JsonPrintOption json;

    @Mixin
    private BrowserOption browser;

    @Override
    public Integer call() {
        Optional<Path> executable = browser.locate();
        Diagnosis diagnosis;
        try (LabSession session = LabSession.start(LabCatalogue.load(), executable, Defences.WIDE_OPEN)) {
            List<CheckResult> checks = Doctor.of(session).runAll();
            if (session.closing()) {
                // Ctrl-C: the browser was stopped under the checks, so their results say nothing.
                return ExitCodes.INTERRUPTED;
            }
            diagnosis = new Diagnosis(session.browser().info(), checks);
        }
        if (json.asJson()) {
            spec.commandLine().getOut().println(diagnosis.toJson());
            spec.commandLine().getOut().flush();
        } else {
            DoctorTable.print(spec.commandLine().getOut(), diagnosis);
        }
        return diagnosis.allPassed() ? ExitCodes.OK : ExitCodes.MISMATCH;
    }
}
