package lab.runner.cases;

import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import lab.scenarios.ThirdPartyCookies;

/**
 * The cases of a run not yet taken, handed to workers so that each browser profile is launched as few times as
 * possible. A profile costs a browser launch where the engine fixes the third-party cookie setting at launch
 * (Firefox: seconds each; Chromium's full browser), while a case costs a fraction of a second. So a worker takes
 * the first remaining case whose profile its browser has launched, or that no worker has launched yet; when none
 * is left, it leaves the rest to the workers whose browsers have their profiles, and only when no such worker is
 * still at work does it take the first remaining case of all. With one profile for every setting (Chromium's
 * headless shell) this is plain list order. Results still come out in list order ({@link CatalogueRun}).
 */
final class JobQueue {

    private final List<CatalogueRun.Job> jobs;
    private final Function<CatalogueRun.Job, ThirdPartyCookies> profileOf;
    private final TreeSet<Integer> remaining = new TreeSet<>();
    private final Set<ThirdPartyCookies> launchedAnywhere = EnumSet.noneOf(ThirdPartyCookies.class);
    /** The workers still taking cases, each as the question "has your browser launched this profile?". */
    private final Set<Predicate<ThirdPartyCookies>> atWork =
            java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    /** @param profileOf the profile a job's case opens in (cases sharing one share a launch) */
    JobQueue(List<CatalogueRun.Job> jobs, Function<CatalogueRun.Job, ThirdPartyCookies> profileOf) {
        this.jobs = jobs;
        this.profileOf = profileOf;
        for (int i = 0; i < jobs.size(); i++) {
            remaining.add(i);
        }
    }

    /**
     * The index of the next job for the worker whose browser has launched the profiles {@code launchedHere} tells
     * (pass the same object every time), or -1 when there is none for it: the worker then calls {@link #leave}.
     */
    synchronized int take(Predicate<ThirdPartyCookies> launchedHere) {
        atWork.add(launchedHere);
        for (int index : remaining) {
            ThirdPartyCookies profile = profileOf.apply(jobs.get(index));
            if (launchedHere.test(profile) || !launchedAnywhere.contains(profile)) {
                return claim(index, profile);
            }
        }
        for (int index : remaining) {
            ThirdPartyCookies profile = profileOf.apply(jobs.get(index));
            boolean another = atWork.stream().anyMatch(worker -> worker != launchedHere && worker.test(profile));
            if (!another) {
                return claim(index, profile);
            }
        }
        return -1;
    }

    /** The worker takes no more cases (done, or stopped). */
    synchronized void leave(Predicate<ThirdPartyCookies> launchedHere) {
        atWork.remove(launchedHere);
    }

    private int claim(int index, ThirdPartyCookies profile) {
        remaining.remove(index);
        launchedAnywhere.add(profile);
        return index;
    }
}
