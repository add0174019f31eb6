package lab.runner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** {@code ./lab}: the command line of the Same-Origin Lab. */
@Command(
        name = "lab",
        mixinStandardHelpOptions = true,
        version = "Same-Origin Lab 0.1.0",
        description =
                "The Same-Origin Lab: a deliberately vulnerable social site (Flock, the victim), a spam site on another origin (the attacker), and a real headless Chromium that shows where the browser stops the attack and where it does not.",
        subcommands = {
            RunCommand.class,
            MatrixCommand.class,
            ServeCommand.class,
            ListCommand.class,
            ExplainCommand.class,
            DefencesCommand.class,
            DoctorCommand.class,
            BenchCommand.class,
            ResetCommand.class,
            ScreenshotsCommand.class,
            ScanCommand.class,
            ChallengesCommand.class,
            HelpCommand.class
        })
public final class LabCommand {

    /** The command line of {@code ./lab}, every command's help listing the exit statuses of {@link ExitCodes}. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new LabCommand());
        ExitCodes.listIn(commandLine);
        return commandLine;
    }
}
