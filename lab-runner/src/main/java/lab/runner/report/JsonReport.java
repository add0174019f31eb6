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

    record Document(BrowserInfo browser, List<CaseJson> cases) {}

    record CaseJson(
            String scenario,
            String name,
            String attackerHost,
            Map<String, String> defences,
            String expected,
            String actual,
            boolean match,
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

    public static void write(Path file, BrowserInfo browser, List<CaseResult> results) throws IOException {
        List<CaseJson> cases = results.stream().map(JsonReport::toJson).toList();
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), new Document(browser, cases));
    }

    private static CaseJson toJson(CaseResult result) {
        Map<String, String> defences = new LinkedHashMap<>(result.scenarioCase().defences());
        defences.put(
                "thirdPartyCookies", result.scenarioCase().thirdPartyCookies().key());
        return new CaseJson(
                result.scenario().id(),
                result.name(),
                result.scenario().attackerHostFor(result.scenarioCase()),
                defences,
                result.expected().name(),
                result.actual().name(),
                result.matches(),
                result.evidenceMissing(),
                result.verdict().why(),
                Math.round(result.millis()),
                EvidenceJson.of(result.evidence()));
    }
}
