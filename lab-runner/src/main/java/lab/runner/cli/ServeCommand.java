package lab.runner.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import lab.runner.LabServers;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.defence.Defences;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ./lab serve}: both sites on fixed loopback ports, for one's own browser, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Starts the victim and the attacker on fixed loopback ports and prints the URLs to open in your own browser. Runs until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--victim-port", paramLabel = "N", defaultValue = "7001", description = "Victim port (default: ${DEFAULT-VALUE}).")
    private int victimPort;

    @Option(names = "--attacker-port", paramLabel = "N", defaultValue = "7002", description = "Attacker port (default: ${DEFAULT-VALUE}).")
    private int attackerPort;

    @Option(names = "--defences", paramLabel = "NAME=VALUE[,...]", defaultValue = "",
            description = "Defences to start with, over the careless default cors=reflect,samesite=none.")
    private String defencesSpec;

    @Override
    public Integer call() throws InterruptedException {
        Defences defences;
        try {
            defences = Defences.WIDE_OPEN.with(defencesSpec);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--defences: " + e.getMessage());
        }
        for (int port : new int[] {victimPort, attackerPort}) {
            if (port < 1 || port > 65535) {
                throw new ParameterException(spec.commandLine(), "port " + port + " is out of range 1-65535");
            }
        }
        if (victimPort == attackerPort) {
            throw new ParameterException(spec.commandLine(), "--victim-port and --attacker-port must differ");
        }

        LabServers servers = LabServers.start(ScenarioCatalogue.load(), defences, victimPort, attackerPort);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            servers.close();
            stopped.countDown();
        }, "lab-shutdown"));

        PrintWriter out = spec.commandLine().getOut();
        out.println("Victim (Flock):   " + servers.victim().origin() + "    log in as alice / wonderland or bob / builder");
        out.println("Attacker (spam):  " + servers.attacker().origin() + "    stolen data: " + servers.attacker().origin() + "/loot");
        out.println("Defences:         " + defences);
        out.println("Both listen on " + LabServers.LOOPBACK + " only. Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
