package lab.runner.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import lab.runner.LabVersion;
import lab.runner.browser.BrowserLocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** What {@code ./lab --help} and {@code ./lab COMMAND --help} tell a person, and that it is true. */
class CommandHelpTest {

    private static final List<Integer> STATUSES =
            List.of(ExitCodes.OK, ExitCodes.MISMATCH, ExitCodes.USAGE, ExitCodes.CANNOT_START, ExitCodes.INTERRUPTED);

    /** The top level and every subcommand, by the name a person types. */
    static Stream<String> commands() {
        return Stream.concat(Stream.of("lab"), LabCommand.commandLine().getSubcommands().keySet().stream());
    }

    private static String help(String command) {
        CommandLine lab = LabCommand.commandLine();
        CommandLine commandLine =
                command.equals("lab") ? lab : lab.getSubcommands().get(command);
        StringWriter out = new StringWriter();
        commandLine.usage(new PrintWriter(out, true));
        return out.toString();
    }

    @ParameterizedTest(name = "./lab {0} --help")
    @MethodSource("commands")
    void every_help_lists_every_exit_status_from_the_one_definition(String command) {
        String help = help(command);
        // picocli wraps long lines: compare the words, not the line breaks.
        String exitStatus = help.substring(help.indexOf("Exit status:")).replaceAll("\\s+", " ");
        for (int status : STATUSES) {
            assertThat(exitStatus)
                    .as(command + " lists " + status)
                    .contains(
                            " " + status + " " + ExitCodes.describedFor(command).get("%3d".formatted(status)));
        }
    }

    @Test
    void the_version_is_the_builds_own_and_serve_promises_no_fixed_ports() {
        StringWriter out = new StringWriter();
        CommandLine commandLine = LabCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.execute("--version");
        assertThat(out.toString().strip()).isEqualTo("Same-Origin Lab " + LabVersion.get());
        assertThat(LabVersion.get()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(help("serve")).doesNotContain("fixed");
        assertThat(help("run").replaceAll("\\s+", " ")).contains("--workers=N Cases to run at once, 1 or more");
    }

    @Test
    void each_judging_command_says_what_its_own_mismatch_is() {
        assertThat(help("run")).contains("at least one case had another");
        assertThat(help("doctor")).contains("at least one check failed");
        assertThat(help("scan")).contains("at least one weakness confirmed");
    }

    @Test
    void the_browser_default_the_help_names_is_the_one_the_lab_picks_on_this_machine() {
        Optional<Path> picked = BrowserLocator.locate(Optional.empty());
        String help = help("run").replaceAll("\\s+", " ");
        assertThat(help).contains("--browser=PATH");
        if (picked.isPresent()) {
            // The first system Chromium the help names that is installed here is the one the lab launches.
            String firstInstalled = Stream.of(
                            help.substring(help.indexOf("--browser=PATH")).split("[\\s,();.]"))
                    .filter(word -> word.startsWith("/usr/bin/"))
                    .filter(word -> Path.of(word).toFile().canExecute())
                    .findFirst()
                    .orElseThrow();
            assertThat(Path.of(firstInstalled)).isEqualTo(picked.get());
        } else {
            assertThat(help).contains("Playwright's own");
        }
    }

    @Test
    void options_shared_by_several_commands_read_the_same_in_each() {
        String browserLine = "The browser binary to drive: a Chromium, or a Firefox";
        for (String command : List.of("run", "matrix", "doctor", "serve", "scan")) {
            // picocli wraps each help at its own column: compare the words, not the line breaks.
            assertThat(help(command).replaceAll("\\s+", " ")).as(command).contains("--browser=PATH", browserLine);
        }
        // These drive Chromium only, so their help offers no Firefox.
        for (String command : List.of("bench", "screenshots")) {
            assertThat(help(command).replaceAll("\\s+", " "))
                    .as(command)
                    .contains("--browser=PATH The Chromium binary to drive. Default: the first installed of")
                    .doesNotContain("or a Firefox");
        }
        for (String command : List.of("run", "bench", "scan")) {
            assertThat(help(command)).as(command).contains("--json=FILE", "Also write the results as JSON to FILE");
        }
        for (String command : List.of("list", "doctor")) {
            assertThat(help(command)).as(command).contains("--json", "Print the same as JSON instead of a table");
        }
    }

    @ParameterizedTest(name = "./lab {0} --help, home {1}")
    @MethodSource("commandsWithDataAndHomes")
    void the_data_default_and_the_host_names_are_never_split_across_lines(String command, String home) {
        String before = System.getProperty("user.home");
        System.setProperty("user.home", home);
        try {
            CommandLine commandLine = LabCommand.commandLine();
            for (String name : command.split(" ")) {
                commandLine = name.equals("lab")
                        ? commandLine
                        : commandLine.getSubcommands().get(name);
            }
            StringWriter out = new StringWriter();
            commandLine.usage(new PrintWriter(out, true));
            String help = out.toString();
            assertThat(help).as("the whole path on one line").contains(home + "/.same-origin-lab\n");
            if (command.endsWith("solve")) {
                for (String host : lab.scenarios.challenges.ExploitHosts.NAMES) {
                    assertThat(help)
                            .as(host + " on one line")
                            .containsPattern("[\\s,]" + host.replace(".", "\\.") + "[,\\s(]");
                }
            }
        } finally {
            System.setProperty("user.home", before);
        }
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> commandsWithDataAndHomes() {
        return Stream.of("challenges", "challenges solve", "challenges hint", "challenges reset")
                .flatMap(command -> Stream.of("/root", "/home/participant")
                        .map(home -> org.junit.jupiter.params.provider.Arguments.of(command, home)));
    }
}
