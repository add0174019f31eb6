package lab.runner.cli;

import picocli.CommandLine.Option;

/** {@code --json}: a command that prints a table prints the same as JSON instead, for tools. */
final class JsonPrintOption {

    @Option(names = "--json", description = "Print the same as JSON instead of a table, for tools.")
    private boolean json;

    boolean asJson() {
        return json;
    }
}
