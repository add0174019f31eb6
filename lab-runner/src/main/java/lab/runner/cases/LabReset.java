package lab.runner.cases;

import lab.runner.LabServers;
import lab.scenarios.CaseSwitch;
import lab.scenarios.ScenarioCase;
import lab.victim.data.Profile;
import lab.victim.defence.Defences;

/**
 * Sets the stage for a case: the victim's defences as the case's table says, Alice's data as seeded (an earlier
 * case may have changed her e-mail address), and the attacker's DNS pointing at the attacker again.
 */
final class LabReset {

    private final LabServers servers;
    private final Defences baseDefences;
    private final Profile seededAlice;

    /** @param baseDefences the defences a case starts from before its own table values are applied */
    LabReset(LabServers servers, Defences baseDefences) {
        this.servers = servers;
        this.baseDefences = baseDefences;
        this.seededAlice = servers.victim().database().profile(Alice.USER).orElseThrow();
    }

    /** Alice's profile as the seed made it: what a theft would carry off, and what an action would change. */
    Profile seededAlice() {
        return seededAlice;
    }

    void forCase(ScenarioCase scenarioCase) {
        servers.victim().defences().set(baseDefences.with(scenarioCase.defences()));
        if (!aliceNow().email().equals(seededAlice.email())) {
            servers.victim().database().updateEmail(Alice.USER, seededAlice.email());
        }
        servers.attacker().rebinding().pointAtAttacker();
    }

    /** Changes the victim's defences in the middle of a case, on top of what they are now. */
    void change(CaseSwitch change) {
        servers.victim().defences().update(current -> current.with(change.defences()));
    }

    /** Alice's profile as the victim holds it now. */
    Profile aliceNow() {
        return servers.victim().database().profile(Alice.USER).orElseThrow();
    }
}
