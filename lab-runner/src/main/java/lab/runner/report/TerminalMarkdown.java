package lab.runner.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lesson's Markdown as a terminal shows it: headings in bold without their {@code #}, paragraphs and list items
 * wrapped to the width, tables aligned, code blocks indented, and no raw markers ({@code **}, backticks, link
 * syntax, HTML comments). Colour and bold only when {@link Terminal#colour()}; otherwise the same text, plain.
 */
public final class TerminalMarkdown {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(([^)]+)\\)");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*");
    /** {@code *word*}; not underscores, which the lessons' outcome names hold, nor a quoted {@code '*'}. */
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])\\*(\\w[^*]*?\\w|\\w)\\*(?![\\w*])");

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern LIST_ITEM = Pattern.compile("^(\\s*)([-*]|\\d+\\.)\\s+(.*)$");

    private final Terminal terminal;
    private final int width;

    public TerminalMarkdown(Terminal terminal, int width) {
        this.terminal = terminal;
        this.width = width;
    }

    public String render(String markdown) {
        List<String> out = new ArrayList<>();
        List<String> lines = markdown.replaceAll("(?s)<!--.*?-->", "").lines().toList();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            String trimmed = line.strip();
            if (trimmed.startsWith("```")) {
                i++;
                while (i < lines.size() && !lines.get(i).strip().startsWith("```")) {
                    out.add("    " + lines.get(i++));
                }
                i++;
            } else if (trimmed.startsWith("#")) {
                String title = inline(trimmed.replaceFirst("^#+\\s*", ""), false);
                out.add(terminal.bold(trimmed.startsWith("# ") ? title.toUpperCase(java.util.Locale.ROOT) : title));
                i++;
            } else if (trimmed.startsWith("|")) {
                List<List<String>> rows = new ArrayList<>();
                while (i < lines.size() && lines.get(i).strip().startsWith("|")) {
                    String row = lines.get(i++).strip();
                    if (!row.matches("\\|[\\s:|-]+")) {
                        rows.add(cells(row));
                    }
                }
                out.addAll(TextTable.render(rows, width, terminal));
            } else if (trimmed.isEmpty()) {
                out.add("");
                i++;
            } else {
                // A paragraph or a list item, with its continuation lines.
                Matcher item = LIST_ITEM.matcher(line);
                String prefix = item.matches() ? item.group(1) + bullet(item.group(2)) : "";
                StringBuilder text = new StringBuilder(item.matches() ? item.group(3) : trimmed);
                i++;
                while (i < lines.size() && continues(lines.get(i))) {
                    text.append(' ').append(lines.get(i++).strip());
                }
                List<String> wrapped = Wrap.words(inline(text.toString(), false), width - prefix.length());
                for (int w = 0; w < wrapped.size(); w++) {
                    String lead = w == 0 ? prefix : " ".repeat(prefix.length());
                    out.add(lead + styled(wrapped.get(w)));
                }
            }
        }
        return String.join("\n", out).replaceAll("\n{3,}", "\n\n").strip() + "\n";
    }

    /** A line that carries on the paragraph or item above it. */
    private static boolean continues(String line) {
        String trimmed = line.strip();
        return !trimmed.isEmpty()
                && !trimmed.startsWith("#")
                && !trimmed.startsWith("|")
                && !trimmed.startsWith("```")
                && !LIST_ITEM.matcher(line).matches();
    }

    private static String bullet(String marker) {
        return marker.endsWith(".") ? marker + " " : "- ";
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") && row.length() > 1 ? row.length() - 1 : row.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(inline(cell.strip().replace("\\|", "|"), true));
        }
        return cells;
    }

    /**
     * The text without inline markers. Bold is kept as a private mark ({@code \u0001...\u0002}) that survives
     * wrapping and becomes the terminal's bold once a line is cut; table cells drop it.
     */
    private static String inline(String text, boolean plain) {
        String result = LINK.matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(
                        m.group(1).equals(m.group(2)) ? m.group(1) : m.group(1) + " (" + m.group(2) + ")"));
        result = CODE.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        result = BOLD.matcher(result)
                .replaceAll(m -> Matcher.quoteReplacement(plain ? m.group(1) : "\u0001" + m.group(1) + "\u0002"));
        return EMPHASIS.matcher(result).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }

    private String styled(String line) {
        StringBuilder out = new StringBuilder();
        int start = 0;
        int open;
        while ((open = line.indexOf('\u0001', start)) >= 0) {
            out.append(line, start, open);
            int close = line.indexOf('\u0002', open);
            int end = close < 0 ? line.length() : close;
            out.append(terminal.bold(line.substring(open + 1, end)));
            start = close < 0 ? line.length() : close + 1;
        }
        return out.append(line.substring(start)).toString().replace("\u0002", "");
    }
}
