package lab.runner.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.runner.browser.BrowserInfo;
import lab.runner.cases.CaseResult;
import lab.runner.cases.Evidence;
import lab.runner.cases.WhatTheVictimReceived;

/** Writes a run's results as JSON, for tooling and for comparing runs across browser versions. */
public final class JsonReport {

    private JsonReport() {}

    /**
     * @param browser  the browser of the first engine that ran (the only one, unless {@code --engine all})
     * @param browsers every engine that ran, by its key
     */
    record Document(
            BrowserInfo browser, Map<String, BrowserInfo> browsers, List<CaseJson> cases, List<String> disagreements) {}

    record CaseJson(
            String engine,
            BrowserInfo browser,
            String scenario,
            String name,
            String attackerHost,
            Map<String, String> defences,
            String expected,
            String actual,
            Boolean match,
            String notApplicable,
            List<String> evidenceMissing,
            String why,
            double millis,
            EvidenceJson evidence) {}

    /** A case's evidence, with what the victim received in the words every report uses. */
    record EvidenceJson(
            List<String> console,
            String browserSaid,
            String pageResult,
            String pageSaw,
            Map<String, Object> victimReceived,
            Map<String, Object> preflight,
            boolean lootHasPrivate,
            boolean lootHasPublic,
            boolean actionPerformed,
            String failure,
            Evidence.Outside outside) {

        static EvidenceJson of(Evidence e) {
            return new EvidenceJson(
                    e.console(),
                    e.browserSaid(),
                    e.pageResult(),
                    e.pageSaw(),
                    WhatTheVictimReceived.jsonOrNull(e.victimReceived()),
                    WhatTheVictimReceived.jsonOrNull(e.preflight()),
                    e.lootHasPrivate(),
                    e.lootHasPublic(),
                    e.actionPerformed(),
                    e.failure(),
                    e.outside());
        }
    }

    public static void write(Path file, List<CaseResult> results) throws IOException {
        List<CaseJson> cases = results.stream().map(JsonReport::toJson).toList();
        Map<String, BrowserInfo> browsers = new LinkedHashMap<>();
        results.forEach(r -> browsers.putIfAbsent(r.engine(), r.browser()));
        List<String> disagreements = Disagreements.in(results).stream()
                .map(Disagreements.Disagreement::line)
                .toList();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(
                        file.toFile(),
                        new Document(
                                browsers.values().stream().findFirst().orElse(null), browsers, cases, disagreements));
    }

    private static CaseJson toJson(CaseResult result) {
        Map<String, String> defences = new LinkedHashMap<>(result.scenarioCase().defences());
        defences.put(
                "thirdPartyCookies", result.scenarioCase().thirdPartyCookies().key());
        return new CaseJson(
                result.engine(),
                result.browser(),
                result.scenario().id(),
                result.name(),
                result.scenario().attackerHostFor(result.scenarioCase()),
                defences,
                String.valueOf(result.expected()),
                result.actual().name(),
                // Neither passed nor failed: null, with the reason beside it.
                result.notApplicable() ? null : result.matches(),
                result.notApplicable()
                        ? result.scenario().notApplicableIn(result.scenarioCase(), result.engine())
                        : null,
                result.evidenceMissing(),
                result.verdict().why(),
                Math.round(result.millis()),
                EvidenceJson.of(result.evidence()));
    }
}
