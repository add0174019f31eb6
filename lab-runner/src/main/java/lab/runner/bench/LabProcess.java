package lab.runner.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code ./lab} command in a process of its own, started as a user starts it: through the launcher script
 * when this process came from it (so with the launcher's JVM options), else with this process's own Java and
 * class path (in tests).
 */
final class LabProcess {

    /** Set by the launcher script to its own path. */
    static final String LAUNCHER_PROPERTY = "lab.launcher";

    private LabProcess() {}

    static ProcessBuilder builder(List<String> arguments) {
        List<String> command = new ArrayList<>();
        String launcher = System.getProperty(LAUNCHER_PROPERTY);
        if (launcher != null && Files.isExecutable(Path.of(launcher))) {
            command.add(launcher);
        } else {
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add("lab.runner.Main");
        }
        command.addAll(arguments);
        return new ProcessBuilder(command);
    }

    /** Asks the process to stop (its shutdown hook closes its browser and servers), then makes sure it did. */
    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
