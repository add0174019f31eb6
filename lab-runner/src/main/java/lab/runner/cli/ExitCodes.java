package lab.runner.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;

/**
 * The exit statuses of {@code ./lab}, defined here only: the commands return them, {@code Main} maps a machine's
 * problems and Ctrl-C to them, and {@link #listIn} prints them in every command's help, so a script reading the
 * status and a person reading the help see the same list.
 */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int MISMATCH = 1;
    public static final int USAGE = 2;
    public static final int CANNOT_START = 3;
    /** The shell's convention for a command ended by SIGINT (128 + 2). */
    public static final int INTERRUPTED = 130;

    /** What 0 and 1 mean for the commands whose result is a judgement, so each help says its own. */
    private static final Map<String, String[]> JUDGED = Map.of(
            "run",
                    new String[] {
                        "every case had the outcome its lesson expects", "at least one case had another outcome"
                    },
            "doctor", new String[] {"every check passed", "at least one check failed: this browser breaks a lesson"},
            "scan", new String[] {"no weakness confirmed", "at least one weakness confirmed in the browser"},
            "solve",
                    new String[] {"the challenge is solved", "not solved: the verdict says which evidence was missing"
                    });

    private ExitCodes() {}

    /** Lists the exit statuses in the help of {@code commandLine} and of each of its subcommands. */
    static void listIn(CommandLine commandLine) {
        commandLine.getCommandSpec().exitCodeOnInvalidInput(USAGE);
        commandLine
                .getCommandSpec()
                .usageMessage()
                .exitCodeListHeading("%nExit status:%n")
                .exitCodeList(describedFor(commandLine.getCommandName()));
        commandLine.getSubcommands().values().forEach(ExitCodes::listIn);
    }

    /** The list as {@code command}'s help shows it, keyed by the status padded for picocli's two columns. */
    static Map<String, String> describedFor(String command) {
        String[] judged = JUDGED.get(command);
        Map<String, String> list = new LinkedHashMap<>();
        boolean top = command.equals("lab");
        list.put(
                key(OK),
                judged != null ? "done: " + judged[0] : top ? "done (run, doctor, scan: as expected)" : "done");
        list.put(
                key(MISMATCH),
                judged != null
                        ? "done: " + judged[1]
                        : top
                                ? "done, not as expected (run: a case had another outcome; doctor: a check failed;"
                                        + " scan: a weakness confirmed; challenges solve: not solved)"
                                : "a result not as expected (returned by run, doctor, scan and challenges solve only)");
        list.put(
                key(USAGE),
                "bad command line" + (command.equals("scan") ? ", or a target that cannot be reached" : ""));
        list.put(key(CANNOT_START), "the lab could not start (no browser, a port in use, a failed build)");
        list.put(key(INTERRUPTED), "stopped by Ctrl-C or SIGTERM");
        return list;
    }

    private static String key(int status) {
        return "%3d".formatted(status);
    }
}
