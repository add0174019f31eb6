package lab.runner.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import lab.runner.cases.CaseResult;
import lab.scenarios.ScenarioCase;
import lab.scenarios.ThirdPartyCookies;

/**
 * The table a trainer projects to compare defences: one row per server-side combination (defences and the
 * attacker's host name), one column per browser setting, each cell the outcome the real browser produced.
 */
public final class OutcomeMatrix {

    private final Map<String, Map<ThirdPartyCookies, CaseResult>> rows = new LinkedHashMap<>();

    /** The matrix of one scenario's results, rows in the order the cases ran. */
    public static OutcomeMatrix of(List<CaseResult> results) {
        OutcomeMatrix matrix = new OutcomeMatrix();
        for (CaseResult result : results) {
            matrix.rows
                    .computeIfAbsent(rowLabel(result.scenarioCase()), k -> new EnumMap<>(ThirdPartyCookies.class))
                    .put(result.scenarioCase().thirdPartyCookies(), result);
        }
        return matrix;
    }

    static String rowLabel(ScenarioCase scenarioCase) {
        String defences = scenarioCase.defences().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        String where = scenarioCase.attackerHost() == null ? "" : "on " + scenarioCase.attackerHost() + ": ";
        return where + (defences.isEmpty() ? "(defaults)" : defences);
    }

    public List<String> rowLabels() {
        return new ArrayList<>(rows.keySet());
    }

    public List<ThirdPartyCookies> columns() {
        return List.of(ThirdPartyCookies.values());
    }

    /** The result in a cell, or null when that combination was not run. */
    public CaseResult cell(String row, ThirdPartyCookies column) {
        return rows.getOrDefault(row, Map.of()).get(column);
    }

    /** The matrix as fixed-width text; a cell whose outcome differs from the lesson's expectation is marked with '!'. */
    public String toText() {
        int width = Math.max(
                "defences".length(),
                rows.keySet().stream().mapToInt(String::length).max().orElse(0));
        int cellWidth = "3rd-party cookies blocked".length();
        StringBuilder text = new StringBuilder();
        text.append(pad("defences", width));
        for (ThirdPartyCookies column : columns()) {
            text.append(" | ").append(pad("3rd-party cookies " + column.key(), cellWidth));
        }
        text.append('\n').append("-".repeat(width));
        columns().forEach(c -> text.append("-+-").append("-".repeat(cellWidth)));
        text.append('\n');
        for (String row : rows.keySet()) {
            text.append(pad(row, width));
            for (ThirdPartyCookies column : columns()) {
                CaseResult result = cell(row, column);
                String value = result == null
                        ? ""
                        : result.actual().name() + (result.expected() != null && !result.matches() ? " !" : "");
                text.append(" | ").append(pad(value, cellWidth));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
