package lab.runner.cli;

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
            ScanCommand.class,
            HelpCommand.class
        },
        footerHeading = "%nExit status:%n",
        footer = {
            "  0  done; for run: every case's outcome was the one its lesson expects; for doctor: every check passed",
            "  1  run: at least one case had another outcome; doctor: at least one check failed",
            "  2  bad command line",
            "  3  the lab could not start (browser, port)"
        })
public final class LabCommand {}
