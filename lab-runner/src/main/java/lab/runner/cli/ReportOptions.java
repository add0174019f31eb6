package lab.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import lab.runner.cases.CaseResult;
import lab.runner.report.HtmlReport;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --report DIR} and {@code --report-file FILE}: the HTML report as a folder (the page with its screenshots
 * and traces beside it) or as one self-contained file. Both are checked before any case runs.
 */
final class ReportOptions {

    @Option(
            names = "--report",
            paramLabel = "DIR",
            description = "Also write an HTML report to DIR/index.html, with a screenshot per case and, for a case"
                    + " not as expected, the Playwright trace of its re-run; it opens offline, from the file"
                    + " system. "
                    + ReportDirectory.RULE)
    private Path directory;

    @Option(
            names = "--report-file",
            paramLabel = "FILE",
            description = "Also write the HTML report as one self-contained file, screenshots and traces inside, to"
                    + " send or archive as is (for example report.html). FILE must not exist yet.")
    private Path file;

    /** Where traces wait for a single-file report to take them in; null otherwise. */
    private Path scratch;

    /** Whether a report is asked for: the cases then keep a screenshot each and the traces of mismatches. */
    boolean any() {
        return directory != null || file != null;
    }

    /** @throws ParameterException (exit status 2) for a directory holding a report or an existing file */
    void check(CommandSpec spec) {
        if (directory != null) {
            ReportDirectory.check(spec, directory);
        }
        if (file != null) {
            if (file.toString().isBlank() || Files.isDirectory(file)) {
                throw new ParameterException(
                        spec.commandLine(), "--report-file needs a file name, such as report.html");
            }
            if (Files.exists(file)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--report-file " + file + " already exists; a report never overwrites a file: choose a new"
                                + " name or remove the old one first");
            }
        }
    }

    /** Where the runner keeps the traces of mismatching cases, or null when no report is asked for. */
    Path traces() throws IOException {
        if (directory != null) {
            return directory.resolve(HtmlReport.TRACES);
        }
        if (file != null) {
            scratch = Files.createTempDirectory("lab-report-traces");
            return scratch;
        }
        return null;
    }

    void write(List<CaseResult> results, PrintWriter out) throws IOException {
        if (directory != null) {
            Path index = new HtmlReport().write(directory, results);
            out.println("HTML report written to " + index.toAbsolutePath());
        }
        if (file != null) {
            new HtmlReport().writeFile(file, results);
            out.println("HTML report written to " + file.toAbsolutePath() + " (one self-contained file)");
        }
        if (scratch != null) {
            try (Stream<Path> paths = Files.walk(scratch)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
