package lab.runner.challenges;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import lab.attacker.exploit.DeliveryDesk;
import lab.runner.LabServers;
import lab.runner.browser.LabBrowser;
import lab.runner.cases.ChallengeVerdict;
import lab.scenarios.ScenarioCatalogue;
import lab.scenarios.challenges.Challenge;
import lab.scenarios.challenges.ChallengeCatalogue;
import lab.scenarios.challenges.ChallengeKind;
import lab.scenarios.challenges.ExploitHosts;

/**
 * The challenges of a served lab ({@code ./lab serve}): the console's panel and the exploit page's "Deliver to
 * Alice" come here. Playwright objects belong to the thread that made them, so the browser playing Alice is
 * started, driven and closed on one thread of its own; one delivery runs at a time, and a second request while
 * one runs is refused at once, saying so.
 */
public final class ChallengeDesk implements DeliveryDesk, AutoCloseable {

    /** A defend challenge runs many attacks; an attack delivery lasts at most its time limit and a login. */
    private static final long RUN_TIMEOUT_SECONDS = 180;

    private final LabServers servers;
    private final ScenarioCatalogue scenarios;
    private final ChallengeCatalogue challenges;
    private final ChallengeProgress progress;
    private final Optional<Path> executable;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "challenge-deliveries");
        t.setDaemon(true);
        return t;
    });
    private LabBrowser browser;
    private ChallengeLab lab;

    public ChallengeDesk(
            LabServers servers,
            ScenarioCatalogue scenarios,
            ChallengeCatalogue challenges,
            ChallengeProgress progress,
            Optional<Path> executable) {
        this.servers = servers;
        this.scenarios = scenarios;
        this.challenges = challenges;
        this.progress = progress;
        this.executable = executable;
    }

    public ChallengeCatalogue catalogue() {
        return challenges;
    }

    /** Every challenge as the console shows it: hints only as far as revealed, never the solution. */
    public Map<String, Object> view() {
        List<Map<String, Object>> list = new ArrayList<>();
        int solved = 0;
        for (Challenge c : challenges.all()) {
            list.add(view(c));
            if (progress.solved(c.id())) {
                solved++;
            }
        }
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("solved", solved);
        view.put("total", list.size());
        view.put("hosts", ExploitHosts.NAMES);
        view.put("exploitServer", servers.attacker().origin() + "/exploit");
        view.put("challenges", list);
        return view;
    }

    private Map<String, Object> view(Challenge c) {
        int revealed = progress.hintsRevealed(c.id());
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", c.id());
        view.put("kind", c.kind().key());
        view.put("title", c.title());
        view.put("brief", c.brief());
        view.put("goal", c.goalText());
        view.put("defences", c.defences());
        view.put("thirdPartyCookies", c.thirdPartyCookies().key());
        view.put("hints", c.hints().subList(0, revealed));
        view.put("hintCount", c.hints().size());
        view.put("solved", progress.solved(c.id()));
        return view;
    }

    /** Reveals the next hint of {@code id}; returns the challenge's view. */
    public Map<String, Object> revealHint(String id) {
        Challenge challenge = find(id);
        progress.revealHint(id, challenge.hints().size());
        return view(challenge);
    }

    /** Stores {@code source} under the challenge's id on the exploit server and delivers it to Alice. */
    public ChallengeVerdict deliverSource(String id, byte[] source, String host) {
        find(id);
        // Bad input is refused here, before the browser is started or anything is stored.
        ExploitHosts.check(host);
        return exclusively(lab -> lab.deliverSource(id, source, host));
    }

    public ChallengeVerdict defend(String id, Map<String, String> defences) {
        find(id);
        return exclusively(lab -> lab.defend(id, defences));
    }

    @Override
    public Map<String, Object> deliver(String challenge, String exploit, String host) {
        find(challenge);
        return ChallengeLab.json(exclusively(lab ->
                lab.deliverStored(challenge, exploit, host == null || host.isBlank() ? ExploitHosts.DEFAULT : host)));
    }

    @Override
    public Map<String, String> challenges() {
        Map<String, String> titles = new LinkedHashMap<>();
        challenges.all().stream()
                .filter(c -> c.kind() == ChallengeKind.ATTACK)
                .forEach(c -> titles.put(c.id(), c.title()));
        return titles;
    }

    private Challenge find(String id) {
        return challenges
                .find(id == null ? "" : id)
                .orElseThrow(() -> new IllegalArgumentException("unknown challenge '" + id + "'"));
    }

    private ChallengeVerdict exclusively(Function<ChallengeLab, ChallengeVerdict> work) {
        if (!busy.compareAndSet(false, true)) {
            throw new IllegalStateException(
                    "a delivery to Alice is running already; one runs at a time: wait for its verdict");
        }
        try {
            Future<ChallengeVerdict> run = thread.submit(() -> work.apply(lab()));
            try {
                return run.get(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
            } catch (TimeoutException e) {
                run.cancel(true);
                throw new IllegalStateException("the delivery took longer than " + RUN_TIMEOUT_SECONDS + " seconds");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        } finally {
            busy.set(false);
        }
    }

    /** On the desk's thread only. */
    private ChallengeLab lab() {
        if (lab == null) {
            browser = LabBrowser.start(executable);
            lab = new ChallengeLab(servers, browser, scenarios, challenges, progress);
        }
        return lab;
    }

    @Override
    public void close() {
        thread.execute(() -> {
            if (lab != null) {
                lab.close();
            }
            if (browser != null) {
                browser.close();
                browser = null;
            }
        });
        thread.shutdown();
        try {
            thread.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        progress.close();
    }
}
