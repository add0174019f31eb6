package lab.runner.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A bad command line gets its error and a pointer to the help, not the whole help: the one line that says what
 * is wrong (and "did you mean" where a name is close) stays on the screen.
 */
final class UsageErrors implements CommandLine.IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        PrintWriter err = commandLine.getErr();
        String command = commandLine.getCommandSpec().qualifiedName();
        err.println(command + ": " + exception.getMessage());
        UnmatchedArgumentException.printSuggestions(exception, err);
        err.println("See ./" + command + " --help");
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }
}
