package lab.runner.report;

import java.io.IOException;
import lab.runner.cases.CaseResult;
import lab.runner.cases.WhatTheVictimReceived;
import lab.victim.journal.JournalEntry;

/** One case of the HTML report: everything that decided it, its journal, screenshot and trace. */
final class ReportCases {

    private ReportCases() {}

    static ReportPage.CaseSection section(CaseResult result, String anchor, ReportAttachments attachments)
            throws IOException {
        String screenshot = result.screenshot() == null ? null : attachments.screenshot(anchor, result.screenshot());
        String trace = result.trace() == null ? null : attachments.trace(result.trace());
        return new ReportPage.CaseSection(
                anchor,
                result.scenario().id(),
                result.name(),
                result.browser() == null
                        ? result.engine()
                        : result.browser().name() + " " + result.browser().version(),
                result.scenarioCase().conditions(),
                String.valueOf(result.expected()),
                result.actual().name(),
                OutcomeTone.of(result.actual()).cssClass(),
                ReportPage.status(result),
                TextReport.evidenceMissing(result).map(m -> m + ". ").orElse("")
                        + result.verdict().why()
                        + (result.evidence().outside().any()
                                ? " (" + result.evidence().outside().describe() + ")"
                                : ""),
                result.evidence().pageSaw(),
                WhatTheVictimReceived.line(result.evidence(), result.scenario().target()),
                result.evidence().console(),
                result.journal().stream().map(ReportCases::row).toList(),
                screenshot,
                trace,
                result.trace() == null ? null : result.trace().getFileName().toString());
    }

    private static ReportPage.JournalRow row(JournalEntry e) {
        return new ReportPage.JournalRow(
                e.seq(),
                e.method(),
                e.path(),
                e.origin() == null ? "(none)" : e.origin(),
                e.host(),
                e.secFetchSite() == null ? "" : e.secFetchSite(),
                WhatTheVictimReceived.sessionCookie(e),
                WhatTheVictimReceived.corsHeaders(e),
                e.status(),
                e.refusedBy() == null ? "" : e.refusedBy());
    }
}
