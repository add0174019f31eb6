package lab.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad command lines of ./lab challenges get a clear error, exit status 2, and start no lab. */
class ChallengesCommandLineTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = LabCommand.commandLine();
        commandLine.setErr(new PrintWriter(err));
        commandLine.setOut(new PrintWriter(new StringWriter()));
        return commandLine.execute(args);
    }

    @Test
    void challenges_solve_refuses_bad_command_lines_with_status_2_before_the_lab_starts(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        String data = dir.resolve("progress").toString();
        java.nio.file.Path empty = java.nio.file.Files.writeString(dir.resolve("empty.html"), "");
        java.nio.file.Path page = java.nio.file.Files.writeString(dir.resolve("page.html"), "<p>x");
        assertThat(run("challenges", "solve", "no-such", "--exploit", page.toString(), "--data", data))
                .isEqualTo(2);
        assertThat(err.toString()).contains("unknown challenge 'no-such'", "steal-with-reflect");
        assertThat(run("challenges", "solve", "csrf-email", "--data", data)).isEqualTo(2);
        assertThat(err.toString()).contains("give --exploit FILE");
        assertThat(run(
                        "challenges",
                        "solve",
                        "csrf-email",
                        "--exploit",
                        dir.resolve("missing.html").toString(),
                        "--data",
                        data))
                .isEqualTo(2);
        assertThat(err.toString()).contains("no such file");
        assertThat(run("challenges", "solve", "csrf-email", "--exploit", empty.toString(), "--data", data))
                .isEqualTo(2);
        assertThat(err.toString()).contains("empty");
        assertThat(run(
                        "challenges",
                        "solve",
                        "csrf-email",
                        "--exploit",
                        page.toString(),
                        "--host",
                        "bank.example",
                        "--data",
                        data))
                .isEqualTo(2);
        assertThat(err.toString()).contains("unknown --host 'bank.example'", "evilsocial.localhost");
        assertThat(run("challenges", "solve", "defend-the-settings", "--exploit", page.toString(), "--data", data))
                .isEqualTo(2);
        assertThat(run("challenges", "solve", "defend-the-settings", "--defences", "cors=maybe", "--data", data))
                .isEqualTo(2);
        assertThat(err.toString()).contains("'maybe'");
        assertThat(run("challenges", "hint", "no-such", "--data", data)).isEqualTo(2);
    }

    @Test
    void progress_that_cannot_be_opened_is_one_line_and_exit_status_3(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // Another process holding the database is one way to get here; a folder where the database file should
        // be is the same failure to open it, reproducible within one process.
        java.nio.file.Files.createDirectories(dir.resolve("challenges.mv.db"));
        CommandLine commandLine = lab.runner.Main.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter()));
        assertThat(commandLine.execute("challenges", "--data", dir.toString())).isEqualTo(3);
        assertThat(err.toString().strip())
                .startsWith("lab: the challenges' progress could not be opened")
                .doesNotContain("\tat ", "\n");
    }
}
