package lab.runner.cases;

import lab.scenarios.Outcome;

/** An outcome and the evidence that decided it, in one sentence a student can check. */
public record Verdict(Outcome outcome, String why) {}
