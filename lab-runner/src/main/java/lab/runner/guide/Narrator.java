package lab.runner.guide;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import lab.runner.cases.CaseObserver;
import lab.runner.cases.CaseResult;
import lab.runner.cases.WhatTheVictimReceived;
import lab.runner.report.ControlFreeWriter;
import lab.runner.report.Terminal;
import lab.runner.report.TextReport;
import lab.scenarios.Scenario;
import lab.scenarios.ScenarioCase;

/**
 * Guided mode: before each case the trainer chooses to run it, skip it or quit; the case's steps are then told as
 * they happen (what Alice does, what the attacker's page shows), followed by each piece of evidence once (what
 * the victim server received, what the browser said) and the outcome, coloured by what it means for Alice.
 */
public final class Narrator implements CaseObserver {

    /** What the trainer chose before a case. */
    public enum Choice {
        RUN,
        SKIP,
        QUIT
    }

    private final PrintWriter out;
    private final BufferedReader in;
    private final Terminal terminal;
    private Scenario lastScenario;
    private int stepNumber;
    private boolean inputClosed;

    public Narrator(PrintWriter out, BufferedReader in, Terminal terminal) {
        this.out = ControlFreeWriter.around(out);
        this.in = in;
        this.terminal = terminal;
    }

    /** The scenario's cases, numbered, and which to run: empty for all, null to quit. */
    public List<Integer> pick(Scenario scenario) {
        out.println();
        out.println(terminal.bold(scenario.title()) + ": " + scenario.cases().size() + " cases");
        List<ScenarioCase> cases = scenario.cases();
        for (int i = 0; i < cases.size(); i++) {
            out.printf(
                    "  %2d. %s -> %s%n",
                    i + 1,
                    cases.get(i).conditions(),
                    terminal.outcome(cases.get(i).expected()));
        }
        while (true) {
            String answer = ask("Cases to run (such as 2, 1,3 or 4-6; Enter: all; q: quit)");
            if (answer == null || answer.isBlank()) {
                return List.of();
            }
            if (answer.strip().equalsIgnoreCase("q")) {
                return null;
            }
            try {
                return CaseNumbers.parse(answer, cases.size());
            } catch (IllegalArgumentException e) {
                out.println("  " + e.getMessage());
            }
        }
    }

    /** Before a case: the story once per scenario, the conditions and the expectation, then the trainer's choice. */
    public Choice before(Scenario scenario, ScenarioCase scenarioCase, int number, int count) {
        stepNumber = 0;
        if (scenario != lastScenario) {
            lastScenario = scenario;
            out.println();
            out.println(terminal.bold("== " + scenario.title()));
            out.println("   " + scenario.story());
        }
        out.println();
        out.println(terminal.bold("-- Case " + number + " of " + count + ": " + scenarioCase.conditions()));
        out.println("   The lesson expects " + terminal.outcome(scenarioCase.expected())
                + (scenarioCase.expected() == null
                        ? ""
                        : ": " + scenarioCase.expected().meaning() + "."));
        String answer = ask("Enter: run it, s: skip, q: quit");
        if (answer == null) {
            return Choice.RUN;
        }
        return switch (answer.strip().toLowerCase(Locale.ROOT)) {
            case "s", "skip", "n", "next" -> Choice.SKIP;
            case "q", "quit", "exit" -> Choice.QUIT;
            default -> Choice.RUN;
        };
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

    /** After a case: each piece of evidence once, then the outcome and whether it is the lesson's. */
    public void caseFinished(CaseResult result) {
        if (result.notApplicable()) {
            tell("Not applicable: " + result.verdict().why() + ". Nothing was run for this case.");
            return;
        }
        tell("The victim server received "
                + WhatTheVictimReceived.line(
                        result.evidence(), result.scenario().target()) + ".");
        tell(
                result.evidence().browserSaid() != null
                        ? "The browser refused, saying: " + result.evidence().browserSaid()
                        : "The browser let the page go on.");
        out.println("   => " + terminal.outcome(result.actual()) + ": "
                + result.actual().meaning() + ". "
                + (result.matches()
                        ? "As the lesson expects."
                        : terminal.bold("NOT as the lesson expects (" + result.expected() + ")")
                                + TextReport.evidenceMissing(result)
                                        .map(m -> ". " + m)
                                        .orElse("")));
        out.flush();
    }

    private void tell(String text) {
        stepNumber++;
        out.println("  " + stepNumber + ". " + text.replace("\n", "\n     "));
        out.flush();
    }

    /** Asks a question and reads the answer; null once the input has run dry (a pipe), and no more waiting. */
    private String ask(String question) {
        if (inputClosed) {
            return null;
        }
        out.print("   " + terminal.dim("[" + question + "]") + " ");
        out.flush();
        try {
            String line = in.readLine();
            if (line == null) {
                inputClosed = true;
            }
            if (line == null || !terminal.interactive()) {
                // A terminal echoes the Enter; from a pipe, the next line would follow the question.
                out.println();
            }
            return line;
        } catch (IOException e) {
            inputClosed = true;
            return null;
        }
    }
}
