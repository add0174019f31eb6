package lab.runner.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lab.victim.data.DataDirectory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * What {@code serve --data DIR} makes in DIR and {@code reset --data DIR} takes away again: the two databases'
 * files, and the directory itself only when serve created it (a marker file says so). Nothing else is touched.
 */
final class DataFolder {

    /** The files H2 keeps for the lab's databases: the victim's, the loot and the challenges' progress. */
    static final List<String> DATABASE_FILES = List.of(
            "victim.mv.db",
            "victim.trace.db",
            "victim.lock.db",
            "loot.mv.db",
            "loot.trace.db",
            "loot.lock.db",
            "challenges.mv.db",
            "challenges.trace.db",
            "challenges.lock.db");

    /** Written by serve into a directory it created, so that reset may remove the directory again. */
    static final String MADE_BY_THE_LAB = ".made-by-same-origin-lab";

    private DataFolder() {}

    /** A plain directory path, or a usage error (exit status 2) naming the character that is not allowed. */
    static DataDirectory check(CommandSpec spec, Path data) {
        try {
            return DataDirectory.of(data);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Creates the directory if it is missing, marking it as the lab's. */
    static void prepare(DataDirectory data) throws IOException {
        Path path = data.path();
        if (!Files.isDirectory(path)) {
            Files.createDirectories(path);
            Files.writeString(
                    path.resolve(MADE_BY_THE_LAB),
                    "./lab serve --data created this directory; ./lab reset --data removes it again.\n");
        }
    }

    /**
     * Deletes the database files, and the directory if serve created it and nothing else is left in it.
     *
     * @return how many database files were deleted
     */
    static int reset(DataDirectory data) throws IOException {
        Path path = data.path();
        int deleted = 0;
        for (String name : DATABASE_FILES) {
            if (Files.deleteIfExists(path.resolve(name))) {
                deleted++;
            }
        }
        Path marker = path.resolve(MADE_BY_THE_LAB);
        if (Files.exists(marker) && onlyTheMarkerIsLeft(path)) {
            Files.delete(marker);
            Files.delete(path);
        }
        return deleted;
    }

    private static boolean onlyTheMarkerIsLeft(Path path) throws IOException {
        try (Stream<Path> entries = Files.list(path)) {
            return entries.allMatch(entry -> entry.getFileName().toString().equals(MADE_BY_THE_LAB));
        }
    }
}
