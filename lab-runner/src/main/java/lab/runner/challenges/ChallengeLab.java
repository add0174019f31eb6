package lab.runner.challenges;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import lab.attacker.exploit.DeliveryDesk;
import lab.runner.LabServers;
import lab.runner.browser.LabBrowser;
import lab.runner.cases.Alice;
import lab.runner.cases.ChallengeJudge;
import lab.runner.cases.ChallengeVerdict;
import lab.runner.cases.DefendRun;
import lab.runner.cases.DeliveryEvidence;
import lab.runner.cases.ExploitDelivery;
import lab.scenarios.ScenarioCatalogue;
import lab.scenarios.challenges.Challenge;
import lab.scenarios.challenges.ChallengeCatalogue;
import lab.scenarios.challenges.ChallengeKind;
import lab.scenarios.challenges.ExploitHosts;
import lab.victim.data.Profile;
import lab.victim.defence.Defences;

/**
 * The challenges of one lab: deliveries of stored exploits to Alice and judgements of defences, one at a time
 * (a second request while one runs is refused, saying so), with progress kept as each is solved. The exploit
 * page's "Deliver to Alice" and the console's panel both come here.
 */
public final class ChallengeLab implements DeliveryDesk, AutoCloseable {

    private final LabServers servers;
    private final ChallengeCatalogue challenges;
    private final ChallengeProgress progress;
    private final ExploitDelivery delivery;
    private final DefendRun defend;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    public ChallengeLab(
            LabServers servers,
            LabBrowser browser,
            ScenarioCatalogue scenarios,
            ChallengeCatalogue challenges,
            ChallengeProgress progress) {
        this.servers = servers;
        this.challenges = challenges;
        this.progress = progress;
        this.delivery = new ExploitDelivery(servers, browser);
        this.defend = new DefendRun(servers, browser, scenarios);
        servers.attacker().exploits().aliceBrowserIs(browser.requestTag());
    }

    public ChallengeCatalogue catalogue() {
        return challenges;
    }

    public ChallengeProgress progress() {
        return progress;
    }

    /** @throws IllegalArgumentException naming the known challenges */
    public Challenge challenge(String id) {
        return challenges
                .find(id == null ? "" : id)
                .orElseThrow(() ->
                        new IllegalArgumentException("unknown challenge '" + id + "'; ./lab challenges lists them"));
    }

    /** Stores {@code source} on the exploit server under the challenge's id and delivers it to Alice. */
    public ChallengeVerdict deliverSource(String id, byte[] source, String host) {
        Challenge challenge = attack(id);
        ExploitHosts.check(host);
        servers.attacker().exploits().store().store(challenge.id(), source);
        return deliverStored(challenge, challenge.id(), host);
    }

    /** Delivers the stored exploit {@code exploitName} to Alice for challenge {@code id}. */
    public ChallengeVerdict deliverStored(String id, String exploitName, String host) {
        return deliverStored(attack(id), exploitName, host);
    }

    private ChallengeVerdict deliverStored(Challenge challenge, String exploitName, String host) {
        if (servers.attacker()
                .exploits()
                .store()
                .find(exploitName == null ? "" : exploitName)
                .isEmpty()) {
            throw new IllegalArgumentException("no exploit stored under '" + exploitName + "'");
        }
        ExploitHosts.check(host);
        return exclusively(() -> {
            long started = System.nanoTime();
            delivery.reset(Defences.WIDE_OPEN.with(challenge.defences()));
            DeliveryEvidence evidence = delivery.deliver(challenge, exploitName, host);
            List<String> others = servers.victim().database().allProfiles().stream()
                    .filter(p -> !p.username().equals(Alice.USER))
                    .map(Profile::email)
                    .toList();
            return record(ChallengeJudge.judge(
                    challenge, evidence, delivery.seededAlice(), others, (System.nanoTime() - started) / 1e6));
        });
    }

    /**
     * Judges a defend challenge under {@code defences} (given over the challenge's conditions).
     *
     * @throws IllegalArgumentException for an unknown defence or value
     */
    public ChallengeVerdict defend(String id, Map<String, String> defences) {
        Challenge challenge = challenge(id);
        if (challenge.kind() != ChallengeKind.DEFEND) {
            throw new IllegalArgumentException(
                    "'" + id + "' is an attack challenge: solve it with --exploit FILE, not --defences");
        }
        Defences applied = Defences.WIDE_OPEN.with(challenge.defences()).with(defences);
        return exclusively(() -> record(defend.judge(challenge, applied)));
    }

    private Challenge attack(String id) {
        Challenge challenge = challenge(id);
        if (challenge.kind() != ChallengeKind.ATTACK) {
            throw new IllegalArgumentException(
                    "'" + id + "' is a defend challenge: solve it with --defences k=v,..., not with an exploit");
        }
        return challenge;
    }

    private ChallengeVerdict record(ChallengeVerdict verdict) {
        if (verdict.solved()) {
            progress.markSolved(verdict.challenge());
        }
        return verdict;
    }

    private ChallengeVerdict exclusively(java.util.function.Supplier<ChallengeVerdict> work) {
        if (!oneAtATime.tryLock()) {
            throw new IllegalStateException(
                    "a delivery to Alice is running already; one runs at a time: wait for its verdict");
        }
        // A served lab's defences are the trainer's: a delivery sets the challenge's own, then puts them back.
        Defences before = servers.victim().defences().current();
        try {
            return work.get();
        } finally {
            servers.victim().defences().set(before);
            oneAtATime.unlock();
        }
    }

    @Override
    public Map<String, Object> deliver(String challenge, String exploit, String host) {
        return json(deliverStored(challenge, exploit, host == null ? "evil.localhost" : host));
    }

    @Override
    public Map<String, String> challenges() {
        Map<String, String> titles = new LinkedHashMap<>();
        challenges.all().stream()
                .filter(c -> c.kind() == ChallengeKind.ATTACK)
                .forEach(c -> titles.put(c.id(), c.title()));
        return titles;
    }

    /** A verdict as JSON: what the console, the exploit page and {@code --json} show. */
    public static Map<String, Object> json(ChallengeVerdict verdict) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("challenge", verdict.challenge());
        json.put("solved", verdict.solved());
        json.put("verdict", verdict.verdict());
        json.put("evidence", verdict.evidence());
        json.put("missing", verdict.missing());
        json.put("millis", Math.round(verdict.millis()));
        if (verdict.screenshot() != null) {
            json.put(
                    "screenshot", "data:image/png;base64," + Base64.getEncoder().encodeToString(verdict.screenshot()));
        }
        return json;
    }

    @Override
    public void close() {
        defend.close();
    }
}
