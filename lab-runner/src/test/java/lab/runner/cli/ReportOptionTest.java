package lab.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --report DIR} is checked before any case runs: exit status 2, no browser, nothing written. */
class ReportOptionTest {

    @TempDir
    Path temp;

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = LabCommand.commandLine();
        commandLine.setErr(new PrintWriter(err));
        commandLine.setOut(new PrintWriter(out));
        return commandLine.execute(args);
    }

    @Test
    void a_file_an_empty_path_or_an_earlier_report_is_refused_before_any_case_runs() throws Exception {
        Path file = Files.writeString(temp.resolve("notes.txt"), "mine");
        Path earlier = Files.createDirectory(temp.resolve("earlier"));
        Files.writeString(earlier.resolve("index.html"), "<p>the first report</p>");
        // A browser that does not exist: a run that got past the check would stop there with status 3.
        String[] noBrowser = {"--browser", temp.resolve("no-such-chromium").toString()};

        assertThat(run(concat(new String[] {"run", "cookie-theft", "--report", file.toString()}, noBrowser)))
                .isEqualTo(2);
        assertThat(err.toString()).contains("is a file, not a directory");
        assertThat(run(concat(new String[] {"run", "cookie-theft", "--report", ""}, noBrowser)))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--report needs a directory path");
        assertThat(run(concat(new String[] {"run", "cookie-theft", "--report", earlier.toString()}, noBrowser)))
                .isEqualTo(2);
        assertThat(err.toString()).contains("already holds a report");

        assertThat(run(concat(new String[] {"run", "cookie-theft", "--report-file", file.toString()}, noBrowser)))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--report-file " + file + " already exists");
        assertThat(run(concat(new String[] {"run", "cookie-theft", "--report-file", temp.toString()}, noBrowser)))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--report-file needs a file name");

        assertThat(Files.readString(file)).isEqualTo("mine");
        assertThat(Files.readString(earlier.resolve("index.html"))).isEqualTo("<p>the first report</p>");
        assertThat(out.toString()).doesNotContain("Running");
    }

    @Test
    void the_rule_is_stated_in_the_help() {
        run("run", "--help");
        // picocli may break a line inside "index.html" itself: compare without any white space.
        assertThat(out.toString().replaceAll("\\s+", "")).contains("withoutanindex.html");
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
