package lab.runner.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The rule for {@code --report DIR}, checked before any case runs: DIR is a path that is not empty, is a
 * directory or does not exist yet, and holds no {@code index.html} (a report is never written over another).
 */
final class ReportDirectory {

    static final String RULE = "DIR must be a new directory, or an existing one without an index.html; a report never"
            + " overwrites another.";

    private ReportDirectory() {}

    /** @throws ParameterException (exit status 2) naming what is wrong with {@code directory} */
    static void check(CommandSpec spec, Path directory) {
        if (directory.toString().isBlank()) {
            throw new ParameterException(spec.commandLine(), "--report needs a directory path");
        }
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new ParameterException(
                    spec.commandLine(), "--report " + directory + " is a file, not a directory; " + RULE);
        }
        Path index = directory.resolve("index.html");
        if (Files.exists(index)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--report " + directory + " already holds a report (" + index + "); choose a new directory or"
                            + " remove the old report first");
        }
    }
}
