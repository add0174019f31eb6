package lab.runner.doctor;

import java.util.Optional;
import lab.scenarios.ThirdPartyCookies;
import lab.victim.defence.Defences;

/**
 * Local Network Access, as the {@code local-network-access} lesson measures it (browser facts 28): from a page
 * served with {@code Content-Security-Policy: treat-as-public-address}, a fetch to Flock on loopback is refused
 * with Chromium's words, and allowed once the profile has the {@code local-network-access} permission. A browser
 * update that drops, renames or relaxes the check fails here instead of in the lesson.
 */
final class LocalNetworkAccessCheck implements Check {

    /** The part of Chromium's console message that names the reason. */
    static final String REASON = "Permission was denied for this request to access the `loopback` address space";

    /** The lesson's own page: the attacker site serves it as a public page. */
    private static final String PUBLIC_PAGE = "/scenarios/local-network-access/attack.html";

    @Override
    public String name() {
        return "local-network-access";
    }

    @Override
    public String expected() {
        return "public page to loopback: denied (\"" + REASON + "\"), read once local-network-access is granted";
    }

    @Override
    public CheckResult measure(Probe probe) {
        // Public data with Access-Control-Allow-Origin: *, so that only Local Network Access can stop the read.
        probe.defences(Defences.WIDE_OPEN);
        String url = probe.victimOrigin() + "/api/public/posts";
        String page = probe.attackerOriginAs("evil.localhost") + PUBLIC_PAGE;
        try (ProbePage denied = probe.open(ThirdPartyCookies.ALLOWED)) {
            denied.open(page);
            FetchResult withoutPermission = denied.fetch(url, false);
            Optional<String> said = denied.blockedReadReason(REASON);
            FetchResult withPermission;
            try {
                denied.grantLocalNetworkAccess();
                denied.open(page);
                withPermission = denied.fetch(url, false);
            } finally {
                denied.revokePermissions();
            }
            boolean passed = !withoutPermission.read() && said.isPresent() && withPermission.read();
            return result(
                    passed,
                    "without permission: " + withoutPermission
                            + said.map(reason -> " (the console said: " + reason + ")")
                                    .orElse(" (the console did not say \"" + REASON + "\")")
                            + "; granted: " + withPermission);
        }
    }
}
