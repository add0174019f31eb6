package lab.runner.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
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
                + " so that the next serve starts from the seeded site and empty loot. Stop serve first.")
final class ResetCommand implements Callable<Integer> {

    /** The files H2 keeps for the two databases, and nothing else: a reset never deletes what it did not make. */
    private static final List<String> DATABASE_FILES =
            List.of("victim.mv.db", "victim.trace.db", "loot.mv.db", "loot.trace.db");

    @Spec
    private CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "The directory given to serve --data.")
    private Path data;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(data)) {
            throw new ParameterException(spec.commandLine(), "--data " + data + " is not a directory");
        }
        PrintWriter out = spec.commandLine().getOut();
        int deleted = 0;
        for (String name : DATABASE_FILES) {
            if (Files.deleteIfExists(data.resolve(name))) {
                deleted++;
            }
        }
        try (Stream<Path> rest = Files.list(data)) {
            if (rest.findAny().isEmpty()) {
                Files.delete(data);
            }
        }
        out.println(
                deleted == 0
                        ? "Nothing to reset in " + data + "."
                        : "Reset: the next ./lab serve --data " + data
                                + " starts from the seeded site and empty loot.");
        return ExitCodes.OK;
    }
}
