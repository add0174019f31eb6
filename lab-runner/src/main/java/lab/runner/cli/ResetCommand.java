package lab.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import lab.victim.data.DataDirectory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./lab reset --data DIR}: forgets what {@code serve --data DIR} kept, so the next serve starts as seeded. */
@Command(
        name = "reset",
        mixinStandardHelpOptions = true,
        description = "Deletes the databases that ./lab serve --data DIR kept in DIR (the victim's and the attacker's),"
                + " so that the next serve starts from the seeded site and empty loot. Stop serve first. Only the"
                + " lab's own files are deleted, and DIR itself only if serve created it and nothing else is in it.")
final class ResetCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "The directory given to serve --data.")
    private Path data;

    @Override
    public Integer call() throws IOException {
        DataDirectory directory = DataFolder.check(spec, data);
        if (!Files.isDirectory(directory.path())) {
            throw new ParameterException(spec.commandLine(), "--data " + data + " is not a directory");
        }
        PrintWriter out = spec.commandLine().getOut();
        int deleted = DataFolder.reset(directory);
        out.println(
                deleted == 0
                        ? "Nothing to reset in " + data + "."
                        : "Reset: the next ./lab serve --data " + data
                                + " starts from the seeded site and empty loot.");
        return ExitCodes.OK;
    }
}
