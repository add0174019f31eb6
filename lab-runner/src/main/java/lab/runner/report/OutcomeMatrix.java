package lab.runner.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import lab.runner.cases.CaseResult;
import lab.scenarios.Outcome;
import lab.scenarios.ScenarioCase;
import lab.scenarios.ThirdPartyCookies;

/**
 * The table a trainer projects to compare defences: one row per server-side combination (defences and the
 * attacker's host name), one column per browser setting in a group per engine, each cell the outcome the real
 * browser produced. Where the engines ran the same row and setting to different outcomes, the cells are marked.
 */
public final class OutcomeMatrix {

    /** Marks a cell whose outcome is not the lesson's expectation. */
    static final String MISMATCH = "!";
    /** Marks a cell whose engines disagree. */
    static final String DISAGREE = "\u2260";

    /** One column: a browser setting in one engine. */
    public record Column(String engine, ThirdPartyCookies setting) {
        /** {@code third-party cookies allowed}. */
        public String label() {
            return "third-party cookies " + setting.key();
        }
    }

    private final List<String> engines = new ArrayList<>();
    private final Map<String, Map<Column, CaseResult>> rows = new LinkedHashMap<>();

    /** The matrix of one scenario's results, rows in the order the cases ran, engines in the order they ran. */
    public static OutcomeMatrix of(List<CaseResult> results) {
        OutcomeMatrix matrix = new OutcomeMatrix();
        for (CaseResult result : results) {
            if (!matrix.engines.contains(result.engine())) {
                matrix.engines.add(result.engine());
            }
            matrix.rows
                    .computeIfAbsent(rowLabel(result.scenarioCase()), k -> new LinkedHashMap<>())
                    .put(new Column(result.engine(), result.scenarioCase().thirdPartyCookies()), result);
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

    /** The engines, in the order they ran: one column group each. */
    public List<String> engines() {
        return List.copyOf(engines);
    }

    /** The settings any result ran with, in their declared order. */
    public List<ThirdPartyCookies> settings() {
        return List.of(ThirdPartyCookies.values()).stream()
                .filter(s -> rows.values().stream()
                        .anyMatch(cells -> cells.keySet().stream().anyMatch(c -> c.setting() == s)))
                .toList();
    }

    /** Every column, grouped by engine. */
    public List<Column> columns() {
        List<Column> columns = new ArrayList<>();
        engines.forEach(engine -> settings().forEach(setting -> columns.add(new Column(engine, setting))));
        return columns;
    }

    /** The result in a cell, or null when that combination was not run. */
    public CaseResult cell(String row, Column column) {
        return rows.getOrDefault(row, Map.of()).get(column);
    }

    /**
     * Whether the engines that ran {@code row} under the column's setting reached different outcomes (an engine the
     * case is not applicable in reached none).
     */
    public boolean disagrees(String row, Column column) {
        return engines.stream()
                        .map(engine -> cell(row, new Column(engine, column.setting())))
                        .filter(Objects::nonNull)
                        .filter(result -> !result.notApplicable())
                        .map(CaseResult::actual)
                        .distinct()
                        .count()
                > 1;
    }

    /**
     * The matrix as fixed-width text: a cell whose outcome differs from the lesson's expectation is marked with
     * {@value #MISMATCH}, one where the engines disagree with {@value #DISAGREE}.
     */
    public String toText() {
        int width = Math.max(
                "defences".length(),
                rows.keySet().stream().mapToInt(String::length).max().orElse(0));
        int cellWidth = "3rd-party cookies browser-default".length();
        List<Column> columns = columns();
        StringBuilder text = new StringBuilder();
        if (engines.size() > 1) {
            text.append(" ".repeat(width));
            int span = settings().size() * (cellWidth + 3);
            engines.forEach(engine -> text.append(" | ").append(pad(engine, span - 3)));
            text.append('\n');
        }
        text.append(pad("defences", width));
        for (Column column : columns) {
            text.append(" | ")
                    .append(pad("3rd-party cookies " + column.setting().key(), cellWidth));
        }
        text.append('\n').append("-".repeat(width));
        columns.forEach(c -> text.append("-+-").append("-".repeat(cellWidth)));
        text.append('\n');
        boolean anyDisagreement = false;
        for (String row : rows.keySet()) {
            text.append(pad(row, width));
            for (Column column : columns) {
                CaseResult result = cell(row, column);
                String value = "";
                if (result != null) {
                    boolean disagrees = disagrees(row, column);
                    anyDisagreement |= disagrees;
                    value = result.actual().name()
                            + (result.expected() != null && result.failed() ? " " + MISMATCH : "")
                            + (disagrees ? " " + DISAGREE : "");
                }
                text.append(" | ").append(pad(value, cellWidth));
            }
            text.append('\n');
        }
        if (anyDisagreement) {
            text.append('\n').append(DISAGREE).append(": the engines disagree on this row and setting.\n");
        }
        // A cell that was not run says why, once per reason.
        rows.values().stream()
                .flatMap(cells -> cells.values().stream())
                .filter(CaseResult::notApplicable)
                .map(result -> result.verdict().why())
                .distinct()
                .forEach(why -> text.append('\n')
                        .append(Outcome.NOT_APPLICABLE)
                        .append(": ")
                        .append(why)
                        .append(".\n"));
        return text.toString();
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
