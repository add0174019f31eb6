package lab.runner.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lab.runner.LabVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The participants' artefact as a participant gets it: {@code ./lab dist} run from the packaged jar, the zip
 * unzipped into an empty directory far from the build, and the lab run from there with {@code java -jar} alone.
 */
class DistributionIT {

    private static final Path PACKAGED = Path.of("target", "lab-runner.jar");

    @TempDir
    Path temp;

    @Test
    void the_zip_unzipped_anywhere_lists_and_runs_a_case_with_java_alone() throws Exception {
        Path out = temp.resolve("out");
        Result dist = java(Path.of("."), PACKAGED.toAbsolutePath().toString(), "dist", out.toString());
        assertThat(dist.status()).as(dist.output()).isZero();
        Path zip = out.resolve("same-origin-lab-" + LabVersion.get() + ".zip");
        assertThat(dist.output()).contains(zip.toAbsolutePath().toString(), "java -jar same-origin-lab.jar serve");

        Path participant = Files.createDirectory(temp.resolve("participant"));
        unzip(zip, participant);
        Path home = participant.resolve("same-origin-lab-" + LabVersion.get());
        assertThat(home.resolve("same-origin-lab.jar")).isRegularFile();
        assertThat(home.resolve("lab.cmd")).content().contains("java -jar \"%~dp0same-origin-lab.jar\" %*");
        assertThat(Files.isExecutable(home.resolve("lab")))
                .as("the Linux/macOS launcher is executable")
                .isTrue();

        Result list = java(home, "same-origin-lab.jar", "list");
        assertThat(list.status()).as(list.output()).isZero();
        assertThat(list.output()).contains("cookie-theft", "scenarios,");

        Result run = java(home, "same-origin-lab.jar", "run", "public-data", "--case", "1");
        assertThat(run.status()).as(run.output()).isZero();
        assertThat(run.output()).contains("cases: 1 passed, 0 failed");

        Result version = java(home, "same-origin-lab.jar", "--version");
        assertThat(version.output().strip()).isEqualTo("Same-Origin Lab " + LabVersion.get());

        Result again = java(Path.of("."), PACKAGED.toAbsolutePath().toString(), "dist", out.toString());
        assertThat(again.status()).isEqualTo(2);
        assertThat(again.output()).contains("already exists");
    }

    private record Result(int status, String output) {}

    /** {@code java -jar JAR ARGS} in {@code directory}, with no Maven and no class path of this build. */
    private static Result java(Path directory, String jar, String... args) throws Exception {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().remove("CLASSPATH");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    /** Unzips as an unzip tool does, keeping each file's POSIX permissions. */
    private static void unzip(Path zip, Path into) throws IOException {
        try (FileSystem in = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"));
                Stream<Path> all = Files.walk(in.getPath("/"))) {
            for (Path entry : all.toList()) {
                Path target = into.resolve(in.getPath("/").relativize(entry).toString());
                if (Files.isDirectory(entry)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(entry, target);
                    Files.setPosixFilePermissions(
                            target,
                            Files.getFileAttributeView(entry, PosixFileAttributeView.class)
                                    .readAttributes()
                                    .permissions());
                }
            }
        }
    }
}
