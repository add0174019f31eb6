package lab.runner.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --json FILE}: a command that prints a report also writes it as JSON, for tools. */
final class JsonFileOption {

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE, for tools.")
    private Path json;

    Optional<Path> file() {
        return Optional.ofNullable(json);
    }
}
