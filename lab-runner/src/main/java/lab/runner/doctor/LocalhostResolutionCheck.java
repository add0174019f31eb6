package lab.runner.doctor;

import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.ServerAddr;
import lab.runner.LabServers;
import lab.scenarios.ThirdPartyCookies;

/**
 * The lab's two sites are {@code social.localhost} and {@code evil.localhost}, with no hosts-file entry:
 * the browser itself must send every {@code *.localhost} name to loopback.
 */
final class LocalhostResolutionCheck implements Check {

    @Override
    public String name() {
        return "localhost-resolution";
    }

    @Override
    public String expected() {
        return "social.localhost and evil.localhost load from the lab's servers on " + LabServers.LOOPBACK;
    }

    @Override
    public CheckResult measure(Probe probe) {
        try (ProbePage page = probe.open(ThirdPartyCookies.ALLOWED)) {
            String victimUrl = probe.victimOrigin() + "/login";
            String attackerUrl = probe.attackerOriginAs("evil.localhost") + "/loot";
            Response victim = page.open(victimUrl);
            Response attacker = page.open(attackerUrl);
            return result(
                    cameFromLab(victim, probe.victimPort()) && cameFromLab(attacker, probe.attackerPort()),
                    describe(victimUrl, victim) + "; " + describe(attackerUrl, attacker));
        }
    }

    private static boolean cameFromLab(Response response, int port) {
        ServerAddr address = response == null ? null : response.serverAddr();
        return response != null
                && response.status() == 200
                && address != null
                && LabServers.LOOPBACK.equals(address.ipAddress)
                && address.port == port;
    }

    private static String describe(String url, Response response) {
        if (response == null) {
            return url + " gave no response";
        }
        ServerAddr address = response.serverAddr();
        return url + " answered " + response.status() + " from "
                + (address == null ? "an unknown address" : address.ipAddress + ":" + address.port);
    }
}
