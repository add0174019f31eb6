package lab.runner.guide;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import lab.runner.cases.CaseObserver;
import lab.runner.cases.CaseResult;
import lab.runner.cases.WhatTheVictimReceived;
import lab.runner.report.ControlFreeWriter;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;

/**
 * Guided mode: tells each step of a case as it happens (what Alice does, what the attacker's page does, what
 * the victim server received, what the browser allowed) and waits for Enter before going on, so a trainer
 * can talk the room through it.
 */
public final class Narrator implements CaseObserver {

    private final PrintWriter out;
    private final BufferedReader in;
    private int stepNumber;
    private boolean inputClosed;

    public Narrator(PrintWriter out, BufferedReader in) {
        this.out = ControlFreeWriter.around(out);
        this.in = in;
    }

    /** Before a case: the story and the conditions, once per case. */
    public void caseStarting(Scenario scenario, ScenarioCase scenarioCase) {
        stepNumber = 0;
        out.println();
        out.println("== " + scenario.title());
        out.println("   " + scenario.story());
        out.println("   Conditions: " + scenarioCase.conditions());
        out.println("   The lesson expects: " + scenarioCase.expected()
                + (scenarioCase.expected() == null
                        ? ""
                        : " (" + scenarioCase.expected().meaning() + ")"));
        pause();
    }

    @Override
    public boolean followsSteps() {
        return true;
    }

    /** The story starts with Alice logging in, so every case shows it. */
    @Override
    public boolean wantsFreshLogin() {
        return true;
    }

    @Override
    public void step(Scenario scenario, ScenarioCase scenarioCase, String text) {
        tell(text);
    }

    /** After a case: what the server received, what the browser allowed, and the verdict. */
    public void caseFinished(CaseResult result) {
        if (result.notApplicable()) {
            tell("Not applicable: " + result.verdict().why() + ". Nothing was run for this case.");
            return;
        }
        tell("The victim server received "
                + WhatTheVictimReceived.line(
                        result.evidence(), result.scenario().target()) + ".");
        tell("The browser: "
                + (result.evidence().browserSaid() != null
                        ? "refused, saying: " + result.evidence().browserSaid()
                        : result.evidence().pageResult() == null
                                ? "the page reported nothing."
                                : "let the page go on; the page reported '"
                                        + result.evidence().pageResult() + "'."));
        tell("Verdict: " + result.actual() + " (" + result.actual().meaning() + "). "
                + result.verdict().why()
                + (result.matches() ? "" : "  [the lesson expected " + result.expected() + "]"));
    }

    private void tell(String text) {
        stepNumber++;
        out.println("  " + stepNumber + ". " + text);
        pause();
    }

    private void pause() {
        if (inputClosed) {
            out.flush();
            return;
        }
        out.print("     [Enter] ");
        out.flush();
        try {
            if (in.readLine() == null) {
                // No more input (a pipe ran dry): narrate the rest without waiting.
                inputClosed = true;
                out.println();
            }
        } catch (IOException e) {
            inputClosed = true;
        }
    }
}
