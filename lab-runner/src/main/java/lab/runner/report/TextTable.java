package lab.runner.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table as fixed-width text: columns aligned, a rule under the header, and cells too long for the width wrapped
 * within their column, so a Markdown table reads on an 80- or 100-column terminal.
 */
final class TextTable {

    private static final String GAP = " | ";

    private TextTable() {}

    /** The lines of the table; {@code rows.get(0)} is the header, every row as long as it. */
    static List<String> render(List<List<String>> rows, int width, Terminal terminal) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], cell(row, c).length());
            }
        }
        fit(widths, rows, width - GAP.length() * (columns - 1));
        List<String> lines = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<List<String>> wrapped = new ArrayList<>();
            int height = 1;
            for (int c = 0; c < columns; c++) {
                List<String> cellLines = Wrap.words(cell(rows.get(r), c), widths[c]);
                wrapped.add(cellLines);
                height = Math.max(height, cellLines.size());
            }
            for (int h = 0; h < height; h++) {
                StringBuilder line = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    String text = h < wrapped.get(c).size() ? wrapped.get(c).get(h) : "";
                    String padded = c == columns - 1 ? text : text + " ".repeat(widths[c] - text.length());
                    line.append(c == 0 ? "" : GAP).append(r == 0 ? terminal.bold(padded) : padded);
                }
                lines.add(line.toString().stripTrailing());
            }
            if (r == 0) {
                StringBuilder rule = new StringBuilder();
                for (int c = 0; c < columns; c++) {
                    rule.append(c == 0 ? "" : "-+-").append("-".repeat(widths[c]));
                }
                lines.add(rule.toString());
            }
        }
        return lines;
    }

    /**
     * Shares the width out: a column whose usual cell (its 80th percentile, or its header) fits its fair share
     * keeps that width, and what it leaves goes to the others, so a column of short outcomes stays narrow while
     * a column of long sentences takes the room and wraps. Each column keeps at least 8 characters.
     */
    private static void fit(int[] widths, List<List<String>> rows, int available) {
        if (sum(widths) <= available) {
            return;
        }
        int columns = widths.length;
        int[] wanted = new int[columns];
        for (int c = 0; c < columns; c++) {
            List<Integer> lengths = new ArrayList<>();
            for (List<String> row : rows.subList(1, rows.size())) {
                lengths.add(cell(row, c).length());
            }
            lengths.sort(null);
            int usual = lengths.isEmpty() ? 0 : lengths.get((int) Math.floor(0.8 * (lengths.size() - 1)));
            int header = 0;
            for (String word : cell(rows.get(0), c).split("\\s+")) {
                header = Math.max(header, word.length());
            }
            wanted[c] = Math.max(8, Math.min(widths[c], Math.max(usual, header)));
        }
        Integer[] order = new Integer[columns];
        for (int c = 0; c < columns; c++) {
            order[c] = c;
        }
        java.util.Arrays.sort(order, java.util.Comparator.comparingInt(c -> wanted[c]));
        int left = available;
        for (int k = 0; k < columns; k++) {
            int c = order[k];
            int share = Math.max(8, left / (columns - k));
            widths[c] = k == columns - 1 ? Math.max(8, Math.min(widths[c], left)) : Math.min(wanted[c], share);
            left -= widths[c];
        }
    }

    private static int sum(int[] widths) {
        int total = 0;
        for (int w : widths) {
            total += w;
        }
        return total;
    }

    private static String cell(List<String> row, int column) {
        return column < row.size() ? row.get(column) : "";
    }
}
