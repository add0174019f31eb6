package lab.runner.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import lab.runner.LabCatalogue;
import lab.runner.LabServers;
import lab.runner.browser.BrowserOptions;
import lab.runner.challenges.ChallengeDesk;
import lab.runner.challenges.ChallengeProgress;
import lab.runner.console.ConsoleServer;
import lab.scenarios.ScenarioCatalogue;
import lab.scenarios.challenges.ChallengeCatalogue;
import lab.victim.data.DataDirectory;
import lab.victim.defence.Defences;
import lab.victim.defence.Preset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./lab serve}: both sites and the console on fixed loopback ports, for one's own browser, until Ctrl-C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Starts the victim, the attacker and the lab console on fixed loopback ports and prints the"
                + " URLs to open in your own browser. Runs until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--victim-port",
            paramLabel = "N",
            defaultValue = "7001",
            description = "Victim port (default: ${DEFAULT-VALUE}).")
    private int victimPort;

    @Option(
            names = "--attacker-port",
            paramLabel = "N",
            defaultValue = "7002",
            description = "Attacker port (default: ${DEFAULT-VALUE}).")
    private int attackerPort;

    @Option(
            names = "--console-port",
            paramLabel = "N",
            defaultValue = "7000",
            description = "Lab console port (default: ${DEFAULT-VALUE}).")
    private int consolePort;

    @Option(
            names = "--rebind-port",
            paramLabel = "N",
            defaultValue = "7003",
            description = "Port of the DNS-rebinding name rebind.localhost (default: ${DEFAULT-VALUE}).")
    private int rebindPort;

    @Option(
            names = "--preset",
            paramLabel = "NAME",
            defaultValue = "wide-open",
            description = "Starting defences: wide-open, browser-defaults or hardened (default: ${DEFAULT-VALUE}).")
    private String presetName;

    @Option(
            names = "--defences",
            paramLabel = "NAME=VALUE[,...]",
            defaultValue = "",
            description =
                    "Defences to change on top of the preset, for example cors=allowlist,samesite=lax (see ./lab defences).")
    private String defencesSpec;

    @Option(
            names = "--bind",
            paramLabel = "ADDRESS",
            defaultValue = LabServers.LOOPBACK,
            description =
                    "The address to listen on (default: ${DEFAULT-VALUE}, this machine only). Anything else exposes"
                            + " a deliberately vulnerable site to the network.")
    private String bind;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Keep the sites' databases (posts, e-mail changes, loot) in DIR across restarts"
                    + " (default: fresh in memory each time; ./lab reset --data DIR wipes them). A plain path:"
                    + " letters, digits, spaces and / \\ : . _ - + @ ~ , only.")
    private Path data;

    /** The console runs scenarios on request, in this browser. */
    @Mixin
    private BrowserOption browser;

    /** The engine the console's runs use unless one asks for another installed engine. */
    @Mixin
    private EngineOption engine;

    @Override
    public Integer call() throws InterruptedException {
        Defences defences;
        try {
            defences = Preset.byKey(presetName).defences().with(defencesSpec);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        DataDirectory dataDirectory = data == null ? null : DataFolder.check(spec, data);
        int[] ports = {victimPort, attackerPort, consolePort, rebindPort};
        for (int port : ports) {
            if (port < 1 || port > 65535) {
                throw new ParameterException(spec.commandLine(), "port " + port + " is out of range 1-65535");
            }
        }
        if (java.util.Arrays.stream(ports).distinct().count() < ports.length) {
            throw new ParameterException(
                    spec.commandLine(), "--victim-port, --attacker-port, --console-port and --rebind-port must differ");
        }

        String engineKey = engine.single();
        ScenarioCatalogue catalogue = LabCatalogue.load();
        // A missing browser of the chosen engine stops serve before any server starts (exit 3, naming the package).
        Optional<Path> executable = browser.locate(engineKey, BrowserOptions.HEADLESS);
        if (!bind.equals(LabServers.LOOPBACK)) {
            spec.commandLine().getErr().println("""
                    WARNING: --bind %s exposes the lab beyond this machine. The victim site is DELIBERATELY
                    VULNERABLE: anyone who can reach %s can log in with the published passwords, read its users'
                    data and change its defences through the console. Use it only on a network you control,
                    for the length of a workshop.""".formatted(bind, bind));
        }
        if (dataDirectory != null) {
            try {
                DataFolder.prepare(dataDirectory);
            } catch (java.io.IOException e) {
                throw new ParameterException(
                        spec.commandLine(), "--data " + data + ": cannot create it (" + e.getMessage() + ")");
            }
        }
        ChallengeCatalogue challengeCatalogue = LabCatalogue.challenges(catalogue);
        LabServers servers =
                LabServers.start(catalogue, defences, bind, victimPort, attackerPort, rebindPort, dataDirectory);
        ConsoleServer console;
        ChallengeDesk challenges;
        try {
            ChallengeProgress progress =
                    dataDirectory == null ? ChallengeProgress.inMemory() : ChallengeProgress.in(dataDirectory);
            challenges = new ChallengeDesk(servers, catalogue, challengeCatalogue, progress, executable);
            servers.attacker().exploits().deliverWith(challenges);
            console = LabServers.startOn(
                    consolePort,
                    "--console-port",
                    () -> new ConsoleServer(servers, catalogue, engineKey, executable)
                            .offering(challenges)
                            .start(bind, consolePort));
        } catch (RuntimeException e) {
            servers.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                console.close();
                                challenges.close();
                            } finally {
                                servers.close();
                                stopped.countDown();
                            }
                        },
                        "lab-shutdown"));

        PrintWriter out = spec.commandLine().getOut();
        out.println(
                "Victim (Flock):   " + servers.victim().origin() + "    log in as alice / wonderland or bob / builder");
        out.println("Attacker (spam):  " + servers.attacker().origin() + "    stolen data: "
                + servers.attacker().origin() + "/loot");
        out.println("Lab console:      " + console.origin() + "    switch defences, watch the victim's journal live");
        out.println("DNS rebinding:    " + servers.attacker().rebinding().origin()
                + "/scenarios/dns-rebinding/attack.html    (the attacker's name, later the victim's server)");
        out.println(
                "Exploit server:   " + servers.attacker().origin() + "/exploit    write a page, deliver it to Alice;"
                        + " the console's Challenges panel and ./lab challenges list the exercises");
        out.println("Defences:         " + defences);
        out.println("Console runs in:  " + EngineOption.name(engineKey)
                + " (the console offers every engine installed here: ./lab serve --engine chromium|firefox)");
        out.println(
                bind.equals(LabServers.LOOPBACK)
                        ? "All listen on " + LabServers.LOOPBACK + " only. Press Ctrl-C to stop."
                        : "All listen on " + bind + " (see the warning above). Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
