package lab.runner.guide;

import java.util.ArrayList;
import java.util.List;
import lab.runner.LabSession;
import lab.runner.cases.CaseResult;
import lab.runner.cases.CaseRunner;
import lab.runner.cases.CatalogueRun.Job;

/**
 * A guided run: one lab, one case at a time, each run, skipped or the run ended at the trainer's word. Guided
 * mode has one window and one narrator, so it needs none of a catalogue run's workers.
 */
public final class GuidedRun {

    private GuidedRun() {}

    /** The results of the cases the trainer ran, in order; {@code null} when Ctrl-C stopped the lab under a case. */
    public static List<CaseResult> run(List<Job> jobs, LabSession session, CaseRunner runner, Narrator narrator) {
        List<CaseResult> results = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            Narrator.Choice choice = narrator.before(job.scenario(), job.scenarioCase(), i + 1, jobs.size());
            if (choice == Narrator.Choice.QUIT) {
                break;
            }
            if (choice == Narrator.Choice.SKIP) {
                continue;
            }
            CaseResult result = runner.run(job.scenario(), job.scenarioCase());
            if (session.closing()) {
                return null;
            }
            narrator.caseFinished(result);
            results.add(result);
        }
        return results;
    }
}
