package lab.runner.doctor;

import java.io.PrintWriter;
import java.util.List;
import lab.runner.browser.BrowserInfo;

/** The terminal's view of a diagnosis: the browser, then one line per check, then a count. */
public final class DoctorTable {

    private static final String[] HEADINGS = {"CHECK", "STATUS", "EXPECTED", "OBSERVED"};
    private static final String GAP = "  ";

    private DoctorTable() {}

    public static void print(PrintWriter out, Diagnosis diagnosis) {
        BrowserInfo browser = diagnosis.browser();
        out.printf("Browser:  %s %s (%s)%n%n", browser.name(), browser.version(), browser.executable());

        List<CheckResult> checks = diagnosis.checks();
        // Columns as wide as their widest cell, so that each check stays on one line and the columns line up.
        int nameWidth =
                width(HEADINGS[0], checks.stream().map(CheckResult::name).toList());
        int statusWidth = width(HEADINGS[1], List.of("PASS", "FAIL", "SKIPPED"));
        int expectedWidth =
                width(HEADINGS[2], checks.stream().map(CheckResult::expected).toList());
        String row = "%-" + nameWidth + "s" + GAP + "%-" + statusWidth + "s" + GAP + "%-" + expectedWidth + "s" + GAP
                + "%s%n";

        out.printf(row, (Object[]) HEADINGS);
        for (CheckResult check : checks) {
            out.printf(row, check.name(), check.status(), check.expected(), check.observed());
        }

        long passed = checks.stream().filter(CheckResult::passed).count();
        long failed = checks.stream().filter(CheckResult::failed).count();
        long skipped = checks.size() - passed - failed;
        out.printf(
                "%nchecks: %d passed, %d failed%s%n", passed, failed, skipped == 0 ? "" : ", " + skipped + " skipped");
        if (skipped > 0) {
            out.println("A SKIPPED check was not measured on this machine; its OBSERVED column says what it needs.");
        }
        if (failed > 0) {
            out.println("A FAIL means this browser does not behave as the lessons assume: the outcomes that rest on"
                    + " that fact may differ from the lessons' tables (./lab run will show which).");
        }
        out.flush();
    }

    private static int width(String heading, List<String> cells) {
        return Math.max(
                heading.length(), cells.stream().mapToInt(String::length).max().orElse(0));
    }
}
