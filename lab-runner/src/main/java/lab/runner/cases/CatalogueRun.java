package lab.runner.cases;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import lab.runner.LabSession;
import lab.runner.browser.LabBrowser;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;
import lab.scenarios.ThirdPartyCookies;

/**
 * Runs a list of cases on N workers. Each worker has a lab of its own: its own victim and attacker servers
 * (so the defences one case switches on are never seen by another) and its own browser with its own
 * profiles (so no case sees another's cookies). Workers take cases from a {@link JobQueue}, which keeps each to
 * the browser profiles it has launched where it can. Results come back in the list's order, whatever order the
 * workers finish in, so a parallel run reads exactly like a sequential one.
 */
public final class CatalogueRun {

    /** One case to run. */
    public record Job(Scenario scenario, ScenarioCase scenarioCase) {}

    /** What a worker is made of: its lab, and the runner configured over it. */
    public interface Worker {
        LabSession session();

        CaseRunner runner();
    }

    /** Listens to the run: each worker's lab as it comes up, each case as it starts and, in list order, as it ends. */
    public interface Listener {
        default void workerReady(int worker, LabSession session) {}

        default void caseStarting(Job job) {}

        void caseFinished(CaseResult result);
    }

    /**
     * The default worker count: one per core, at most four (each worker runs a browser of its own). On the
     * 2-core machine the benchmark measured two workers between 20% faster and 15% slower than one, from run
     * to run: the browsers keep both cores busy either way.
     */
    public static int defaultWorkers() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    private CatalogueRun() {}

    /**
     * @param sessions makes one lab per worker, on the worker's thread (Playwright objects stay on the thread
     *                 that made them)
     * @param runners  configures the runner of a worker's lab
     * @return the results in job order; empty slots stay out when the run was interrupted
     */
    public static List<CaseResult> run(
            List<Job> jobs,
            int workers,
            Supplier<LabSession> sessions,
            Function<LabSession, CaseRunner> runners,
            Listener listener)
            throws InterruptedException {
        CaseResult[] results = new CaseResult[jobs.size()];
        // Set once the first worker's browser is known: which setting's cases share a profile is the engine's.
        AtomicReference<JobQueue> queue = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        InOrder inOrder = new InOrder(results, listener::caseFinished);
        int threads = Math.max(1, Math.min(workers, jobs.size()));
        // The other workers start once the first worker's lab is up: starting every lab at once would make the
        // first verdict wait for all of them on a small machine, and starting them only after the first verdict
        // left a core idle meanwhile (./lab bench: about 0.4 s of a catalogue run, 0.5 s on the first verdict).
        CountDownLatch firstLabUp = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "lab-worker"));
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int worker = w + 1;
            running.add(pool.submit(() -> {
                if (worker > 1) {
                    firstLabUp.await();
                    if (stop.get()) {
                        return null;
                    }
                }
                try (LabSession session = sessions.get()) {
                    listener.workerReady(worker, session);
                    firstLabUp.countDown();
                    CaseRunner runner = runners.apply(session);
                    LabBrowser browser = session.browser();
                    queue.compareAndSet(
                            null,
                            new JobQueue(
                                    jobs,
                                    job -> browser.engine()
                                            .profileFor(job.scenarioCase().thirdPartyCookies())));
                    Predicate<ThirdPartyCookies> launchedHere = browser::hasProfile;
                    try {
                        int index;
                        while (!stop.get()
                                && !session.closing()
                                && (index = queue.get().take(launchedHere)) >= 0) {
                            Job job = jobs.get(index);
                            listener.caseStarting(job);
                            CaseResult result = runner.run(job.scenario(), job.scenarioCase());
                            if (session.closing()) {
                                // Ctrl-C: the browser was stopped under the case, so its result says nothing.
                                stop.set(true);
                                return null;
                            }
                            inOrder.completed(index, result);
                        }
                    } finally {
                        // A worker that takes no more lets the others take what it left.
                        queue.get().leave(launchedHere);
                    }
                } catch (RuntimeException e) {
                    stop.set(true);
                    throw e;
                } finally {
                    // However the first worker ends, the others must not wait for it forever.
                    firstLabUp.countDown();
                }
                return null;
            }));
        }
        pool.shutdown();
        RuntimeException failure = null;
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (ExecutionException e) {
                if (failure == null && e.getCause() instanceof RuntimeException cause) {
                    failure = cause;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return Arrays.stream(results).filter(r -> r != null).toList();
    }

    /** Hands results to the listener in list order as soon as every earlier one is in. */
    private static final class InOrder {
        private final CaseResult[] results;
        private final Consumer<CaseResult> consumer;
        private int nextToHand;

        InOrder(CaseResult[] results, Consumer<CaseResult> consumer) {
            this.results = results;
            this.consumer = consumer;
        }

        synchronized void completed(int index, CaseResult result) {
            results[index] = result;
            while (nextToHand < results.length && results[nextToHand] != null) {
                consumer.accept(results[nextToHand++]);
            }
        }
    }
}
