package lab.runner.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import lab.scenarios.ScenarioCase;
import lab.scenarios.ThirdPartyCookies;
import org.junit.jupiter.api.Test;

/** Workers take cases so that each profile is launched by as few workers as the cases allow. */
class JobQueueTest {

    private static final ThirdPartyCookies A = ThirdPartyCookies.ALLOWED;
    private static final ThirdPartyCookies B = ThirdPartyCookies.BLOCKED;
    private static final ThirdPartyCookies D = ThirdPartyCookies.BROWSER_DEFAULT;

    /** Jobs of these settings, each setting a profile of its own (as Firefox and Chromium's full browser have). */
    private record Run(List<ThirdPartyCookies> settings, JobQueue queue) {
        static Run of(ThirdPartyCookies... settings) {
            List<CatalogueRun.Job> jobs = java.util.Arrays.stream(settings)
                    .map(s -> new CatalogueRun.Job(null, ScenarioCase.probe(Map.of(), s)))
                    .toList();
            return new Run(
                    List.of(settings),
                    new JobQueue(jobs, job -> job.scenarioCase().thirdPartyCookies()));
        }

        private static final Map<Set<ThirdPartyCookies>, Predicate<ThirdPartyCookies>> WORKERS =
                new java.util.IdentityHashMap<>();

        /** The one question a worker answers for the queue, as CatalogueRun passes the same one every time. */
        Predicate<ThirdPartyCookies> predicate(Set<ThirdPartyCookies> launched) {
            return WORKERS.computeIfAbsent(launched, set -> set::contains);
        }

        /** A worker takes a job and, running it, has its browser launch that job's profile. */
        int take(Set<ThirdPartyCookies> launched) {
            int index = queue.take(predicate(launched));
            if (index >= 0) {
                launched.add(settings.get(index));
            }
            return index;
        }
    }

    @Test
    void a_profile_per_setting_keeps_each_setting_with_the_worker_that_launched_it_while_others_have_work() {
        Run run = Run.of(A, B, A, A, D, B, A);
        Set<ThirdPartyCookies> first = EnumSet.noneOf(ThirdPartyCookies.class);
        Set<ThirdPartyCookies> second = EnumSet.noneOf(ThirdPartyCookies.class);

        assertThat(run.take(first)).isEqualTo(0); // A: launched by the first worker
        assertThat(run.take(second)).isEqualTo(1); // B: nobody's yet, so the second worker's
        assertThat(run.take(first)).isEqualTo(2); // A again, not B
        assertThat(run.take(second)).isEqualTo(4); // D: nobody's yet
        assertThat(run.take(second)).isEqualTo(5); // B: its own
        assertThat(run.take(first)).isEqualTo(3);
        assertThat(run.take(first)).isEqualTo(6);
        assertThat(run.take(first)).isEqualTo(-1);
        assertThat(first).containsExactly(A);
        assertThat(second).containsExactlyInAnyOrder(B, D);
    }

    @Test
    void a_worker_leaves_the_rest_to_a_worker_at_work_with_their_profile_and_else_launches_it() {
        Run run = Run.of(A, B, A, A);
        Set<ThirdPartyCookies> first = EnumSet.noneOf(ThirdPartyCookies.class);
        Set<ThirdPartyCookies> second = EnumSet.noneOf(ThirdPartyCookies.class);
        assertThat(run.take(first)).isEqualTo(0);
        assertThat(run.take(second)).isEqualTo(1);
        // The rest is A, which the first worker's browser has: the second does not launch it, and leaves.
        assertThat(run.take(second)).isEqualTo(-1);
        run.queue().leave(run.predicate(second));
        assertThat(run.take(first)).isEqualTo(2);
        // The first worker stops (say its browser died and took A with it): nobody at work has A, so it is launched.
        first.clear();
        assertThat(run.take(first)).isEqualTo(3);
    }

    @Test
    void a_worker_whose_browser_started_with_a_profile_keeps_to_it() {
        Run run = Run.of(A, B, A, B, A);
        // Each browser launched A when its worker started (the run's header names the browser).
        Set<ThirdPartyCookies> first = EnumSet.of(A);
        Set<ThirdPartyCookies> second = EnumSet.of(A);
        assertThat(run.take(first)).isEqualTo(0);
        assertThat(run.take(second)).isEqualTo(1); // B, nobody's yet: one launch
        assertThat(run.take(first)).isEqualTo(2); // A, not the second B
        assertThat(run.take(second)).isEqualTo(3);
        assertThat(run.take(first)).isEqualTo(4);
        assertThat(first).containsExactly(A);
    }

    @Test
    void one_profile_for_every_setting_is_plain_list_order() {
        // As Chromium's headless shell: every setting opens in the profile of ALLOWED, launched as a worker starts.
        List<CatalogueRun.Job> jobs = java.util.stream.Stream.of(A, B, D, A)
                .map(s -> new CatalogueRun.Job(null, ScenarioCase.probe(Map.of(), s)))
                .toList();
        JobQueue queue = new JobQueue(jobs, job -> A);
        Predicate<ThirdPartyCookies> first = EnumSet.of(A)::contains;
        Predicate<ThirdPartyCookies> second = EnumSet.of(A)::contains;
        assertThat(List.of(queue.take(first), queue.take(second), queue.take(second), queue.take(first)))
                .containsExactly(0, 1, 2, 3);
        assertThat(queue.take(first)).isEqualTo(-1);
    }
}
