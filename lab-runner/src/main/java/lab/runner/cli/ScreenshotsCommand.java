package lab.runner.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import lab.runner.LabCatalogue;
import lab.runner.LabServers;
import lab.runner.LabSession;
import lab.runner.console.ConsoleServer;
import lab.runner.screens.Screenshots;
import lab.victim.defence.Defences;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./lab screenshots DIR}: the guide's and README's pictures, taken afresh at 1280x720 and 1024x768. */
@Command(
        name = "screenshots",
        mixinStandardHelpOptions = true,
        description = "Takes the pictures of the guide and README (the console, Flock's pages, an attack page) at"
                + " 1280x720 and 1024x768 into DIR, on servers of its own on free loopback ports.")
final class ScreenshotsCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "Where the PNG files go (created if missing), e.g. docs/screenshots.")
    private Path dir;

    @Mixin
    private BrowserOption browser;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "DIR " + dir + ": cannot create it as a folder (" + e + ")");
        }
        try (LabSession session = LabSession.start(LabCatalogue.load(), browser.locate(), Defences.WIDE_OPEN);
                ConsoleServer console = new ConsoleServer(session.servers()).start(LabServers.LOOPBACK, 0)) {
            List<Path> written = new Screenshots(session, console).takeInto(dir);
            written.forEach(file -> out.println(file));
            out.println(written.size() + " screenshots in " + dir);
        }
        return ExitCodes.OK;
    }
}
