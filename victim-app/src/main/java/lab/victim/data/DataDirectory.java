package lab.victim.data;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The directory {@code serve --data DIR} keeps the databases in, checked once: its absolute path may hold
 * letters, digits, spaces and {@code / \\ : . _ - + @ ~ ,} only. H2 reads everything after a {@code ;} in its URL as
 * settings ({@code INIT=RUNSCRIPT FROM ...} runs a script), so a path that could carry one never reaches a
 * URL: the only way to build an H2 file URL in the lab is {@link #h2Url(String)} of a checked directory.
 */
public final class DataDirectory {

    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N} /._\\-+@~,:\\\\]+");
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z]+");

    private final Path path;

    private DataDirectory(Path path) {
        this.path = path;
    }

    /**
     * @throws IllegalArgumentException naming the character that is not allowed, before anything is created
     */
    public static DataDirectory of(Path directory) {
        String raw = directory.toString();
        if (raw.isBlank()) {
            throw new IllegalArgumentException("--data needs a directory path");
        }
        Path absolute = directory.toAbsolutePath().normalize();
        String text = absolute.toString();
        for (int i = 0; i < text.length(); i++) {
            String one = String.valueOf(text.charAt(i));
            if (!PLAIN.matcher(one).matches()) {
                throw new IllegalArgumentException("--data " + printable(raw) + ": the character '" + printable(one)
                        + "' is not allowed in a data directory (plain paths only: letters, digits, spaces and"
                        + " / \\ : . _ - + @ ~ ,)");
            }
        }
        return new DataDirectory(absolute);
    }

    public Path path() {
        return path;
    }

    /** The file URL of database {@code name} (lower-case letters) in this directory. */
    public String h2Url(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a database name: " + name);
        }
        return "jdbc:h2:file:" + path.resolve(name) + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", "?");
    }

    @Override
    public String toString() {
        return path.toString();
    }
}
