package lab.runner;

import java.net.BindException;
import lab.attacker.AttackerServer;
import lab.attacker.rebind.RebindingProxy;
import lab.scenarios.ScenarioCatalogue;
import lab.victim.VictimServer;
import lab.victim.data.DataDirectory;
import lab.victim.defence.Defences;

/** The victim and the attacker, started together in this JVM and closed together. */
public final class LabServers implements AutoCloseable {

    /** Loopback only: the victim is deliberately vulnerable and must not be reachable from the network. */
    public static final String LOOPBACK = "127.0.0.1";

    private final VictimServer victim;
    private final AttackerServer attacker;

    private LabServers(VictimServer victim, AttackerServer attacker) {
        this.victim = victim;
        this.attacker = attacker;
    }

    /**
     * Starts both servers on loopback; port 0 picks a free port.
     *
     * @throws PortInUseException naming the port and the option that changes it
     */
    public static LabServers start(ScenarioCatalogue catalogue, Defences defences, int victimPort, int attackerPort) {
        return start(catalogue, defences, LOOPBACK, victimPort, attackerPort);
    }

    /** As {@link #start(ScenarioCatalogue, Defences, int, int)} on another address, for {@code serve --bind}. */
    public static LabServers start(
            ScenarioCatalogue catalogue, Defences defences, String bindAddress, int victimPort, int attackerPort) {
        return start(catalogue, defences, bindAddress, victimPort, attackerPort, null);
    }

    /** @param dataDirectory where both sites keep their databases across restarts, or null for fresh ones in memory */
    public static LabServers start(
            ScenarioCatalogue catalogue,
            Defences defences,
            String bindAddress,
            int victimPort,
            int attackerPort,
            DataDirectory dataDirectory) {
        return start(catalogue, defences, bindAddress, victimPort, attackerPort, 0, dataDirectory);
    }

    /** As above, with the DNS-rebinding forwarder on {@code rebindPort} (0: a free port). */
    public static LabServers start(
            ScenarioCatalogue catalogue,
            Defences defences,
            String bindAddress,
            int victimPort,
            int attackerPort,
            int rebindPort,
            DataDirectory dataDirectory) {
        VictimServer victim = new VictimServer(defences, dataDirectory);
        AttackerServer attacker = null;
        try {
            startOn(victimPort, "--victim-port", () -> victim.start(bindAddress, victimPort));
            attacker = new AttackerServer(catalogue, victim::origin, dataDirectory);
            AttackerServer started = attacker;
            startOn(attackerPort, "--attacker-port", () -> {
                try {
                    return started.start(bindAddress, attackerPort, rebindPort);
                } catch (RebindingProxy.CannotListen e) {
                    return startOn(rebindPort, "--rebind-port", () -> {
                        throw e;
                    });
                }
            });
            return new LabServers(victim, attacker);
        } catch (RuntimeException e) {
            if (attacker != null) {
                attacker.close();
            }
            victim.close();
            throw e;
        }
    }

    /**
     * Runs {@code start}, turning a taken port into a {@link PortInUseException} that names the port and the
     * option that changes it.
     */
    public static <T> T startOn(int port, String option, java.util.function.Supplier<T> start) {
        try {
            return start.get();
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BindException) {
                    throw new PortInUseException(
                            "port " + port + " is already in use; stop what uses it or choose another with " + option
                                    + " N",
                            e);
                }
            }
            throw e;
        }
    }

    public VictimServer victim() {
        return victim;
    }

    public AttackerServer attacker() {
        return attacker;
    }

    @Override
    public void close() {
        try {
            attacker.close();
        } finally {
            victim.close();
        }
    }

    /** A server's port was taken; the message names the port and the option to change it. */
    public static final class PortInUseException extends RuntimeException {
        PortInUseException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
