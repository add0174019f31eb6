package lab.runner.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import lab.runner.LabVersion;
import lab.runner.dist.Distribution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./lab dist DIR}: the artefact participants run with Java alone. */
@Command(
        name = "dist",
        mixinStandardHelpOptions = true,
        description = "Writes DIR/same-origin-lab-VERSION.zip for participants: same-origin-lab.jar with its libraries"
                + " and launch scripts for Linux/macOS (lab) and Windows (lab.cmd). Unzipped anywhere, it runs with"
                + " Java 17 or newer alone: java -jar same-origin-lab.jar serve (or run, list). No Maven.")
final class DistCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Where to write the zip (created if missing).")
    private Path directory;

    @Override
    public Integer call() throws IOException {
        Path labJar = packagedJar();
        if (labJar == null || !Files.isDirectory(labJar.getParent().resolve("lib"))) {
            throw new ParameterException(
                    spec.commandLine(),
                    "dist packs the built lab (lab-runner/target/lab-runner.jar and its lib/ folder): run it as"
                            + " ./lab dist DIR, which builds the lab first");
        }
        Path target = directory.resolve(Distribution.fileName(LabVersion.get()));
        if (Files.exists(target)) {
            throw new ParameterException(
                    spec.commandLine(), target + " already exists; remove it or choose another directory");
        }
        Path zip = Distribution.write(labJar, LabVersion.get(), directory);
        spec.commandLine()
                .getOut()
                .printf(
                        "Wrote %s (%d MB). Participants unzip it and run: java -jar %s serve%n",
                        zip.toAbsolutePath(), Files.size(zip) / (1024 * 1024), Distribution.JAR);
        return ExitCodes.OK;
    }

    /** The jar this command runs from, or null when it runs from classes (a test, an IDE). */
    private static Path packagedJar() {
        try {
            Path location = Path.of(DistCommand.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return Files.isRegularFile(location) && location.toString().endsWith(".jar") ? location : null;
        } catch (URISyntaxException | SecurityException e) {
            return null;
        }
    }
}
