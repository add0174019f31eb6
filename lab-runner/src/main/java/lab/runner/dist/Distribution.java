package lab.runner.dist;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The runnable artefact for participants: {@code same-origin-lab-VERSION.zip} holding one folder with
 * {@code same-origin-lab.jar}, the libraries its manifest names in {@code lib/}, and launch scripts for Linux and
 * macOS ({@code lab}) and Windows ({@code lab.cmd}). Java 17 or newer is all it needs: no Maven, no build.
 */
public final class Distribution {

    /** The jar a participant runs: {@code java -jar same-origin-lab.jar serve}. */
    public static final String JAR = "same-origin-lab.jar";

    private Distribution() {}

    /** The artefact's file name for {@code version}. */
    public static String fileName(String version) {
        return "same-origin-lab-" + version + ".zip";
    }

    /**
     * Writes {@code directory/same-origin-lab-VERSION.zip} from the packaged lab.
     *
     * @param labJar the packaged lab (lab-runner.jar), with its {@code lib/} folder beside it
     * @throws IOException when the zip cannot be written, or already exists
     */
    public static Path write(Path labJar, String version, Path directory) throws IOException {
        Path lib = labJar.toAbsolutePath().getParent().resolve("lib");
        Files.createDirectories(directory);
        Path zip = directory.resolve(fileName(version));
        if (Files.exists(zip)) {
            throw new IOException(zip + " already exists; remove it or choose another directory");
        }
        String top = "same-origin-lab-" + version + "/";
        // Stored, not deflated: the jars are compressed already, and storing keeps ./lab dist to a few seconds.
        // The POSIX attributes keep the Linux/macOS launcher executable after unzip.
        Map<String, Object> env =
                Map.of("create", "true", "noCompression", "true", "enablePosixFileAttributes", "true");
        try (FileSystem out = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), env)) {
            Path root = out.getPath(top);
            Files.createDirectories(root.resolve("lib"));
            Files.copy(labJar, root.resolve(JAR));
            try (Stream<Path> jars = Files.list(lib)) {
                for (Path jar : jars.sorted().toList()) {
                    Files.copy(
                            jar, root.resolve("lib").resolve(jar.getFileName().toString()));
                }
            }
            Path unix = Files.writeString(root.resolve("lab"), LaunchScripts.UNIX, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(unix, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(root.resolve("lab.cmd"), LaunchScripts.WINDOWS.replace("\n", "\r\n"));
            Files.writeString(root.resolve("README.txt"), LaunchScripts.readme(version));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(zip);
            throw e;
        }
        return zip;
    }

    /** The files a zip written by {@link #write} holds, for a quick check of its contents. */
    public static List<String> entries(Path zip) throws IOException {
        try (FileSystem in = FileSystems.newFileSystem(zip);
                Stream<Path> all = Files.walk(in.getPath("/"))) {
            return all.filter(Files::isRegularFile).map(Path::toString).sorted().toList();
        }
    }
}
