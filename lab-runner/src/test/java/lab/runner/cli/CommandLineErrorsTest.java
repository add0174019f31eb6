package lab.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad command lines get a clear error naming the bad part, exit status 2, and start nothing. */
class CommandLineErrorsTest {

    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = LabCommand.commandLine();
        commandLine.setErr(new PrintWriter(err));
        commandLine.setOut(new PrintWriter(new StringWriter()));
        return commandLine.execute(args);
    }

    @Test
    void an_unknown_defence_value_names_the_defence_and_the_valid_values() {
        assertThat(run("serve", "--defences", "cors=everything")).isEqualTo(2);
        assertThat(err.toString()).contains("'everything'", "'cors'", "off, wildcard, reflect, allowlist");
    }

    @Test
    void an_unknown_defence_name_or_malformed_pair_is_named() {
        assertThat(run("serve", "--defences", "firewall=on")).isEqualTo(2);
        assertThat(err.toString()).contains("'firewall'");
        assertThat(run("serve", "--defences", "cors")).isEqualTo(2);
        assertThat(err.toString()).contains("malformed defence 'cors'");
    }

    @Test
    void scan_refuses_non_http_urls_remote_targets_and_unreachable_ones_with_status_2() {
        assertThat(run("scan", "ftp://social.localhost/api/me")).isEqualTo(2);
        assertThat(err.toString()).contains("not an http or https URL");
        assertThat(run("scan", "http://example.com/api/me")).isEqualTo(2);
        assertThat(err.toString()).contains("not on this machine", "--allow-remote");
        assertThat(run("scan", "http://127.0.0.1:1/api/me")).isEqualTo(2);
        assertThat(err.toString()).contains("cannot reach", "connection refused");
        assertThat(run("scan", "http://127.0.0.1:1/api/me", "--cookie", "no-equals-sign"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("NAME=VALUE");
    }

    @Test
    void an_unknown_preset_scenario_or_port_is_a_usage_error() {
        assertThat(run("serve", "--preset", "paranoid")).isEqualTo(2);
        assertThat(err.toString()).contains("'paranoid'");
        assertThat(run("run", "no-such-scenario")).isEqualTo(2);
        assertThat(err.toString()).contains("unknown scenario 'no-such-scenario'", "cookie-theft");
        assertThat(run("serve", "--victim-port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("70000");
        assertThat(run("serve", "--victim-port", "7005", "--attacker-port", "7005"))
                .isEqualTo(2);
        assertThat(run("run", "--workers", "-1", "cookie-theft")).isEqualTo(2);
    }

    @Test
    void an_unknown_engine_is_a_usage_error_listing_the_engines() {
        for (String command : java.util.List.of("run", "matrix", "doctor", "bench", "scan", "serve")) {
            assertThat(run(command, "--engine", "netscape")).as(command).isEqualTo(2);
            assertThat(err.toString()).contains("unknown engine 'netscape'", "chromium, firefox", "all");
        }
    }

    @Test
    void a_browser_binary_is_one_engine_s_so_it_is_refused_with_every_engine() {
        assertThat(run("run", "--engine", "all", "--browser", "/usr/bin/chromium", "cookie-theft"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--browser names one engine's binary");
    }

    @Test
    void scan_in_a_firefox_that_is_not_there_exits_3_naming_the_package() {
        // The launcher's own command line, whose handler turns a missing browser into one line and exit 3.
        CommandLine commandLine = lab.runner.Main.commandLine();
        commandLine.setErr(new PrintWriter(err));
        commandLine.setOut(new PrintWriter(new StringWriter()));
        int status = commandLine.execute(
                "scan", "--engine", "firefox", "--browser", "/nonexistent/firefox", "http://127.0.0.1:1/api/me");
        assertThat(status).isEqualTo(3);
        assertThat(err.toString()).contains("/nonexistent/firefox", "apt-get install firefox-esr");
    }
}
