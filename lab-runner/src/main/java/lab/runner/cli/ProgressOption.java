package lab.runner.cli;

import java.nio.file.Path;
import lab.runner.challenges.ChallengeProgress;
import lab.victim.data.DataDirectory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code --data DIR}: where the challenges' progress is kept (the directory {@code serve --data DIR} uses too). */
final class ProgressOption {

    /** Where progress is kept when --data is not given: one place per user, whatever the working directory. */
    static final String DEFAULT = "${sys:user.home}/.same-origin-lab";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = DEFAULT,
            // The path starts a line of its own: picocli wraps at a dot or a dash, which would split it.
            description = "Where the challenges' progress is kept; ./lab serve --data DIR shows the same.%n"
                    + "Default: ${DEFAULT-VALUE}")
    private Path data;

    /**
     * Opens the progress database, creating the directory if needed.
     *
     * @throws IllegalStateException when another ./lab holds the database
     */
    ChallengeProgress open() throws java.io.IOException {
        DataDirectory directory = DataFolder.check(spec, data);
        DataFolder.prepare(directory);
        return ChallengeProgress.in(directory);
    }
}
