package lab.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --data DIR}: plain paths only, refused before anything runs; reset deletes only what the lab made. */
class DataOptionTest {

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
    void a_data_path_carrying_a_database_setting_is_a_usage_error_and_nothing_is_created() throws Exception {
        Path script = temp.resolve("evil.sql");
        Path proof = temp.resolve("owned");
        Files.writeString(script, "CALL FILE_WRITE('owned', '" + proof + "');");
        String crafted = temp.resolve("data") + ";INIT=RUNSCRIPT FROM '" + script + "'--";

        // A taken victim port ends a serve that got past the check right after the databases opened.
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String port = String.valueOf(taken.getLocalPort());
            assertThat(run("serve", "--victim-port", port, "--data", crafted)).isEqualTo(2);
        }
        assertThat(err.toString()).contains("the character ';' is not allowed");
        assertThat(run("reset", "--data", crafted)).isEqualTo(2);
        assertThat(proof).doesNotExist();
        try (var left = Files.list(temp)) {
            assertThat(left).containsExactly(script);
        }
    }

    @Test
    void reset_keeps_a_directory_it_did_not_make_and_what_else_is_in_it() throws Exception {
        Path mine = Files.createDirectory(temp.resolve("mine"));
        Files.writeString(mine.resolve("victim.mv.db"), "x");
        Files.writeString(mine.resolve("notes.txt"), "keep me");
        Path empty = Files.createDirectory(temp.resolve("empty"));

        assertThat(run("reset", "--data", mine.toString())).isZero();
        assertThat(run("reset", "--data", empty.toString())).isZero();

        try (var left = Files.list(mine)) {
            assertThat(left).containsExactly(mine.resolve("notes.txt"));
        }
        assertThat(empty).isDirectory();
    }

    @Test
    void reset_removes_a_directory_that_serve_made_once_its_databases_are_gone() throws Exception {
        Path made = temp.resolve("made/by/serve");
        DataFolder.prepare(lab.victim.data.DataDirectory.of(made));
        Files.writeString(made.resolve("loot.mv.db"), "x");

        assertThat(run("reset", "--data", made.toString())).isZero();
        assertThat(made).doesNotExist();
        assertThat(made.getParent()).isDirectory();
    }
}
